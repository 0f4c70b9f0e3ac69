import { describe, expect, it } from 'vitest';
import type { NhanhInventoryFilters } from '../../../lib/nhanh/contract';
import { orderFor, sellableProduct, setup } from './harness';

type Harness = ReturnType<typeof setup>;

/** Every row product/inventory gives for `filters`, paging `size` at a time. */
async function inventory(harness: Harness, filters: NhanhInventoryFilters = {}, size = 100) {
  const rows = [];
  for await (const page of harness.client.iterateInventory(filters, size)) rows.push(...page.rows);
  return rows;
}

/** Unix seconds now on the harness clock: what `updatedAtFrom` takes. */
const nowSeconds = (harness: Harness) => Math.floor(harness.clock.now() / 1000);

/** Moves the clock on and answers the second a following incremental read starts from. */
function nextSecond(harness: Harness): number {
  harness.clock.advance(60_000);
  return nowSeconds(harness);
}

describe('Nhanh product/inventory', () => {
  it('should page through every product once, with stock per depot and available = remain − holding', async () => {
    const harness = setup();
    const rows = await inventory(harness, {}, 10);
    expect(rows.map((row) => row.productId).sort()).toEqual(
      harness.seed.products.map((product) => product.id).sort(),
    );
    const calls = harness.sent.filter((request) => request.path.endsWith('/product/inventory'));
    expect(calls).toHaveLength(Math.ceil(harness.seed.products.length / 10));
    // The cursor goes back exactly as the previous page gave it.
    const firstPage = await harness.client.listInventory({}, undefined, 10);
    expect(JSON.parse(calls[1]!.body).paginator.next).toEqual(firstPage.next);
    const depot = harness.seed.depots[0]!.id;
    const product = sellableProduct(harness.seed, depot);
    const row = rows.find((candidate) => candidate.productId === product.id);
    expect(row?.stock?.byDepot[depot]).toEqual({
      remain: product.stock[depot],
      holding: 0,
      available: product.stock[depot],
    });
  });

  it('should read incrementally what moved as orders are held, succeed or are cancelled', async () => {
    const harness = setup();
    const depot = harness.seed.depots[0]!.id;
    const sold = sellableProduct(harness.seed, depot);
    const cancelled = sellableProduct(harness.seed, depot, 1);
    const remain = sold.stock[depot]!;

    let from = nextSecond(harness);
    const kept = await harness.client.addOrder(orderFor('TIKI-300001', depot, sold.id, 2));
    const dropped = await harness.client.addOrder(orderFor('TIKI-300002', depot, cancelled.id, 1));
    let rows = await inventory(harness, { updatedAtFrom: from });
    expect(rows.map((row) => row.productId).sort()).toEqual([sold.id, cancelled.id].sort());
    expect(rows.find((row) => row.productId === sold.id)?.stock?.byDepot[depot]).toEqual({
      remain,
      holding: 2,
      available: remain - 2,
    });

    from = nextSecond(harness);
    await harness.client.updateOrderStatus({ orderId: kept.id, status: 'Confirmed' });
    expect(await inventory(harness, { updatedAtFrom: from })).toEqual([]);
    await harness.client.updateOrderStatus({ orderId: kept.id, status: 'Success' });
    rows = await inventory(harness, { updatedAtFrom: from });
    expect(rows.map((row) => row.productId)).toEqual([sold.id]);
    expect(rows[0]?.stock?.byDepot[depot]).toEqual({ remain: remain - 2, holding: 0, available: remain - 2 });

    from = nextSecond(harness);
    await harness.client.updateOrderStatus({ orderId: dropped.id, status: 'Canceled' });
    rows = await inventory(harness, { updatedAtFrom: from });
    expect(rows.map((row) => row.productId)).toEqual([cancelled.id]);
    expect(rows[0]?.stock?.byDepot[depot]?.holding).toBe(0);
  });

  it("should see a stock bill entered in Nhanh, only for the depots asked, and a variant's move on its parent", async () => {
    const harness = setup();
    const [first, second] = harness.seed.depots as [
      (typeof harness.seed.depots)[number],
      (typeof harness.seed.depots)[number],
    ];
    const variant = harness.seed.products.find((product) => product.parentId > 0)!;
    const from = nextSecond(harness);
    const admin = await harness.sandbox.handle({
      method: 'POST',
      path: '/__admin/nhanh/stock',
      query: new URLSearchParams(),
      headers: {},
      body: JSON.stringify({ productId: variant.id, depotId: first.id, remain: 40 }),
    });
    expect(admin).toMatchObject({ status: 200, body: { remain: 40, holding: 0, available: 40 } });
    const rows = await inventory(harness, { updatedAtFrom: from, depotIds: [first.id] });
    expect(rows.map((row) => row.productId).sort()).toEqual([variant.id, variant.parentId].sort());
    const row = rows.find((candidate) => candidate.productId === variant.id)!;
    expect(Object.keys(row.stock?.byDepot ?? {})).toEqual([String(first.id)]);
    expect(row.stock).toMatchObject({ remain: 40, available: 40 });
    expect(row.stock?.byDepot[second.id]).toBeUndefined();
  });

  it('should refuse a stock bill that takes stock on hand below 0', async () => {
    const harness = setup();
    const depot = harness.seed.depots[0]!.id;
    const product = sellableProduct(harness.seed, depot);
    expect(() => harness.sandbox.nhanh.setStock(product.id, depot, { change: -10_000 })).toThrow(/below 0/);
    expect(harness.sandbox.nhanh.setStock(product.id, depot, { change: -1 }).remain).toBe(
      product.stock[depot]! - 1,
    );
  });

  it('should miss stock moves when updatedAtFrom compares product information only (the other reading of the docs)', async () => {
    const harness = setup({ faults: { nhanhInventoryUpdatedAt: 'product' } });
    const depot = harness.seed.depots[0]!.id;
    const product = sellableProduct(harness.seed, depot);
    const from = nextSecond(harness);
    harness.sandbox.nhanh.setStock(product.id, depot, { change: 5 });
    expect(await inventory(harness, { updatedAtFrom: from })).toEqual([]);
    const [full] = await inventory(harness, { ids: [product.id] });
    expect(full?.stock?.byDepot[depot]?.remain).toBe(product.stock[depot]! + 5);
  });

  it('should set aside a row it cannot read and keep the others', async () => {
    const harness = setup({
      doctor: (path, body) => {
        if (!path.endsWith('/product/inventory')) return body;
        const answer = body as { data: Record<string, unknown>[] };
        answer.data[0] = { barcode: 'không có productId' };
        const second = answer.data[1]!;
        second.inventory = { remain: '12', holding: '2', depots: [{ id: '7', remain: 12, holding: 2 }] };
        return answer;
      },
    });
    const page = await harness.client.listInventory({}, undefined, 5);
    expect(page.unreadable).toHaveLength(1);
    expect(page.rows).toHaveLength(4);
    expect(page.rows[0]?.stock).toEqual({
      remain: 12,
      holding: 2,
      available: 10,
      byDepot: { 7: { remain: 12, holding: 2, available: 10 } },
    });
  });
});
