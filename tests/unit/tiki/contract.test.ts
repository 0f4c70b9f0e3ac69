import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../lib/http/api-error';
import { formatTikiDateTime, parseTikiDateTime } from '../../../lib/tiki/contract';
import type { TikiOrder, TikiPage, TikiProductSummary } from '../../../lib/tiki/schemas';
import { createHarness, json } from './setup';

// biome-ignore lint/suspicious/noExplicitAny: doctoring raw API-shaped JSON
type Json = any;

describe('Tiki date-times (Asia/Ho_Chi_Minh wall time)', () => {
  it('should write the Vietnamese calendar day, even when UTC is still on the previous one', () => {
    expect(formatTikiDateTime(Date.UTC(2026, 11, 31, 16, 59, 59, 999))).toBe('2026-12-31 23:59:59');
    expect(formatTikiDateTime(Date.UTC(2026, 11, 31, 17, 0, 0))).toBe('2027-01-01 00:00:00');
    expect(formatTikiDateTime(Date.UTC(2028, 1, 28, 17, 30, 5))).toBe('2028-02-29 00:30:05');
  });

  it('should read Tiki timestamps back to the same instant and reject other formats', () => {
    expect(parseTikiDateTime('2027-01-01 00:00:00')).toBe(Date.UTC(2026, 11, 31, 17, 0, 0));
    const instant = Date.UTC(2026, 5, 1, 2, 3, 4);
    expect(parseTikiDateTime(formatTikiDateTime(instant))).toBe(instant);
    expect(parseTikiDateTime('2026-06-01T09:03:04')).toBeNaN();
    expect(parseTikiDateTime('01/06/2026 09:03:04')).toBeNaN();
  });

  it('should send the filter as Vietnam wall time at a day boundary', async () => {
    let sent: URL | undefined;
    const harness = createHarness({
      intercept: (url) => {
        if (url.pathname.endsWith('/orders')) sent = url;
        return undefined;
      },
    });
    await harness.keyClient().listOrders({ updatedFrom: Date.UTC(2026, 10, 27, 17, 0, 0) }, 1);
    expect(sent?.searchParams.get('updated_from_date')).toBe('2026-11-28 00:00:00');
  });
});

/** Runs `call` with every answer to `path` rewritten by `doctor` (the sandbox body as a starting point). */
async function withDoctoredAnswer(
  path: string,
  doctor: (body: Json) => Json,
  call: (harness: Json) => Promise<unknown>,
) {
  const source = createHarness();
  const harness = createHarness({
    intercept: (url) => {
      if (!url.pathname.endsWith(path)) return undefined;
      return json(200, doctor(structuredClone(lastBody)));
    },
  });
  // The real answer from an identical sandbox, fetched once up front.
  const response = await source.sandbox.fetch(
    `http://sandbox.test/tiki${path}?include=status_histories,item.fees`,
    {
      headers: { 'tiki-api': source.main.connectionKey },
    },
  );
  const lastBody = await response.json();
  const outcome = await call(harness).then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, harness };
}

