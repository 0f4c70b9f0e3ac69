import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../lib/clock';
import { createSandbox } from '../../../sandbox/index';
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
