import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as XLSX from 'xlsx';
import type { CompanionDatabase, NhanhProductRecord, TikiProductRecord } from '../../../lib/db';
import { loadShopCatalogue } from '../../../lib/products/catalogue';
import { matchKey, productFingerprint } from '../../../lib/products/keys';
import { getMapping } from '../../../lib/products/links';
import { pairProducts } from '../../../lib/products/pairing';
import {
  buildPairingWorkbook,
  importPairingFile,
  LISTED_ROW_ERRORS,
  PAIRING_COLUMNS,
  PAIRING_FILE_MAX_BYTES,
} from '../../../lib/products/pairing-file';
import { readMappings, writeNhanhProducts, writeTikiProducts } from '../../../lib/products/store';
import { freshDb } from './harness';

const SHOP = 'shop-1';
const NOW = Date.UTC(2026, 10, 28);

function tikiProduct(id: number, name: string, originalSku = ''): TikiProductRecord {
  return {
    shopId: SHOP,
    id,
    sku: `80000000${id}`,
    originalSku,
    name,
    superId: 0,
    type: 'simple',
    active: true,
    price: 50_000,
    optionLabel: '',
    fingerprint: productFingerprint({ name, originalSku }),
    deletedOnTiki: false,
    downloadedAt: 0,
    candidates: [],
    suggestions: [],
  };
}

function nhanhProduct(id: number, code: string, name: string): NhanhProductRecord {
  return {
    id,
    parentId: 0,
    kind: 'independent',
    code,
    barcode: '',
    name,
    price: 50_000,
    codeKey: matchKey(code),
    barcodeKey: '',
    downloadedAt: 0,
  };
}

async function seeded(): Promise<CompanionDatabase> {
  const db = await freshDb();
  await writeTikiProducts(db, SHOP, [
    tikiProduct(1, 'Nhà Giả Kim', 'BK-001'),
    tikiProduct(2, '=HYPERLINK("http://evil.example","Bấm vào")'),
    tikiProduct(3, 'Bút bi Thiên Long'),
  ]);
  await writeNhanhProducts(db, [
    nhanhProduct(101, 'BK-001', 'Nhà Giả Kim'),
    nhanhProduct(102, '-SALE', 'Hàng giảm giá'),
    nhanhProduct(103, 'TL-027', 'Bút bi Thiên Long TL-027'),
  ]);
  await pairProducts(db, SHOP, [{ tikiProductId: 1, nhanhProductId: 101 }], 'sku-code', NOW - 1000);
  return db;
}

/** Reads the exported sheet as a seller's spreadsheet app shows it. */
function sheetRows(bytes: ArrayBuffer): string[][] {
  const book = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, {
    header: 1,
    raw: false,
    defval: '',
  });
}

function workbook(rows: (string | number)[][]): ArrayBuffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}

async function mappingsOf(db: CompanionDatabase) {
  return [...(await readMappings(db, SHOP)).values()];
}

