import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http/api-error';
import { t } from '../../../lib/i18n';
import { errorFromFailure } from '../../../lib/nhanh/errors';
import { setup } from './harness';

// biome-ignore lint/suspicious/noExplicitAny: doctoring raw JSON answers
type Json = any;

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('Nhanh answers that break the contract', () => {
  it('should name the endpoint and the missing field of the envelope', async () => {
    const { client } = setup({
      doctor: (path, body: Json) => {
        if (path.endsWith('/product/list')) delete body.data;
        return body;
      },
    });
    const error = await failureOf(client.listProducts());
    expect(error.code).toBe('invalid_response');
    expect(error.endpoint).toBe('POST /v3.0/product/list');
    expect(error.text.params).toMatchObject({ field: 'data', endpoint: 'POST /v3.0/product/list' });
    expect(t('vi', error.text.key, error.text.params)).toContain('data');
  });

  it('should set aside a product it cannot read, and read the rest', async () => {
    const { client } = setup({
      doctor: (path, body: Json) => {
        if (path.endsWith('/product/list')) {
          body.data[1].id = 'not an id';
          delete body.data[2].barcode;
          delete body.data[2].inventory;
          delete body.data[2].prices;
          body.data[3].id = String(body.data[3].id);
        }
        return body;
      },
    });
    const page = await client.listProducts();
    expect(page.unreadable).toEqual([
      expect.objectContaining({ index: 1, id: 'not an id', reason: expect.stringContaining('id') }),
    ]);
    expect(page.products.length).toBeGreaterThan(3);
    const bare = page.products[1]!;
    expect(bare.barcode).toBeNull();
    expect(bare.stock).toBeNull();
    expect(bare.price).toBe(0);
    expect(typeof page.products[2]!.id).toBe('number');
  });

  it('should read inventory.depots as the documented array and as the v2 map', async () => {
    const { client, seed } = setup({
      doctor: (path, body: Json) => {
        if (path.endsWith('/product/list'))
          for (const [index, product] of body.data.entries()) {
            const depots = product.inventory?.depots;
            if (index % 2 === 0 && Array.isArray(depots))
              product.inventory.depots = Object.fromEntries(
                depots.map(({ id, ...stock }: Json) => [id, stock]),
              );
          }
        return body;
      },
    });
    const { products } = await client.listProducts();
    const depot = seed.depots[0]!.id;
    for (const product of products.filter((candidate) => candidate.kind !== 'parent'))
      expect(product.stock?.byDepot[depot]?.remain).toBe(
        seed.products.find((seeded) => seeded.id === product.id)!.stock[depot] ?? 0,
      );
  });

  it('should read an order whose status Nhanh does not name as unknown, not as a broken answer', async () => {
    const { client, seed, clock } = setup({
      doctor: (path, body: Json) => {
        if (path.endsWith('/order/list')) for (const order of body.data) order.info.status = 'Thành công';
        return body;
      },
    });
    await client.addOrder({
      appOrderId: 'TIKI-C1',
      depotId: seed.depots[0]!.id,
      customer: { name: 'Khách Tiki', mobile: '0900000000' },
      products: [{ id: seed.products.find((product) => !product.isParent)!.id, price: 1000, quantity: 1 }],
    });
    const [order] = await client.listOrders({ from: clock.now() - 86_400_000, to: clock.now() });
    expect(order?.appOrderId).toBe('TIKI-C1');
    expect(order?.status).toBeUndefined();
    expect(order?.statusCode).toBeNull();
  });

  it.each([
    ['an object', (id: number) => ({ id })],
    ['a list', (id: number) => [{ id }]],
  ])('should read order/add data given as %s', async (_shape, shape) => {
    const { client, seed } = setup({
      doctor: (path, body: Json) =>
        path.endsWith('/order/add') && body.code === 1 ? { ...body, data: shape(body.data.id) } : body,
    });
    const created = await client.addOrder({
      appOrderId: 'TIKI-SHAPE',
      depotId: seed.depots[0]!.id,
      customer: { name: 'Khách Tiki', mobile: '0900000000' },
      products: [{ id: seed.products.find((product) => !product.isParent)!.id, price: 1000, quantity: 1 }],
    });
    expect(created.existing).toBeNull();
    expect(created.id).toBeGreaterThan(0);
  });

  it.each([
    ['an empty data on success', { code: 1 }],
    ['an error code', { code: 0, errorCode: 'ERR_DUPLICATE_ORDER', messages: 'Order exists' }],
    ['a message only', { code: 0, messages: 'Đơn hàng với appOrderId TIKI-DUP đã tồn tại' }],
  ])(
    'should take %s on order/add for "already exists" and link the existing order',
    async (_label, answer) => {
      let calls = 0;
      const { client, seed } = setup({
        doctor: (path, body: Json) => (path.endsWith('/order/add') && ++calls === 2 ? answer : body),
      });
      const order = {
        appOrderId: 'TIKI-DUP',
        depotId: seed.depots[0]!.id,
        customer: { name: 'Khách Tiki', mobile: '0900000000' },
        products: [{ id: seed.products.find((product) => !product.isParent)!.id, price: 1000, quantity: 1 }],
      };
      const first = await client.addOrder(order);
      const again = await client.addOrder(order);
      expect(again.id).toBe(first.id);
      expect(again.existing?.appOrderId).toBe('TIKI-DUP');
    },
  );

  it('should call an answer without a code invalid, not crash on it', async () => {
    const { client } = setup({ doctor: () => ({ data: [] }) });
    const error = await failureOf(client.listDepots());
    expect(error.code).toBe('invalid_response');
    expect(error.text.params).toMatchObject({ field: 'code', endpoint: 'POST /v3.0/business/depot' });
  });

  it('should call a body that is not JSON invalid at its root', async () => {
    const html: typeof fetch = async () => new Response('<html>maintenance</html>', { status: 200 });
    const broken = setup({ client: { fetch: html } }).client;
    const error = await failureOf(broken.listDepots());
    expect(error.code).toBe('invalid_response');
    expect(error.text.params).toMatchObject({ field: '(root)' });
  });

  it('should stop on a cursor that repeats instead of paging forever', async () => {
    const { client } = setup({
      doctor: (path, body: Json) => {
        if (path.endsWith('/product/list')) body.paginator.next = { id: 1 };
        return body;
      },
    });
    const drain = async () => {
      for await (const _ of client.iterateProducts({}, 10)) {
        // draining
      }
    };
    const error = await failureOf(drain());
    expect(error.code).toBe('invalid_response');
    expect(error.text.params).toMatchObject({ field: 'paginator.next' });
  });
});

