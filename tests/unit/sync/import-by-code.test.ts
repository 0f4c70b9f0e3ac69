import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withJobLease } from '../../../lib/jobs/lease';
import { type ImportByCodeDeps, importOrdersByCode } from '../../../lib/sync/import-by-code';
import { orderSyncJobId } from '../../../lib/sync/order-sync';
import { placeImportableOrder } from '../../fixtures/placed-orders';
import { type OrdersSetup, ordersSetup, SHOP_ID } from '../orders/harness';

function byCodeDeps(setup: OrdersSetup, holder = 'by-code'): ImportByCodeDeps {
  return { ...setup.syncDeps, tiki: setup.tiki, lease: { holder } };
}

describe('importing named Tiki orders now', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should put a new Tiki order into Nhanh once, however often it is asked', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);

    const first = await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code, code]);
    const again = await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code]);

    expect(first).toMatchObject({ kind: 'done', outcomes: { [code]: 'created' } });
    expect(again).toMatchObject({ kind: 'done', outcomes: { [code]: 'present' } });
    expect(setup.sandbox.nhanh.snapshot().orders.filter((order) => order.appOrderId === code)).toHaveLength(
      1,
    );
    expect(await setup.db.get('orders', [SHOP_ID, code])).toMatchObject({ syncState: 'imported' });
  });

  it('should follow the order as Tiki has it now, not as it was announced', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);
    await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code]);
    setup.sandbox.tiki.setOrderStatus(code, 'canceled');

    const result = await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code]);

    expect(result).toMatchObject({ kind: 'done', outcomes: { [code]: 'updated' } });
    expect(setup.nhanhOrders().get(code)?.status).toBe('Canceled');
  });

  it('should say an order Tiki does not know is missing, and import the others', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);

    const result = await importOrdersByCode(byCodeDeps(setup), SHOP_ID, ['999999999', code]);

    expect(result).toMatchObject({ kind: 'done', outcomes: { '999999999': 'missing', [code]: 'created' } });
  });

  it('should answer busy while the shop order sync holds the lease, and leave the sync record as it was', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await setup.run();
    const syncRecord = await setup.db.get('jobs', orderSyncJobId(SHOP_ID));
    const code = await placeImportableOrder(setup);

    const whileHeld = await withJobLease(
      setup.db,
      { id: orderSyncJobId(SHOP_ID), shopId: SHOP_ID },
      () => ({ holder: 'order-sync', now: setup.clock.now() }),
      () => importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code]),
    );
    const afterwards = await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code]);

    expect(whileHeld).toEqual({ held: true, value: { kind: 'busy' } });
    expect(afterwards).toMatchObject({ kind: 'done', outcomes: { [code]: 'created' } });
    expect(await setup.db.get('jobs', orderSyncJobId(SHOP_ID))).toEqual(syncRecord);
  });

  it('should leave no job behind for a shop never synced, so its first sync starts as usual', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);

    await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code]);

    expect(await setup.db.get('jobs', orderSyncJobId(SHOP_ID))).toBeUndefined();
    const first = await setup.run();
    expect(first).toMatchObject({ kind: 'done', cursor: { counts: { present: 1 } } });
  });

  it('should take the shop over from a stopped worker that held it', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);
    // A worker the browser stopped while it held the shop: its work never ends, its lease stays.
    void withJobLease(
      setup.db,
      { id: orderSyncJobId(SHOP_ID), shopId: SHOP_ID },
      () => ({ holder: 'worker:stopped', now: setup.clock.now() }),
      () => new Promise<never>(() => {}),
    );
    await expect.poll(async () => (await setup.db.get('jobs', orderSyncJobId(SHOP_ID)))?.lease).toBeTruthy();
    const nextWorker: ImportByCodeDeps = {
      ...byCodeDeps(setup),
      lease: { holder: 'worker:next', isDeadHolder: (holder) => holder === 'worker:stopped' },
    };

    expect(await importOrdersByCode(byCodeDeps(setup), SHOP_ID, [code])).toEqual({ kind: 'busy' });
    expect(await importOrdersByCode(nextWorker, SHOP_ID, [code])).toMatchObject({
      kind: 'done',
      outcomes: { [code]: 'created' },
    });
  });

  it('should say why nothing can be imported when the shop has no Nhanh depot', async () => {
    const setup = await ordersSetup();
    const deps = byCodeDeps(setup);
    const settings = { ...deps.settings, shops: [{ ...deps.settings.shops[0]!, nhanhDepotId: null }] };

    const result = await importOrdersByCode({ ...deps, settings }, SHOP_ID, ['123']);

    expect(result).toMatchObject({ kind: 'failed', error: { key: 'orders.err.noDepot' } });
    expect(setup.sandbox.nhanh.snapshot().orders).toHaveLength(0);
  });
});
