import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CompanionDatabase, openCompanionDb } from '../../../lib/db';
import { saveContractRates } from '../../../lib/reconcile/contract-rates-item';
import { importStatementFile, rematchInDashboard } from '../../../lib/reconcile/dashboard-import';
import { sha256Hex } from '../../../lib/reconcile/hash';
import { runReconcileMatch } from '../../../lib/reconcile/match-job';
import { type ParsedStatement, parseStatement } from '../../../lib/reconcile/parse';
import { StatementFileError } from '../../../lib/reconcile/statement-error';
import { findingsOf, listStatements, markReconciled } from '../../../lib/reconcile/store';
import { getSettings } from '../../../lib/settings';
import { readAttention } from '../../../lib/status/attention';
import { createManualClock } from '../../../lib/time/clock';
import { encoder, netOf, SALES_HEADER, salesRow, xlsxOf } from './workbooks';

let db: CompanionDatabase;

const clock = createManualClock(Date.UTC(2026, 3, 1));
const NOW = () => clock.now();

/** The service worker's match job with Tiki and Nhanh, run here (no API is connected in these tests). */
async function matchHere(statementId: string) {
  const settings = await getSettings();
  return runReconcileMatch(
    { db, clock, lease: { holder: 'test' }, settings },
    { statementId, kind: 'start' },
  );
}

/** The dashboard's import with the parsing done in-process instead of in a worker. */
async function importFile(bytes: Uint8Array, fileName = 'sao-ke.xlsx') {
  return importStatementFile(
    { fileName, bytes },
    {
      db: async () => db,
      now: NOW,
      parse: async (file): Promise<{ fileId: string; parsed: ParsedStatement }> => ({
        fileId: await sha256Hex(file.bytes),
        parsed: parseStatement(file.bytes, file.fileName),
      }),
      startMatch: matchHere,
    },
  );
}

async function storedCounts() {
  return {
    statements: await db.count('statements'),
    lines: await db.count('statementLines'),
    findings: await db.count('reconciliations'),
  };
}

const first = xlsxOf({
  'GD bán hàng': [
    SALES_HEADER,
    salesRow(1, '1001', 100_000),
    salesRow(2, '1002', 200_000),
    salesRow(3, '1003', 300_000),
  ],
});
// The next period's export repeats order 1003's line (overlap) and adds 1004.
const second = xlsxOf({
  'GD bán hàng': [['Kỳ sau'], SALES_HEADER, salesRow(3, '1003', 300_000), salesRow(4, '1004', 400_000)],
});

describe('importing statements into the database', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    db = await openCompanionDb(`reconcile-${Math.random()}`);
  });

  it('should store the statement, its lines and one finding per order', async () => {
    const outcome = await importFile(first);
    expect(outcome.status).toBe('imported');
    expect(outcome.statement.payout).toBe(netOf(100_000) + netOf(200_000) + netOf(300_000));
    expect(await storedCounts()).toEqual({ statements: 1, lines: 3, findings: 3 });
  });

  it('should count nothing twice when the same file is imported again', async () => {
    const once = await importFile(first);
    const twice = await importFile(first, 'renamed-copy.xlsx');
    expect(twice).toEqual({ status: 'already', statement: once.statement });
    expect(await storedCounts()).toEqual({ statements: 1, lines: 3, findings: 3 });
  });

  it('should not count again a line an earlier, overlapping statement already counted', async () => {
    await importFile(first);
    const next = await importFile(second, 'ky-sau.xlsx');
    expect(next.statement.detail.overlap).toMatchObject({ lineCount: 1, netAmount: netOf(300_000) });
    expect(next.statement.detail.totals.netAmount).toBe(netOf(400_000));
    const codes = (await findingsOf(db, next.statement.id)).map((finding) => finding.orderCode);
    expect(codes).toEqual(['1004']);
  });

  it.each([
    [
      'not a spreadsheet',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
      'reconcile.err.notSpreadsheet',
    ],
    ['truncated', first.subarray(0, 600), 'reconcile.err.damaged'],
    ['empty', new Uint8Array(), 'reconcile.err.empty'],
    [
      'no known sheet',
      xlsxOf({ 'Ghi chú': [['Chỉ có ghi chú'], ['và thêm ghi chú']] }),
      'reconcile.err.noKnownSheet',
    ],
    [
      'no order-code column',
      encoder.encode('Giá bán,Thực nhận\n100000,95000\n'),
      'reconcile.err.missingOrderCode',
    ],
    [
      'huge',
      (() => {
        const bytes = new Uint8Array(31 * 1024 * 1024);
        bytes.set([0x50, 0x4b, 3, 4]);
        return bytes;
      })(),
      'reconcile.err.tooLarge',
    ],
  ])('should refuse a file that is %s with its message and store nothing', async (_, bytes, key) => {
    const error = await importFile(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StatementFileError);
    expect((error as StatementFileError).text.key).toBe(key);
    expect(await storedCounts()).toEqual({ statements: 0, lines: 0, findings: 0 });
  });

  it('should keep "đã đối soát" marks per statement, count them, and keep them through a re-match', async () => {
    const { statement } = await importFile(first);
    // Without order data, every order is compared with the statement's own arithmetic: all match.
    expect(statement.detail.counts.matched).toBe(3);
    expect(await markReconciled(db, statement.id, ['1001', '1002'], true, 5)).toBe(2);
    expect(await markReconciled(db, statement.id, ['1001'], true, 6)).toBe(0);
    expect((await listStatements(db))[0]?.detail.reconciledCount).toBe(2);

    await saveContractRates({ commissionPercent: 5, paymentPercent: null, commissionBySkuPrefix: [] });
    await rematchInDashboard(statement.id, { startMatch: matchHere });
    const [rematched] = await listStatements(db);
    expect(rematched?.detail.claims.map((claim) => claim.orderCode)).toEqual(['1001', '1002', '1003']);
    const marks = (await findingsOf(db, statement.id)).map((finding) => [
      finding.orderCode,
      finding.reconciledAt,
    ]);
    expect(marks).toEqual([
      ['1001', 5],
      ['1002', 5],
      ['1003', null],
    ]);
  });

  it("should tell the popup how many findings need the seller's attention", async () => {
    const broken = xlsxOf({
      S: [SALES_HEADER, [1, '1001', '', '', 1, 100_000, -5_000, -1_000, -8_000, -14_000, 80_000]],
    });
    const { statement } = await importFile(broken);
    expect(await readAttention()).toMatchObject({ reconcile: 1 });
    await markReconciled(db, statement.id, ['1001'], true, 1);
    await rematchInDashboard(statement.id, { startMatch: matchHere });
    expect(await readAttention()).toMatchObject({ reconcile: 0 });
  });
});
