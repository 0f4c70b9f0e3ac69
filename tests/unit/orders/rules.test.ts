import { describe, expect, it } from 'vitest';
import type { ProductMappingRecord, TikiProductRecord } from '../../../lib/db';
import { translate } from '../../../lib/i18n';
import type { NhanhOrderStatus } from '../../../lib/nhanh/contract';
import { lineVerdict, orderVerdict } from '../../../lib/orders/blocking';
import type { ProductLink } from '../../../lib/orders/product-links';
import {
  createStatusOf,
  decideTransition,
  groupOf,
  groupOfStored,
  NEVER_IMPORTED_STATUSES,
  NHANH_TARGET,
  neverCreatedBecause,
  nhanhTargetOf,
  TIKI_STATUS_GROUP,
  tikiStatusesOf,
} from '../../../lib/orders/status-map';
import { isWithinOrderWindow, orderWindowStart } from '../../../lib/orders/window';
import { TIKI_ORDER_STATUSES } from '../../../lib/tiki/contract';
import type { TikiOrderItem } from '../../../lib/tiki/schemas';

describe('the order status table', () => {
  it('should name the group of a stored status, and nothing for a value it does not know', () => {
    expect(groupOfStored('paid')).toBe('new');
    expect(groupOfStored('waiting_payment')).toBe('not-accepted');
    for (const unknown of ['toString', '__proto__', 'PAID', 'on_hold'])
      expect(groupOfStored(unknown)).toBeNull();
  });

  it('should place every Tiki status in exactly one group', () => {
    expect(Object.keys(TIKI_STATUS_GROUP).sort()).toEqual([...TIKI_ORDER_STATUSES].sort());
    expect(tikiStatusesOf('new')).toEqual(['queueing', 'paid']);
    expect(tikiStatusesOf('confirmed')).toEqual([
      'picking',
      'packaging',
      'finished_packing',
      'ready_to_ship',
      'handover_to_partner',
      'shipping',
      'holded',
    ]);
    expect(tikiStatusesOf('success')).toEqual(['delivered', 'successful_delivery', 'complete']);
    expect(tikiStatusesOf('canceled')).toEqual(['canceled', 'closed']);
    expect(tikiStatusesOf('other')).toEqual(['payment_review', 'returned']);
  });

  it('should never import processing nor waiting_payment (not yet accepted by Tiki)', () => {
    expect(NEVER_IMPORTED_STATUSES).toEqual(['processing', 'waiting_payment']);
    expect(groupOf('processing')).toBe('not-accepted');
    expect(groupOf('waiting_payment')).toBe('not-accepted');
  });

  it('should drive confirmed → Confirmed, successful/complete → Success, canceled/closed → Canceled', () => {
    expect(NHANH_TARGET[groupOf('picking') as 'confirmed']).toBe('Confirmed');
    for (const status of ['successful_delivery', 'delivered', 'complete'] as const)
      expect(NHANH_TARGET[groupOf(status) as 'success']).toBe('Success');
    for (const status of ['canceled', 'closed'] as const)
      expect(NHANH_TARGET[groupOf(status) as 'canceled']).toBe('Canceled');
    expect(NHANH_TARGET.other).toBeNull();
    expect(createStatusOf('success')).toBe('Confirmed');
    expect(createStatusOf('new')).toBe('New');
  });

  it('should move statuses forward only, and call a contradiction a conflict', () => {
    const at = (status: NhanhOrderStatus) => ({ status, sentToCarrier: false });
    expect(decideTransition(at('New'), 'Confirmed')).toEqual({ kind: 'set', status: 'Confirmed' });
    expect(decideTransition(at('Confirmed'), 'Success')).toEqual({ kind: 'set', status: 'Success' });
    expect(decideTransition(at('New'), 'Canceled')).toEqual({ kind: 'set', status: 'Canceled' });
    // Backwards: nothing.
    expect(decideTransition(at('Confirmed'), 'New')).toEqual({ kind: 'none' });
    expect(decideTransition(at('Success'), 'Confirmed')).toEqual({ kind: 'none' });
    expect(decideTransition(at('Packing'), 'Confirmed')).toEqual({ kind: 'none' });
    // The same: nothing.
    expect(decideTransition(at('Success'), 'Success')).toEqual({ kind: 'none' });
    // Contradictions: an ending that differs.
    expect(decideTransition(at('Canceled'), 'Success')).toEqual({
      kind: 'conflict',
      nhanh: 'Canceled',
      target: 'Success',
      withCarrier: false,
    });
    expect(decideTransition(at('Success'), 'Canceled').kind).toBe('conflict');
    expect(decideTransition(at('Canceled'), 'Confirmed').kind).toBe('conflict');
  });

  it('should finish or cancel an order the seller is packing (order/edit forbids only carrier-sent and final orders)', () => {
    for (const status of ['Packing', 'Packed', 'ChangeDepot', 'Confirming', 'CustomerConfirming'] as const) {
      expect(decideTransition({ status, sentToCarrier: false }, 'Success')).toEqual({
        kind: 'set',
        status: 'Success',
      });
      expect(decideTransition({ status, sentToCarrier: false }, 'Canceled')).toEqual({
        kind: 'set',
        status: 'Canceled',
      });
    }
  });

  it('should leave an order sent to a carrier to Nhanh, unless Tiki cancels it', () => {
    const withCarrier = (status: NhanhOrderStatus) => ({ status, sentToCarrier: true });
    expect(decideTransition(withCarrier('Packed'), 'Success')).toEqual({ kind: 'carrier' });
    expect(decideTransition(withCarrier('Shipping'), 'Confirmed')).toEqual({ kind: 'carrier' });
    expect(decideTransition(withCarrier('Shipping'), 'Canceled')).toEqual({
      kind: 'conflict',
      nhanh: 'Shipping',
      target: 'Canceled',
      withCarrier: true,
    });
    // Reached Success through the carrier: nothing left to do.
    expect(decideTransition(withCarrier('Success'), 'Success')).toEqual({ kind: 'none' });
  });

  it('should drive a returned order to "Đã hoàn" where Nhanh allows it, and list it where it does not', () => {
    expect(nhanhTargetOf('returned')).toBe('Returned');
    expect(decideTransition({ status: 'Confirmed', sentToCarrier: false }, 'Returned')).toEqual({
      kind: 'set',
      status: 'Returned',
    });
    expect(decideTransition({ status: 'Success', sentToCarrier: false }, 'Returned')).toEqual({
      kind: 'returned',
      nhanh: 'Success',
      withCarrier: false,
    });
    expect(decideTransition({ status: 'Shipping', sentToCarrier: true }, 'Returned')).toEqual({
      kind: 'returned',
      nhanh: 'Shipping',
      withCarrier: true,
    });
    // Already on its way back, or never sold: nothing to do.
    for (const status of ['Returning', 'Returned', 'ConfirmReturned', 'Canceled', 'Aborted'] as const)
      expect(decideTransition({ status, sentToCarrier: false }, 'Returned')).toEqual({ kind: 'none' });
  });

  it('should never create a returned, payment-review or unknown-status order, whatever the filter', () => {
    expect(neverCreatedBecause('returned')).toBe('returned');
    expect(neverCreatedBecause('payment_review')).toBe('paymentReview');
    expect(neverCreatedBecause('waiting_for_pickup')).toBe('unknownStatus');
    expect(groupOf('waiting_for_pickup')).toBe('other');
    for (const status of ['queueing', 'picking', 'complete', 'canceled'])
      expect(neverCreatedBecause(status)).toBeNull();
  });
});

