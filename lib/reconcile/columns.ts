/**
 * Tiki's statement columns. The real headers are not public and Tiki renames them (tiki-open-api.md §5), so a
 * column is recognised by its header text through this table of known names and synonyms, compared without
 * diacritics, case, punctuation or extra spaces (`normalizeHeader`). This module is the ONE place to correct
 * when a real export shows other headers. Sources: the plausible headers of tiki-open-api.md §5, the fee names
 * of the Open API's `item.fees` (Phí cố định, Phí thanh toán, Phí hoa hồng/chiết khấu, Phí lấy hàng), the
 * help page's "GD bán hàng" sheet and the sandbox's stand-in export; the rest are guesses of common renamings.
 */

/** What a statement column holds. Fee columns are a separate family (`FeeType`). */
export type StatementField =
  | 'orderCode'
  | 'sku'
  | 'sellerSku'
  | 'productName'
  | 'quantity'
  | 'unitPrice'
  | 'gross'
  | 'sellerDiscount'
  | 'feeTotal'
  | 'net'
  | 'refund'
  | 'date'
  | 'kind'
  | 'description';

/** The fee types the report breaks fees into; a fee column not in the table becomes `other:<its header>`. */
export const FEE_TYPES = ['fixed', 'payment', 'commission', 'shipping'] as const;
export type KnownFeeType = (typeof FEE_TYPES)[number];
export type FeeType = KnownFeeType | `other:${string}`;

/** Known headers of each field, already normalised. The first match in a header row wins. */
const FIELD_SYNONYMS: Record<StatementField, readonly string[]> = {
  orderCode: [
    'ma don hang',
    'ma don',
    'ma dh',
    'so don hang',
    'ma don hang tiki',
    'order code',
    'order id',
    'order number',
    'order',
  ],
  sku: [
    'ma san pham sku',
    'sku',
    'ma sku',
    'ma san pham',
    'sku tiki',
    'tiki sku',
    'product sku',
    'product id',
  ],
  sellerSku: [
    'ma sku nha ban',
    'sku nha ban',
    'ma hang nha ban',
    'ma san pham nha ban',
    'seller sku',
    'seller product code',
    'original sku',
  ],
  productName: ['ten san pham', 'ten sp', 'san pham', 'product name', 'product'],
  quantity: ['so luong', 'sl', 'quantity', 'qty'],
  unitPrice: ['gia ban', 'don gia', 'gia', 'price', 'unit price'],
  gross: [
    'doanh thu',
    'thanh tien',
    'tong tien hang',
    'tien hang',
    'gia tri don hang',
    'gia tri giao dich',
    'subtotal',
    'gross amount',
  ],
  sellerDiscount: [
    'giam gia tu nha ban',
    'giam gia nha ban',
    'nha ban giam gia',
    'ma giam gia nha ban',
    'khuyen mai nha ban',
    'seller discount',
  ],
  feeTotal: ['tong phi tra tiki', 'tong phi', 'tong phi dich vu', 'total fee', 'total fees'],
  net: [
    'so tien thanh toan thuc nhan',
    'thuc nhan',
    'so tien thuc nhan',
    'so tien thanh toan',
    'so tien nha ban nhan',
    'thanh toan cho nha ban',
    'doanh thu thuc nhan',
    'so tien',
    'net amount',
    'payout amount',
    'amount',
  ],
  refund: ['so tien hoan tra', 'so tien hoan', 'tien hoan tra', 'hoan tien', 'refund amount', 'refund'],
  date: [
    'ngay hoan thanh',
    'ngay giao hang thanh cong',
    'ngay giao dich',
    'ngay tra hang',
    'ngay dieu chinh',
    'ngay thanh toan',
    'ngay',
    'thoi gian',
    'date',
  ],
  kind: ['loai giao dich', 'loai', 'transaction type', 'type'],
  description: [
    'noi dung dieu chinh',
    'noi dung',
    'ly do',
    'dien giai',
    'ghi chu',
    'mo ta',
    'description',
    'reason',
  ],
};

const FEE_SYNONYMS: Record<KnownFeeType, readonly string[]> = {
  fixed: ['phi co dinh', 'fixed fee', 'base fee'],
  payment: ['phi thanh toan', 'phi xu ly thanh toan', 'payment fee', 'transaction fee'],
  commission: [
    'phi hoa hong',
    'hoa hong',
    'phi chiet khau',
    'chiet khau',
    'phi chiet khau hoa hong',
    'commission',
    'commission fee',
  ],
  shipping: [
    'phi van chuyen',
    'phi giao hang',
    'phi lay hang',
    'phi chuyen hoan',
    'phi ship',
    'shipping fee',
  ],
};

