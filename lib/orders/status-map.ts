import type { OrderStatusGroup } from '../config/settings-schema';
import type { NhanhOrderStatus, NhanhSettableStatus } from '../nhanh/contract';
import type { TikiOrderStatus } from '../tiki/contract';

/*
 * The one status table of the orders feature (documented, with its reasons, in docs/order-status.md): every
 * Tiki order status → the help page's four groups (Mới, Đã xác nhận, Đã hủy, Thành công) or `other`, and the
 * Nhanh status each group drives an order to. A correction touches this file and that page only.
 */

/** A group the seller can choose to download; `other` is shown but imported only when chosen. */
export type OrderGroup = OrderStatusGroup | 'other';
export const ORDER_GROUPS: readonly OrderGroup[] = ['new', 'confirmed', 'canceled', 'success', 'other'];

/** Where a Tiki status belongs; `not-accepted` orders are never imported (Tiki has not accepted them yet). */
export type TikiStatusGroup = OrderGroup | 'not-accepted';

/**
 * OT-status values (delivered and successful_delivery are one documented row, so 17 rows, 18 values).
 * OT-ordguide: "only orders those reach status queueing… are considered as Tiki Accepted orders"; processing
 * and waiting_payment come before that and are excluded from every query.
 */
export const TIKI_STATUS_GROUP: Readonly<Record<TikiOrderStatus, TikiStatusGroup>> = {
  processing: 'not-accepted',
  waiting_payment: 'not-accepted',
  // Paid by card or wallet, still under Tiki's payment review: not a sale yet, nothing to ship.
  payment_review: 'other',
  queueing: 'new',
  paid: 'new',
  picking: 'confirmed',
  packaging: 'confirmed',
  finished_packing: 'confirmed',
  ready_to_ship: 'confirmed',
  handover_to_partner: 'confirmed',
  shipping: 'confirmed',
  holded: 'confirmed',
  delivered: 'success',
  successful_delivery: 'success',
  complete: 'success',
  canceled: 'canceled',
  closed: 'canceled',
  // Delivered, then sent back: never created in Nhanh; an order already there is driven to "Đã hoàn".
  returned: 'other',
};

/** Tiki statuses never asked for: sent to Tiki as `status=nin|…`, as its guide advises. */
export const NEVER_IMPORTED_STATUSES: readonly TikiOrderStatus[] = (
  Object.keys(TIKI_STATUS_GROUP) as TikiOrderStatus[]
).filter((status) => TIKI_STATUS_GROUP[status] === 'not-accepted');

/** The Tiki statuses of a group (for display: "Mới = queueing, paid"). */
export function tikiStatusesOf(group: OrderGroup): TikiOrderStatus[] {
  return (Object.keys(TIKI_STATUS_GROUP) as TikiOrderStatus[]).filter(
    (status) => TIKI_STATUS_GROUP[status] === group,
  );
}

/** The group of a Tiki status, or null for a status this version does not know (Tiki added one). */
export function groupOfStored(status: string): TikiStatusGroup | null {
  return Object.hasOwn(TIKI_STATUS_GROUP, status) ? TIKI_STATUS_GROUP[status as TikiOrderStatus] : null;
}

/** As `groupOfStored`, with an unknown status in `other`: shown, followed, never created. */
export function groupOf(status: string): TikiStatusGroup {
  return groupOfStored(status) ?? 'other';
}

/** The Nhanh status an order of each group must reach; `other` drives nothing. */
export const NHANH_TARGET: Readonly<Record<OrderGroup, NhanhOrderStatus | null>> = {
  new: 'New',
  confirmed: 'Confirmed',
  success: 'Success',
  canceled: 'Canceled',
  other: null,
};

/** The Nhanh status an order in this Tiki status must reach: its group's, and "Đã hoàn" for a return. */
export function nhanhTargetOf(status: string): NhanhOrderStatus | null {
  if (status === 'returned') return 'Returned';
  const group = groupOf(status);
  return group === 'not-accepted' ? null : NHANH_TARGET[group];
}

/**
 * Why an order in this status is never created in Nhanh even when its group is chosen: a return (it was sold
 * and sent back: creating it would hold stock forever), a payment still under review (not a sale yet), or a
 * status this version does not know. Null when it may be created.
 */
export function neverCreatedBecause(status: string): 'returned' | 'paymentReview' | 'unknownStatus' | null {
  if (status === 'returned') return 'returned';
  if (status === 'payment_review') return 'paymentReview';
  return groupOfStored(status) === null ? 'unknownStatus' : null;
}

export type NhanhStatusName = NhanhOrderStatus;