describe('the 30-day window (Asia/Ho_Chi_Minh)', () => {
  // 2026-11-28 10:00 in Vietnam.
  const now = Date.parse('2026-11-28T03:00:00Z');

  it('should start at midnight in Vietnam, 29 days before today', () => {
    expect(orderWindowStart(now)).toBe(Date.parse('2026-10-30T00:00:00+07:00'));
    expect(isWithinOrderWindow(Date.parse('2026-10-30T00:00:00+07:00'), now)).toBe(true);
    expect(isWithinOrderWindow(Date.parse('2026-10-29T23:59:59+07:00'), now)).toBe(false);
  });

  it('should count days in Vietnam even where the UTC date differs', () => {
    // 17:30 UTC on the 28th is already 00:30 on the 29th in Vietnam: the window moves a day.
    const lateUtc = Date.parse('2026-11-28T17:30:00Z');
    expect(orderWindowStart(lateUtc)).toBe(Date.parse('2026-10-31T00:00:00+07:00'));
    expect(isWithinOrderWindow(Date.parse('2026-10-30T12:00:00+07:00'), lateUtc)).toBe(false);
    // 16:59 UTC is still the 28th in Vietnam.
    const stillSame = Date.parse('2026-11-28T16:59:59Z');
    expect(orderWindowStart(stillSame)).toBe(Date.parse('2026-10-30T00:00:00+07:00'));
  });
});

