import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { withJobLease } from '../../../lib/jobs/lease';
import { type PushOrderDeps, pushOrderNow } from '../../../lib/seller-center/order-states';
import type { Settings } from '../../../lib/settings';
import { importOrdersByCode } from '../../../lib/sync/import-by-code';
import { orderSyncJobId } from '../../../lib/sync/order-sync';
import { placeImportableOrder } from '../../fixtures/placed-orders';
import { type OrdersSetup, ordersSetup, SHOP_ID } from '../orders/harness';

/** The push as the background binds it, on the sandbox-backed harness: the real import by code, under the lease. */
function pushDeps(setup: OrdersSetup, settings: Settings = setup.settings): PushOrderDeps {
  return {
    db: async () => setup.db,
    settings: async () => settings,
    importOrders: (shopId, codes) =>
      importOrdersByCode(
        { ...setup.syncDeps, tiki: setup.tiki, lease: { holder: 'seller-center' } },
        shopId,
        codes,
      ),
    tikiHasOrder: async (shopId) => shopId === SHOP_ID,
  };
}

describe('“Đẩy sang Nhanh ngay” in the seller center', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should put a not-yet-synced order into Nhanh and answer its new chip, once however often it is clicked', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);

    const first = await pushOrderNow(code, pushDeps(setup));
    const again = await pushOrderNow(code, pushDeps(setup));

    const inNhanh = setup.sandbox.nhanh.snapshot().orders.filter((order) => order.appOrderId === code);
    expect(inNhanh).toHaveLength(1);
    expect(first).toEqual({
      ok: true,
      state: { kind: 'imported', nhanhOrderId: inNhanh[0]!.id, nhanhStatus: 'Đơn mới' },
    });
    expect(again).toEqual(first);
  });

  it('should answer a blocked chip when a product of the order is not paired', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);
    await setup.db.clear('productMappingChunks');

    const answer = await pushOrderNow(code, pushDeps(setup));
    expect(answer).toMatchObject({
      ok: true,
      state: { kind: 'blocked', reason: expect.stringContaining('ghép') },
    });
    expect(setup.sandbox.nhanh.snapshot().orders.some((order) => order.appOrderId === code)).toBe(false);
  });

  it('should say so, and import nothing, while a sync of the shop holds its lease', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);
    const during = await withJobLease(
      setup.db,
      { id: orderSyncJobId(SHOP_ID), shopId: SHOP_ID },
      () => ({ holder: 'order-sync', now: setup.clock.now() }),
      () => pushOrderNow(code, pushDeps(setup)),
    );
    expect(during).toEqual({
      held: true,
      value: { ok: false, message: 'Tiện ích đang đồng bộ đơn của cửa hàng này. Chờ ít giây rồi bấm lại.' },
    });
    expect(setup.sandbox.nhanh.snapshot().orders.some((order) => order.appOrderId === code)).toBe(false);
  });

  it('should find the shop of an order no shop stored yet by asking each shop’s Tiki, and say when none has it', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const code = await placeImportableOrder(setup);
    const main = setup.settings.shops[0]!;
    const twoShops = { ...setup.settings, shops: [{ ...main, id: 'shop-0', name: 'Shop khác' }, main] };
    const asked: string[] = [];
    const deps = pushDeps(setup, twoShops);
    const probing = {
      ...deps,
      tikiHasOrder: async (shopId: string) => {
        asked.push(shopId);
        return shopId === SHOP_ID;
      },
    };

    expect(await pushOrderNow(code, probing)).toMatchObject({ ok: true, state: { kind: 'imported' } });
    expect(asked).toEqual(['shop-0', SHOP_ID]);

    const nobody = await pushOrderNow('812345699', { ...deps, tikiHasOrder: async () => false });
    expect(nobody).toEqual({
      ok: false,
      message:
        'Không cửa hàng Tiki nào đã kết nối với tiện ích có đơn 812345699. Hãy lưu khóa kết nối của cửa hàng này (Cài đặt) rồi bấm lại.',
    });
  });
});
