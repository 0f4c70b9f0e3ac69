import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMapping, getProductLinks } from '../../../lib/products/links';
import { lookUpUnlisted } from '../../../lib/products/look-up';
import { readTikiProducts } from '../../../lib/products/store';
import type { TikiOrder } from '../../../lib/tiki/schemas';
import { expectedImports } from '../../fixtures/expected-orders';
import { forgetDownloaded, type OrdersSetup, ordersSetup, SHOP_ID } from './harness';

/*
 * Issue "Catalogues that tell the truth": an order line whose product the last download did not list is asked
 * of Tiki before it is judged; only Tiki's 404 makes it "đã bị xóa".
 */

/** A new order of one line whose product is paired by a rule (so it has an exact twin in Nhanh). */
async function singleLineOrder(setup: OrdersSetup): Promise<TikiOrder> {
  const links = await getProductLinks(
    setup.db,
    SHOP_ID,
    setup.seedOrders.flatMap((order) => order.items.map((item) => item.product.id)),
  );
  const order = expectedImports(setup.seedOrders, {
    groups: ['new'],
    now: setup.clock.now(),
    paired: (id) => links.get(id)?.state === 'paired' && links.get(id)?.mapping?.method !== 'manual',
  }).find((candidate) => candidate.items.length === 1);
  expect(order).toBeDefined();
  return order!;
}

describe('a product the last download did not list', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['listed on Tiki after the download', false],
    ['hidden on Tiki (absent from the list)', true],
  ])(
    'should be looked up, stored and paired with its twin when %s, and its order imported',
    async (_case, hide) => {
      const setup = await ordersSetup({ alwaysFetchProducts: true });
      await setup.pairProducts();
      const order = await singleLineOrder(setup);
      const productId = order.items[0]!.product.id;
      await forgetDownloaded(setup, productId);
      if (hide) setup.sandbox.tiki.hideProduct(productId);
      const productsBefore = setup.sandbox.nhanh.snapshot().products.length;

      await setup.run();

      expect(setup.nhanhOrders().has(order.code)).toBe(true);
      // Paired with the seller's existing product by the rules, not created a second time.
      expect(setup.sandbox.nhanh.snapshot().products).toHaveLength(productsBefore);
      expect((await getMapping(setup.db, SHOP_ID, productId))?.method).not.toBe('created');
      const stored = (await readTikiProducts(setup.db, SHOP_ID)).find((record) => record.id === productId);
      expect(stored?.deletedOnTiki).toBe(false);
    },
  );

  it('should be "đã bị xóa" only when Tiki answers 404 for it, and not when Tiki cannot be asked', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const order = await singleLineOrder(setup);
    const productId = order.items[0]!.product.id;
    await forgetDownloaded(setup, productId);

    // Tiki fails every call for this product: it is never declared deleted.
    setup.sandbox.setFaults({ errorRate: 1 });
    const answers = await lookUpUnlisted(
      { db: setup.db, clock: setup.clock, tiki: setup.tiki, shopId: SHOP_ID },
      [productId],
    );
    expect(answers.get(productId)).toBe('unknown');
    setup.sandbox.setFaults({ errorRate: 0 });

    setup.sandbox.tiki.deleteProduct(productId);
    await setup.run();
    const record = await setup.db.get('orders', [SHOP_ID, order.code]);
    expect(record?.outcome).toBe('blocked');
    expect(record?.blockers[0]?.fix).toBe('always-fetch');
  });
});
