import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http/api-error';
import type { TikiOrder } from '../../../lib/tiki/schemas';
import type { TikiToken, TikiTokenCache } from '../../../lib/tiki/token';
import { createHarness, json } from './setup';

// biome-ignore lint/suspicious/noExplicitAny: the seed is raw API-shaped JSON
type Json = any;
const DAY = 86_400_000;
const wallTimeToMs = (text: string) => Date.parse(`${text.replace(' ', 'T')}+07:00`);

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function collect<T>(pages: AsyncGenerator<{ data: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.data);
  return all;
}

describe('Tiki client against the sandbox', () => {
  it('should check the connection with the connection key and with the in-house app', async () => {
    const harness = createHarness();
    for (const client of [harness.keyClient(), harness.appClient()]) {
      const seller = await client.getSeller();
      expect(seller).toMatchObject({ id: harness.main.sellerId, name: harness.main.name, active: true });
    }
  });

  it('should page through every product to the last page, inventory included', async () => {
    const harness = createHarness();
    const products = await collect(harness.keyClient().iterateProducts());
    expect(products).toHaveLength(harness.main.products.length);
    expect(new Set(products.map((product) => product.product_id)).size).toBe(products.length);
    expect(harness.callsTo('/integration/v2.1/products')).toBe(Math.ceil(harness.main.products.length / 50));
    for (const product of products) {
      expect(product.inventory?.fulfillment_type).toBeTypeOf('string');
      expect(product.price).toBeTypeOf('number');
    }
    // Sellers leave the SKU empty: the client gives null, never "".
    expect(products.some((product) => product.original_sku === null)).toBe(true);
    expect(products.some((product) => product.original_sku === '')).toBe(false);
  });

  it('should list only active products when asked', async () => {
    const harness = createHarness();
    const active = await collect(harness.keyClient().iterateProducts({ active: true }));
    const expected = (harness.main.products as Json[]).filter((product) => String(product.active) === '1');
    expect(active.map((product) => product.product_id).sort()).toEqual(
      expected.map((product) => product.product_id).sort(),
    );
    expect(active.every((product) => product.active)).toBe(true);
  });

  it('should read one product with its attributes and normalised money', async () => {
    const harness = createHarness();
    const seeded = (harness.main.products as Json[]).find((product) => typeof product.price === 'string');
    const product = await harness.keyClient().getProduct(seeded.product_id);
    expect(product.product_id).toBe(seeded.product_id);
    expect(product.price).toBe(Number(seeded.price));
    expect(product.attributes).toBeDefined();
    expect(product.inventory?.warehouse_stocks.length).toBeGreaterThan(0);
  });

  it('should page through the orders a sync asks for: accepted, updated in the last 7 days, oldest first', async () => {
    const harness = createHarness();
    const now = harness.clock.now();
    const orders = await collect(
      harness.appClient().iterateOrders({
        statuses: { nin: ['processing', 'waiting_payment'] },
        updatedFrom: now - 7 * DAY,
        updatedTo: now,
        orderBy: { column: 'updated_at', direction: 'asc' },
        limit: 20,
      }),
    );
    const expected = (harness.main.orders as Json[]).filter(
      (order) =>
        !['processing', 'waiting_payment'].includes(order.status) &&
        wallTimeToMs(order.updated_at) >= Math.floor((now - 7 * DAY) / 1000) * 1000,
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(orders.map((order) => order.code).sort()).toEqual(expected.map((order) => order.code).sort());
    const updated = orders.map((order) => order.updated_at);
    expect(updated).toEqual([...updated].sort());
    expect(harness.callsTo('/integration/v2/orders')).toBe(Math.ceil(expected.length / 20));
    // Fees and histories come by default: the sync needs both.
    expect(
      orders.every((order) => order.status_histories && order.items.every((item) => item.invoice.fees)),
    ).toBe(true);
  });

  it('should leave fees and status histories out when not included', async () => {
    const harness = createHarness();
    const page = await harness.keyClient().listOrders({ include: [], limit: 5 }, 1);
    expect(page.data).toHaveLength(5);
    for (const order of page.data) {
      expect(order.status_histories).toBeUndefined();
      for (const item of order.items) expect(item.invoice.fees).toBeUndefined();
    }
  });

  it('should filter by a status set and stop at once on an empty result', async () => {
    const harness = createHarness();
    const pages = [];
    for await (const page of harness.keyClient().iterateOrders({ statuses: { in: ['returned'] } }))
      pages.push(page);
    const returned = (harness.main.orders as Json[]).filter((order) => order.status === 'returned');
    expect(pages.flatMap((page) => page.data.map((order: TikiOrder) => order.status))).toEqual(
      returned.map(() => 'returned'),
    );
    const empty = [];
    for await (const page of harness.keyClient().iterateOrders({ createdFrom: harness.clock.now() + DAY }))
      empty.push(page);
    expect(empty).toHaveLength(1);
    expect(empty[0]?.paging.last_page).toBe(0);
  });

  it('should read one order with fees and histories, and say not_found for an unknown code without retrying', async () => {
    const harness = createHarness();
    const client = harness.keyClient();
    const seeded = (harness.main.orders as Json[]).find((order) => order.status === 'complete');
    const order = await client.getOrder(seeded.code);
    expect(order.code).toBe(seeded.code);
    expect(order.invoice.total_seller_income).toBe(seeded.invoice.total_seller_income);
    expect(order.status_histories?.at(-1)?.status).toBe('complete');
    const error = await failure(client.getOrder('000000000'));
    expect(error).toMatchObject({ code: 'not_found', status: 404, retryable: false });
    expect(error.endpoint).toBe('GET /integration/v2/orders/{code}');
    expect(harness.callsTo('/integration/v2/orders/000000000')).toBe(1);
  });
});

describe('Tiki client errors', () => {
  it('should report a wrong connection key as wrong_key, once, without retrying', async () => {
    const harness = createHarness();
    const error = await failure(harness.client({ connectionKey: 'not-the-key' }).getSeller());
    expect(error).toMatchObject({ code: 'wrong_key', status: 403, retryable: false });
    expect(error.text.key).toBe('tiki.error.wrongKey');
    expect(harness.exchanges).toHaveLength(1);
    expect(error.message).not.toContain('not-the-key');
  });

  it('should turn the HTTP 200 "paused by seller" answer into paused_by_seller', async () => {
    const harness = createHarness({ faults: { tikiPaused: true } });
    const error = await failure(harness.keyClient().listOrders({}, 1));
    expect(error).toMatchObject({ code: 'paused_by_seller', status: 200, retryable: false });
    expect(error.text.key).toBe('tiki.error.pausedBySeller');
  });

  it('should report wrong app credentials as invalid_client once both client authentications are refused', async () => {
    const harness = createHarness();
    const error = await failure(
      harness.client({ clientId: harness.main.clientId, clientSecret: 'wrong-secret' }).getSeller(),
    );
    expect(error).toMatchObject({ code: 'invalid_client', status: 401, endpoint: 'POST /sc/oauth2/token' });
    expect(harness.exchanges.map((exchange) => exchange.path)).toEqual([
      '/sc/oauth2/token',
      '/sc/oauth2/token',
    ]);
    expect(error.message).not.toContain(harness.main.clientId);
  });

  it('should get the token of an app set up for client_secret_post, and ask it that way from then on', async () => {
    const harness = createHarness({ faults: { compatBreak: 'tiki.app.basic', tikiTokenTtlSeconds: 60 } });
    const client = harness.appClient();
    await expect(client.getSeller()).resolves.toMatchObject({ id: harness.main.sellerId });
    expect(harness.exchanges.map((exchange) => exchange.status)).toEqual([401, 200, 200]);
    harness.clock.advance(60_000);
    await client.getSeller();
    // The renewal goes straight to the body: no second refusal.
    expect(harness.exchanges.map((exchange) => exchange.status)).toEqual([401, 200, 200, 200, 200]);
  });

  it('should renew the token exactly once when Tiki answers 401 to an expired one', async () => {
    const harness = createHarness();
    const client = harness.appClient();
    await client.getSeller();
    harness.sandbox.tiki.expireTokens();
    await expect(client.getSeller()).resolves.toMatchObject({ id: harness.main.sellerId });
    expect(harness.callsTo('/sc/oauth2/token')).toBe(2);
    expect(harness.exchanges.map((exchange) => exchange.status)).toEqual([200, 200, 401, 200, 200]);
  });

  it('should give up with unauthorized when the renewed token is refused too', async () => {
    const harness = createHarness({
      intercept: (url) =>
        url.pathname.startsWith('/tiki/integration/')
          ? json(401, { errors: ['Seller is not linked'] })
          : undefined,
    });
    const error = await failure(harness.appClient().getSeller());
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, retryable: false });
    expect(harness.callsTo('/sc/oauth2/token')).toBe(2);
    expect(harness.callsTo('/integration/v2/sellers/me')).toBe(2);
  });

  it('should report a 403 with errors as forbidden_scope, with Tiki’s words', async () => {
    const harness = createHarness({
      intercept: (url) =>
        url.pathname.endsWith('/orders') ? json(403, { errors: ['scope order is required'] }) : undefined,
    });
    const error = await failure(harness.appClient().listOrders({}, 1));
    expect(error).toMatchObject({ code: 'forbidden_scope', retryable: false });
    expect(error.text.params?.detail).toBe('scope order is required');
  });

  it('should pass Tiki’s 400 text through as bad_request and not retry it', async () => {
    const harness = createHarness();
    const error = await failure(harness.keyClient().listProducts(1, { limit: 500 }));
    expect(error).toMatchObject({ code: 'bad_request', status: 400, retryable: false });
    expect(String(error.text.params?.detail)).toContain('limit');
    expect(harness.exchanges).toHaveLength(1);
  });

  it('should back off with jitter on 429 and stop at the attempt cap with rate_limited', async () => {
    const harness = createHarness({ faults: { rateLimitStorm: true } });
    const started = harness.clock.now();
    const error = await failure(harness.keyClient().getSeller());
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryable: true });
    expect(harness.exchanges).toHaveLength(4);
    // random() = 0.5 of ceilings 100, 200, 400 ms.
    expect(harness.clock.now() - started).toBe(50 + 100 + 200);
  });

  it('should retry 5xx answers and succeed when Tiki recovers', async () => {
    let failures = 2;
    const harness = createHarness({
      intercept: () =>
        failures-- > 0 ? json(503, { errors: ['Service temporarily unavailable'] }) : undefined,
    });
    await expect(harness.keyClient().getSeller()).resolves.toMatchObject({ id: harness.main.sellerId });
    expect(harness.exchanges.map((exchange) => exchange.status)).toEqual([503, 503, 200]);
  });

  it('should retry network failures and report network at the cap', async () => {
    let failures = 1;
    const flaky = createHarness({
      intercept: () => {
        if (failures-- > 0) throw new TypeError('fetch failed');
        return undefined;
      },
    });
    await expect(flaky.keyClient().getSeller()).resolves.toMatchObject({ id: flaky.main.sellerId });

    const offline = createHarness({
      intercept: () => {
        throw new TypeError('fetch failed');
      },
    });
    const error = await failure(offline.keyClient().getSeller());
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.text).toEqual({ key: 'api.network', params: { api: 'Tiki' } });
  });

  it('should survive 5xx answers drawn by the sandbox’s error rate', async () => {
    const harness = createHarness({ faults: { errorRate: 0.3 } });
    const orders = await collect(harness.keyClient().iterateOrders({ limit: 100 }));
    expect(orders).toHaveLength(300);
    expect(harness.exchanges.some((exchange) => exchange.status >= 500)).toBe(true);
  });
});

