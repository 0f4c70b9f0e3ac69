import { utils, write } from 'xlsx';
import { parseWallTime } from './tiki/wall-time';

/*
 * A stand-in for Seller Center's "Xuất sao kê hiện tại" export. The real column headers and sheet names are
 * not public (tiki-open-api.md §5): the sheets follow the three groups Tiki names (bán hàng, RMA, bù trừ) and
 * the headers are a plausible guess, written with the quirks a reconciliation parser must survive: title rows
 * above the header, a total row, amounts mixing numbers and text, and a few deliberate discrepancies.
 */

// biome-ignore lint/suspicious/noExplicitAny: orders are raw API-shaped JSON
type Json = any;

/** The planted mistakes, so tests of the reconciliation can check it finds exactly these. */
export interface StatementDiscrepancies {
  /** Its commission line is double what the API says the fee is. */
  overchargedOrderCode: string;
  /** One of its lines appears twice. */
  duplicatedOrderCode: string;
  /** Fulfilled in the period but left out of the statement. */
  missingOrderCode: string;
}

export interface TikiStatement {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  periodStart: number;
  periodEnd: number;
  discrepancies: StatementDiscrepancies;
}

/** The sales sheet's columns, as the sandbox's stand-in for "Xuất sao kê hiện tại" writes them. */
export const SALES_HEADERS = [
  'STT',
  'Mã đơn hàng',
  'Mã sản phẩm/SKU',
  'Mã SKU nhà bán',
  'Tên sản phẩm',
  'Số lượng',
  'Giá bán',
  'Giảm giá từ nhà bán',
  'Phí cố định',
  'Phí thanh toán',
  'Phí hoa hồng',
  'Phí vận chuyển',
  'Tổng phí trả Tiki',
  'Tỷ lệ (%) Tổng phí trả Tiki',
  'Số tiền thanh toán/Thực nhận',
  'Ngày hoàn thành',
  'Loại giao dịch',
];
const RMA_HEADERS = [
  'STT',
  'Mã đơn hàng',
  'Mã sản phẩm/SKU',
  'Tên sản phẩm',
  'Số lượng',
  'Số tiền hoàn trả',
  'Ngày trả hàng',
  'Lý do',
];
const ADJUSTMENT_HEADERS = ['STT', 'Mã đơn hàng', 'Nội dung điều chỉnh', 'Số tiền', 'Ngày điều chỉnh'];

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** `dd/MM/yyyy HH:mm`, as Vietnamese spreadsheets show dates. */
function vietnameseDate(epochMs: number, withTime = true): string {
  const iso = new Date(epochMs + VIETNAM_OFFSET_MS).toISOString();
  const date = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return withTime ? `${date} ${iso.slice(11, 16)}` : date;
}