/** Known headers that carry nothing to import: row numbers, and the fee rate (recomputed from the amounts). */
const IGNORED_HEADERS = new Set([
  'stt',
  'no',
  'so thu tu',
  'ty le tong phi tra tiki',
  'ty le phi',
  'ty le',
  'fee rate',
]);

/** A header starting with one of these words is a fee even when the table does not know it. */
const FEE_PREFIXES = ['phi ', 'fee '];

/** Lower case, no diacritics (đ → d), punctuation as spaces, single spaces: the form every comparison uses. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .replace(/%/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What one header cell is: a field, a fee type, a known column to ignore, or nothing known. */
export type HeaderMeaning =
  | { type: 'field'; field: StatementField }
  | { type: 'fee'; fee: FeeType }
  | { type: 'ignored' }
  | { type: 'unknown' };

const EXACT = new Map<string, HeaderMeaning>();
for (const [field, names] of Object.entries(FIELD_SYNONYMS) as [StatementField, readonly string[]][])
  for (const name of names) if (!EXACT.has(name)) EXACT.set(name, { type: 'field', field });
for (const [fee, names] of Object.entries(FEE_SYNONYMS) as [KnownFeeType, readonly string[]][])
  for (const name of names) EXACT.set(name, { type: 'fee', fee });
for (const name of IGNORED_HEADERS) EXACT.set(name, { type: 'ignored' });

/** Multi-word names, longest first: a renamed header that still contains one of them ("Mã đơn hàng Tiki"). */
const CONTAINED = [...EXACT.entries()]
  .filter(([name]) => name.includes(' '))
  .sort(([a], [b]) => b.length - a.length);

/** Recognises one header cell. */
export function classifyHeader(header: string): HeaderMeaning {
  const normalized = normalizeHeader(header);
  if (normalized === '') return { type: 'unknown' };
  const exact = EXACT.get(normalized);
  if (exact) return exact;
  const padded = ` ${normalized} `;
  for (const [name, meaning] of CONTAINED) if (padded.includes(` ${name} `)) return meaning;
  if (FEE_PREFIXES.some((prefix) => normalized.startsWith(prefix)))
    return { type: 'fee', fee: `other:${header.trim().replace(/\s+/g, ' ')}` };
  return { type: 'unknown' };
}

/** The columns of one sheet, as found in its header row. */
export interface ColumnMap {
  /** Field → column index (the first column that matched). */
  fields: Map<StatementField, number>;
  /** Fee columns: index and fee type. */
  fees: { index: number; fee: FeeType }[];
  /** Header texts of the columns nothing knows, to list for the seller. */
  unknown: string[];
  /** Field → the header text it was found under, for the summary. */
  headers: Map<StatementField, string>;
}

/** Maps one header row. Pass cells' display texts; empty cells are skipped. */
export function mapColumns(headerRow: readonly string[]): ColumnMap {
  const map: ColumnMap = { fields: new Map(), fees: [], unknown: [], headers: new Map() };
  const feeTypes = new Set<FeeType>();
  headerRow.forEach((header, index) => {
    if (header.trim() === '') return;
    const meaning = classifyHeader(header);
    if (meaning.type === 'field' && !map.fields.has(meaning.field)) {
      map.fields.set(meaning.field, index);
      map.headers.set(meaning.field, header.trim());
    } else if (meaning.type === 'fee' && !feeTypes.has(meaning.fee)) {
      feeTypes.add(meaning.fee);
      map.fees.push({ index, fee: meaning.fee });
    } else if (meaning.type === 'unknown') map.unknown.push(header.trim());
  });
  return map;
}

/** How many cells of a row are known headers: the header row is the first with an order code, or the best. */
export function headerScore(row: readonly string[]): number {
  let score = 0;
  for (const cell of row) if (cell.trim() !== '' && classifyHeader(cell).type !== 'unknown') score++;
  return score;
}

/** The kind of a statement line, from its sheet's name or its "Loại giao dịch" text; null when unknown. */
export function kindOfText(text: string): 'sale' | 'rma' | 'adjustment' | null {
  const normalized = ` ${normalizeHeader(text)} `;
  if (/ (rma|doi tra|tra hang|hoan tra|hoan hang|return|refund) /.test(normalized)) return 'rma';
  if (/ (bu tru|dieu chinh|adjustment|bu|tru) /.test(normalized)) return 'adjustment';
  if (/ (ban hang|gd ban|sale|sales|giao dich ban) /.test(normalized)) return 'sale';
  return null;
}

/** True for the text of a total row ("Tổng cộng", "Tổng", "Total", "Cộng"). */
export function isTotalLabel(text: string): boolean {
  const normalized = normalizeHeader(text);
  return /^(tong cong|tong|cong|total|grand total)\b/.test(normalized);
}