describe('Tiki OAuth token', () => {
  it('should renew the token before it runs out, not after a 401', async () => {
    const harness = createHarness({ faults: { tikiTokenTtlSeconds: 3600 } });
    const client = harness.appClient();
    await client.getSeller();
    harness.clock.advance((3600 - 600 - 1) * 1000);
    await client.getSeller();
    expect(harness.callsTo('/sc/oauth2/token')).toBe(1);
    harness.clock.advance(2000);
    await client.getSeller();
    expect(harness.callsTo('/sc/oauth2/token')).toBe(2);
    expect(harness.exchanges.some((exchange) => exchange.status === 401)).toBe(false);
  });

  it('should renew a short-lived token at half its life', async () => {
    const harness = createHarness({ faults: { tikiTokenTtlSeconds: 60 } });
    const client = harness.appClient();
    await client.getSeller();
    harness.clock.advance(29_000);
    await client.getSeller();
    harness.clock.advance(2_000);
    await client.getSeller();
    expect(harness.callsTo('/sc/oauth2/token')).toBe(2);
  });

  it('should share one token request between concurrent calls', async () => {
    const harness = createHarness();
    const client = harness.appClient();
    await Promise.all([
      client.getSeller(),
      client.listOrders({ limit: 1 }, 1),
      client.listProducts(1, { limit: 1 }),
    ]);
    expect(harness.callsTo('/sc/oauth2/token')).toBe(1);
    harness.sandbox.tiki.expireTokens();
    await Promise.all([client.getSeller(), client.getSeller(), client.getSeller()]);
    expect(harness.callsTo('/sc/oauth2/token')).toBe(2);
  });

  it('should save a new token to the cache and start the next client from it', async () => {
    const harness = createHarness();
    const store: TikiToken[] = [];
    const tokenCache: TikiTokenCache = {
      load: async () => store.at(-1),
      save: async (token) => {
        store.push(token);
      },
    };
    const app = { clientId: harness.main.clientId, clientSecret: harness.main.clientSecret };
    await harness.client(app, { tokenCache }).getSeller();
    expect(store).toHaveLength(1);
    await harness.client(app, { tokenCache }).getSeller();
    expect(harness.callsTo('/sc/oauth2/token')).toBe(1);
  });
});

