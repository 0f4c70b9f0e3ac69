import * as XLSX from 'xlsx';
import type { CompanionDatabase, NhanhProductRecord, ProductMappingRecord, TikiProductRecord } from '../db';
import { restoreNeutralized, safeSheet } from '../files/spreadsheet-cells';
import { unpacksTooLarge } from '../files/zip-size';
import type { LocalizedText } from '../i18n';
import { matchKey } from './keys';
import { applyPairingChanges } from './pairing';
import { isSellable } from './pairing-state';
import type { ProductRow } from './rows';
import { readMappings, readNhanhProducts, readTikiProducts } from './store';

/**
 * The pairing table as an .xlsx, so a seller with thousands of products can pair them in a spreadsheet. The
 * file is the seller's, therefore untrusted on the way back in: size and row caps, values only (no formulas),
 * every problem reported with its row, and nothing changes unless every row is valid. On the way out, text
 * that a spreadsheet would run as a formula is neutralised.
 */

/** Column headers; the import finds its two columns by these, so columns may be moved or added. */
export const PAIRING_COLUMNS = {
  tikiId: 'Mã sản phẩm Tiki (product_id)',
  tikiSku: 'SKU Tiki',
  sellerSku: 'Mã người bán (SKU)',
  tikiName: 'Tên sản phẩm Tiki',
  nhanhCode: 'Mã sản phẩm Nhanh',
  nhanhName: 'Tên sản phẩm Nhanh',
  method: 'Cách ghép',
} as const;

export const PAIRING_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const PAIRING_FILE_MAX_ROWS = 200_000;
/** What the file may unpack to: 200,000 rows of the export are far below; a zip bomb is far above. */
export const PAIRING_FILE_MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** The table to download: every sellable product of the shop with its pairing (empty Nhanh code = unpaired). */
export function buildPairingWorkbook(rows: readonly ProductRow[]): ArrayBuffer {
  const header = Object.values(PAIRING_COLUMNS);
  const body = rows.map((row) => [
    String(row.product.id),
    row.product.sku,
    row.product.originalSku,
    row.product.name,
    row.nhanh?.code ?? '',
    row.nhanh?.name ?? '',
    row.mapping?.method ?? '',
  ]);
  // Every value is a string, so every cell is text: a long id or barcode never turns into 8.93E+12.
  const sheet = safeSheet([header, ...body]);
  sheet['!cols'] = [14, 16, 18, 50, 18, 40, 12].map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Ghép sản phẩm');
  return XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}

export type PairingFileRead = { ok: true; table: string[][] } | { ok: false; errors: LocalizedText[] };

function cellText(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (value === null || value === undefined) return '';
  return restoreNeutralized(String(value).trim());
}

/** Reads the first sheet's values as text (formulas are not evaluated: their cached value or nothing). */
export function readPairingFile(bytes: ArrayBuffer): PairingFileRead {
  if (bytes.byteLength > PAIRING_FILE_MAX_BYTES)
    return {
      ok: false,
      errors: [{ key: 'products.import.tooLarge', params: { mb: PAIRING_FILE_MAX_BYTES / 1024 / 1024 } }],
    };
  if (unpacksTooLarge(new Uint8Array(bytes), PAIRING_FILE_MAX_UNZIPPED_BYTES))
    return {
      ok: false,
      errors: [
        {
          key: 'products.import.unpacksTooLarge',
          params: { mb: PAIRING_FILE_MAX_UNZIPPED_BYTES / 1024 / 1024 },
        },
      ],
    };
  let rows: unknown[][];
  try {
    const book = XLSX.read(bytes, {
      type: 'array',
      // Dense rows: a table at the row cap reads in a third of the time.
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      sheetRows: PAIRING_FILE_MAX_ROWS + 2,
    });
    const first = book.SheetNames[0];
    const sheet = first === undefined ? undefined : book.Sheets[first];
    rows = sheet ? XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '' }) : [];
  } catch {
    return { ok: false, errors: [{ key: 'products.import.unreadable' }] };
  }
  if (rows.length > PAIRING_FILE_MAX_ROWS + 1)
    return {
      ok: false,
      errors: [{ key: 'products.import.tooManyRows', params: { max: PAIRING_FILE_MAX_ROWS } }],
    };
  return { ok: true, table: rows.map((row) => row.map(cellText)) };
}

export interface PairingImportContext {
  /** The shop's downloaded products by Tiki id. */
  products: ReadonlyMap<number, TikiProductRecord>;
  mappings: ReadonlyMap<number, ProductMappingRecord>;
  nhanhProducts: Iterable<NhanhProductRecord>;
}

export interface PairingChange {
  tikiProductId: number;
  /** null: unpair. */
  nhanhProductId: number | null;
}

export type PairingImportPlan =
  | { ok: true; changes: PairingChange[]; unchanged: number }
  | { ok: false; errors: LocalizedText[] };

