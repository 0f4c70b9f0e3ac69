import * as XLSX from 'xlsx';

/** An .xlsx file made of the given sheets (rows of cells), as a seller's file would arrive. */
export function xlsxOf(sheets: Record<string, (string | number | null)[][]>): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The header row of the sandbox's and the guessed Tiki export. */
export const SALES_HEADER = [
  'STT',
  'Mã đơn hàng',
  'Mã sản phẩm/SKU',
  'Mã SKU nhà bán',
  'Số lượng',
  'Giá bán',
  'Phí cố định',
  'Phí thanh toán',
  'Phí hoa hồng',
  'Tổng phí trả Tiki',
  'Số tiền thanh toán/Thực nhận',
  'Ngày hoàn thành',
];

/** One sales row: price − fees (negative in the file, as the API prints them) = net. */
export function salesRow(
  index: number,
  code: string,
  price: number,
  sku = `SKU-${index}`,
): (string | number)[] {
  const fixed = -5_000;
  const payment = -Math.round(price / 100);
  const commission = -Math.round((price * 8) / 100);
  const total = fixed + payment + commission;
  return [
    index,
    code,
    `88${index}`,
    sku,
    1,
    price,
    fixed,
    payment,
    commission,
    total,
    price + total,
    '15/03/2026 10:30',
  ];
}

/** The net amount of `salesRow` for a price. */
export function netOf(price: number): number {
  return price - 5_000 - Math.round(price / 100) - Math.round((price * 8) / 100);
}

export const encoder = new TextEncoder();

/** How a CSV statement arrives: Excel's "CSV UTF-8" adds a BOM, its "Unicode Text" is UTF-16 LE with a BOM. */
export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16 LE with BOM';

export const CSV_ENCODINGS: readonly CsvEncoding[] = ['UTF-8', 'UTF-8 with BOM', 'UTF-16 LE with BOM'];

/** A CSV file's bytes in the given encoding. */
export function csvFileOf(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === 'UTF-8') return encoder.encode(text);
  if (encoding === 'UTF-8 with BOM') return encoder.encode(`\uFEFF${text}`);
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[2 + index * 2] = unit & 0xff;
    bytes[3 + index * 2] = unit >> 8;
  }
  return bytes;
}
