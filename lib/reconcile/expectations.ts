import type { OrderRecord } from '../db';
import type { NhanhOrder, NhanhOrderStatus } from '../nhanh/contract';
import { isFinal, NHANH_STATUS_LABEL } from '../orders/status-map';
import type { TikiOrder } from '../tiki/schemas';
import type { FeeType } from './columns';
import type { NhanhSide, OrderExpectation } from './match';
import { parseStatementDate } from './values';

/**
 * What an order should pay, from the orders store (issue 6) or from a Tiki order (API or an orders file).
 * Assumptions (docs/reconciliation.md): `invoice.total_seller_income` is the statement's final amount
 * (OT-item); an order is "successful" from its first successful_delivery/delivered/complete history entry, or,
 * in the orders store that keeps no history, from its last Tiki update while in a success status.
 */

/** Tiki statuses after which the order is owed to the seller (the orders feature's "Thành công" group). */
export const SUCCESS_STATUSES: ReadonlySet<string> = new Set([
  'delivered',
  'successful_delivery',
  'complete',
]);

/** The report's fee type of an API fee key (`item.fees[].fee_type_key`); unknown keys keep their name. */
export function feeTypeOfKey(key: string, name: string): FeeType {
  if (key === 'base_fee') return 'fixed';
  if (key === 'payment_fee') return 'payment';
  if (key === 'commission_fee' || key.includes('commission')) return 'commission';
  if (key === 'pickup_fee' || key.includes('shipping') || key.includes('delivery')) return 'shipping';
  return `other:${name || key}`;
}

/** The expectation of a Tiki order (`GET /v2/orders/{code}?include=status_histories,item.fees`). */
export function expectationOfTikiOrder(order: TikiOrder, shopId: string | null): OrderExpectation {
  const fees: Partial<Record<FeeType, number>> = {};
  let hasFees = false;
  for (const item of order.items)
    for (const fee of item.invoice.fees ?? []) {
      hasFees = true;
      const type = feeTypeOfKey(fee.fee_type_key, fee.fee_type_name);
      // API fees are negative amounts; the report shows charges as positive amounts.
      fees[type] = (fees[type] ?? 0) - fee.final_amount;
    }
  const success = order.status_histories?.find((entry) => SUCCESS_STATUSES.has(entry.status));
  const successAt = success
    ? parseStatementDate(success.created_at)
    : SUCCESS_STATUSES.has(order.status)
      ? parseStatementDate(order.updated_at)
      : null;
  return {
    orderCode: order.code,
    shopId,
    status: order.status,
    sellerIncome: order.invoice.total_seller_income ?? null,
    fees: hasFees ? fees : null,
    successAt,
    nhanhOrderId: null,
    nhanh: null,
    source: 'tiki-api',
  };
}

/** The expectation of an order the orders feature stored. */
export function expectationOfOrderRecord(record: OrderRecord): OrderExpectation {
  return {
    orderCode: record.code,
    shopId: record.shopId,
    status: record.tikiStatus,
    sellerIncome: record.sellerIncome,
    fees: null,
    successAt: SUCCESS_STATUSES.has(record.tikiStatus) ? record.tikiUpdatedAt : null,
    nhanhOrderId: record.nhanhOrderId,
    nhanh: null,
    source: 'orders',
  };
}

/**
 * A Nhanh order as the reconciliation compares it: its value Σ (price − discount) × quantity (Nhanh's discount
 * is per unit), its status in Nhanh's own words, and whether it ended without a sale (any final status but
 * Success: canceled, failed, returned, sold out). Lines that could not be read leave it "not compared".
 */
export function nhanhSideOf(order: Pick<NhanhOrder, 'products' | 'status' | 'statusCode'>): NhanhSide {
  // Lines Nhanh sent in a shape we could not read: the order's value is unknown, so it is not compared.
  if (order.products === null) return { kind: 'unchecked', why: 'failed' };
  const amount = order.products.reduce((sum, line) => sum + (line.price - line.discount) * line.quantity, 0);
  return { kind: 'found', amount: Math.round(amount), ...nhanhStatusOf(order.status, order.statusCode) };
}

/** The status fields of a found Nhanh order; an int Nhanh's table does not name shows as `#<code>`. */
export function nhanhStatusOf(
  status: NhanhOrderStatus | undefined,
  statusCode: number | null,
): { status: string | null; canceled: boolean } {
  if (status === undefined) return { status: statusCode === null ? null : `#${statusCode}`, canceled: false };
  return { status: NHANH_STATUS_LABEL[status], canceled: isFinal(status) && status !== 'Success' };
}

/** Indexes expectations by order code (several shops can, rarely, hold the same code). */
export function indexExpectations(list: readonly OrderExpectation[]): Map<string, OrderExpectation[]> {
  const index = new Map<string, OrderExpectation[]>();
  for (const expectation of list) {
    const entries = index.get(expectation.orderCode);
    if (entries) entries.push(expectation);
    else index.set(expectation.orderCode, [expectation]);
  }
  return index;
}
