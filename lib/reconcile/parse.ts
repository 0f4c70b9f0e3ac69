import * as XLSX from 'xlsx';
import { unpacksTooLarge, zipEndRecordOffset } from '../files/zip-size';
import {
  type ColumnMap,
  type FeeType,
  headerScore,
  isTotalLabel,
  kindOfText,
  mapColumns,
  normalizeHeader,
  type StatementField,
} from './columns';
import { contentHash } from './hash';
import { StatementFileError } from './statement-error';
import { datesInText, parseAmount, parseQuantity, parseStatementDate } from './values';

/**
 * Reads a statement file (Tiki's "Xuất sao kê hiện tại" export, a file with only some of its sheets, the
 * extension's template, or CSV) into lines with integer VND amounts. Every file is untrusted: size and row caps,
 * values only (formulas are never evaluated, SheetJS only keeps their cached values and we drop the formulas),
 * header texts never become object keys, and every refusal is a `StatementFileError` with a message for the seller.
 */

/** Larger than any real statement (a period is a few thousand lines, a few hundred KB). */
export const MAX_STATEMENT_FILE_BYTES = 30 * 1024 * 1024;
/** What a statement may unpack to: 200,000 lines of a SheetJS-written sheet are ~130 MB; a zip bomb is refused. */
export const MAX_STATEMENT_UNZIPPED_BYTES = 256 * 1024 * 1024;
/** Lines per file; the benchmark's 100,000-line statement fits. */
export const MAX_STATEMENT_LINES = 200_000;
/** Title rows above the header row that are searched for it. */
const HEADER_SCAN_ROWS = 30;

export type LineKind = 'sale' | 'rma' | 'adjustment';

export interface StatementLine {
  sheet: string;
  /** 1-based row in its sheet, as the seller sees it in Excel. */
  row: number;
  kind: LineKind;
  /** Tiki order code, '' for a line tied to no order (e.g. a shop-level adjustment). */
  orderCode: string;
  sku: string;
  sellerSku: string;
  productName: string;
  quantity: number | null;
  /** Sales value of the line before fees (its column, or unit price × quantity); null when the file has neither. */
  gross: number | null;
  /** Seller-funded discount, as a positive amount taken off `gross`. */
  sellerDiscount: number;
  /** Fees charged, as positive amounts by type (a refunded fee is negative). */
  fees: Partial<Record<FeeType, number>>;
  feeTotal: number;
  /** What the line pays the seller in VND, negative when it takes money back. */
  netAmount: number;
  /** `gross − sellerDiscount − feeTotal` when the line has a gross amount: the statement's own arithmetic. */
  computedNet: number | null;
  date: number | null;
  description: string;
  /** Same content in another file (or twice in one) gives the same hash; sheet and row are left out. */
  contentHash: string;
}

export interface SheetSummary {
  name: string;
  kind: LineKind;
  /** 1-based row of the header. */
  headerRow: number;
  /** Field → header text it was found under. */
  columns: { field: StatementField; header: string }[];
  feeColumns: { fee: FeeType; header: string }[];
  /** Headers nobody knows: ignored, and listed so a renamed column is noticed. */
  unknownColumns: string[];
  lineCount: number;
  /** The sheet's own total row (its payout column), null when it has none. */
  declaredTotal: number | null;
  /** Sum of the sheet's lines' `netAmount`. */
  computedTotal: number;
}

export interface StatementWarning {
  sheet: string;
  row: number;
  problem: 'unreadableAmount' | 'noAmount' | 'feeTotalMismatch';
}

export interface StatementTotals {
  lineCount: number;
  netAmount: number;
  sales: number;
  rma: number;
  adjustments: number;
  gross: number;
  fees: Partial<Record<FeeType, number>>;
  feeTotal: number;
}

export interface ParsedStatement {
  fileName: string;
  format: 'xlsx' | 'xls' | 'ods' | 'csv' | 'html';
  sheets: SheetSummary[];
  /** Sheets without a statement header (instructions, summaries): not read. */
  ignoredSheets: string[];
  lines: StatementLine[];
  /** From the title rows ("Kỳ sao kê: … - …"), else the span of the line dates. */
  period: { from: number; to: number } | null;
  /** Seller id written in the title rows ("ID 123456"), if any. */
  sellerId: number | null;
  totals: StatementTotals;
  warnings: StatementWarning[];
}