describe('pairing table export and import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should export every product with its pairing, with formula-like text neutralised', async () => {
    const db = await seeded();
    const rows = sheetRows(buildPairingWorkbook((await loadShopCatalogue(db, SHOP)).rows));
    expect(rows[0]).toEqual(Object.values(PAIRING_COLUMNS));
    expect(rows[1]).toEqual(['1', '800000001', 'BK-001', 'Nhà Giả Kim', 'BK-001', 'Nhà Giả Kim', 'sku-code']);
    expect(rows[2]![3]).toBe(`'=HYPERLINK("http://evil.example","Bấm vào")`);
    expect(rows).toHaveLength(4);
  });

  it('should pair, unpair and keep rows from an edited export, reading numbers and quoted codes as text', async () => {
    const db = await seeded();
    const exported = sheetRows(buildPairingWorkbook((await loadShopCatalogue(db, SHOP)).rows));
    const [header, first, second, third] = exported;
    const nhanhColumn = header!.indexOf(PAIRING_COLUMNS.nhanhCode);
    const edited = [
      header!,
      first!, // unchanged
      second!.map((cell, column) => (column === nhanhColumn ? "'-SALE" : cell)), // quoted by our own export
      third!.map((cell, column) => (column === 0 ? 3 : column === nhanhColumn ? ' tl-027 ' : cell)), // id typed as a number
    ];
    const result = await importPairingFile(db, SHOP, workbook(edited), NOW);
    expect(result).toEqual({ ok: true, changed: 2, unchanged: 1 });
    expect(await getMapping(db, SHOP, 2)).toMatchObject({
      nhanhProductId: 102,
      method: 'manual',
      pairedAt: NOW,
    });
    expect(await getMapping(db, SHOP, 3)).toMatchObject({ nhanhProductId: 103, method: 'manual' });
    // The unchanged row kept how and when it was paired.
    expect(await getMapping(db, SHOP, 1)).toMatchObject({ method: 'sku-code', pairedAt: NOW - 1000 });

    const cleared = await importPairingFile(
      db,
      SHOP,
      workbook([
        [PAIRING_COLUMNS.tikiId, PAIRING_COLUMNS.nhanhCode],
        [1, ''],
      ]),
      NOW,
    );
    expect(cleared).toEqual({ ok: true, changed: 1, unchanged: 0 });
    expect(await getMapping(db, SHOP, 1)).toBeUndefined();
  });

  it('should refuse a file with bad rows, name each row, and change nothing', async () => {
    const db = await seeded();
    const before = await mappingsOf(db);
    const result = await importPairingFile(
      db,
      SHOP,
      workbook([
        [PAIRING_COLUMNS.tikiId, PAIRING_COLUMNS.nhanhCode],
        [3, 'TL-027'], // valid, but must not be applied
        [2, 'KHONG-CO'],
        [3, 'BK-001'],
        [999, 'BK-001'],
        ['', ''],
        ['abc', 'BK-001'],
      ]),
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: 'products.import.unknownNhanh', params: { row: 3, code: 'KHONG-CO' } },
        { key: 'products.import.duplicateRow', params: { row: 4, id: 3, first: 2 } },
        { key: 'products.import.unknownTiki', params: { row: 5, id: '999' } },
        { key: 'products.import.unknownTiki', params: { row: 7, id: 'abc' } },
      ],
    });
    expect(await mappingsOf(db)).toEqual(before);
  });

  it('should list the first row errors of a sheet where every row is wrong, then count the rest', async () => {
    const db = await seeded();
    const rows = Array.from({ length: LISTED_ROW_ERRORS + 25 }, (_, index) => [900_000 + index, 'BK-001']);
    const result = await importPairingFile(
      db,
      SHOP,
      workbook([[PAIRING_COLUMNS.tikiId, PAIRING_COLUMNS.nhanhCode], ...rows]),
      NOW,
    );
    if (result.ok) throw new Error('a file of unknown products was accepted');
    expect(result.errors).toHaveLength(LISTED_ROW_ERRORS + 1);
    expect(result.errors[0]).toEqual({
      key: 'products.import.unknownTiki',
      params: { row: 2, id: '900000' },
    });
    expect(result.errors.at(-1)).toEqual({ key: 'products.import.moreErrors', params: { count: 25 } });
  });

  it('should explain an empty file, a file without the columns, a foreign file and an oversized one', async () => {
    const db = await seeded();
    const header = [PAIRING_COLUMNS.tikiId, PAIRING_COLUMNS.nhanhCode];
    const keyOf = async (bytes: ArrayBuffer) => {
      const result = await importPairingFile(db, SHOP, bytes, NOW);
      return result.ok ? 'ok' : result.errors.map((error) => error.key);
    };
    expect(await keyOf(workbook([header]))).toEqual(['products.import.empty']);
    expect(await keyOf(workbook([header, ['', ''], ['', '']]))).toEqual(['products.import.empty']);
    expect(
      await keyOf(
        workbook([
          ['Mã', 'Tên'],
          [1, 'BK-001'],
        ]),
      ),
    ).toEqual(['products.import.noHeader']);
    expect(
      await keyOf(new TextEncoder().encode('\u0000\u0001 not a spreadsheet').buffer as ArrayBuffer),
    ).toEqual(['products.import.noHeader']);
    expect(await keyOf(new ArrayBuffer(PAIRING_FILE_MAX_BYTES + 1))).toEqual(['products.import.tooLarge']);
    expect(await mappingsOf(db)).toHaveLength(1);
  });
});