/** Nhanh's own Vietnamese names of its statuses [OFF-v1 S7 glossary], as the seller sees them in Nhanh. */
export const NHANH_STATUS_LABEL: Readonly<Record<NhanhOrderStatus, string>> = {
  New: 'Đơn mới',
  Confirming: 'Đang xác nhận',
  Confirmed: 'Đã xác nhận',
  CustomerConfirming: 'Chờ khách xác nhận',
  CarrierCanceled: 'Hãng vận chuyển hủy đơn',
  Shipping: 'Đang chuyển',
  Success: 'Thành công',
  Failed: 'Thất bại',
  Canceled: 'Khách hủy',
  Aborted: 'Hệ thống hủy',
  SoldOut: 'Hết hàng',
  Returning: 'Đang chuyển hoàn',
  Returned: 'Đã chuyển hoàn',
  ChangeDepot: 'Đổi kho xuất hàng',
  ConfirmReturned: 'Xác nhận hoàn',
  Packing: 'Đang đóng gói',
  Pickup: 'Chờ thu gom',
  Packed: 'Đã đóng gói',
};

/**
 * An order's page in Nhanh's admin, where the seller acts on it. [INF] Nhanh documents only the list page
 * (`https://nhanh.vn/order/manage/index` [OFF-v3 §8.1]); the detail page follows it.
 */
export function nhanhOrderPageUrl(orderId: number): string {
  return `https://nhanh.vn/order/manage/detail?id=${orderId}`;
}

/**
 * Rank of a Nhanh status on the way of an order: a transition only ever goes to a higher rank. Statuses
 * Nhanh or the carrier drive (packing, shipping…) sit between Confirmed and the end; every ending (success,
 * a cancel of any kind, a return) is final.
 */
export function nhanhRank(status: NhanhOrderStatus): number {
  switch (status) {
    case 'New':
      return 0;
    case 'Confirming':
    case 'CustomerConfirming':
      return 1;
    case 'Confirmed':
      return 2;
    case 'Packing':
    case 'Packed':
    case 'Pickup':
    case 'ChangeDepot':
    case 'Shipping':
      return 3;
    default:
      return 4;
  }
}

export function isFinal(status: NhanhOrderStatus): boolean {
  return nhanhRank(status) === 4;
}

/**
 * What a sync does with an order already in Nhanh (docs/order-status.md):
 * - `none`: Nhanh is already there, or ahead on the same road (the seller packed or finished it: fine);
 * - `set`: move it forward with `order/edit`;
 * - `carrier`: sent to a carrier through Nhanh, which now drives it: not ours to edit, nothing is wrong;
 * - `returned`: Tiki took it back but Nhanh cannot be moved (Thành công, or with the carrier): the seller
 *   handles the return in Nhanh;
 * - `conflict`: Nhanh says something Tiki contradicts: logged and shown to the seller, never overwritten.
 */
export type Transition =
  | { kind: 'none' }
  | { kind: 'set'; status: NhanhSettableStatus }
  | { kind: 'carrier' }
  | { kind: 'returned'; nhanh: NhanhOrderStatus; withCarrier: boolean }
  | { kind: 'conflict'; nhanh: NhanhOrderStatus; target: NhanhOrderStatus; withCarrier: boolean };

const RETURN_STATUSES: readonly NhanhOrderStatus[] = ['Returning', 'Returned', 'ConfirmReturned'];

export function decideTransition(
  current: { status: NhanhOrderStatus; sentToCarrier: boolean },
  target: NhanhOrderStatus | null,
): Transition {
  const { status, sentToCarrier } = current;
  if (target === null || status === target) return { kind: 'none' };
  if (target === 'Returned') {
    if (RETURN_STATUSES.includes(status)) return { kind: 'none' };
    if (status === 'Success' || sentToCarrier)
      return { kind: 'returned', nhanh: status, withCarrier: sentToCarrier };
    // Ended without a sale (a cancel, a failure): nothing left to take back.
    if (isFinal(status)) return { kind: 'none' };
    return { kind: 'set', status: 'Returned' };
  }
  if (isFinal(status)) {
    // Finished in Nhanh before Tiki says so: ahead on the same road. Any other ending contradicts Tiki.
    if (status === 'Success' && !isFinal(target)) return { kind: 'none' };
    return { kind: 'conflict', nhanh: status, target, withCarrier: sentToCarrier };
  }
  // "Đơn hàng đã gửi sang hãng vận chuyển … không được phép sửa" [OFF-v3 §8.3]: the carrier brings it to its end.
  if (sentToCarrier)
    return isFinal(target) && target !== 'Success'
      ? { kind: 'conflict', nhanh: status, target, withCarrier: true }
      : { kind: 'carrier' };
  if (nhanhRank(target) <= nhanhRank(status)) return { kind: 'none' };
  return { kind: 'set', status: target as NhanhSettableStatus };
}

/** The status an imported order is created with; a later status is then set with one `order/edit`. */
export function createStatusOf(group: OrderGroup): 'New' | 'Confirmed' {
  return group === 'confirmed' || group === 'success' ? 'Confirmed' : 'New';
}