function item(overrides: Partial<TikiOrderItem['product']> = {}): TikiOrderItem {
  return {
    id: 1,
    product: {
      id: 42,
      sku: '2561715896689',
      name: 'Nhà Giả Kim',
      super_id: 0,
      seller_product_code: 'SACH-002',
      ...overrides,
    },
    price: 59_000,
    qty: 1,
    invoice: { subtotal: 59_000, seller_fee: -5_000, seller_income: 54_000 },
  } as TikiOrderItem;
}

function link(state: ProductLink['state'], extra: Partial<ProductLink> = {}): ProductLink {
  return {
    state,
    product: { id: 42 } as TikiProductRecord,
    mapping: state === 'unpaired' ? undefined : ({ nhanhProductId: 7 } as ProductMappingRecord),
    nhanhProductId: state === 'paired' ? 7 : null,
    ...extra,
  };
}

const downloaded = { alwaysFetchProducts: false, catalogueDownloaded: true };

describe('the blocking rules of an order line', () => {
  it('should let a paired product through with its Nhanh product', () => {
    expect(lineVerdict(item(), link('paired'), downloaded)).toEqual({ kind: 'ready', nhanhProductId: 7 });
  });

  it("should block an unpaired product with the help page's exact message, and offer pairing", () => {
    const verdict = lineVerdict(item(), link('unpaired'), downloaded);
    expect(verdict.kind).toBe('blocked');
    if (verdict.kind !== 'blocked') return;
    expect(verdict.blocker.fix).toBe('pair');
    expect(translate('vi', verdict.blocker.text)).toBe(
      'Sản phẩm Nhà Giả Kim (SACH-002) chưa được ghép với sản phẩm trên Nhanh',
    );
    // No seller SKU: Tiki's own SKU is shown.
    const noCode = lineVerdict(item({ seller_product_code: null }), link('ambiguous'), downloaded);
    if (noCode.kind === 'blocked')
      expect(translate('vi', noCode.blocker.text)).toContain('Nhà Giả Kim (2561715896689)');
  });

  it('should block a product changed on Tiki since pairing and offer re-pairing', () => {
    const verdict = lineVerdict(item(), link('needs-repair'), downloaded);
    expect(verdict.kind === 'blocked' && verdict.blocker.fix).toBe('repair');
    if (verdict.kind === 'blocked')
      expect(translate('vi', verdict.blocker.text)).toContain('đã bị sửa tên, SKU hoặc thuộc tính trên Tiki');
  });

  it('should import a product deleted on Tiki only with "Luôn lấy sản phẩm về"', () => {
    const deleted = link('deleted', { mapping: undefined });
    const off = lineVerdict(item(), deleted, downloaded);
    expect(off.kind === 'blocked' && off.blocker.fix).toBe('always-fetch');
    if (off.kind === 'blocked') expect(translate('vi', off.blocker.text)).toContain('Luôn lấy sản phẩm về');
    const on = { ...downloaded, alwaysFetchProducts: true };
    expect(lineVerdict(item(), deleted, on).kind).toBe('create');
    // Still paired from before the deletion: that Nhanh product, no second copy.
    expect(lineVerdict(item(), link('deleted'), on)).toEqual({ kind: 'ready', nhanhProductId: 7 });
  });

  it('should treat a product missing from a downloaded catalogue as deleted, but not before any download', () => {
    const missing = link('unpaired', { product: undefined });
    const on = { ...downloaded, alwaysFetchProducts: true };
    expect(lineVerdict(item(), missing, on).kind).toBe('create');
    const before = lineVerdict(item(), missing, { ...on, catalogueDownloaded: false });
    expect(before.kind === 'blocked' && before.blocker.fix).toBe('pair');
  });

  it('should block the whole order when one line is blocked, listing each product once', () => {
    const order = { items: [item(), item({ id: 43, name: 'Dế Mèn' }), item({ id: 43, name: 'Dế Mèn' })] };
    const links = new Map([
      [42, link('paired')],
      [43, link('unpaired', { product: { id: 43 } as TikiProductRecord })],
    ]);
    const verdict = orderVerdict(order, links, downloaded);
    expect(verdict.kind).toBe('blocked');
    if (verdict.kind === 'blocked')
      expect(verdict.blockers.map((blocker) => blocker.tikiProductId)).toEqual([43]);
  });
});
