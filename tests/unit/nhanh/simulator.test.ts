import { describe, expect, it } from 'vitest';
import { setup } from './harness';

describe('Nhanh simulator', () => {
  it('should refuse a "Bearer " token as Nhanh does (the raw token only)', async () => {
    const { raw, seed } = setup();
    const answer = await raw('/v3.0/business/depot', '{}', { Authorization: `Bearer ${seed.accessToken}` });
    expect(answer).toEqual({
      status: 200,
      body: { code: 0, errorCode: 'ERR_INVALID_ACCESS_TOKEN', messages: expect.any(String) },
    });
  });

  it('should answer malformed JSON with ERR_INVALID_DATA', async () => {
    const { raw } = setup();
    expect((await raw('/v3.0/product/list', '{"filters":')).body.errorCode).toBe('ERR_INVALID_DATA');
  });

  it('should refuse a page size over 100 and a cursor not sent back as received', async () => {
    const { raw } = setup();
    const big = await raw('/v3.0/product/list', JSON.stringify({ paginator: { size: 101 } }));
    expect(big.body).toMatchObject({
      errorCode: 'ERR_INVALID_FORM_FIELDS',
      messages: { 'paginator.size': expect.any(String) },
    });
    const first = await raw('/v3.0/product/list', JSON.stringify({ paginator: { size: 5 } }));
    const next = (first.body.paginator as { next: { id: number } }).next;
    const bare = await raw('/v3.0/product/list', JSON.stringify({ paginator: { size: 5, next: next.id } }));
    expect(bare.body).toMatchObject({ messages: { 'paginator.next': expect.any(String) } });
  });

  it('should require an order window of at most 31 days', async () => {
    const { raw, clock } = setup();
    const now = Math.floor(clock.now() / 1000);
    const none = await raw('/v3.0/order/list', JSON.stringify({ filters: {} }));
    expect(none.body).toMatchObject({ errorCode: 'ERR_INVALID_FORM_FIELDS' });
    const long = await raw(
      '/v3.0/order/list',
      JSON.stringify({ filters: { createdAtFrom: now - 32 * 86_400, createdAtTo: now } }),
    );
    expect(long.body).toMatchObject({
      errorCode: 'ERR_INVALID_FORM_FIELDS',
      messages: { 'filters.createdAtTo': expect.any(String) },
    });
    const ok = await raw(
      '/v3.0/order/list',
      JSON.stringify({ filters: { createdAtFrom: now - 31 * 86_400, createdAtTo: now } }),
    );
    expect(ok.body).toMatchObject({ code: 1, data: [] });
  });

  it('should refuse a whole product batch with one bad item, naming it by index, and save nothing', async () => {
    const { raw, snapshot } = setup();
    const before = snapshot().products.length;
    const answer = await raw(
      '/v3.0/product/add',
      JSON.stringify([
        { appProductId: 'a', name: 'Một' },
        { appProductId: 'b', name: 'Hai', price: -5 },
      ]),
    );
    expect(answer.body).toMatchObject({
      errorCode: 'ERR_INVALID_FORM_FIELDS',
      messages: { '1.price': expect.any(String) },
    });
    expect(snapshot().products.length).toBe(before);
    const tooMany = Array.from({ length: 101 }, (_, index) => ({ appProductId: `p${index}`, name: 'x' }));
    expect((await raw('/v3.0/product/add', JSON.stringify(tooMany))).body.errorCode).toBe(
      'ERR_INVALID_FORM_FIELDS',
    );
  });

  it('should lock a URL after 150 calls in 30 s, extend the lock on calls during it, and reopen it later', async () => {
    const { raw, clock } = setup();
    for (let call = 0; call < 150; call++)
      expect((await raw('/v3.0/business/depot', '{}')).body.code).toBe(1);
    const locked = await raw('/v3.0/business/depot', '{}');
    expect(locked.body).toMatchObject({
      code: 0,
      errorCode: 'ERR_429',
      message: 'Your app exceeded the API Rate Limit',
      data: { lockedSeconds: 10 },
    });
    expect((await raw('/v3.0/product/list', '{}')).body.code).toBe(1);
    clock.advance(5_000);
    const extended = await raw('/v3.0/business/depot', '{}');
    expect(extended.body).toMatchObject({ data: { lockedSeconds: 15 } });
    // The lock ends 20 s in, but the 150 calls stay in the sliding window until 30 s.
    clock.advance(15_000);
    expect((await raw('/v3.0/business/depot', '{}')).body.errorCode).toBe('ERR_429');
    clock.advance(20_000);
    expect((await raw('/v3.0/business/depot', '{}')).body.code).toBe(1);
  });

  it('should answer the errorRate fault with a bare 5xx page', async () => {
    const { raw } = setup({ faults: { errorRate: 1 } });
    await expect(raw('/v3.0/business/depot', '{}')).rejects.toThrow(SyntaxError);
  });

  it('should have no v2 order endpoint at all (v2 is out of support since 30 Nov 2026)', async () => {
    const { sandbox } = setup();
    const response = await sandbox.fetch('http://sandbox.test/nhanh/api/order/update', {
      method: 'POST',
      body: new FormData(),
    });
    expect(response.status).toBe(404);
  });

  it('should page business/depot by paginator.next', async () => {
    const { raw, seed } = setup();
    const first = await raw('/v3.0/business/depot', '{}');
    const next = (first.body.paginator as { next?: unknown } | undefined)?.next;
    expect(seed.depots.length).toBeGreaterThan((first.body.data as unknown[]).length);
    expect(next).toBeDefined();
    const second = await raw('/v3.0/business/depot', JSON.stringify({ paginator: { next } }));
    expect((second.body.data as { id: number }[])[0]!.id).not.toBe(
      (first.body.data as { id: number }[])[0]!.id,
    );
  });
});