describe('Tiki answers that break the contract', () => {
  it('should set aside an order with no code, naming the field, and read the others', async () => {
    const { value, error, harness } = await withDoctoredAnswer(
      '/integration/v2/orders',
      (body) => {
        delete body.data[1].code;
        return body;
      },
      (h) => h.keyClient().listOrders({}, 1),
    );
    expect(error).toBeUndefined();
    const page = value as TikiPage<TikiOrder>;
    expect(page.unreadable).toEqual([
      {
        index: 1,
        id: null,
        reason: expect.stringMatching(/^code: /),
        keys: expect.arrayContaining(['items', 'status']),
      },
    ]);
    expect(page.data.length).toBeGreaterThan(1);
    expect(harness.exchanges).toHaveLength(1);
  });

  it('should read amounts and quantities sent as strings, and a missing seller income as unknown', async () => {
    const { value } = await withDoctoredAnswer(
      '/integration/v2/orders',
      (body) => {
        body.data[0].items[0].qty = String(body.data[0].items[0].qty);
        body.data[0].items[0].price = `${body.data[0].items[0].price}.00`;
        body.data[1].invoice.total_seller_income = 'nhiều tiền';
        body.data[2].tiki_warehouse = null;
        delete body.data[2].fulfillment_type;
        body.data[2].is_rma = null;
        return body;
      },
      (h) => h.keyClient().listOrders({}, 1),
    );
    const page = value as TikiPage<TikiOrder>;
    expect(page.unreadable).toEqual([]);
    expect(typeof page.data[0]!.items[0]!.qty).toBe('number');
    expect(typeof page.data[0]!.items[0]!.price).toBe('number');
    expect(page.data[1]!.invoice.total_seller_income).toBeUndefined();
    expect(page.data[2]!.fulfillment_type).toBeUndefined();
  });

  it('should keep a status Tiki never documented, as it came', async () => {
    const { value } = await withDoctoredAnswer(
      '/integration/v2/orders',
      (body) => {
        body.data[2].status = 'waiting_for_pickup';
        return body;
      },
      (h) => h.keyClient().listOrders({}, 1),
    );
    expect((value as TikiPage<TikiOrder>).data[2]!.status).toBe('waiting_for_pickup');
  });

  it('should set aside an order line without a product id, naming the line', async () => {
    const { value } = await withDoctoredAnswer(
      '/integration/v2/orders',
      (body) => {
        delete body.data[0].items[0].product.id;
        return body;
      },
      (h) => h.keyClient().listOrders({}, 1),
    );
    const page = value as TikiPage<TikiOrder>;
    expect(page.unreadable).toHaveLength(1);
    expect(page.unreadable[0]!.reason).toMatch(/^items\[0\]\.product\.id: /);
  });

  it('should name missing paging and a seller without a name', async () => {
    const paging = await withDoctoredAnswer(
      '/integration/v2.1/products',
      (body) => ({ data: body.data }),
      (h) => h.keyClient().listProducts(1),
    );
    expect((paging.error as ApiError).text.params?.field).toBe('paging');
    const seller = await withDoctoredAnswer(
      '/integration/v2/sellers/me',
      (body) => ({ ...body, name: undefined }),
      (h) => h.keyClient().getSeller(),
    );
    expect(seller.error).toMatchObject({
      code: 'invalid_response',
      endpoint: 'GET /integration/v2/sellers/me',
    });
    expect((seller.error as ApiError).text.params?.field).toBe('name');
  });

  it('should name a token answer without an access token', async () => {
    const harness = createHarness({
      intercept: (url) =>
        url.pathname.endsWith('/sc/oauth2/token')
          ? json(200, { expires_in: 3600, token_type: 'bearer' })
          : undefined,
    });
    const error = await harness
      .appClient()
      .getSeller()
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_response', endpoint: 'POST /sc/oauth2/token' });
    expect((error as ApiError).text.params?.field).toBe('access_token');
  });

  it('should accept the variations the real API is known for', async () => {
    const { value, error } = await withDoctoredAnswer(
      '/integration/v2.1/products',
      (body) => {
        const [first, second] = body.data;
        Object.assign(first, { price: '409000.00', market_price: null, active: '1', original_sku: null });
        // Some answers call the id `id` instead of `product_id`.
        second.id = second.product_id;
        delete second.product_id;
        Object.assign(second, { active: 0, original_sku: '  ' });
        // Option codes as objects are read as their codes; a shape nobody documented is dropped, not fatal.
        first.option_attributes = [{ code: 'color', display_name: 'Màu sắc' }, 'size'];
        second.option_attributes = [{ id: 523 }];
        Object.assign(body.paging, { total: String(body.paging.total), per_page: '50' });
        return body;
      },
      (h) => h.keyClient().listProducts(1),
    );
    expect(error).toBeUndefined();
    const page = value as Json;
    expect(page.data[0]).toMatchObject({
      price: 409000,
      market_price: null,
      active: true,
      original_sku: null,
      option_attributes: ['color', 'size'],
    });
    expect(page.data[1]).toMatchObject({ active: false, original_sku: null, option_attributes: null });
    expect(page.data[1].product_id).toBeTypeOf('number');
    expect(page.paging.per_page).toBe(50);
  });

  it('should set aside a product with neither product_id nor id, naming product_id', async () => {
    const { value } = await withDoctoredAnswer(
      '/integration/v2.1/products',
      (body) => {
        delete body.data[3].product_id;
        return body;
      },
      (h) => h.keyClient().listProducts(1),
    );
    const page = value as TikiPage<TikiProductSummary>;
    expect(page.unreadable).toEqual([
      expect.objectContaining({ index: 3, reason: expect.stringMatching(/^product_id: /) }),
    ]);
    expect(page.data.length).toBeGreaterThan(3);
  });
});
