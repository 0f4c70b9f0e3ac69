import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CompanionDatabase, openCompanionDb } from '../../lib/db';
import { translate } from '../../lib/i18n';
import { downloadCatalogues } from '../../lib/products/download';
import { readNhanhProducts, readTikiProducts } from '../../lib/products/store';
import { importStatementFile } from '../../lib/reconcile/dashboard-import';
import { sha256Hex } from '../../lib/reconcile/hash';
import { parseStatement } from '../../lib/reconcile/parse';
import { StatementFileError } from '../../lib/reconcile/statement-error';
import { ordersSetup, SHOP_ID } from '../unit/orders/harness';
import { netOf, SALES_HEADER, salesRow, xlsxOf } from '../unit/reconcile/workbooks';
import { ALL_GROUPS, nhanhOutcome, pairedShop } from './orders-harness';

const originalPut = IDBObjectStore.prototype.put;

/**
 * The disk fills up while the catalogue is written: as in a browser, the transaction that writes the chunks
 * aborts at once (the request is made, then the whole transaction is rolled back).
 */
function fillDiskOn(stores: readonly string[]) {
  IDBObjectStore.prototype.put = function put(
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    const request = originalPut.apply(this, args);
    if (stores.includes(this.name)) this.transaction.abort();
    return request;
  };
}

afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

describe('a storage error while a products download is stored', () => {
  it('should keep the previous catalogues whole and say what happened in Vietnamese', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const before = {
      tiki: await readTikiProducts(setup.db, SHOP_ID),
      nhanh: await readNhanhProducts(setup.db),
    };
    expect(before.tiki.length).toBeGreaterThan(0);

    // Something changed on Tiki since, so the new download has different records to write.
    setup.clock.advance(60_000);
    fillDiskOn(['tikiProductChunks', 'nhanhProductChunks']);
    const result = await downloadCatalogues(
      { db: setup.db, clock: setup.clock, tiki: setup.tiki, nhanh: setup.nhanh },
      SHOP_ID,
    );
    IDBObjectStore.prototype.put = originalPut;

    for (const outcome of [result.tiki, result.nhanh]) {
      expect(outcome.state).toBe('failed');
      if (outcome.state !== 'failed') continue;
      expect(outcome.error.key).toBe('products.download.notStored');
      expect(translate('vi', outcome.error)).toContain('Danh sách cũ vẫn giữ nguyên');
    }
    expect(await readTikiProducts(setup.db, SHOP_ID)).toEqual(before.tiki);
    expect(await readNhanhProducts(setup.db)).toEqual(before.nhanh);
  });
});

describe('a storage error while a sync stores its orders', () => {
  it('should keep the stored orders, stop with a Vietnamese message, and finish later without a duplicate', async () => {
    const setup = await pairedShop();
    expect((await setup.run({ groups: ['new'] })).kind).toBe('done');
    const before = await setup.db.getAll('orders');
    expect(before.length).toBeGreaterThan(0);

    setup.clock.advance(60_000);
    fillDiskOn(['orders']);
    const full = await setup.run({ groups: ALL_GROUPS });
    IDBObjectStore.prototype.put = originalPut;

    expect(full.kind).toBe('failed');
    if (full.kind !== 'failed') return;
    expect(translate('vi', full.cursor.error!)).toContain('ổ đĩa đầy');
    expect(await setup.db.getAll('orders')).toEqual(before);

    // Space freed: the next run finishes, and an order Nhanh took before the write failed is not sent twice.
    expect((await setup.run({ groups: ALL_GROUPS })).kind).toBe('done');
    expect(nhanhOutcome(setup.sandbox).duplicates).toEqual([]);
  });
});

/** The dashboard's statement import, parsing in-process instead of in a worker. */
function importStatementBytes(db: CompanionDatabase, bytes: Uint8Array, fileName: string) {
  return importStatementFile(
    { fileName, bytes },
    {
      db: async () => db,
      now: () => Date.UTC(2026, 3, 1),
      parse: async (file) => ({
        fileId: await sha256Hex(file.bytes),
        parsed: parseStatement(file.bytes, file.fileName),
      }),
      startMatch: async () => {},
    },
  );
}

describe('a storage error while a statement is stored', () => {
  it('should keep the earlier statements whole, say what happened in Vietnamese, and count every line once space is freed', async () => {
    fakeBrowser.reset();
    const db = await openCompanionDb(`quota-statements-${Date.now()}`);
    const earlier = xlsxOf({
      'GD bán hàng': [SALES_HEADER, salesRow(1, '1001', 100_000), salesRow(2, '1002', 200_000)],
    });
    // The next period: new orders only, so every line of it must be counted.
    const next = xlsxOf({
      'GD bán hàng': [SALES_HEADER, salesRow(3, '1003', 300_000), salesRow(4, '1004', 400_000)],
    });
    await importStatementBytes(db, earlier, 'ky-truoc.xlsx');
    const snapshot = async () => ({
      statements: await db.getAll('statements'),
      lines: await db.getAll('statementLines'),
      findings: await db.getAll('reconciliations'),
    });
    const before = await snapshot();

    // The disk fills after the lines are written, while the findings are.
    fillDiskOn(['reconciliations']);
    const refused = await importStatementBytes(db, next, 'ky-sau.xlsx').catch((error: unknown) => error);
    IDBObjectStore.prototype.put = originalPut;

    expect(refused).toBeInstanceOf(StatementFileError);
    expect(translate('vi', (refused as StatementFileError).text)).toContain('ổ đĩa đầy');
    expect(await snapshot()).toEqual(before);

    const retried = await importStatementBytes(db, next, 'ky-sau.xlsx');
    expect(retried.status).toBe('imported');
    expect(retried.statement.detail.overlap.lineCount).toBe(0);
    expect(retried.statement.detail.totals.netAmount).toBe(netOf(300_000) + netOf(400_000));
  });
});
