import { describe, expect, it } from 'vitest';
import { NHANH_PATHS, orderAddBody, orderListBody } from '../../../lib/nhanh/contract';
import { createManualClock } from '../../../lib/time/clock';
import { createSandbox } from '../../../sandbox/index';
import type { ContractSurprise } from '../../../sandbox/types';

// biome-ignore lint/suspicious/noExplicitAny: raw API-shaped JSON
type Json = any;
const ORIGIN = 'http://sandbox.test';

function start(surprise: ContractSurprise | null) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, faults: { contractSurprise: surprise } });
  const main = sandbox.seed.tiki.shops[0]!;
  const nhanh = sandbox.seed.nhanh;
  const tiki = async (path: string) => {
    const response = await sandbox.fetch(`${ORIGIN}/tiki${path}`, {
      headers: { 'tiki-api': main.connectionKey },
    });
    return (await response.json()) as Json;
  };
  /** Every order of the main shop, as the list gives them (100 a page). */
  const allOrders = async () => {
    const orders: Json[] = [];
    for (let page = 1; page <= 4; page++)
      orders.push(...(await tiki(`/integration/v2/orders?limit=100&page=${page}`)).data);
    return orders;
  };
  const callNhanh = async (path: string, body: unknown) => {
    const query = `appId=${nhanh.appId}&businessId=${nhanh.businessId}`;
    const response = await sandbox.fetch(`${ORIGIN}/nhanh${path}?${query}`, {
      method: 'POST',
      headers: { authorization: nhanh.accessToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Json;
  };
  return { clock, sandbox, main, nhanh, tiki, allOrders, callNhanh };
}

describe('sandbox contract surprise', () => {
  it('should drift the same way for the same seed, and differently for another seed', async () => {
    const one = await start({ seed: 1, rate: 0.5 }).allOrders();
    const same = await start({ seed: 1, rate: 0.5 }).allOrders();
    const other = await start({ seed: 2, rate: 0.5 }).allOrders();
    expect(same).toEqual(one);
    expect(other).not.toEqual(one);
  });

  it('should keep what identifies an order and what the import needs, except on the marked unreadable ones', async () => {
    const world = start({ seed: 7, rate: 1, unreadableRate: 0.1 });
    const served = await world.allOrders();
    const report = world.sandbox.surprise();
    const unreadable = new Map(report.tiki.unreadableOrders.map(({ code, why }) => [code, why]));
    const unknown = new Map(report.tiki.unknownStatusOrders.map(({ code, status }) => [code, status]));
    expect(unreadable.size).toBeGreaterThan(0);
    expect(unknown.size).toBeGreaterThan(0);
    expect(report.tiki.driftedOrders.length).toBeGreaterThan(served.length / 2);
    const seeded = new Map((world.main.orders as Json[]).map((order) => [order.code, order]));
    expect(served).toHaveLength(seeded.size);
    for (const order of served) {
      const original = seeded.get(order.code);
      expect(original, order.code).toBeDefined();
      expect([original.created_at, original.updated_at]).toEqual([order.created_at, order.updated_at]);
      expect(order.status).toBe(unknown.get(order.code) ?? original.status);
      const why = unreadable.get(order.code);
      if (why === 'no-items') {
        expect(order.items).toBeUndefined();
        continue;
      }
      expect(order.items).toHaveLength(original.items.length);
      const missing = order.items.filter((item: Json) => item.product.id === undefined);
      expect(missing).toHaveLength(why === 'item-without-product-id' ? 1 : 0);
      order.items.forEach((item: Json, index: number) => {
        const before = original.items[index];
        if (item.product.id !== undefined) expect(item.product.id).toBe(before.product.id);
        expect([item.product.sku, item.product.name]).toEqual([before.product.sku, before.product.name]);
        expect([Number(item.price), Number(item.qty)]).toEqual([before.price, before.qty]);
        expect(Number(item.invoice.discount_coupon)).toBe(before.invoice.discount_coupon);
        expect(item.invoice.is_seller_discount_coupon).toBe(before.invoice.is_seller_discount_coupon);
      });
      expect(Number(order.invoice.total_seller_income)).toBe(original.invoice.total_seller_income);
    }
    // Some drift of every kind, numbers as strings among them.
    for (const kind of ['drop-optional', 'nulls', 'unknown-keys', 'unknown-enum', 'numbers-as-strings'])
      expect(report.changes[`tiki.order.${kind}`], kind).toBeGreaterThan(0);
    expect(served.some((order) => order.items?.some((item: Json) => typeof item.qty === 'string'))).toBe(
      true,
    );
  });

  it('should serve an unreadable order the same way in every list and in its detail', async () => {
    const world = start({ seed: 11, rate: 0.3, unreadableRate: 0.05 });
    await world.allOrders();
    const first = world.sandbox.surprise().tiki.unreadableOrders;
    await world.allOrders();
    expect(world.sandbox.surprise().tiki.unreadableOrders).toEqual(first);
    for (const { code, why } of first) {
      const detail = await world.tiki(`/integration/v2/orders/${code}`);
      if (why === 'no-items') expect(detail.items).toBeUndefined();
      else expect(detail.items.some((item: Json) => item.product.id === undefined)).toBe(true);
    }
  });

  it('should change only the answers, never the simulator’s records', async () => {
    const world = start({ seed: 3, rate: 1, unreadableRate: 0.2 });
    await world.allOrders();
    await world.allOrders();
    world.sandbox.setFaults({ contractSurprise: null });
    expect(await world.allOrders()).toEqual(await start(null).allOrders());
  });

  it('should vary Nhanh answers without losing ids, and answer order/add as [{id}] or {id}', async () => {
    const world = start({ seed: 5, rate: 1 });
    const product = world.nhanh.products.find((candidate) => !candidate.isParent)!;
    const depotId = world.nhanh.depots[0]!.id;
    const ids: number[] = [];
    for (let index = 0; index < 10; index++) {
      const answer = await world.callNhanh(
        NHANH_PATHS.orderAdd,
        orderAddBody({
          appOrderId: `T${index}`,
          depotId,
          customer: { name: 'Khách Tiki', mobile: '0987654321' },
          products: [{ id: product.id, price: 100_000, quantity: 1 }],
        }),
      );
      expect(answer.code).toBe(1);
      const data = Array.isArray(answer.data) ? answer.data[0] : answer.data;
      expect(typeof data.id).toBe('number');
      ids.push(data.id);
    }
    const now = Math.floor(world.clock.now() / 1000);
    const listed = await world.callNhanh(
      NHANH_PATHS.orderList,
      orderListBody({ window: { field: 'createdAt', from: now - 3600, to: now + 3600 } }, 50, undefined),
    );
    expect(listed.data.map((order: Json) => order.info.id).sort()).toEqual([...ids].sort());
    expect(listed.data.map((order: Json) => order.channel.appOrderId).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `T${index}`).sort(),
    );
    const products = await world.callNhanh(NHANH_PATHS.productList, { paginator: { size: 100 } });
    expect(
      products.data.every((row: Json) => typeof row.id === 'number' && typeof row.code === 'string'),
    ).toBe(true);
    const depotIds: unknown[] = [];
    for (let next: unknown, first = true; first || next !== undefined; first = false) {
      const depots = await world.callNhanh(
        NHANH_PATHS.depots,
        next === undefined ? {} : { paginator: { next } },
      );
      depotIds.push(...depots.data.map((depot: Json) => depot.id));
      next = depots.paginator?.next;
    }
    expect(depotIds).toEqual(world.nhanh.depots.map((depot) => depot.id));
    const report = world.sandbox.surprise();
    expect(report.changes['nhanh.order-add.shape']).toBe(10);
    expect(report.nhanh.driftedOrders.length + report.nhanh.unknownStatusOrders.length).toBeGreaterThan(0);
    expect(report.nhanh.driftedProducts.length).toBeGreaterThan(0);
    expect(
      products.data.some(
        (row: Json) => row.barcode === undefined || row.inventory.depots === undefined || !row.prices.retail,
      ),
    ).toBe(true);
  });

  it('should answer a Tiki token without token_type', async () => {
    const world = start({ seed: 9, rate: 1 });
    const response = await world.sandbox.fetch(`${ORIGIN}/tiki/sc/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa(`${world.main.clientId}:${world.main.clientSecret}`)}`,
      },
      body: 'grant_type=client_credentials',
    });
    const token = (await response.json()) as Json;
    expect(token.access_token).toEqual(expect.any(String));
    expect(token.token_type).toBeUndefined();
  });

  it('should take the knob from the admin route, refuse malformed values, and report what it did', async () => {
    const { sandbox } = start(null);
    const post = (body: unknown) =>
      sandbox.fetch(`${ORIGIN}/__admin/faults`, { method: 'POST', body: JSON.stringify(body) });
    for (const bad of [
      { seed: 1.5, rate: 0.3 },
      { seed: 1, rate: 2 },
      { seed: 1, rate: 0.3, extra: 1 },
      'on',
    ])
      expect((await post({ contractSurprise: bad })).status, JSON.stringify(bad)).toBe(400);
    expect((await post({ contractSurprise: { seed: 4, rate: 0.5 } })).status).toBe(200);
    const report = (await (await sandbox.fetch(`${ORIGIN}/__admin/surprise`)).json()) as Json;
    expect(report).toMatchObject({ config: { seed: 4, rate: 0.5 }, answers: 0 });
    expect((await post({ contractSurprise: null })).status).toBe(200);
  });
});
