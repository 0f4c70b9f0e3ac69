import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../lib/time/clock';
import { createSandbox } from '../../../sandbox/index';
import { formatWallTime, parseWallTime } from '../../../sandbox/tiki/wall-time';
import type { Faults } from '../../../sandbox/types';

// biome-ignore lint/suspicious/noExplicitAny: raw API-shaped JSON
type Json = any;
const ORIGIN = 'http://sandbox.test';

function start(faults: Partial<Faults> = {}) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, faults });
  const main = sandbox.seed.tiki.shops[0]!;
  const get = async (path: string, headers: Record<string, string> = { 'tiki-api': main.connectionKey }) => {
    const response = await sandbox.fetch(`${ORIGIN}/tiki${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const token = async (init: RequestInit) => {
    const response = await sandbox.fetch(`${ORIGIN}/tiki/sc/oauth2/token`, { method: 'POST', ...init });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  return { clock, sandbox, main, get, token, form };
}

describe('Tiki simulator: authentication', () => {
  it('should issue client-credentials tokens with HTTP Basic or body credentials, and refuse wrong ones', async () => {
    const { main, token, form } = start({ tikiTokenTtlSeconds: 1200 });
    const basic = await token({
      headers: { ...form, authorization: `Basic ${btoa(`${main.clientId}:${main.clientSecret}`)}` },
      body: 'grant_type=client_credentials',
    });
    expect(basic).toMatchObject({ status: 200, body: { expires_in: 1200, token_type: 'bearer' } });
    const inBody = await token({
      headers: form,
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: main.clientId,
        client_secret: main.clientSecret,
      }).toString(),
    });
    expect(inBody.status).toBe(200);
    const wrong = await token({
      headers: form,
      body: `grant_type=client_credentials&client_id=${main.clientId}&client_secret=x`,
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const notForm = await token({ headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(notForm).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const otherGrant = await token({
      headers: { ...form, authorization: `Basic ${btoa(`${main.clientId}:${main.clientSecret}`)}` },
      body: 'grant_type=password',
    });
    expect(otherGrant).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });

  it('should accept a bearer token until it expires on the sandbox clock', async () => {
    const { main, token, form, get, clock } = start({ tikiTokenTtlSeconds: 60 });
    const issued = await token({
      headers: { ...form, authorization: `Basic ${btoa(`${main.clientId}:${main.clientSecret}`)}` },
      body: 'grant_type=client_credentials',
    });
    const bearer = { authorization: `Bearer ${issued.body.access_token}` };
    expect((await get('/integration/v2/sellers/me', bearer)).body.id).toBe(main.sellerId);
    clock.advance(60_000);
    expect(await get('/integration/v2/sellers/me', bearer)).toMatchObject({
      status: 401,
      body: { errors: [expect.any(String)] },
    });
  });

  it('should answer a wrong key with the legacy 403 and no credentials with 401', async () => {
    const { get } = start();
    expect(await get('/integration/v2/orders', { 'tiki-api': 'nope' })).toEqual({
      status: 403,
      body: { msg: 'Permission denied' },
    });
    expect((await get('/integration/v2/orders', {})).status).toBe(401);
  });

  it('should answer HTTP 200 with the paused message when the seller paused the connection', async () => {
    const { get } = start({ tikiPaused: true });
    const answer = await get('/integration/v2/orders');
    expect(answer.status).toBe(200);
    expect(answer.body.msg).toBe('Kết nối đang tạm ngưng bởi seller');
    expect(answer.body.data).toBeUndefined();
  });
});

describe('Tiki simulator: lists and validation', () => {
  it('should reject out-of-range paging and malformed dates with the errors envelope', async () => {
    const { get } = start();
    for (const query of [
      'limit=101',
      'limit=0',
      'page=0',
      'updated_from_date=2026-11-01T00:00:00',
      'created_to_date=2026-02-30%2000:00:00',
      'status=in%7Cteleported',
      'order_by=code%7Casc',
    ]) {
      const answer = await get(`/integration/v2/orders?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors[0], query).toBeTypeOf('string');
    }
  });

  it('should give last_page 0 and null from/to when nothing matches', async () => {
    const { get } = start();
    const answer = await get('/integration/v2/orders?code=000000000');
    expect(answer.body).toEqual({
      data: [],
      paging: { total: 0, current_page: 1, from: null, to: null, per_page: 20, last_page: 0 },
    });
  });

  it('should apply in, nin and bare status expressions', async () => {
    const { get, main } = start();
    const seeded = main.orders as Json[];
    const count = (statuses: string[]) => seeded.filter((order) => statuses.includes(order.status)).length;
    expect((await get('/integration/v2/orders?status=in%7Ccomplete,canceled')).body.paging.total).toBe(
      count(['complete', 'canceled']),
    );
    expect((await get('/integration/v2/orders?status=nin%7Ccomplete')).body.paging.total).toBe(
      seeded.length - count(['complete']),
    );
    expect((await get('/integration/v2/orders?status=holded')).body.paging.total).toBe(count(['holded']));
  });

  it('should include fees and histories only when asked, in either spelling', async () => {
    const { get } = start();
    const bare = (await get('/integration/v2/orders?limit=3')).body.data as Json[];
    expect(bare.every((order) => !('status_histories' in order) && !('fees' in order.items[0].invoice))).toBe(
      true,
    );
    const full = (await get('/integration/v2/orders?limit=3&include=status_histories,items.fees')).body
      .data as Json[];
    expect(full.every((order) => order.status_histories && order.items[0].invoice.fees)).toBe(true);
  });

  it('should keep another seller’s orders and products out of reach', async () => {
    const { get, sandbox } = start();
    const small = sandbox.seed.tiki.shops[1]!;
    const order = (small.orders[0] as Json).code;
    expect((await get(`/integration/v2/orders/${order}`)).status).toBe(404);
    const product = (small.products[0] as Json).product_id;
    expect((await get(`/integration/v2.1/products/${product}`)).status).toBe(404);
  });
});

