import type { OrderGroup } from '../../lib/orders/status-map';
import type { Sandbox } from '../../sandbox/index';
import type { NhanhSnapshot } from '../../sandbox/nhanh/index';

/*
 * What an order import leaves in Nhanh, compared between a faulty run and a fault-free one: shared by the unit
 * trials (`orders-harness.ts`) and the browser ones (`worker-deaths.spec.ts`), so it imports nothing of the
 * extension's runtime.
 */

/** Every status group: the import that touches the most of Nhanh (create, confirm, success, cancel). */
export const ALL_GROUPS: OrderGroup[] = ['new', 'confirmed', 'success', 'canceled'];

/** What a seller would check in Nhanh afterwards: each Tiki order once, its status, its lines, and the stock. */
export interface NhanhOutcome {
  orders: Record<string, { status: string; products: unknown }>;
  duplicates: string[];
  stock: NhanhSnapshot['stock'];
}

export function nhanhOutcome(sandbox: Sandbox): NhanhOutcome {
  const snapshot = sandbox.nhanh.snapshot();
  const orders: NhanhOutcome['orders'] = {};
  const duplicates: string[] = [];
  for (const order of snapshot.orders) {
    const code = order.appOrderId ?? `(no appOrderId ${order.id})`;
    if (orders[code]) duplicates.push(code);
    orders[code] = { status: order.status, products: order.products };
  }
  return { orders, duplicates, stock: snapshot.stock };
}
