import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http/api-error';
import { t } from '../../../lib/i18n';
import { NHANH_ORDER_WINDOW_SECONDS } from '../../../lib/nhanh/contract';
import { needsReconnect } from '../../../lib/nhanh/errors';
import { orderFor, sellableProduct, setup } from './harness';

const DAY_MS = 86_400_000;

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('Nhanh client against the sandbox', () => {
  it('should list the depots of the business', async () => {
    const { client, seed } = setup();
    expect(await client.listDepots()).toEqual(seed.depots);
  });

  it('should page through every product, each once, sending the cursor back exactly', async () => {
    const { client, seed, sent } = setup();
    const seen = [];
    for await (const product of client.iterateProducts({}, 10)) seen.push(product.id);
    expect(seen.sort()).toEqual(seed.products.map((product) => product.id).sort());
    const listCalls = sent.filter((request) => request.path.endsWith('/product/list'));
    expect(listCalls.length).toBe(Math.ceil(seed.products.length / 10));
    const first = await client.listProducts({}, undefined, 10);
    const second = JSON.parse(listCalls[1]!.body) as { paginator: { next: unknown } };
    expect(second.paginator.next).toEqual(first.next);
    expect(first.totalItems).toBe(seed.products.length);
    expect((await client.listProducts({}, first.next, 10)).totalItems).toBeUndefined();
  });

  it('should keep paging past a short page that still has a next', async () => {
    const { client, seed } = setup();
    const prefix = seed.products[0]!.code.split('-')[0]!;
    const matching = seed.products.filter((product) => product.code.includes(prefix));
    const pageSizes: number[] = [];
    let next: unknown;
    const found: number[] = [];
    do {
      const page = await client.listProducts({ name: prefix }, next, 10);
      pageSizes.push(page.products.length);
      found.push(...page.products.map((product) => product.id));
      next = page.next;
    } while (next !== undefined);
    expect(pageSizes.slice(0, -1).some((size) => size < 10)).toBe(true);
    expect(found.sort()).toEqual(matching.map((product) => product.id).sort());
  });

  it('should tell parents, variants and independent products apart, with stock per depot', async () => {
    const { client, seed } = setup();
    const products = [];
    for await (const product of client.iterateProducts()) products.push(product);
    const variant = seed.products.find((product) => product.parentId > 0)!;
    const seen = products.find((product) => product.id === variant.id)!;
    expect(seen.kind).toBe('variant');
    expect(seen.parentId).toBe(variant.parentId);
    expect(products.find((product) => product.id === variant.parentId)!.kind).toBe('parent');
    const depot = seed.depots[0]!.id;
    expect(seen.stock?.byDepot[depot]).toEqual({
      remain: variant.stock[depot] ?? 0,
      holding: 0,
      available: variant.stock[depot] ?? 0,
    });
  });

  it('should add products, report a bad item next to its fields, and let the others through', async () => {
    const { client, snapshot } = setup();
    const before = snapshot().products.length;
    const results = await client.addProducts([
      { appProductId: 'tiki-1', name: 'Bình giữ nhiệt 500ml', code: 'TK-BGN-500', price: 189_000 },
      { appProductId: 'tiki-2', name: '', code: 'TK-EMPTY' },
      { appProductId: 'tiki-3', name: 'Ô dù gấp gọn', price: 99_000 },
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    expect(results[1]).toEqual({
      appProductId: 'tiki-2',
      ok: false,
      fieldMessages: { name: expect.any(String) },
    });
    expect(snapshot().products.length).toBe(before + 2);
  });

  it('should not add a second product when one is sent again (product/add only adds): the first is found by its code', async () => {
    const { client, snapshot } = setup();
    const [first] = await client.addProducts([{ appProductId: 'tiki-9', name: 'Tên', code: 'SP-TIKI-9' }]);
    const count = snapshot().products.length;
    const [again] = await client.addProducts([{ appProductId: 'tiki-9', name: 'Tên', code: 'SP-TIKI-9' }]);
    expect(again).toMatchObject({ ok: true, id: first!.ok ? first!.id : -1 });
    expect(snapshot().products.length).toBe(count);
  });

  it('should find the product of an answer lost to a 5xx instead of adding it twice', async () => {
    // The first product/add lands but its answer is lost; the retry is refused for the code, then found.
    let lost = false;
    const { client, snapshot } = setup({
      doctor: (path, body) => {
        if (!path.endsWith('/product/add') || lost) return body;
        lost = true;
        throw new Error('socket hang up');
      },
    });
    const [created] = await client.addProducts([
      { appProductId: 'tiki-10', name: 'Mới', code: 'SP-TIKI-10' },
    ]);
    expect(created).toMatchObject({ ok: true });
    expect(snapshot().products.filter((product) => product.code === 'SP-TIKI-10')).toHaveLength(1);
  });

  it('should send more than 100 products in batches of at most 100', async () => {
    const { client, sent } = setup();
    const items = Array.from({ length: 230 }, (_, index) => ({
      appProductId: `bulk-${index}`,
      name: `Sản phẩm ${index}`,
    }));
    const results = await client.addProducts(items);
    expect(results.every((result) => result.ok)).toBe(true);
    const batches = sent
      .filter((request) => request.path.endsWith('/product/add'))
      .map((request) => JSON.parse(request.body).length);
    expect(batches).toEqual([100, 100, 30]);
  });

  it('should create an order that holds stock, and return the same order for a repeated appOrderId', async () => {
    const { client, seed, snapshot } = setup();
    const depot = seed.depots[0]!.id;
    const product = sellableProduct(seed, depot);
    const created = await client.addOrder(orderFor('TIKI-100001', depot, product.id, 3));
    expect(created.existing).toBeNull();
    expect(snapshot().stock[product.id]![depot]).toEqual({
      remain: product.stock[depot],
      holding: 3,
      available: product.stock[depot]! - 3,
    });
    const again = await client.addOrder(orderFor('TIKI-100001', depot, product.id, 3));
    expect(again.id).toBe(created.id);
    expect(again.existing?.appOrderId).toBe('TIKI-100001');
    expect(snapshot().orders.filter((order) => order.appOrderId === 'TIKI-100001')).toHaveLength(1);
    expect(snapshot().stock[product.id]![depot]!.holding).toBe(3);
  });

  it('should refuse an order line with an unknown product id, naming the line', async () => {
    const { client, seed } = setup();
    const error = await caught(client.addOrder(orderFor('TIKI-100002', seed.depots[0]!.id, 999)));
    expect(error.code).toBe('ERR_INVALID_FORM_FIELDS');
    expect(error.retryable).toBe(false);
    expect(Object.keys(error.fieldMessages ?? {})).toEqual(['products.0.id']);
    expect(t('vi', error.text.key, error.text.params)).toContain('products.0.id');
  });

  it('should deduct stock on Success and return it on Canceled', async () => {
    const { client, seed, snapshot } = setup();
    const depot = seed.depots[0]!.id;
    const product = sellableProduct(seed, depot);
    const kept = await client.addOrder(orderFor('TIKI-200001', depot, product.id, 2));
    const dropped = await client.addOrder(orderFor('TIKI-200002', depot, product.id, 1));
    await client.updateOrderStatus({ orderId: kept.id, status: 'Confirmed' });
    await client.updateOrderStatus({ orderId: kept.id, status: 'Success' });
    await client.updateOrderStatus({ orderId: dropped.id, status: 'Canceled' });
    expect(snapshot().stock[product.id]![depot]).toEqual({
      remain: product.stock[depot]! - 2,
      holding: 0,
      available: product.stock[depot]! - 2,
    });
    expect(snapshot().orders.map((order) => order.status)).toEqual(['Success', 'Canceled']);
  });

  it('should refuse an impossible status change and leave stock untouched', async () => {
    const { client, seed, snapshot } = setup();
    const depot = seed.depots[0]!.id;
    const product = sellableProduct(seed, depot);
    const order = await client.addOrder(orderFor('TIKI-300001', depot, product.id, 1));
    await client.updateOrderStatus({ orderId: order.id, status: 'Success' });
    const stock = snapshot().stock[product.id]![depot];
    const error = await caught(client.updateOrderStatus({ orderId: order.id, status: 'Canceled' }));
    expect(error.code).toBe('rejected');
    expect(error.retryable).toBe(false);
    expect(snapshot().stock[product.id]![depot]).toEqual(stock);
    expect(snapshot().orders[0]!.status).toBe('Success');
  });

  it('should split a long order range into windows of at most 31 days and filter by appOrderId', async () => {
    const { client, seed, clock, sent } = setup();
    const depot = seed.depots[0]!.id;
    const product = sellableProduct(seed, depot);
    const start = clock.now();
    await client.addOrder(orderFor('TIKI-400001', depot, product.id, 1));
    clock.advance(40 * DAY_MS);
    await client.addOrder(orderFor('TIKI-400002', depot, product.id, 1));
    clock.advance(40 * DAY_MS);
    const orders = await client.listOrders({ from: start - DAY_MS, to: clock.now() });
    expect(orders.map((order) => order.appOrderId)).toEqual(['TIKI-400001', 'TIKI-400002']);
    const windows = sent
      .filter((request) => request.path.endsWith('/order/list'))
      .map((request) => JSON.parse(request.body).filters as { createdAtFrom: number; createdAtTo: number });
    expect(windows.length).toBe(3);
    for (const window of windows)
      expect(window.createdAtTo - window.createdAtFrom).toBeLessThanOrEqual(NHANH_ORDER_WINDOW_SECONDS);
    const only = await client.findOrdersByAppOrderIds(['TIKI-400002'], start - DAY_MS);
    expect(only.map((order) => order.appOrderId)).toEqual(['TIKI-400002']);
    expect(only[0]!.status).toBe('New');
    const byId = await client.listOrdersByIds([only[0]!.id]);
    expect(byId.map((order) => order.appOrderId)).toEqual(['TIKI-400002']);
  });

  it('should stop without retrying and ask to reconnect when the token was revoked', async () => {
    const { client, sandbox, sent } = setup();
    sandbox.nhanh.expireTokens();
    const error = await caught(client.listDepots());
    expect(error.code).toBe('ERR_INVALID_ACCESS_TOKEN');
    expect(needsReconnect(error)).toBe(true);
    expect(error.retryable).toBe(false);
    expect(sent).toHaveLength(1);
    expect(t('vi', error.text.key)).toContain('Kết nối Nhanh');
  });

  it('should refuse a token past its expiredAt', async () => {
    const { client, clock, seed } = setup();
    clock.advance(seed.accessTokenExpiredAt * 1000 - clock.now() + 1000);
    expect(needsReconnect(await caught(client.listDepots()))).toBe(true);
  });

  it('should name a wrong appId or businessId in the error code', async () => {
    const wrongApp = setup({ client: { appId: '1' } });
    expect((await caught(wrongApp.client.listDepots())).code).toBe('ERR_INVALID_APP_ID');
    const wrongBusiness = setup({ client: { businessId: 1 } });
    expect((await caught(wrongBusiness.client.listDepots())).code).toBe('ERR_INVALID_BUSINESS_ID');
  });

  it('should retry 5xx answers with backoff up to the hard cap, then give up', async () => {
    const { client, sent } = setup({
      faults: { errorRate: 1 },
      client: { retryPolicy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 } },
    });
    const error = await caught(client.listDepots());
    expect(error.code).toBe('server_error');
    expect(error.retryable).toBe(true);
    expect(sent).toHaveLength(4);
  });

  it('should create each order exactly once when a third of the answers are 5xx, lost ones included', async () => {
    const { client, seed, snapshot, sent } = setup({ faults: { errorRate: 0.3 } });
    const depot = seed.depots[0]!.id;
    const product = sellableProduct(seed, depot);
    const codes = Array.from({ length: 20 }, (_, index) => `TIKI-5${String(index).padStart(5, '0')}`);
    const created = [];
    for (const code of codes) created.push(await client.addOrder(orderFor(code, depot, product.id, 1)));
    const snap = snapshot();
    expect(snap.serverErrors).toBeGreaterThan(0);
    expect(snap.orders.map((order) => order.appOrderId).sort()).toEqual(codes);
    expect(created.map((order) => order.id).sort()).toEqual(snap.orders.map((order) => order.id).sort());
    expect(snap.stock[product.id]![depot]!.holding).toBe(20);
    // Some answers were lost after the order was saved: the retry met the duplicate and looked the order up.
    expect(sent.some((request) => request.path.endsWith('/order/list'))).toBe(true);
  });

  it('should count a status change as done when its answer was lost and the retry is refused', async () => {
    const { client, seed, snapshot, sandbox, sent } = setup();
    const depot = seed.depots[0]!.id;
    const orders = [];
    for (let index = 0; index < 12; index++)
      orders.push(
        await client.addOrder(orderFor(`TIKI-6${index}`, depot, sellableProduct(seed, depot).id, 1)),
      );
    sandbox.setFaults({ errorRate: 0.4 });
    for (const order of orders) await client.updateOrderStatus({ orderId: order.id, status: 'Success' });
    expect(snapshot().orders.every((order) => order.status === 'Success')).toBe(true);
    expect(sent.some((request) => request.path.endsWith('/order/list'))).toBe(true);
  });

  it('should send a transfer once: a lost answer is settled by reading the order back, never by sending it again', async () => {
    const { client, seed, snapshot, sandbox, sent } = setup();
    const depot = seed.depots[0]!.id;
    const orders = [];
    for (let index = 0; index < 12; index++)
      orders.push(
        await client.addOrder(orderFor(`TIKI-7${index}`, depot, sellableProduct(seed, depot).id, 1)),
      );
    sandbox.setFaults({ errorRate: 0.4 });
    const outcomes = new Map<number, 'recorded' | 'failed'>();
    for (const order of orders)
      outcomes.set(
        order.id,
        await client
          .recordTransfer(order.id, { amount: 50_000, accountId: 9001, code: `TIKI #7${order.id}` })
          .then(() => 'recorded' as const)
          .catch(() => 'failed' as const),
      );

    const edits = sent.filter((request) => request.path.endsWith('/order/edit'));
    for (const order of orders)
      expect(edits.filter((request) => JSON.parse(request.body).info.id === order.id)).toHaveLength(1);
    const held = new Map(snapshot().orders.map((order) => [order.id, order.payment?.transferAmount]));
    for (const [id, outcome] of outcomes)
      expect(held.get(id), String(id)).toBe(outcome === 'recorded' ? 50_000 : undefined);
    expect([...outcomes.values()]).toContain('failed');
  });
});
