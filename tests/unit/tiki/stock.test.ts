import { describe, expect, it } from 'vitest';
import { translate } from '../../../lib/i18n';
import {
  TIKI_MAX_RETRY_AFTER_MS,
  TIKI_MAX_SKUS_PER_BATCH,
  type TikiSkuUpdate,
} from '../../../lib/tiki/contract';
import { isTikiUpdateRefused } from '../../../lib/tiki/errors';
import type { SeedData } from '../../../sandbox/types';
import { BASE_URL, createHarness, failure, json } from './setup';

// biome-ignore lint/suspicious/noExplicitAny: the seed is raw API-shaped JSON
type Json = any;
type Harness = ReturnType<typeof createHarness>;

const UPDATE_SKU = '/integration/v2/products/updateSku';
const UPDATE_SKUS = '/integration/v2.1/products/updateSkus';

/** The main shop's simple products whose quantities the seller keeps (not FBT), in seed order. */
function sellerStocked(harness: Harness): Json[] {
  return (harness.main.products as Json[]).filter(
    (product) =>
      product.type === 'simple' &&
      product.entity_type === 'seller_simple' &&
      product.inventory.inventory_type !== 'instock',
  );
}

function pickupWarehouses(harness: Harness): number[] {
  return (harness.main.warehouses ?? [])
    .filter((warehouse) => warehouse.type === 'requisition')
    .map((warehouse) => warehouse.id);
}

function update(productId: number, quantities: Record<number, number>): TikiSkuUpdate {
  return {
    product_id: productId,
    warehouse_quantities: Object.entries(quantities).map(([id, qty]) => ({
      warehouse_id: Number(id),
      qty_available: qty,
    })),
  };
}

/** What Tiki shows now for a product, warehouse by warehouse, through the client's one-product read. */
async function shownQuantities(
  harness: Harness,
  productId: number,
): Promise<Record<number, number | null | undefined>> {
  const product = await harness.appClient().getProduct(productId);
  return Object.fromEntries(
    (product.inventory?.warehouse_stocks ?? []).map((stock) => [
      stock.warehouse_id,
      stock.quantity_available,
    ]),
  );
}

describe('Tiki seller warehouses', () => {
  it('should list the seeded warehouses, the pickup ones when asked, with the primary one marked', async () => {
    const harness = createHarness();
    const all = await harness.appClient().sellerWarehouses();
    expect(all.warehouses.map((warehouse) => warehouse.id)).toEqual([387453, 387454, 387460]);
    const pickup = await harness.appClient().sellerWarehouses({ active: true, type: 'requisition' });
    expect(pickup.warehouses).toEqual([
      { id: 387453, name: 'Kho Hà Nội', active: true, type: 'requisition', is_primary: true },
      { id: 387454, name: 'Kho Hồ Chí Minh', active: true, type: 'requisition', is_primary: false },
    ]);
    const small = await harness.client({ connectionKey: harness.small.connectionKey }).sellerWarehouses({
      type: 'requisition',
    });
    expect(small.warehouses.map((warehouse) => warehouse.id)).toEqual([402118]);
  });

  it('should page through a long warehouse list and set aside a row it cannot read', async () => {
    const extendSeed = (seed: SeedData): SeedData => {
      const [main] = seed.tiki.shops;
      main!.warehouses = Array.from({ length: 120 }, (_, index) => ({
        id: 500_000 + index,
        name: `Kho ${index}`,
        is_primary: index === 0,
        status: 1 as const,
        type: 'requisition' as const,
      }));
      return seed;
    };
    const harness = createHarness({
      extendSeed,
      intercept: (url) =>
        url.pathname.endsWith('/sellers/me/warehouses') && url.searchParams.get('page') === '3'
          ? json(200, {
              data: [{ name: 'không có id' }, { id: '500100', name: 'Kho 100', status: '1', type: 1 }],
              paging: { total: 102, current_page: 3, per_page: 50, last_page: 3 },
            })
          : undefined,
    });
    const { warehouses, unreadable } = await harness.appClient().sellerWarehouses();
    expect(harness.callsTo('/integration/v2/sellers/me/warehouses')).toBe(3);
    expect(warehouses).toHaveLength(101);
    expect(warehouses.at(-1)).toEqual({
      id: 500100,
      name: 'Kho 100',
      active: true,
      type: 'requisition',
      is_primary: false,
    });
    expect(unreadable).toHaveLength(1);
  });
});

