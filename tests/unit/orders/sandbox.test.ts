import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OrderRecord } from '../../../lib/db';
import type { OrderGroup } from '../../../lib/orders/status-map';
import { getMapping, getProductLinks } from '../../../lib/products/links';
import { unpairProducts } from '../../../lib/products/pairing';
import { readAllMappings, readTikiProducts, writeTikiProducts } from '../../../lib/products/store';
import type { TikiOrder } from '../../../lib/tiki/schemas';
import { expectedImports } from '../../fixtures/expected-orders';
import { type OrdersSetup, ordersSetup, SHOP_ID } from './harness';

/** Orders the rules let through (see `expectedImports`), by the links stored after pairing. */
async function importable(setup: OrdersSetup, groups: readonly OrderGroup[]): Promise<TikiOrder[]> {
  const links = await getProductLinks(
    setup.db,
    SHOP_ID,
    setup.seedOrders.flatMap((order) => order.items.map((item) => item.product.id)),
  );
  return expectedImports(setup.seedOrders, {
    groups,
    now: setup.clock.now(),
    paired: (id) => links.get(id)?.state === 'paired',
  });
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

  it('should drive Confirmed, then Success (stock deducted), and Canceled (stock returned) from Tiki statuses', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await setup.run({ kind: 'start', trigger: 'auto', groups: ['new'] });
    const [first, second] = (await importable(setup, ['new'])).filter((order) => order.items.length === 1);
    const line = (order: TikiOrder) => {
      const nhanhOrder = setup.nhanhOrders().get(order.code)!;
      return { productId: nhanhOrder.products[0]!.id, quantity: nhanhOrder.products[0]!.quantity };
    };
    const sold = line(first!);
    const stockAtStart = setup.stock(sold.productId);

    setup.clock.advance(60_000);
    setup.sandbox.tiki.setOrderStatus(first!.code, 'picking');
    await setup.run({ kind: 'start', trigger: 'auto', groups: ['new'] });
    expect(setup.nhanhOrders().get(first!.code)!.status).toBe('Confirmed');
    expect(setup.stock(sold.productId)).toEqual(stockAtStart);

    setup.clock.advance(60_000);
    setup.sandbox.tiki.setOrderStatus(first!.code, 'complete');
    const finished = await setup.run({ kind: 'start', trigger: 'auto', groups: ['new'] });
    expect(setup.nhanhOrders().get(first!.code)!.status).toBe('Success');
    expect(setup.stock(sold.productId)).toEqual({
      remain: stockAtStart.remain - sold.quantity,
      holding: stockAtStart.holding - sold.quantity,
    });
    if (finished.kind === 'done') expect(finished.cursor.counts.updated).toBe(1);

    const returned = line(second!);
    const beforeCancel = setup.stock(returned.productId);
    setup.clock.advance(60_000);
    setup.sandbox.tiki.setOrderStatus(second!.code, 'canceled');
    await setup.run({ kind: 'start', trigger: 'auto', groups: ['new'] });
    expect(setup.nhanhOrders().get(second!.code)!.status).toBe('Canceled');
    expect(setup.stock(returned.productId)).toEqual({
      remain: beforeCancel.remain,
      holding: beforeCancel.holding - returned.quantity,
    });
  });

  it('should never move a status backwards, and record (not overwrite) a status the seller changed in Nhanh', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await setup.run();
    const [done, canceledInNhanh] = await importable(setup, ['new']);
    setup.clock.advance(60_000);
    setup.sandbox.tiki.setOrderStatus(done!.code, 'complete');
    await setup.run();
    expect(setup.nhanhOrders().get(done!.code)!.status).toBe('Success');

    // Tiki going back to "shipping" does not undo a success.
    setup.clock.advance(60_000);
    setup.sandbox.tiki.setOrderStatus(done!.code, 'shipping');
    // The seller cancels another order in Nhanh itself, while Tiki delivers it.
    const nhanhId = setup.nhanhOrders().get(canceledInNhanh!.code)!.id;
    await setup.nhanh.updateOrderStatus({ orderId: nhanhId, status: 'Canceled' });
    setup.sandbox.tiki.setOrderStatus(canceledInNhanh!.code, 'complete');
    const result = await setup.run();

    expect(setup.nhanhOrders().get(done!.code)!.status).toBe('Success');
    expect(setup.nhanhOrders().get(canceledInNhanh!.code)!.status).toBe('Canceled');
    const stored = await records(setup);
    expect(stored.get(canceledInNhanh!.code)).toMatchObject({
      outcome: 'conflict',
      reason: { key: 'orders.conflict.status', params: { nhanh: 'Khách hủy', target: 'Thành công' } },
    });
    if (result.kind === 'done') expect(result.cursor.counts.conflict).toBe(1);
    const log = await setup.db.getAll('activityLog');
    expect(log.some((entry) => entry.text.key === 'orders.conflict.status')).toBe(true);
  });

  it.each(['ignored', 'honoured', 'refused'] as const)(
    "should relink, never duplicate, when the local link is lost (Nhanh's appOrderIds filter %s)",
    async (filter) => {
      const setup = await ordersSetup();
      await setup.pairProducts();
      await setup.run();
      const before = setup.sandbox.nhanh.snapshot().orders;

      setup.sandbox.setFaults({ nhanhAppOrderIdsFilter: filter });
      await setup.db.clear('orders');
      const relinked = await setup.run();
      expect(setup.sandbox.nhanh.snapshot().orders).toEqual(before);
      expect(relinked.kind).toBe('done');
      if (relinked.kind === 'done') expect(relinked.cursor.counts.present).toBe(before.length);
      const stored = await records(setup);
      const links = [...stored.values()].filter((record) => record.nhanhOrderId !== null);
      expect(links).toHaveLength(before.length);
      for (const record of links)
        expect(before.find((order) => order.id === record.nhanhOrderId)?.appOrderId).toBe(record.code);
    },
  );

  it('should resume a run whose worker died mid-page and end with exactly the expected orders', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const groups: OrderGroup[] = ['new', 'confirmed', 'success', 'canceled'];
    const expected = await importable(setup, groups);
    let calls = 0;
    const addOrder = setup.nhanh.addOrder;
    // The worker is stopped during the 30th order/add: nothing after it ever runs.
    setup.syncDeps.nhanh = {
      ...setup.nhanh,
      addOrder: (order) => (++calls >= 30 ? new Promise(() => {}) : addOrder(order)),
    };
    void setup.run({ groups });
    await expect.poll(() => calls).toBeGreaterThanOrEqual(30);
    const interrupted = await setup.db.get('jobs', `order-sync:${SHOP_ID}`);
    expect(interrupted?.state).toBe('running');

    // The next worker: a live lease of another holder makes it wait…
    setup.syncDeps.nhanh = setup.nhanh;
    setup.syncDeps.lease = { holder: 'next-worker' };
    expect((await setup.run({ kind: 'resume' })).kind).toBe('busy');
    // …until the lease expires (or the holder is known dead); then it resumes where the cursor stopped.
    setup.syncDeps.lease = { holder: 'next-worker', isDeadHolder: (holder) => holder === 'test-runner' };
    const resumed = await setup.run({ kind: 'resume' });

    expect(resumed.kind).toBe('done');
    const codes = setup.sandbox.nhanh.snapshot().orders.map((order) => order.appOrderId);
    expect(codes.sort()).toEqual(expected.map((order) => order.code).sort());
    if (resumed.kind !== 'done') return;
    expect(resumed.cursor.runId).toBe('run-1');
    expect(
      resumed.cursor.counts.created + resumed.cursor.counts.present + resumed.cursor.counts.updated,
    ).toBe(expected.length);
  });

  it('should block an order of a product deleted on Tiki unless "Luôn lấy sản phẩm về" is on, then create, pair and import it', async () => {
    const off = await ordersSetup();
    await off.pairProducts();
    // A product paired by barcode: its seller SKU is no Nhanh product's code, so Nhanh accepts a new product.
    const byBarcode = new Set(
      (await readAllMappings(off.db))
        .filter((mapping) => mapping.method !== 'sku-code')
        .map((mapping) => mapping.tikiProductId),
    );
    const groups: OrderGroup[] = ['new', 'confirmed', 'success', 'canceled'];
    const target = (await importable(off, groups)).find(
      (order) => order.items.length === 1 && byBarcode.has(order.items[0]!.product.id),
    );
    const productId = target!.items[0]!.product.id;
    // Deleted on Tiki (its API answers 404 for it), after the last download, and unpaired by the seller.
    const deleteOnTiki = async (setup: OrdersSetup) => {
      setup.sandbox.tiki.deleteProduct(productId);
      const product = (await readTikiProducts(setup.db, SHOP_ID)).find((record) => record.id === productId)!;
      await writeTikiProducts(setup.db, SHOP_ID, [{ ...product, deletedOnTiki: true }]);
      await unpairProducts(setup.db, SHOP_ID, [productId]);
    };
    await deleteOnTiki(off);
    await off.run({ groups });
    expect(off.nhanhOrders().has(target!.code)).toBe(false);
    const blocked = (await records(off)).get(target!.code)!;
    expect(blocked.outcome).toBe('blocked');
    expect(blocked.reason).toEqual({
      key: 'orders.blocked.deleted',
      params: { name: target!.items[0]!.product.name, sku: expect.any(String) },
    });
    expect(blocked.blockers[0]!.fix).toBe('always-fetch');

    const on = await ordersSetup({ alwaysFetchProducts: true });
    await on.pairProducts();
    await deleteOnTiki(on);
    await on.run({ groups });
    const created = on.sandbox.nhanh.snapshot().products.find((p) => p.appProductId === `tiki-${productId}`);
    expect(created).toBeDefined();
    expect(on.nhanhOrders().get(target!.code)!.products[0]!.id).toBe(created!.id);
    expect((await getMapping(on.db, SHOP_ID, productId))?.nhanhProductId).toBe(created!.id);
  });

  it("should list unpaired and changed products with the help page's message and the fix", async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const candidates = expectedImports(setup.seedOrders, {
      groups: ['new'],
      now: setup.clock.now(),
      paired: () => true,
    });
    const links = await getProductLinks(
      setup.db,
      SHOP_ID,
      candidates.flatMap((order) => order.items.map((item) => item.product.id)),
    );
    const unpaired = candidates.find((order) =>
      order.items.some((item) => links.get(item.product.id)?.state !== 'paired'),
    )!;
    const paired = candidates.find((order) =>
      order.items.every((item) => links.get(item.product.id)?.state === 'paired'),
    )!;
    // The seller renames a paired product on Tiki: the next catalogue download sees a new fingerprint.
    const renamedId = paired.items[0]!.product.id;
    const product = (await readTikiProducts(setup.db, SHOP_ID)).find((record) => record.id === renamedId)!;
    await writeTikiProducts(setup.db, SHOP_ID, [{ ...product, fingerprint: 'changed-on-tiki' }]);

    const result = await setup.run();

    const stored = await records(setup);
    const item = unpaired.items.find((line) => links.get(line.product.id)?.state !== 'paired')!;
    expect(stored.get(unpaired.code)!.blockers).toContainEqual({
      tikiProductId: item.product.id,
      name: item.product.name,
      sku: item.product.seller_product_code ?? item.product.sku,
      fix: 'pair',
      text: {
        key: 'orders.blocked.unpaired',
        params: { name: item.product.name, sku: item.product.seller_product_code ?? item.product.sku },
      },
    });
    expect(stored.get(paired.code)!.blockers.map((blocker) => blocker.fix)).toContain('repair');
    expect(setup.nhanhOrders().has(unpaired.code)).toBe(false);
    expect(setup.nhanhOrders().has(paired.code)).toBe(false);
    if (result.kind === 'done') expect(result.cursor.newlyBlocked).toBe(result.cursor.counts.blocked);
  });
});