describe('Tiki event queue', () => {
  it('should deliver status changes at least once until acknowledged', async () => {
    const harness = createHarness();
    const client = harness.appClient();
    const queue = await client.createQueue('nhanh-sync');
    await client.subscribe(queue.code, 'ORDER_STATUS_UPDATED');
    const order = (harness.main.orders as Json[]).find((candidate) => candidate.status === 'queueing');
    // Tiki starts routing about 5 s after subscribing: a change before that is not delivered.
    harness.sandbox.tiki.setOrderStatus(order.code, 'picking');
    harness.clock.advance(5_000);
    harness.sandbox.tiki.setOrderStatus(order.code, 'packaging');

    const first = await client.pullEvents(queue.code, null);
    expect(first.events.map((event) => event.payload)).toEqual([
      { order_code: order.code, orderCode: order.code, status: 'packaging' },
    ]);
    const again = await client.pullEvents(queue.code, null);
    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    const acknowledged = await client.pullEvents(queue.code, again.ack_id);
    expect(acknowledged).toEqual({ events: [], unreadable: [], ack_id: null });
    await expect(client.getOrder(order.code)).resolves.toMatchObject({ status: 'packaging' });
  });

  it('should say not_found for a queue that does not exist', async () => {
    const harness = createHarness();
    const error = await failure(harness.keyClient().pullEvents('no-such-queue', null));
    expect(error).toMatchObject({
      code: 'not_found',
      endpoint: 'POST /integration/v1/queues/{code}/events/pull',
    });
  });
});