describe('The quantities Tiki shows', () => {
  it('should read counts sent as strings, drop a warehouse row without id, and keep a product whose inventory is unreadable', async () => {
    const harness = createHarness({
      intercept: (url) => {
        if (!url.pathname.endsWith('/integration/v2.1/products')) return undefined;
        const [first, second] = sellerStocked(harness);
        return json(200, {
          data: [
            {
              ...first,
              inventory: {
                ...first.inventory,
                warehouse_stocks: [
                  {
                    warehouse_id: '387453',
                    quantity_available: '12',
                    quantity_reserved: '2',
                    quantity_sellable: 'n/a',
                  },
                  { quantity_available: 5 },
                ],
              },
            },
            { ...second, inventory: 'không rõ' },
          ],
          paging: { total: 2, current_page: 1, per_page: 50, last_page: 1 },
        });
      },
    });
    const page = await harness.appClient().listProducts(1);
    expect(page.unreadable).toEqual([]);
    expect(page.data[0]?.inventory?.warehouse_stocks).toEqual([
      { warehouse_id: 387453, quantity_available: 12, quantity_reserved: 2, quantity_sellable: undefined },
    ]);
    expect(page.data[1]?.inventory).toBeUndefined();
  });
});

describe('Tiki updateSku', () => {
  it("should set one product's quantities, visible afterwards in the product list and the one-product read", async () => {
    const harness = createHarness();
    const [hanoi, hcm] = pickupWarehouses(harness) as [number, number];
    const product = sellerStocked(harness)[0];
    harness.clock.advance(3_600_000);
    const pushedAt = harness.clock.now();
    await harness.appClient().updateSku(update(product.product_id, { [hanoi]: 17, [hcm]: 18 }));
    expect(await shownQuantities(harness, product.product_id)).toEqual({ [hanoi]: 17, [hcm]: 18 });
    const changed = [];
    for await (const page of harness.appClient().iterateProducts({ updatedFrom: pushedAt }))
      changed.push(...page.data);
    expect(changed.map((row) => row.product_id)).toEqual([product.product_id]);
    const [shown] = changed;
    const reserved = (product.inventory.warehouse_stocks as Json[]).find((row) => row.warehouse_id === hanoi)
      .quantity_reserved as number;
    expect(shown?.inventory?.warehouse_stocks.find((row) => row.warehouse_id === hanoi)).toMatchObject({
      quantity_available: 17,
      quantity_reserved: reserved,
      quantity_sellable: 17 - reserved,
    });
    const admin = await harness.sandbox.handle({
      method: 'GET',
      path: `/__admin/tiki/products/${product.product_id}/stock`,
      query: new URLSearchParams(),
      headers: {},
      body: '',
    });
    expect(admin.body).toMatchObject({
      productId: product.product_id,
      warehouses: [
        { warehouse_id: hanoi, quantity_available: 17 },
        { warehouse_id: hcm, quantity_available: 18 },
      ],
    });
    expect((admin.body as { updatedAt: string }).updatedAt).not.toBe(product.updated_at);
  });

  it('should see a warehouse left out of warehouse_quantities set to 0, as Tiki does', async () => {
    const harness = createHarness();
    const [hanoi, hcm] = pickupWarehouses(harness) as [number, number];
    const product = sellerStocked(harness).find((candidate) =>
      (candidate.inventory.warehouse_stocks as Json[]).some(
        (row) => row.warehouse_id === hcm && row.quantity_available > 0,
      ),
    );
    await harness.appClient().updateSku(update(product.product_id, { [hanoi]: 5 }));
    expect(await shownQuantities(harness, product.product_id)).toEqual({ [hanoi]: 5, [hcm]: 0 });
  });

  it("should refuse an unknown warehouse with Tiki's own text, once, without retrying", async () => {
    const harness = createHarness();
    const product = sellerStocked(harness)[0];
    const before = await shownQuantities(harness, product.product_id);
    const error = await failure(harness.appClient().updateSku(update(product.product_id, { 15936811: 3 })));
    expect(error.code).toBe('update_rejected');
    expect(error.status).toBe(400);
    expect(error.tikiErrors).toEqual(["update error [Warehouse '[15936811]' are not found]"]);
    expect(translate('vi', error.text)).toContain("Warehouse '[15936811]' are not found");
    expect(harness.callsTo(UPDATE_SKU)).toBe(1);
    expect(await shownQuantities(harness, product.product_id)).toEqual(before);
  });

  it('should refuse an unknown product, and a product Tiki fulfils itself (FBT)', async () => {
    const harness = createHarness();
    const [hanoi] = pickupWarehouses(harness) as [number];
    const unknown = await failure(harness.appClient().updateSku(update(1, { [hanoi]: 3 })));
    expect(unknown).toMatchObject({ code: 'update_rejected', tikiErrors: ["Product '[1]' is not found"] });
    const fbt = (harness.main.products as Json[]).find(
      (product) => product.type === 'simple' && product.inventory.inventory_type === 'instock',
    );
    const refused = await failure(harness.appClient().updateSku(update(fbt.product_id, { [hanoi]: 3 })));
    expect(refused.code).toBe('update_rejected');
    expect(refused.tikiErrors[0]).toContain('instock');
  });
});

