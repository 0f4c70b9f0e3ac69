import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getProductLinks } from '../../../lib/products/links';
import { markCatalogueFresh, refreshCatalogues } from '../../../lib/products/refresh';
import { expectedImports } from '../../fixtures/expected-orders';
import { forgetDownloaded, ordersSetup, SHOP_ID } from '../orders/harness';

/** Issue "Catalogues that tell the truth": every automatic sync first refreshes the catalogues. */
describe('catalogues refreshed before an automatic sync', () => {
  beforeEach(() => fakeBrowser.reset());

  async function setupWithRefresh() {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await markCatalogueFresh(SHOP_ID, setup.clock.now());
    const { db, clock, tiki } = setup;
    setup.syncDeps.refreshCatalogues = () =>
      refreshCatalogues({ db, clock, tiki, nhanh: setup.nhanh }, SHOP_ID);
    const links = await getProductLinks(
      db,
      SHOP_ID,
      setup.seedOrders.flatMap((order) => order.items.map((item) => item.product.id)),
    );
    const orders = expectedImports(setup.seedOrders, {
      groups: ['new'],
      now: clock.now(),
      paired: (id) => links.get(id)?.state === 'paired',
    }).filter((order) => order.items.length === 1);
    return { setup, orders };
  }

  it('should see a rename on Tiki before judging the order: the order waits for re-pairing', async () => {
    const { setup, orders } = await setupWithRefresh();
    const [renamed, untouched] = orders;
    const productId = renamed!.items[0]!.product.id;
    setup.clock.advance(3_600_000);
    setup.sandbox.tiki.editProduct(productId, { name: `${renamed!.items[0]!.product.name} (mẫu mới)` });

    await setup.run({ kind: 'start', trigger: 'auto', groups: ['new'] });

    expect(setup.nhanhOrders().has(renamed!.code)).toBe(false);
    const record = await setup.db.get('orders', [SHOP_ID, renamed!.code]);
    expect(record?.blockers[0]?.fix).toBe('repair');
    expect(setup.nhanhOrders().has(untouched!.code)).toBe(true);
  });

  it('should store and pair a product listed after the last download, so its order goes through', async () => {
    const { setup, orders } = await setupWithRefresh();
    const [listedLater] = orders;
    const productId = listedLater!.items[0]!.product.id;
    // As if the last download had not seen it: it is listed (updated) on Tiki after that download.
    await forgetDownloaded(setup, productId);
    setup.clock.advance(3_600_000);
    setup.sandbox.tiki.editProduct(productId, {});

    const refreshed = await setup.syncDeps.refreshCatalogues!();
    expect(refreshed).toMatchObject({ tiki: expect.any(Number) });
    expect((refreshed as { tiki: number }).tiki).toBeGreaterThan(0);
    expect((await getProductLinks(setup.db, SHOP_ID, [productId])).get(productId)?.state).toBe('paired');
  });

  it('should not refresh before any full download, nor fail the sync when the refresh fails', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const { db, clock, tiki } = setup;
    expect(await refreshCatalogues({ db, clock, tiki, nhanh: setup.nhanh }, SHOP_ID)).toBeNull();
    setup.syncDeps.refreshCatalogues = () => Promise.reject(new Error('Tiki is down'));
    const result = await setup.run({ kind: 'start', trigger: 'auto', groups: ['new'] });
    expect(result.kind).toBe('done');
    const log = await db.getAll('activityLog');
    expect(log.some((entry) => entry.text.key === 'products.refresh.failed')).toBe(true);
  });
});