type Format = ParsedStatement['format'];
type CellValue = string | number | boolean | Date | undefined;
type DenseRow = (XLSX.CellObject | undefined)[] | undefined;

function fail(key: Parameters<typeof textOf>[0], params?: Record<string, string | number>): never {
  throw new StatementFileError(textOf(key, params));
}

function textOf(
  key:
    | 'empty'
    | 'notSpreadsheet'
    | 'damaged'
    | 'protected'
    | 'tooLarge'
    | 'unpacksTooLarge'
    | 'tooManyRows'
    | 'noKnownSheet'
    | 'missingOrderCode'
    | 'missingAmount',
  params?: Record<string, string | number>,
) {
  return { key: `reconcile.err.${key}` as const, params };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** ZIP (xlsx, ods), OLE (xls, or an encrypted xlsx), text (csv, html), or something else. */
function sniff(bytes: Uint8Array): 'zip' | 'cfb' | 'text' | 'binary' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'cfb';
  const head = bytes.subarray(0, 65_536);
  if (head.includes(0)) return head[0] === 0xff && head[1] === 0xfe ? 'text' : 'binary';
  try {
    // A window that stops short of the end may cut a character in two: `stream` keeps its first bytes for a
    // next chunk instead of calling them invalid. A whole file must decode to its last byte.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < bytes.length });
    return 'text';
  } catch {
    return 'binary';
  }
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** SheetJS options for untrusted files: values only, no formulas, no HTML, capped rows, dense rows. */
export function sheetJsOptions(): XLSX.ParsingOptions {
  return {
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellDates: false,
    cellNF: false,
    bookVBA: false,
    sheetRows: MAX_STATEMENT_LINES + HEADER_SCAN_ROWS + 1,
  };
}

/**
 * Whether a text holds more than `limit` line breaks. Twice the row cap in line breaks is far past the cap
 * even with multi-line cells, so such a text is refused before SheetJS reads all of it (seconds for 1,000,000
 * rows, which delayed the message past the 5 s a seller waits).
 */
function hasMoreLineBreaks(text: string, limit: number): boolean {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
    if (++count > limit) return true;
  return false;
}

function readWorkbook(bytes: Uint8Array): { workbook: XLSX.WorkBook; format: Format } {
  const kind = sniff(bytes);
  if (kind === 'binary') fail('notSpreadsheet');
  try {
    if (kind === 'text') {
      const text = decodeText(bytes);
      if (text.trim() === '') fail('empty');
      const html = /^\s*</.test(text);
      if (!html && !/[,;\t]/.test(text.slice(0, 4096))) fail('notSpreadsheet');
      if (hasMoreLineBreaks(text, 2 * (sheetJsOptions().sheetRows ?? 0)))
        fail('tooManyRows', { max: MAX_STATEMENT_LINES });
      // raw: text stays text, so "01/02/2025" is not read as an American date and "1.234" not as 1.234.
      const workbook = XLSX.read(text, { ...sheetJsOptions(), type: 'string', raw: true });
      return { workbook, format: html ? 'html' : 'csv' };
    }
    if (kind === 'zip' && unpacksTooLarge(bytes, MAX_STATEMENT_UNZIPPED_BYTES))
      fail('unpacksTooLarge', { max: megabytes(MAX_STATEMENT_UNZIPPED_BYTES) });
    const workbook = XLSX.read(bytes, { ...sheetJsOptions(), type: 'array' });
    const bookType = (workbook as { bookType?: string }).bookType;
    return { workbook, format: kind === 'cfb' ? 'xls' : bookType === 'ods' ? 'ods' : 'xlsx' };
  } catch (error) {
    if (error instanceof StatementFileError) throw error;
    const message = String(error instanceof Error ? error.message : error);
    if (/password|encrypt/i.test(message)) fail('protected');
    // A ZIP cut short has lost its end record (it sits at the very end): damaged, not foreign.
    if (kind === 'zip' && zipEndRecordOffset(bytes) < 0) fail('damaged');
    if (/unsupported zip|unsupported file|not a spreadsheet/i.test(message)) fail('notSpreadsheet');
    fail('damaged');
  }
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  return String(cell.w ?? cell.v).trim();
}

function rowTexts(row: DenseRow): string[] {
  if (!row) return [];
  const texts: string[] = [];
  for (let index = 0; index < row.length; index++) texts.push(cellText(row[index]));
  return texts;
}

function findHeaderRow(rows: DenseRow[]): { index: number; columns: ColumnMap } | null {
  let best: { index: number; score: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let index = 0; index < limit; index++) {
    const texts = rowTexts(rows[index]);
    const score = headerScore(texts);
    if (score < 2) continue;
    const columns = mapColumns(texts);
    if (columns.fields.has('orderCode')) return { index, columns };
    if (!best || score > best.score) best = { index, score };
  }
  return best ? { index: best.index, columns: mapColumns(rowTexts(rows[best.index])) } : null;
}

function sheetKind(name: string): LineKind | null {
  return kindOfText(name);
}

/** One row's cells by field. Keys are our field names, never header texts; every row has the same shape. */
type RowValues = Record<StatementField, CellValue>;

function emptyRowValues(): RowValues {
  return {
    orderCode: undefined,
    sku: undefined,
    sellerSku: undefined,
    productName: undefined,
    quantity: undefined,
    unitPrice: undefined,
    gross: undefined,
    sellerDiscount: undefined,
    feeTotal: undefined,
    net: undefined,
    refund: undefined,
    date: undefined,
    kind: undefined,
    description: undefined,
  };
}

interface RawLine {
  row: number;
  kind: LineKind;
  orderCode: string;
  values: RowValues;
  fees: { fee: FeeType; amount: number }[];
}

function value(row: DenseRow, index: number | undefined): CellValue {
  if (index === undefined || !row) return undefined;
  const cell = row[index];
  if (!cell || cell.t === 'z' || cell.t === 'e') return undefined;
  return cell.v as CellValue;
}

function text(raw: CellValue): string {
  if (raw === undefined || raw === null) return '';
  return String(raw).trim().replace(/^'/, '');
}

function hasAmountColumn(columns: ColumnMap): boolean {
  const { fields } = columns;
  return fields.has('net') || fields.has('refund') || fields.has('gross') || fields.has('unitPrice');
}

const EMPTY_TOTALS = (): StatementTotals => ({
  lineCount: 0,
  netAmount: 0,
  sales: 0,
  rma: 0,
  adjustments: 0,
  gross: 0,
  fees: {},
  feeTotal: 0,
});

/** Adds a line to running totals. */
export function addToTotals(totals: StatementTotals, line: StatementLine): void {
  totals.lineCount++;
  totals.netAmount += line.netAmount;
  if (line.kind === 'sale') totals.sales += line.netAmount;
  else if (line.kind === 'rma') totals.rma += line.netAmount;
  else totals.adjustments += line.netAmount;
  totals.gross += line.gross ?? 0;
  totals.feeTotal += line.feeTotal;
  for (const fee in line.fees) {
    const type = fee as FeeType;
    totals.fees[type] = (totals.fees[type] ?? 0) + (line.fees[type] ?? 0);
  }
}

/** The totals of some lines. */
export function totalsOf(lines: readonly StatementLine[]): StatementTotals {
  const totals = EMPTY_TOTALS();
  for (const line of lines) addToTotals(totals, line);
  return totals;
}

function hashLine(line: Omit<StatementLine, 'contentHash'>): string {
  const fees = Object.keys(line.fees)
    .sort()
    .map((fee) => `${fee}=${line.fees[fee as FeeType]}`)
    .join(',');
  return contentHash(
    [
      line.kind,
      line.orderCode,
      line.sku,
      line.sellerSku,
      line.quantity ?? '',
      line.gross ?? '',
      line.sellerDiscount,
      fees,
      line.feeTotal,
      line.netAmount,
      line.date ?? '',
      line.description === '' ? '' : normalizeHeader(line.description),
    ].join('|'),
  );
}

interface SheetResult {
  summary: SheetSummary;
  lines: StatementLine[];
  titleTexts: string[];
}

function readSheet(name: string, rows: DenseRow[], warnings: StatementWarning[]): SheetResult | 'no-header' {
  const header = findHeaderRow(rows);
  if (!header) return 'no-header';
  const { columns } = header;
  if (!columns.fields.has('orderCode')) fail('missingOrderCode', { sheet: name });
  if (!hasAmountColumn(columns) && columns.fees.length === 0 && !columns.fields.has('feeTotal'))
    fail('missingAmount', { sheet: name });
  const defaultKind = sheetKind(name) ?? 'sale';
  const { fields } = columns;
  const orderIndex = fields.get('orderCode');
  const feeTotalIndex = fields.get('feeTotal');
  const read: [StatementField, number][] = [...fields.entries()];

  // A "Loại giao dịch" column repeats a few texts: classify each once.
  const kinds = new Map<string, LineKind | null>();
  const kindOf = (kindText: string) => {
    let known = kinds.get(kindText);
    if (known === undefined) {
      known = kindOfText(kindText);
      kinds.set(kindText, known);
    }
    return known;
  };
  const raws: RawLine[] = [];
  let declaredTotal: number | null = null;
  let negativeFees = 0;
  let positiveFees = 0;
  for (let index = header.index + 1; index < rows.length; index++) {
    const row = rows[index];
    if (!row || row.length === 0) continue;
    const orderCell = text(value(row, orderIndex));
    const values = emptyRowValues();
    let filled = 0;
    for (const [field, column] of read) {
      const raw = value(row, column);
      if (raw !== undefined && raw !== '') {
        values[field] = raw;
        filled++;
      }
    }
    const fees: RawLine['fees'] = [];
    for (const { index: column, fee } of columns.fees) {
      const amount = parseAmount(value(row, column));
      if (amount === null || amount === 0) continue;
      fees.push({ fee, amount });
      if (amount < 0) negativeFees++;
      else positiveFees++;
    }
    const feeTotal = parseAmount(value(row, feeTotalIndex));
    if (feeTotal !== null && feeTotal !== 0) {
      if (feeTotal < 0) negativeFees++;
      else positiveFees++;
    }
    if (filled === 0 && fees.length === 0) continue;
    // Order codes are digits: only other rows can be a total row (this keeps the text test off 100,000 lines).
    const totalRow =
      !/^\d/.test(orderCell) &&
      isTotalLabel(orderCell || rowTexts(row).find((cell) => cell !== '' && !/^\d+$/.test(cell)) || '');
    if (totalRow) {
      declaredTotal = parseAmount(values.net ?? values.refund);
      continue;
    }
    const hasAmount =
      fees.length > 0 ||
      (['net', 'refund', 'gross', 'unitPrice', 'feeTotal'] as const).some(
        (field) => values[field] !== undefined,
      );
    if (orderCell === '' && !hasAmount) continue;
    const kindText = values.kind;
    const kind = (kindText !== undefined ? kindOf(String(kindText)) : null) ?? defaultKind;
    raws.push({ row: index + 1, kind, orderCode: orderCell, values, fees });
  }

  // Statements print fees either as negative amounts or as positive charges: the sheet's majority decides.
  const feeSign = negativeFees > positiveFees ? -1 : 1;
  const feeTotalHeader = columns.fields.has('feeTotal')
    ? `other:${rows[header.index]?.[feeTotalIndex ?? 0]?.v ?? 'Tổng phí'}`
    : null;
  const lines: StatementLine[] = [];
  let computedTotal = 0;
  for (const raw of raws) {
    const { values } = raw;
    const fees: Partial<Record<FeeType, number>> = {};
    let feeSum = 0;
    for (const { fee, amount } of raw.fees) {
      fees[fee] = (fees[fee] ?? 0) + amount * feeSign;
      feeSum += amount * feeSign;
    }
    const declaredFees = parseAmount(values.feeTotal);
    if (raw.fees.length === 0 && declaredFees !== null && declaredFees !== 0 && feeTotalHeader) {
      fees[feeTotalHeader as FeeType] = declaredFees * feeSign;
      feeSum = declaredFees * feeSign;
    } else if (declaredFees !== null && raw.fees.length > 0 && declaredFees * feeSign !== feeSum)
      warnings.push({ sheet: name, row: raw.row, problem: 'feeTotalMismatch' });

    const quantity = parseQuantity(values.quantity);
    const grossValue = parseAmount(values.gross);
    const unitPrice = parseAmount(values.unitPrice);
    const gross = grossValue ?? (unitPrice !== null ? unitPrice * (quantity ?? 1) : null);
    const sellerDiscount = Math.abs(parseAmount(values.sellerDiscount) ?? 0);
    const computedNet = gross !== null && raw.kind === 'sale' ? gross - sellerDiscount - feeSum : null;

    const net = parseAmount(values.net);
    const refund = parseAmount(values.refund);
    let netAmount: number;
    if (net !== null) netAmount = net;
    // A refund column holds what a return takes back, whichever sign it is printed with.
    else if (refund !== null) netAmount = -Math.abs(refund);
    else if (computedNet !== null) netAmount = computedNet;
    else {
      const unreadable = (['net', 'refund', 'gross', 'unitPrice'] as const).some(
        (field) => values[field] !== undefined,
      );
      warnings.push({ sheet: name, row: raw.row, problem: unreadable ? 'unreadableAmount' : 'noAmount' });
      netAmount = feeSum === 0 ? 0 : -feeSum;
    }
    const withoutHash: Omit<StatementLine, 'contentHash'> = {
      sheet: name,
      row: raw.row,
      kind: raw.kind,
      orderCode: raw.orderCode,
      sku: text(values.sku),
      sellerSku: text(values.sellerSku),
      productName: text(values.productName),
      quantity,
      gross,
      sellerDiscount,
      fees,
      feeTotal: feeSum,
      netAmount,
      computedNet,
      date: parseStatementDate(values.date),
      description: text(values.description),
    };
    computedTotal += netAmount;
    const line = withoutHash as StatementLine;
    line.contentHash = hashLine(withoutHash);
    lines.push(line);
  }

  const headerTexts = rowTexts(rows[header.index]);
  const titleTexts: string[] = [];
  for (let index = 0; index < header.index; index++)
    for (const cell of rowTexts(rows[index])) if (cell !== '') titleTexts.push(cell);
  return {
    summary: {
      name,
      kind: defaultKind,
      headerRow: header.index + 1,
      columns: [...columns.headers.entries()].map(([field, headerText]) => ({ field, header: headerText })),
      feeColumns: columns.fees.map(({ index, fee }) => ({ fee, header: headerTexts[index] ?? '' })),
      unknownColumns: columns.unknown,
      lineCount: lines.length,
      declaredTotal,
      computedTotal,
    },
    lines,
    titleTexts,
  };
}

function periodAndSeller(titles: readonly string[], lines: readonly StatementLine[]) {
  let period: ParsedStatement['period'] = null;
  let sellerId: number | null = null;
  for (const title of titles) {
    const dates = datesInText(title);
    if (!period && dates.length >= 2)
      period = { from: Math.min(...dates), to: Math.max(...dates) + 86_400_000 - 1 };
    const seller = /\bID[:\s#]*(\d{3,})/i.exec(title);
    if (sellerId === null && seller) sellerId = Number(seller[1]);
  }
  if (!period) {
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const line of lines)
      if (line.date !== null) {
        from = Math.min(from, line.date);
        to = Math.max(to, line.date);
      }
    if (from <= to) period = { from, to };
  }
  return { period, sellerId };
}

/** Parses a statement file; throws `StatementFileError` with the seller's message for anything it refuses. */
export function parseStatement(bytes: Uint8Array, fileName: string): ParsedStatement {
  if (bytes.length === 0) fail('empty');
  if (bytes.length > MAX_STATEMENT_FILE_BYTES)
    fail('tooLarge', { size: megabytes(bytes.length), max: megabytes(MAX_STATEMENT_FILE_BYTES) });
  const { workbook, format } = readWorkbook(bytes);
  const sheets: SheetSummary[] = [];
  const ignoredSheets: string[] = [];
  const lines: StatementLine[] = [];
  const titles: string[] = [];
  const warnings: StatementWarning[] = [];
  let anyCell = false;
  const sheetRowsCap = sheetJsOptions().sheetRows ?? 0;
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const rows = (sheet?.['!data'] ?? []) as DenseRow[];
    if (rows.some((row) => row?.some((cell) => cell && cell.v !== undefined && cell.v !== '')))
      anyCell = true;
    const fullRef = sheet?.['!fullref'];
    if (fullRef && XLSX.utils.decode_range(fullRef).e.r + 1 > sheetRowsCap)
      fail('tooManyRows', { max: MAX_STATEMENT_LINES });
    const result = readSheet(name, rows, warnings);
    if (result === 'no-header') {
      ignoredSheets.push(name);
      continue;
    }
    sheets.push(result.summary);
    titles.push(...result.titleTexts);
    for (const line of result.lines) lines.push(line);
    if (lines.length > MAX_STATEMENT_LINES) fail('tooManyRows', { max: MAX_STATEMENT_LINES });
  }
  if (!anyCell) fail('empty');
  if (sheets.length === 0) fail('noKnownSheet', { sheets: workbook.SheetNames.join(', ') });
  const { period, sellerId } = periodAndSeller(titles, lines);
  return {
    fileName,
    format,
    sheets,
    ignoredSheets,
    lines,
    period,
    sellerId,
    totals: totalsOf(lines),
    warnings,
  };
}