describe('Tiki updateSkus', () => {
  it('should read per-item results: the good products applied, the bad one with its own text', async () => {
    const harness = createHarness();
    const [hanoi, hcm] = pickupWarehouses(harness) as [number, number];
    const [first, second] = sellerStocked(harness);
    const results = await harness
      .appClient()
      .updateSkus([
        update(first.product_id, { [hanoi]: 7, [hcm]: 8 }),
        update(second.product_id, { [hanoi]: 1, 42: 2 }),
      ]);
    expect(results[0]).toEqual({ product_id: first.product_id, ok: true });
    expect(results[1]).toMatchObject({
      product_id: second.product_id,
      ok: false,
      tikiErrors: ["update error [Warehouse '[42]' are not found]"],
    });
    expect(harness.callsTo(UPDATE_SKUS)).toBe(1);
    expect(await shownQuantities(harness, first.product_id)).toEqual({ [hanoi]: 7, [hcm]: 8 });
  });

  it('should read a single envelope, and re-send a batch Tiki refuses as a whole product by product', async () => {
    const harness = createHarness({ faults: { tikiBatchAnswer: 'envelope' } });
    const [hanoi, hcm] = pickupWarehouses(harness) as [number, number];
    const [first, second, third] = sellerStocked(harness);
    const approved = await harness
      .appClient()
      .updateSkus([update(first.product_id, { [hanoi]: 2, [hcm]: 3 })]);
    expect(approved).toEqual([{ product_id: first.product_id, ok: true }]);

    const results = await harness
      .appClient()
      .updateSkus([update(second.product_id, { [hanoi]: 4, [hcm]: 4 }), update(third.product_id, { 42: 1 })]);
    expect(results.map((result) => result.ok)).toEqual([true, false]);
    expect(results[1]).toMatchObject({ tikiErrors: ["update error [Warehouse '[42]' are not found]"] });
    expect(harness.callsTo(UPDATE_SKUS)).toBe(2);
    expect(harness.callsTo(UPDATE_SKU)).toBe(2);
    expect(await shownQuantities(harness, second.product_id)).toEqual({ [hanoi]: 4, [hcm]: 4 });
  });

  it(`should keep batches to ${TIKI_MAX_SKUS_PER_BATCH} products: the client refuses more, so does the sandbox`, async () => {
    const harness = createHarness();
    const [hanoi] = pickupWarehouses(harness) as [number];
    const product = sellerStocked(harness)[0];
    const tooMany = Array.from({ length: TIKI_MAX_SKUS_PER_BATCH + 1 }, () =>
      update(product.product_id, { [hanoi]: 1 }),
    );
    await expect(harness.appClient().updateSkus(tooMany)).rejects.toThrow(RangeError);
    expect(harness.callsTo(UPDATE_SKUS)).toBe(0);
    const token = await harness.sandbox.fetch(`${BASE_URL}/sc/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: harness.main.clientId,
        client_secret: harness.main.clientSecret,
      }),
    });
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const answer = await harness.sandbox.fetch(`${BASE_URL}${UPDATE_SKUS}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: tooMany }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ errors: ['data must be an array of 1 to 50 products'] });
  });

  it('should match per-item rows by product, by position only when a row names none, and report a product left without a row', async () => {
    const answers = [
      {
        data: [
          { product_id: 2, state: 'approved' },
          { product_id: 1, errors: ['Sai kho'] },
        ],
      },
      { data: [{ state: 'approved' }, { state: 'rejected', errors: ['Sai giá'] }] },
      { data: [{ product_id: 2, state: 'approved' }] },
    ];
    const harness = createHarness({
      intercept: (url) => (url.pathname.endsWith(UPDATE_SKUS) ? json(200, answers.shift()) : undefined),
    });
    const client = harness.appClient();
    const batch = [update(1, { 387453: 1 }), update(2, { 387453: 1 })];
    const outcome = async () =>
      (await client.updateSkus(batch)).map((result) =>
        result.ok ? 'ok' : result.tikiErrors.join() || result.error.code,
      );
    expect(await outcome()).toEqual(['Sai kho', 'ok']);
    expect(await outcome()).toEqual(['ok', 'Sai giá']);
    expect(await outcome()).toEqual(['invalid_response', 'ok']);
  });

  it('should refuse a product that is not seller_simple in a batch', async () => {
    const harness = createHarness();
    const [hanoi] = pickupWarehouses(harness) as [number];
    const parent = (harness.main.products as Json[]).find((product) => product.type === 'configurable');
    const [result] = await harness.appClient().updateSkus([update(parent.product_id, { [hanoi]: 1 })]);
    expect(result).toMatchObject({ ok: false, tikiErrors: [expect.stringContaining('seller_simple')] });
  });
});

