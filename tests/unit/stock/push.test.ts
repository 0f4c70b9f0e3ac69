import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translate } from '../../../lib/i18n';
import { listActivity } from '../../../lib/status/activity-log';
import { readStockPreview } from '../../../lib/stock/preview';
import { STOCK_FULL_PASS_MS } from '../../../lib/stock/read';
import { applyStockRules } from '../../../lib/stock/rules';
import { needsFullPass, pushesAutomatically } from '../../../lib/stock/schedule';
import { forgetRefusedAuth, readStockShopState } from '../../../lib/stock/shop-state';
import { SHOP_ID, type StockSetup, stockSetup } from './harness';

/** Paired products the push may change: seller stock (not FBT), sellable, read on both sides. */
async function pushable(setup: StockSetup) {
  const rows = await readStockPreview(setup.db, SHOP_ID, setup.shop.stockPush, setup.clock.now());
  return rows.filter((row) => row.state !== 'blocked');
}

function sentFor(setup: StockSetup, productId: number) {
  return setup.sent.flatMap((request) =>
    request.products.filter((product) => product.product_id === productId),
  );
}

describe('pushing stock to Tiki (sandbox)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should bring every paired product to its rule-applied Nhanh stock and touch nothing else', async () => {
    const setup = await stockSetup({ stockPush: { buffer: { unit: 'units', value: 2 }, cap: 100 } });
    await setup.preview();
    expect(setup.sent).toEqual([]);
    const rows = await readStockPreview(setup.db, SHOP_ID, setup.shop.stockPush, setup.clock.now());
    const [chosen, other] = setup.warehouseIds as [number, number];
    const before = new Map(rows.map((row) => [row.tikiProductId, setup.tikiShows(row.tikiProductId)]));

    const result = await setup.push();

    expect(result.kind).toBe('done');
    for (const row of rows) {
      const shows = setup.tikiShows(row.tikiProductId);
      if (row.state === 'blocked') {
        expect(shows, `${row.name} (${row.reason})`).toEqual(before.get(row.tikiProductId));
        expect(sentFor(setup, row.tikiProductId)).toEqual([]);
        continue;
      }
      const expected = applyStockRules(row.nhanhAvailable!, setup.shop.stockPush).quantity;
      expect(shows[chosen], row.name).toBe(expected);
      // The warehouse the seller did not choose keeps what Tiki showed, though Tiki zeroes one left out.
      if (before.get(row.tikiProductId)![other] !== undefined)
        expect(shows[other], row.name).toBe(before.get(row.tikiProductId)![other]);
    }
    const reasons = new Set(rows.filter((row) => row.state === 'blocked').map((row) => row.reason));
    expect(reasons).toContain('fbt');
    expect(reasons).toContain('notPaired');

    // Nothing differs from what Tiki shows now: the next run sends nothing.
    const requests = setup.sent.length;
    const again = await setup.push();
    expect(setup.sent.length).toBe(requests);
    expect(again.kind === 'done' && again.cursor.counts.sent).toBe(0);
  });

  it('should send, on the next incremental run, only the product whose Nhanh stock changed', async () => {
    const setup = await stockSetup();
    await setup.preview();
    await setup.push();
    const [target] = await pushable(setup);
    const nhanhId = setup.mappings.get(target!.tikiProductId)!.nhanhProductId;
    setup.clock.advance(60_000);
    const stock = setup.setNhanhStock(nhanhId, 3);
    const requests = setup.sent.length;

    const result = await setup.push();

    expect(result.kind === 'done' && result.cursor.full).toBe(false);
    const sentNow = setup.sent.slice(requests).flatMap((request) => request.products);
    expect(sentNow.map((product) => product.product_id)).toEqual([target!.tikiProductId]);
    expect(setup.tikiShows(target!.tikiProductId)[setup.warehouseIds[0]!]).toBe(stock.available);
    // Every warehouse Tiki listed for it went in the request: none set to 0 by omission.
    expect(sentNow[0]!.warehouse_quantities.map((w) => w.warehouse_id).sort()).toEqual(
      Object.keys(setup.tikiShows(target!.tikiProductId)).map(Number).sort(),
    );
  });

  it('should push only the products the seller selected', async () => {
    const setup = await stockSetup();
    await setup.preview();
    const changing = (await pushable(setup)).filter((row) => row.state !== 'unchanged');
    const picked = changing.slice(0, 2).map((row) => row.tikiProductId);
    await setup.push({ only: picked });
    expect(setup.sent.flatMap((request) => request.products.map((p) => p.product_id)).sort()).toEqual(
      [...picked].sort(),
    );
  });

  it.each(['per-item', 'envelope'] as const)(
    "should show Tiki's own text for a product it rejects (batch answer %s), send the others, log the run, notify once and send it again next run",
    async (tikiBatchAnswer) => {
      const setup = await stockSetup({ faults: { tikiBatchAnswer } });
      await setup.preview();
      const changing = (await pushable(setup)).filter((row) => row.state !== 'unchanged');
      const [victim, other] = changing;
      setup.sandbox.tiki.deleteProduct(victim!.tikiProductId);

      const first = await setup.push();

      expect(first.kind === 'done' && first.cursor.counts).toMatchObject({
        failed: 1,
        sent: changing.length - 1,
      });
      expect(setup.tikiShows(other!.tikiProductId)[setup.warehouseIds[0]!]).toBe(other!.toPush);
      const row = (await readStockPreview(setup.db, SHOP_ID, setup.shop.stockPush, setup.clock.now())).find(
        (candidate) => candidate.tikiProductId === victim!.tikiProductId,
      );
      expect(translate('vi', row!.lastError!)).toContain(`Product '[${victim!.tikiProductId}]' is not found`);
      const [line] = await listActivity(setup.db);
      expect(line?.level).toBe('warn');
      expect(translate('en', line!.text)).toMatch(/sent, 0 unchanged, 1 failed/);
      expect(line?.detail).toContain('is not found');
      expect(setup.notices.map((notice) => notice.message.key)).toEqual(['stock.notify.failed']);

      const second = await setup.push();
      expect(second.kind === 'done' && second.cursor.counts.failed).toBe(1);
      expect(setup.notices).toHaveLength(1);
      expect((await readStockShopState(SHOP_ID)).lastRun).toMatchObject({ ok: true, failed: 1 });
    },
  );

  it('should retry after a Tiki 5xx storm until the push succeeds, sending the newest Nhanh value only', async () => {
    const setup = await stockSetup();
    await setup.preview();
    const [target] = (await pushable(setup)).filter((row) => row.state !== 'unchanged');
    const nhanhId = setup.mappings.get(target!.tikiProductId)!.nhanhProductId;
    setup.sandbox.setFaults({ errorRate: 1 });

    const stormy = await setup.push();

    expect(stormy.kind).toBe('failed');
    expect(setup.sent).toEqual([]);
    expect(setup.notices.map((notice) => notice.message.key)).toEqual(['stock.notify.stopped']);
    // The stock moves while Tiki is down; the push that finally gets through sends the newer value.
    setup.clock.advance(60_000);
    setup.setNhanhStock(nhanhId, 41);
    setup.sandbox.setFaults({ errorRate: 0 });
    const calm = await setup.push();

    expect(calm.kind).toBe('done');
    expect(
      sentFor(setup, target!.tikiProductId).map((p) => p.warehouse_quantities[0]!.qty_available),
    ).toEqual([setup.tikiShows(target!.tikiProductId)[setup.warehouseIds[0]!]]);
    expect(setup.tikiShows(target!.tikiProductId)[setup.warehouseIds[0]!]).toBe(
      setup.sandbox.nhanh.snapshot().stock[nhanhId]![setup.depotId]!.remain -
        setup.sandbox.nhanh.snapshot().stock[nhanhId]![setup.depotId]!.holding,
    );
  });

  it('should stop before sending anything when a chosen Tiki warehouse is no longer the seller’s', async () => {
    const setup = await stockSetup({ stockPush: { tikiWarehouseIds: [999_001] } });
    await setup.preview();

    const result = await setup.push();

    expect(result.kind).toBe('failed');
    expect(setup.sent).toEqual([]);
    expect(translate('en', (await readStockShopState(SHOP_ID)).lastRun!.error!)).toContain('999001');
  });

  it('should stop, push nothing and say why when Tiki says the seller cannot update products', async () => {
    const setup = await stockSetup();
    await setup.preview();
    setup.sandbox.tiki.setCanUpdateProduct(setup.sandbox.seed.tiki.shops[0]!.sellerId, false);

    const result = await setup.push();

    expect(result.kind).toBe('failed');
    expect(setup.sent).toEqual([]);
    const state = await readStockShopState(SHOP_ID);
    expect(state.capability).toMatchObject({ state: 'cannotUpdate' });
    expect(translate('vi', { key: 'stock.capability.steps' })).toContain('open.tiki.vn');
  });

  it("should record that Tiki refuses updates through the seller-center key, until the shop's auth changes", async () => {
    const setup = await stockSetup({ auth: 'key' });
    await setup.preview();

    const result = await setup.push();

    expect(result.kind).toBe('failed');
    expect(setup.sent).toEqual([]);
    let state = await readStockShopState(SHOP_ID);
    expect(state.capability).toMatchObject({ state: 'authRefused' });
    expect(state.capability.state === 'authRefused' && translate('en', state.capability.text)).toMatch(
      /refuses stock updates/,
    );
    expect(pushesAutomatically(state)).toBe(false);
    // Saving settings with the same key keeps the refusal; connecting the in-house app lifts it.
    await forgetRefusedAuth([setup.shop]);
    expect((await readStockShopState(SHOP_ID)).capability.state).toBe('authRefused');
    const seed = setup.sandbox.seed.tiki.shops[0]!;
    await forgetRefusedAuth([{ ...setup.shop, clientId: seed.clientId, clientSecret: seed.clientSecret }]);
    state = await readStockShopState(SHOP_ID);
    expect(state.capability).toEqual({ state: 'unknown' });
  });

  it("should catch a stock-only change at the daily full pass when Nhanh's filter ignores stock changes", async () => {
    const setup = await stockSetup({ faults: { nhanhInventoryUpdatedAt: 'product' } });
    await setup.preview();
    await setup.push();
    // Half an hour on, the incremental read no longer overlaps the catalogue's last information change.
    setup.clock.advance(30 * 60_000);
    await setup.push();
    const [target] = await pushable(setup);
    const nhanhId = setup.mappings.get(target!.tikiProductId)!.nhanhProductId;
    setup.clock.advance(60_000);
    const stock = setup.setNhanhStock(nhanhId, 2);
    const shown = () => setup.tikiShows(target!.tikiProductId)[setup.warehouseIds[0]!];
    const before = shown();

    await setup.push({ full: needsFullPass(await readStockShopState(SHOP_ID), setup.clock.now()) });
    expect(shown()).toBe(before);
    setup.clock.advance(STOCK_FULL_PASS_MS);
    await setup.push({ full: needsFullPass(await readStockShopState(SHOP_ID), setup.clock.now()) });
    expect(shown()).toBe(stock.available);
  });
});
