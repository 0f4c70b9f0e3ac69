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

  it('should refuse a v2 call with another version, keyed by error code', async () => {
    const { sandbox, seed } = setup();
    const form = new FormData();
    for (const [key, value] of Object.entries({
      version: '3.0',
      appId: seed.appId,
      businessId: String(seed.businessId),
      accessToken: seed.accessToken,
      data: '{}',
    }))
      form.set(key, value);
    const response = await sandbox.fetch('http://sandbox.test/nhanh/api/order/update', {
      method: 'POST',
      body: form,
    });
    expect(await response.json()).toEqual({ code: 0, messages: { ERR_INVALID_VERSION: expect.any(String) } });
  });
});