describe('Who may update', () => {
  it('should refuse updates through the seller-center key by default, recognisably, and accept them when Tiki does', async () => {
    const refusing = createHarness();
    const [hanoi] = pickupWarehouses(refusing) as [number];
    const product = sellerStocked(refusing)[0];
    const error = await failure(refusing.keyClient().updateSku(update(product.product_id, { [hanoi]: 1 })));
    expect(isTikiUpdateRefused(error)).toBe(true);
    expect(error.status).toBe(403);
    expect(translate('vi', error.text)).toContain('open.tiki.vn');
    await expect(
      refusing.keyClient().updateSkus([update(product.product_id, { [hanoi]: 1 })]),
    ).rejects.toSatisfy(isTikiUpdateRefused);
    expect(refusing.callsTo(UPDATE_SKU) + refusing.callsTo(UPDATE_SKUS)).toBe(2);

    const accepting = createHarness({ faults: { tikiKeyMayUpdate: true } });
    await accepting.keyClient().updateSku(update(product.product_id, { [hanoi]: 9 }));
    expect((await shownQuantities(accepting, product.product_id))[hanoi]).toBe(9);
  });

  it('should show can_update_product 0 and refuse an app of such a seller', async () => {
    const harness = createHarness({
      extendSeed: (seed) => {
        seed.tiki.shops[0]!.canUpdateProduct = false;
        return seed;
      },
    });
    expect((await harness.appClient().getSeller()).can_update_product).toBe(false);
    const [hanoi] = pickupWarehouses(harness) as [number];
    const product = sellerStocked(harness)[0];
    const error = await failure(harness.appClient().updateSku(update(product.product_id, { [hanoi]: 1 })));
    expect(isTikiUpdateRefused(error)).toBe(true);
    expect(error.tikiErrors[0]).toContain('can_update_product');
    // As a tester switches it back on: the admin route the e2e tests use.
    const answer = await harness.sandbox.handle({
      method: 'POST',
      path: `/__admin/tiki/sellers/${harness.main.sellerId}/can-update-product`,
      query: new URLSearchParams(),
      headers: {},
      body: JSON.stringify({ canUpdateProduct: true }),
    });
    expect(answer.status).toBe(200);
    await harness.appClient().updateSku(update(product.product_id, { [hanoi]: 1 }));
  });
});

describe('Tiki 429 on updates', () => {
  it('should wait exactly what Retry-After asks, then succeed', async () => {
    let refused = 0;
    const harness = createHarness({
      intercept: (url) =>
        url.pathname.endsWith(UPDATE_SKU) && refused++ === 0
          ? new Response(JSON.stringify({ errors: ['Too many requests'] }), {
              status: 429,
              headers: { 'content-type': 'application/json', 'retry-after': '7' },
            })
          : undefined,
    });
    const [hanoi] = pickupWarehouses(harness) as [number];
    const product = sellerStocked(harness)[0];
    const client = harness.appClient();
    await client.getSeller();
    const start = harness.clock.now();
    await client.updateSku(update(product.product_id, { [hanoi]: 4 }));
    expect(harness.clock.now() - start).toBe(7_000);
    expect(harness.callsTo(UPDATE_SKU)).toBe(2);
  });

  it("should honour the sandbox's Retry-After in a 429 storm, up to the retry cap", async () => {
    const harness = createHarness({ faults: { rateLimitStorm: true, tikiRetryAfterSeconds: 2 } });
    const product = sellerStocked(harness)[0];
    const start = harness.clock.now();
    const error = await failure(harness.keyClient().updateSku(update(product.product_id, { 387453: 1 })));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 2_000, retryable: true });
    // FAST_RETRY allows 4 attempts: 3 waits of exactly 2 s.
    expect(harness.clock.now() - start).toBe(6_000);
    expect(harness.callsTo(UPDATE_SKU)).toBe(4);
  });

  it('should give up at once, retryable, when Retry-After asks for longer than the cap', async () => {
    const seconds = TIKI_MAX_RETRY_AFTER_MS / 1000 + 1;
    const harness = createHarness({ faults: { rateLimitStorm: true, tikiRetryAfterSeconds: seconds } });
    const product = sellerStocked(harness)[0];
    const error = await failure(harness.keyClient().updateSku(update(product.product_id, { 387453: 1 })));
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true });
    expect(harness.callsTo(UPDATE_SKU)).toBe(1);
  });
});