describe('Tiki simulator: faults', () => {
  it('should answer 429 beyond 200 calls a second per seller, and reopen the next second', async () => {
    const { get, clock } = start({ timeScale: 10 });
    const statuses = [];
    for (let call = 0; call < 201; call++) statuses.push((await get('/integration/v2/sellers/me')).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
    // timeScale 10: the one-second window lasts 100 ms of sandbox time.
    clock.advance(100);
    expect((await get('/integration/v2/sellers/me')).status).toBe(200);
  });

  it('should answer 500 or 503 with the errors envelope at an error rate of 1', async () => {
    const { get } = start({ errorRate: 1 });
    const answer = await get('/integration/v2/sellers/me');
    expect([500, 503]).toContain(answer.status);
    expect(answer.body.errors).toHaveLength(1);
  });

  it('should change an order status from the admin route, with a history entry', async () => {
    const { sandbox, get, main } = start();
    const order = (main.orders as Json[]).find((candidate) => candidate.status === 'shipping');
    const response = await sandbox.fetch(`${ORIGIN}/__admin/tiki/orders/${order.code}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: 'successful_delivery' }),
    });
    expect(response.status).toBe(200);
    const after = (await get(`/integration/v2/orders/${order.code}?include=status_histories`)).body;
    expect(after.status).toBe('successful_delivery');
    expect(after.status_histories.at(-1).status).toBe('successful_delivery');
    const refused = await sandbox.fetch(`${ORIGIN}/__admin/tiki/orders/${order.code}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: 'teleported' }),
    });
    expect(refused.status).toBe(400);
  });

  it("should play a promotion and a seller's edit from the admin routes, seen in the list with its attributes", async () => {
    const { sandbox, get, main } = start();
    const variant = (main.products as Json[]).find((product) => product.super_id !== 0);
    const post = (path: string, body: unknown) =>
      sandbox.fetch(`${ORIGIN}/__admin/tiki/products/${variant.product_id}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
    const listed = async () => {
      const { body } = await get('/integration/v2.1/products?include=attributes&limit=100');
      return {
        variant: body.data.find((product: Json) => product.product_id === variant.product_id),
        parent: body.data.find((product: Json) => product.product_id === variant.super_id),
      };
    };
    const before = await listed();
    const [code] = before.parent.option_attributes;
    expect(before.variant.attributes[code]).toBeTypeOf('string');

    expect((await post('/promotion', { price: 10_000 })).status).toBe(200);
    expect((await post('', { options: { [code]: 'Tím than' }, originalSku: 'MOI-1' })).status).toBe(200);
    const after = (await listed()).variant;
    expect(Number(after.price)).toBe(10_000);
    expect(after.attributes).toMatchObject({
      price: 10_000,
      price_restore: Number(before.variant.price),
      [code]: 'Tím than',
    });
    expect(after.attributes.special_from_date).not.toBe(before.variant.attributes.special_from_date);
    expect(after.original_sku).toBe('MOI-1');
    expect((await post('', { colour: 'Đỏ' })).status).toBe(400);
  });
});

describe('Tiki simulator: orders tied on one second', () => {
  const TIED = 500;
  const LIMIT = 50;

  /** 500 new orders updated in one second, a minute after every seeded order. */
  async function tied(faults: Partial<Faults> = {}) {
    const world = start(faults);
    const second = formatWallTime(world.clock.now() + 60_000);
    const response = await world.sandbox.fetch(`${ORIGIN}/__admin/tiki/orders/tied`, {
      method: 'POST',
      body: JSON.stringify({ count: TIED, updatedAt: second }),
    });
    const { codes } = (await response.json()) as { codes: string[] };
    return { ...world, second, codes };
  }

  /** Every page of one query, read page by page as a naive client does: the codes of each page. */
  async function walk(get: (path: string) => Promise<{ body: Json }>, query: string): Promise<string[][]> {
    const pages: string[][] = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`/integration/v2/orders?${query}&limit=${LIMIT}&page=${page}`);
      pages.push((body.data as Json[]).map((order) => order.code));
      if (page >= body.paging.last_page) return pages;
    }
  }

  /** `from` = `to` = the second: that second alone when `updated_from_date` is inclusive. */
  const exactSecond = (second: string) =>
    `updated_from_date=${encodeURIComponent(second)}&updated_to_date=${encodeURIComponent(second)}&order_by=updated_at%7Casc`;
  /** From the second before (Tiki's documented "greater than", the default) to the second: that second alone. */
  const theSecond = (second: string) =>
    `updated_from_date=${encodeURIComponent(formatWallTime(parseWallTime(second)! - 1000))}&updated_to_date=${encodeURIComponent(second)}&order_by=updated_at%7Casc`;

  it('should add the tied orders from the admin route, all updated in that second, with new codes', async () => {
    const { codes, second, main, get } = await tied();
    expect(new Set(codes).size).toBe(TIED);
    const seeded = new Set((main.orders as Json[]).map((order) => order.code));
    expect(codes.some((code) => seeded.has(code))).toBe(false);
    const one = (await get(`/integration/v2/orders/${codes[0]}`)).body;
    expect(one).toMatchObject({ code: codes[0], status: 'queueing', updated_at: second });
    expect(one.items.length).toBeGreaterThan(0);
  });

  it('should page the tied orders the same way on every call by default (stable)', async () => {
    const { get, second, codes } = await tied();
    const first = await walk(get, theSecond(second));
    expect(await walk(get, theSecond(second))).toEqual(first);
    expect(new Set(first.flat())).toEqual(new Set(codes));
  });

  it('should split the ties differently on every call when shuffled, so a naive page walk misses orders', async () => {
    const { get, second, codes } = await tied({ tikiTiedOrder: 'shuffled' });
    const first = await walk(get, theSecond(second));
    const again = await walk(get, theSecond(second));
    expect(first).toHaveLength(TIED / LIMIT);
    expect(first.flat()).toHaveLength(TIED);
    // The same page holds other orders on the second walk…
    expect(first.some((page, index) => page.join() !== again[index]!.join())).toBe(true);
    // … and a walk page by page sees some orders twice and never sees others.
    const seen = new Set(first.flat());
    expect(seen.size).toBeLessThan(TIED);
    expect(codes.filter((code) => !seen.has(code)).length).toBeGreaterThan(0);
  });

  it('should shuffle ties on created_at too, and leave orders of other seconds in their order', async () => {
    const { get, sandbox, clock } = start({ tikiTiedOrder: 'shuffled' });
    const second = formatWallTime(clock.now() + 60_000);
    const codes = sandbox.tiki.addTiedOrders({ count: 120, updatedAt: second, sameCreatedAt: true });
    const query = `created_from_date=${encodeURIComponent(second)}&order_by=created_at%7Cdesc`;
    const first = (await walk(get, query)).flat();
    const again = (await walk(get, query)).flat();
    expect(first.join()).not.toBe(again.join());
    const seeded = (await walk(get, 'order_by=created_at%7Casc'))
      .flat()
      .filter((code) => !codes.includes(code));
    const seededAgain = (await walk(get, 'order_by=created_at%7Casc'))
      .flat()
      .filter((code) => !codes.includes(code));
    expect(seededAgain).toEqual(seeded);
  });

  it('should take updated_from_date as "greater than" by default, and inclusively when asked', async () => {
    const documented = await tied();
    const total = async (get: typeof documented.get, query: string) =>
      (await get(`/integration/v2/orders?${query}`)).body.paging.total as number;
    expect(await total(documented.get, exactSecond(documented.second))).toBe(0);
    expect(await total(documented.get, theSecond(documented.second))).toBe(TIED);

    const inclusive = await tied({ tikiUpdatedFromBound: 'inclusive' });
    expect(await total(inclusive.get, exactSecond(inclusive.second))).toBe(TIED);
    expect(await total(inclusive.get, theSecond(inclusive.second))).toBe(TIED);
    // Run-time switch: the same sandbox answers as documented again.
    inclusive.sandbox.setFaults({ tikiUpdatedFromBound: 'exclusive' });
    expect(await total(inclusive.get, exactSecond(inclusive.second))).toBe(0);
  });

  it('should refuse unknown words for the tie and bound knobs', async () => {
    const { sandbox } = start();
    const post = (body: unknown) =>
      sandbox.fetch(`${ORIGIN}/__admin/faults`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ tikiTiedOrder: 'random' })).status).toBe(400);
    expect((await post({ tikiUpdatedFromBound: 'strict' })).status).toBe(400);
    expect((await post({ tikiTiedOrder: 'shuffled', tikiUpdatedFromBound: 'exclusive' })).status).toBe(200);
  });
});
