import * as XLSX from 'xlsx';
import type { NhanhPaymentRecord } from '../db';
import { type SheetCell, safeSheet } from '../files/spreadsheet-cells';
import { type Locale, type MessageKey, t, translate } from '../i18n';
import { FEE_TYPES, type FeeType, type KnownFeeType } from './columns';
import type { FeeClaim, OrderResult, ReconcileReport, ReconciliationState } from './match';
import type { StatementLine } from './parse';

/**
 * The .xlsx files the seller downloads: the reconciliation report, the claim list for Tiki support, and the
 * statement in the extension's import template, built from `safeSheet` (no cell runs as a formula).
 */

function workbookBytes(sheets: [string, XLSX.WorkSheet][]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(workbook, sheet, name);
  return new Uint8Array(
    XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}

/** The seller's name of a fee type (a fee column nobody knew keeps its header). */
export function feeLabel(locale: Locale, fee: FeeType): string {
  return fee.startsWith('other:')
    ? fee.slice('other:'.length)
    : t(locale, `reconcile.fee.${fee as KnownFeeType}`);
}

export function stateLabel(locale: Locale, state: ReconciliationState): string {
  return t(locale, `reconcile.state.${state}` as MessageKey);
}

/** Fee types present in some fee maps: the four known ones first, then the others in order of appearance. */
export function feeColumnsOf(feeMaps: Iterable<Partial<Record<FeeType, number>>>): FeeType[] {
  const others: FeeType[] = [];
  for (const fees of feeMaps)
    for (const fee of Object.keys(fees) as FeeType[])
      if (fee.startsWith('other:') && !others.includes(fee)) others.push(fee);
  return [...FEE_TYPES, ...others];
}

function dateText(epochMs: number | null): string {
  if (epochMs === null) return '';
  const iso = new Date(epochMs + 7 * 3_600_000).toISOString();
  // Seconds only when the source had them, so a re-imported template keeps the line's content hash.
  const seconds = iso.slice(17, 19) === '00' ? '' : iso.slice(16, 19);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}${seconds}`;
}

export interface ReportExportInput {
  fileName: string;
  period: { from: number; to: number } | null;
  payout: number;
  report: Pick<
    ReconcileReport,
    'basis' | 'counts' | 'fees' | 'claims' | 'totalChecks' | 'unassigned' | 'totals'
  >;
  /** The findings, with the payment recorded on each Nhanh order where one was (stored findings carry it). */
  orders: readonly (OrderResult & { nhanhPayment?: NhanhPaymentRecord | null })[];
}

function claimRows(locale: Locale, claims: readonly FeeClaim[]): SheetCell[][] {
  const col = (key: string) => t(locale, `reconcile.col.${key}` as MessageKey);
  return [
    [
      col('orderCode'),
      col('feeType'),
      col('skus'),
      col('gross'),
      col('rate'),
      col('expectedFee'),
      col('chargedFee'),
      col('claimDifference'),
    ],
    ...claims.map((claim) => [
      claim.orderCode,
      feeLabel(locale, claim.feeType),
      claim.skus.join(', '),
      claim.gross,
      claim.ratePercent,
      claim.expectedFee,
      claim.chargedFee,
      claim.difference,
    ]),
  ];
}

/** The reconciliation report: summary, one row per order, and the fee claims. */
export function reportWorkbook(locale: Locale, input: ReportExportInput): Uint8Array {
  const col = (key: string) => t(locale, `reconcile.col.${key}` as MessageKey);
  const { report } = input;
  const feeTypes = feeColumnsOf([report.fees, ...input.orders.map((order) => order.fees)]);
  const summary: SheetCell[][] = [
    [col('file'), input.fileName],
    [
      col('period'),
      input.period
        ? `${dateText(input.period.from).slice(0, 10)} - ${dateText(input.period.to).slice(0, 10)}`
        : '',
    ],
    [col('payout'), input.payout],
    [col('basis'), t(locale, `reconcile.basis.${report.basis}` as MessageKey)],
    [],
    [col('state'), col('orders')],
    ...(Object.keys(report.counts) as ReconciliationState[]).map((state) => [
      stateLabel(locale, state),
      report.counts[state],
    ]),
    [],
    [col('feeType'), col('amount')],
    ...feeTypes.map((fee) => [feeLabel(locale, fee), report.fees[fee] ?? 0]),
    [col('feeTotal'), report.totals.feeTotal],
    [],
    [col('sheet'), col('declaredTotal'), col('computedTotal'), col('difference')],
    ...report.totalChecks.map((check) => [check.sheet, check.declared, check.computed, check.difference]),
    [],
    [col('unassigned'), report.unassigned.lineCount, report.unassigned.netAmount],
  ];
  const orderRows: SheetCell[][] = [
    [
      col('orderCode'),
      col('state'),
      col('reason'),
      col('expected'),
      col('paid'),
      col('sales'),
      col('rma'),
      col('adjustments'),
      col('difference'),
      col('gross'),
      ...feeTypes.map((fee) => feeLabel(locale, fee)),
      col('feeTotal'),
      col('feeRate'),
      col('daysOutstanding'),
      col('skus'),
      col('nhanhOrder'),
      col('saleValue'),
      col('nhanhAmount'),
      col('nhanhDifference'),
      col('nhanhStatus'),
      col('nhanhFinding'),
      col('reconciledAt'),
      col('nhanhPayment'),
    ],
    ...input.orders.map((order) => [
      order.orderCode,
      stateLabel(locale, order.state),
      order.reason ? translate(locale, order.reason) : '',
      order.expected,
      order.paid,
      order.sales,
      order.rma,
      order.adjustments,
      order.difference,
      order.gross,
      ...feeTypes.map((fee) => order.fees[fee] ?? 0),
      order.feeTotal,
      order.feeRate === null ? null : Math.round(order.feeRate * 10_000) / 100,
      order.daysOutstanding,
      order.skus.join(', '),
      order.nhanhOrderId,
      order.saleValue,
      order.nhanhAmount,
      order.nhanhDifference,
      order.nhanhStatus,
      order.nhanhFinding ? translate(locale, order.nhanhFinding) : '',
      dateText(order.reconciledAt),
      order.nhanhPayment?.state === 'recorded' ? order.nhanhPayment.amount : null,
    ]),
  ];
  return workbookBytes([
    [col('sheetSummary'), safeSheet(summary)],
    [col('sheetOrders'), safeSheet(orderRows)],
    [col('sheetClaims'), safeSheet(claimRows(locale, report.claims))],
  ]);
}

/** The claim list alone, ready to send to Tiki support. */
export function claimsWorkbook(locale: Locale, claims: readonly FeeClaim[]): Uint8Array {
  return workbookBytes([[t(locale, 'reconcile.col.sheetClaims'), safeSheet(claimRows(locale, claims))]]);
}

/** Headers of the extension's import template: fixed Vietnamese names the parser knows, whatever the UI language. */
export const TEMPLATE_HEADERS = [
  'Loại giao dịch',
  'Mã đơn hàng',
  'Mã sản phẩm/SKU',
  'Mã SKU nhà bán',
  'Tên sản phẩm',
  'Số lượng',
  'Doanh thu',
  'Giảm giá từ nhà bán',
  'Phí cố định',
  'Phí thanh toán',
  'Phí hoa hồng',
  'Phí vận chuyển',
] as const;
const TEMPLATE_TAIL = ['Số tiền thanh toán/Thực nhận', 'Ngày giao dịch', 'Nội dung'] as const;
const KIND_TEXT = { sale: 'Bán hàng', rma: 'RMA', adjustment: 'Điều chỉnh' } as const;

/**
 * The statement in the extension's import template (one sheet, every kind of line, fees as positive charges),
 * or the empty template when no lines are given. Re-importing it gives the same lines.
 */
export function templateWorkbook(lines: readonly StatementLine[] = []): Uint8Array {
  const others = feeColumnsOf(lines.map((line) => line.fees)).filter((fee) => fee.startsWith('other:'));
  const header: SheetCell[] = [
    ...TEMPLATE_HEADERS,
    ...others.map((fee) => fee.slice('other:'.length)),
    ...TEMPLATE_TAIL,
  ];
  const rows: SheetCell[][] = [
    header,
    ...lines.map((line) => [
      KIND_TEXT[line.kind],
      line.orderCode,
      line.sku,
      line.sellerSku,
      line.productName,
      line.quantity,
      line.gross,
      line.sellerDiscount || null,
      ...FEE_TYPES.map((fee) => line.fees[fee] ?? null),
      ...others.map((fee) => line.fees[fee] ?? null),
      line.netAmount,
      dateText(line.date),
      line.description,
    ]),
  ];
  return workbookBytes([['Sao kê', safeSheet(rows)]]);
}