/** "1.234.567" or "-5.000 ₫": how amounts look when a sheet was typed or pasted as text. */
function moneyText(amount: number, withCurrency: boolean): string {
  const grouped = Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped}${withCurrency ? ' ₫' : ''}`;
}

function feeOf(item: Json, key: string): number {
  return (item.invoice.fees ?? [])
    .filter((fee: Json) => fee.fee_type_key === key)
    .reduce((sum: number, fee: Json) => sum + fee.final_amount, 0);
}

function reachedAt(order: Json, statuses: string[]): number | undefined {
  const entry = (order.status_histories as Json[]).find((history) => statuses.includes(history.status));
  return entry ? parseWallTime(entry.created_at) : undefined;
}

/**
 * Builds the statement of the last 30 days for one shop's orders: sales lines for orders delivered in the
 * period, RMA lines for returned ones, and adjustments (last period's fee correction, a return-shipping fee).
 */
export function createTikiStatement(
  shop: { sellerId: number; name: string; orders: unknown[] },
  now: number,
): TikiStatement {
  const periodEnd = now;
  // Whole Vietnamese days, as the title row states the period: an order delivered early on the first day
  // belongs to it (else it reads as unpaid at some times of day).
  const periodStart =
    Math.floor((now - 30 * 86_400_000 + VIETNAM_OFFSET_MS) / 86_400_000) * 86_400_000 - VIETNAM_OFFSET_MS;
  const inPeriod = (at: number | undefined) => at !== undefined && at >= periodStart && at <= periodEnd;
  const orders = (shop.orders as Json[]).slice().sort((a, b) => (a.code < b.code ? -1 : 1));
  const delivered = orders
    .filter((order) => ['delivered', 'successful_delivery', 'complete', 'returned'].includes(order.status))
    .map((order) => ({ order, at: reachedAt(order, ['successful_delivery', 'delivered']) }))
    .filter(({ at }) => inPeriod(at));
  if (delivered.length < 4) throw new Error('fewer than 4 orders were delivered in the period');
  const planted = (fraction: number) => delivered[Math.floor(delivered.length * fraction)]!.order.code;
  const discrepancies: StatementDiscrepancies = {
    overchargedOrderCode: planted(0.25),
    duplicatedOrderCode: planted(0.5),
    missingOrderCode: planted(0.75),
  };

  const salesRows: (string | number)[][] = [];
  let duplicated = false;
  for (const { order, at } of delivered) {
    if (order.code === discrepancies.missingOrderCode) continue;
    for (const item of order.items as Json[]) {
      const overcharge =
        order.code === discrepancies.overchargedOrderCode ? feeOf(item, 'commission_fee') : 0;
      const fixed = feeOf(item, 'base_fee');
      const payment = feeOf(item, 'payment_fee');
      const commission = feeOf(item, 'commission_fee') + overcharge;
      const shipping = feeOf(item, 'pickup_fee');
      const totalFee = fixed + payment + commission + shipping;
      const income = item.invoice.seller_income + overcharge;
      const asText = salesRows.length % 6 === 5;
      const row = [
        salesRows.length + 1,
        order.code,
        item.product.sku,
        item.product.seller_product_code ?? '',
        item.product.name,
        item.qty,
        asText ? moneyText(item.price, true) : item.price,
        item.invoice.is_seller_discount_coupon ? -item.invoice.discount_coupon : 0,
        fixed,
        payment,
        commission,
        shipping,
        totalFee,
        `${((-totalFee / item.invoice.subtotal) * 100).toFixed(2)}%`,
        asText ? moneyText(income, false) : income,
        vietnameseDate(at!),
        'Bán hàng',
      ];
      salesRows.push(row);
      if (order.code === discrepancies.duplicatedOrderCode && !duplicated) {
        duplicated = true;
        salesRows.push([salesRows.length + 1, ...row.slice(1)]);
      }
    }
  }
  const numeric = (value: string | number) =>
    typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, '')) || 0;
  const sumColumn = (index: number) => salesRows.reduce((sum, row) => sum + numeric(row[index]!), 0);
  const totalRow = [
    '',
    'Tổng cộng',
    '',
    '',
    '',
    sumColumn(5),
    '',
    sumColumn(7),
    sumColumn(8),
    sumColumn(9),
    sumColumn(10),
    sumColumn(11),
    sumColumn(12),
    '',
    sumColumn(14),
    '',
    '',
  ];

  const rmaRows = orders
    .filter((order) => order.status === 'returned' && inPeriod(reachedAt(order, ['returned'])))
    .flatMap((order) =>
      (order.items as Json[]).map((item) => [
        0,
        order.code,
        item.product.sku,
        item.product.name,
        item.qty,
        -item.invoice.seller_income,
        vietnameseDate(reachedAt(order, ['returned'])!),
        'Khách hàng trả hàng',
      ]),
    )
    .map((row, index) => [index + 1, ...row.slice(1)]);

  const handedOverThenCanceled = orders.filter(
    (order) =>
      order.status === 'canceled' &&
      (order.status_histories as Json[]).some((history) => history.status === 'handover_to_partner') &&
      inPeriod(parseWallTime(order.updated_at)),
  );
  const adjustmentRows = [
    [
      1,
      delivered[0]!.order.code,
      'Hoàn phí hoa hồng thu sai kỳ trước',
      12_500,
      vietnameseDate(periodStart + 86_400_000, false),
    ],
    ...handedOverThenCanceled.map((order, index) => [
      index + 2,
      order.code,
      'Phí chuyển hoàn',
      moneyText(-20_000, true),
      vietnameseDate(parseWallTime(order.updated_at)!, false),
    ]),
  ];

  const period = `Kỳ sao kê: ${vietnameseDate(periodStart, false)} - ${vietnameseDate(periodEnd, false)}`;
  const seller = `Nhà bán: ${shop.name} (ID ${shop.sellerId})`;
  const sheet = (
    title: string,
    headers: string[],
    rows: (string | number)[][],
    total?: (string | number)[],
  ) =>
    utils.aoa_to_sheet([[title], [seller, '', '', period], [], headers, ...rows, ...(total ? [total] : [])]);
  const workbook = utils.book_new();
  utils.book_append_sheet(
    workbook,
    sheet('BẢNG KÊ GIAO DỊCH BÁN HÀNG', SALES_HEADERS, salesRows, totalRow),
    'GD bán hàng',
  );
  utils.book_append_sheet(workbook, sheet('BẢNG KÊ ĐỔI TRẢ (RMA)', RMA_HEADERS, rmaRows), 'RMA');
  utils.book_append_sheet(
    workbook,
    sheet('GIAO DỊCH BÙ TRỪ / ĐIỀU CHỈNH', ADJUSTMENT_HEADERS, adjustmentRows),
    'Bù trừ',
  );
  const bytes = new Uint8Array(write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return {
    bytes,
    fileName: `sao-ke-${shop.sellerId}-${vietnameseDate(periodEnd, false).replace(/\//g, '')}.xlsx`,
    periodStart,
    periodEnd,
    discrepancies,
  };
}