describe('Nhanh simulator: order/edit as documented (OFF-v3 §8.3)', () => {
  async function orderIn(status: 'New' | 'Confirmed' = 'New') {
    const context = setup();
    const depot = context.seed.depots[0]!.id;
    const product = context.seed.products.find(
      (candidate) => !candidate.isParent && candidate.parentId >= 0,
    )!;
    const { id } = await context.client.addOrder({
      appOrderId: 'TIKI-EDIT-1',
      depotId: depot,
      status,
      customer: { name: 'Khách Tiki', mobile: '0987654321' },
      products: [{ id: product.id, price: 100_000, quantity: 1 }],
    });
    const edit = (body: unknown) => context.raw('/v3.0/order/edit', JSON.stringify(body));
    return { ...context, id, edit };
  }

  it('should take {"info": {"id", "status"}} with the allowed targets only', async () => {
    const { id, edit } = await orderIn();
    expect((await edit({ info: { id, status: 56 } })).body).toEqual({
      code: 1,
      data: { id, trackingUrl: null, carrierCode: null },
    });
    for (const refused of [54, 59, 42])
      expect((await edit({ info: { id, status: refused } })).body).toMatchObject({
        code: 0,
        errorCode: 'ERR_INVALID_FORM_FIELDS',
        messages: { 'info.status': expect.any(String) },
      });
    expect((await edit({ info: { status: 60 } })).body).toMatchObject({
      messages: { 'info.id': expect.any(String) },
    });
  });

  it('should move a packing order to Success, deducting its stock', async () => {
    const { id, edit, sandbox } = await orderIn('Confirmed');
    sandbox.nhanh.editOrder(id, { status: 'Packing' });
    expect((await edit({ info: { id, status: 60 } })).body.code).toBe(1);
    expect(sandbox.nhanh.snapshot().orders.find((order) => order.id === id)?.status).toBe('Success');
  });

  it.each([
    ['message', { code: 0, messages: expect.stringContaining('không được phép sửa') }],
    [
      'form-fields',
      { code: 0, errorCode: 'ERR_INVALID_FORM_FIELDS', messages: { info: expect.any(String) } },
    ],
  ] as const)(
    'should refuse to edit an order sent to a carrier, or in Success (refusal shaped as %s)',
    async (shape, expected) => {
      const { id, edit, sandbox } = await orderIn('Confirmed');
      sandbox.setFaults({ nhanhEditRefusal: shape });
      sandbox.nhanh.editOrder(id, { status: 'Packed', sendToCarrier: true });
      expect((await edit({ info: { id, status: 60 } })).body).toEqual(expected);
      sandbox.nhanh.editOrder(id, { status: 'Success' });
      expect((await edit({ info: { id, status: 63 } })).body).toEqual(expected);
    },
  );

  it('should cancel a shipment only for an order sent to a carrier', async () => {
    const { id, raw, sandbox } = await orderIn('Confirmed');
    const cancel = () => raw('/v3.0/order/cancelcarrier', JSON.stringify({ orderId: id }));
    expect((await cancel()).body).toMatchObject({ code: 0, errorCode: 'ERR_ORDER_CARRIER_NOT_YET_SENT' });
    sandbox.nhanh.editOrder(id, { status: 'Shipping', sendToCarrier: true });
    expect((await cancel()).body).toEqual({ code: 1, data: {} });
    expect(sandbox.nhanh.snapshot().orders.find((order) => order.id === id)?.status).toBe('Packed');
  });
});
