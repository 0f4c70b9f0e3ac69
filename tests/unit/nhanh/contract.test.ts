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
  it('should name the endpoint and the missing field', async () => {
    const { client } = setup({
      doctor: (path, body: Json) => {
        if (path.endsWith('/product/list')) delete body.data[1].code;
        return body;
      },
    });
    const error = await failureOf(client.listProducts());
    expect(error.code).toBe('invalid_response');
    expect(error.endpoint).toBe('POST /v3.0/product/list');
    expect(error.text.params).toMatchObject({ field: 'data[1].code', endpoint: 'POST /v3.0/product/list' });
    expect(t('vi', error.text.key, error.text.params)).toContain('data[1].code');
  });

  it('should name a field of the wrong type deep in an order', async () => {
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
    const error = await failureOf(client.listOrders({ from: clock.now() - 60_000, to: clock.now() }));
    expect(error.code).toBe('invalid_response');
    expect(error.text.params).toMatchObject({
      field: 'data[0].info.status',
      endpoint: 'POST /v3.0/order/list',
    });
  });

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
      'POST /api/order/update',
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