/**
 * Checks every row and lists the changes; any error refuses the whole file (each error names its row, as the
 * spreadsheet numbers it). An empty Nhanh code means "not paired".
 */
export function planPairingImport(
  table: readonly string[][],
  context: PairingImportContext,
): PairingImportPlan {
  const [header, ...body] = table;
  const tikiColumn = header?.indexOf(PAIRING_COLUMNS.tikiId) ?? -1;
  const nhanhColumn = header?.indexOf(PAIRING_COLUMNS.nhanhCode) ?? -1;
  if (!header || tikiColumn < 0 || nhanhColumn < 0)
    return {
      ok: false,
      errors: [
        {
          key: 'products.import.noHeader',
          params: { tikiColumn: PAIRING_COLUMNS.tikiId, nhanhColumn: PAIRING_COLUMNS.nhanhCode },
        },
      ],
    };
  const byCode = new Map<string, NhanhProductRecord[]>();
  for (const record of context.nhanhProducts) {
    if (record.kind === 'parent' || record.codeKey === '') continue;
    const list = byCode.get(record.codeKey);
    if (list) list.push(record);
    else byCode.set(record.codeKey, [record]);
  }
  const errors: LocalizedText[] = [];
  const firstRowOf = new Map<number, number>();
  const changes: PairingChange[] = [];
  let unchanged = 0;
  let dataRows = 0;
  body.forEach((cells, position) => {
    const row = position + 2;
    if (cells.every((cell) => cell === '')) return;
    dataRows++;
    const idText = cells[tikiColumn] ?? '';
    const code = cells[nhanhColumn] ?? '';
    const tikiProductId = /^\d+$/.test(idText) ? Number(idText) : Number.NaN;
    const product = context.products.get(tikiProductId);
    if (!product || !isSellable(product)) {
      errors.push({ key: 'products.import.unknownTiki', params: { row, id: idText || '∅' } });
      return;
    }
    const earlier = firstRowOf.get(tikiProductId);
    if (earlier !== undefined) {
      errors.push({
        key: 'products.import.duplicateRow',
        params: { row, id: tikiProductId, first: earlier },
      });
      return;
    }
    firstRowOf.set(tikiProductId, row);
    let nhanhProductId: number | null = null;
    if (code !== '') {
      const found = byCode.get(matchKey(code)) ?? [];
      if (found.length !== 1) {
        errors.push({
          key: found.length === 0 ? 'products.import.unknownNhanh' : 'products.import.ambiguousNhanh',
          params: { row, code },
        });
        return;
      }
      nhanhProductId = found[0]!.id;
    }
    const current = context.mappings.get(tikiProductId)?.nhanhProductId ?? null;
    if (current === nhanhProductId) unchanged++;
    else changes.push({ tikiProductId, nhanhProductId });
  });
  if (dataRows === 0) return { ok: false, errors: [{ key: 'products.import.empty' }] };
  return errors.length > 0 ? { ok: false, errors: firstErrors(errors) } : { ok: true, changes, unchanged };
}

/** How many row errors the seller reads at once: enough to see the pattern, few enough to read. */
export const LISTED_ROW_ERRORS = 50;

/** The first row errors, then one line counting the rest (a sheet where every row is wrong stays readable). */
function firstErrors(errors: LocalizedText[]): LocalizedText[] {
  if (errors.length <= LISTED_ROW_ERRORS) return errors;
  return [
    ...errors.slice(0, LISTED_ROW_ERRORS),
    { key: 'products.import.moreErrors', params: { count: errors.length - LISTED_ROW_ERRORS } },
  ];
}

export type PairingImportResult =
  | { ok: true; changed: number; unchanged: number }
  | { ok: false; errors: LocalizedText[] };

/**
 * Reads, checks and applies a pairing table for one shop; on any error nothing is changed. The dashboard
 * passes a `read` that parses in a Web Worker (`pairing-file-in-worker.ts`).
 */
export async function importPairingFile(
  db: CompanionDatabase,
  shopId: string,
  bytes: ArrayBuffer,
  now: number,
  read: (bytes: ArrayBuffer) => PairingFileRead | Promise<PairingFileRead> = readPairingFile,
): Promise<PairingImportResult> {
  const table = await read(bytes);
  if (!table.ok) return table;
  const [products, mappings, nhanhProducts] = await Promise.all([
    readTikiProducts(db, shopId),
    readMappings(db, shopId),
    readNhanhProducts(db),
  ]);
  const plan = planPairingImport(table.table, {
    products: new Map(products.map((product) => [product.id, product])),
    mappings,
    nhanhProducts,
  });
  if (!plan.ok) return plan;
  await applyPairingChanges(db, shopId, plan.changes, now);
  return { ok: true, changed: plan.changes.length, unchanged: plan.unchanged };
}
