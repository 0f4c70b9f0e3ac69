import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OrderRecord } from '../../../lib/db';
import { groupOf, type OrderGroup } from '../../../lib/orders/status-map';
import { isWithinOrderWindow } from '../../../lib/orders/window';
import { getProductLinks } from '../../../lib/products/links';
import { readTikiProducts, writeTikiProducts } from '../../../lib/products/store';
import { parseTikiDateTime } from '../../../lib/tiki/contract';
import type { TikiOrder } from '../../../lib/tiki/schemas';
import { type OrdersSetup, ordersSetup, SHOP_ID } from './harness';

/** Orders the rules let through: in the window, in a chosen group, every product paired. */
async function importable(setup: OrdersSetup, groups: readonly OrderGroup[]): Promise<TikiOrder[]> {
  const now = setup.clock.now();
  const candidates = setup.seedOrders.filter((order) => {
    const group = groupOf(order.status);
    return (
      group !== 'not-accepted' &&
      groups.includes(group) &&
      isWithinOrderWindow(parseTikiDateTime(order.updated_at), now)
    );
  });
  const links = await getProductLinks(
    setup.db,
    SHOP_ID,
    candidates.flatMap((order) => order.items.map((item) => item.product.id)),
  );
  return candidates.filter((order) =>
    order.items.every((item) => links.get(item.product.id)?.state === 'paired'),
  );
}

async function records(setup: OrdersSetup): Promise<Map<string, OrderRecord>> {
  const all = await setup.db.getAllFromIndex('orders', 'by-shop', SHOP_ID);
  return new Map(all.map((record) => [record.code, record]));
}

describe('orders against the sandbox', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should import exactly the new orders whose products are paired, once each, from the default customer', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const expected = await importable(setup, ['new']);
    expect(expected.length).toBeGreaterThan(5);

    const result = await setup.run();

    expect(result.kind).toBe('done');
    const inNhanh = setup.nhanhOrders();
    expect([...inNhanh.keys()].sort()).toEqual(expected.map((order) => order.code).sort());
    expect(setup.sandbox.nhanh.snapshot().orders).toHaveLength(expected.length);
    const sample = setup.sandbox.nhanh.snapshot().orders[0]!;
    expect(sample.status).toBe('New');
    expect(sample.depotId).toBe(setup.sandbox.seed.nhanh.depots[0]!.id);
    if (result.kind !== 'done') return;
    expect(result.cursor.counts.created).toBe(expected.length);
  });

  it('should change nothing in Nhanh when the same import runs again', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await setup.run({ groups: ['new', 'confirmed', 'success', 'canceled'] });
    const before = setup.sandbox.nhanh.snapshot();

    const again = await setup.run({ groups: ['new', 'confirmed', 'success', 'canceled'] });

    expect(again.kind).toBe('done');
    const after = setup.sandbox.nhanh.snapshot();
    expect(after.orders).toEqual(before.orders);
    expect(after.stock).toEqual(before.stock);
    if (again.kind !== 'done') return;
    expect(again.cursor.counts.created).toBe(0);
    expect(again.cursor.counts.updated).toBe(0);
    expect(again.cursor.counts.present).toBe(before.orders.length);
  });
});