describe('errorFromFailure', () => {
  it('should keep per-field messages for display next to the item', () => {
    const error = errorFromFailure(
      { code: 0, errorCode: 'ERR_INVALID_FORM_FIELDS', messages: { 'shippingAddress.mobile': 'invalid' } },
      'POST /v3.0/order/add',
      200,
    );
    expect(error.fieldMessages).toEqual({ 'shippingAddress.mobile': 'invalid' });
    expect(error.retryable).toBe(false);
    expect(t('en', error.text.key, error.text.params)).toContain('shippingAddress.mobile: invalid');
  });

  it('should read the v2 envelope whose messages are keyed by error code', () => {
    const error = errorFromFailure(
      { code: 0, messages: { ERR_INVALID_ACCESS_TOKEN: 'Invalid accessToken' } },
      'POST /v3.0/order/edit',
      200,
    );
    expect(error.code).toBe('ERR_INVALID_ACCESS_TOKEN');
    expect(error.fieldMessages).toBeUndefined();
  });

  it('should read the documented ERR_429 example with its singular message and lock', () => {
    const error = errorFromFailure(
      {
        code: 0,
        errorCode: 'ERR_429',
        message: 'Your app exceeded the API Rate Limit',
        data: { lockedSeconds: 10, unlockedAt: 1733387520 },
      },
      'POST /v3.0/product/list',
      200,
    );
    expect(error.retryable).toBe(true);
    expect(error.lock).toEqual({ lockedSeconds: 10, unlockedAt: 1733387520 });
    expect(t('vi', error.text.key, error.text.params)).toContain('10 giây');
  });
});
