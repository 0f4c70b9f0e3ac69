import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StockJobDeps } from '../../lib/stock/job';
import { readStockPreview } from '../../lib/stock/preview';
import { seededRandom } from '../../sandbox/random';
import { SHOP_ID, type StockSetup, stockSetup } from '../unit/stock/harness';
import { lease, never } from './worker-death';

/**
 * The stock push with the service worker stopped mid-push (at a seeded update call, just before it is sent or
 * just after Tiki took it, before the extension stored it) and with Tiki in a 5xx or 429 storm. The next worker
 * resumes the job. No stale quantity may ever reach Tiki, and Tiki must end where the fault-free run ends.
 */

/** Small batches, so one push makes many update calls for the deaths to land between. */
const PUSH_WINDOW = 4;

/** The seller's stock bills of the scenario: `round` 0 before the push, 1 while the worker is dead. */
async function moveStock(setup: StockSetup, round: 0 | 1) {
  const rows = await readStockPreview(setup.db, SHOP_ID, setup.shop.stockPush, setup.clock.now());
  const pushable = rows.filter((row) => row.state !== 'blocked');
  const moved = round === 0 ? pushable.slice(0, 18) : pushable.filter((_, index) => index % 3 === 0);
  setup.clock.advance(60_000);
  for (const [index, row] of moved.entries())
    setup.setNhanhStock(setup.mappings.get(row.tikiProductId)!.nhanhProductId, 5 + index * 3 + round * 50);
}

/** Tiki's quantities of every product of the shop, by product id. */
function tikiQuantities(setup: StockSetup, productIds: readonly number[]) {
  return Object.fromEntries(productIds.map((id) => [id, setup.tikiShows(id)]));
}

async function productIds(setup: StockSetup) {
  return (await readStockPreview(setup.db, SHOP_ID, setup.shop.stockPush, setup.clock.now())).map(
    (row) => row.tikiProductId,
  );
}

/** The scenario up to its interesting part: previewed, pushed once, then the stock moved in Nhanh. */
async function movedAfterFirstPush(): Promise<StockSetup> {
  const setup = await stockSetup();
  await setup.preview();
  await setup.push({}, { pushWindow: PUSH_WINDOW });
  await moveStock(setup, 0);
  return setup;
}

/** The fault-free run of the scenario: Tiki's quantities at its end. */
async function faultFreeEnd(): Promise<Record<number, Record<number, number>>> {
  const setup = await movedAfterFirstPush();
  await setup.push({}, { pushWindow: PUSH_WINDOW });
  await moveStock(setup, 1);
  await setup.push({}, { pushWindow: PUSH_WINDOW });
  return tikiQuantities(setup, await productIds(setup));
}

describe('the stock push when the worker is stopped mid-push', () => {
  beforeEach(() => fakeBrowser.reset());

  const random = seededRandom(20261214);
  const moments = Array.from({ length: 20 }, (_, trial) => ({
    moment: trial % 2 === 0 ? ('before' as const) : ('after' as const),
    fraction: random(),
  }));
  let expected: Record<number, Record<number, number>> | undefined;

  it.each(moments)(
    'should never send a stale quantity and end as the fault-free run when stopped $moment a call at $fraction',
    async ({ moment, fraction }) => {
      expected ??= await faultFreeEnd();
      const setup = await movedAfterFirstPush();
      const ids = await productIds(setup);
      const rows = await readStockPreview(setup.db, SHOP_ID, setup.shop.stockPush, setup.clock.now());
      // The push's update calls: one batch per PUSH_WINDOW products with a quantity to send.
      const toSend = rows.filter((row) => row.state !== 'blocked' && row.state !== 'unchanged').length;
      const calls = Math.ceil(toSend / PUSH_WINDOW);
      const stopAt = Math.floor(fraction * calls);
      let updates = 0;
      const live = setup.tiki;
      const dying: StockJobDeps['tiki'] = {
        ...live,
        updateSkus: async (batch) => {
          if (updates++ === stopAt && moment === 'before') return never();
          const results = await live.updateSkus(batch);
          if (updates - 1 === stopAt) return never();
          return results;
        },
        updateSku: async (update) => {
          if (updates++ === stopAt && moment === 'before') return never();
          await live.updateSku(update);
          if (updates - 1 === stopAt) return never();
        },
      };

      void setup.push({}, { tiki: dying, lease: lease('worker:first'), pushWindow: PUSH_WINDOW });
      await expect.poll(() => updates).toBeGreaterThan(stopAt);
      // While the worker is dead the stock moves again and the seller's preview reads it: the resumed push must
      // send these newer values, never the ones its dead run had planned.
      await moveStock(setup, 1);
      await setup.run({ kind: 'stock-preview', full: true }, { lease: lease('worker:second') });
      const sentBeforeResume = setup.sent.length;
      const resumed = await setup.push(
        { start: 'resume' },
        { lease: lease('worker:second'), pushWindow: PUSH_WINDOW },
      );
      expect(resumed.kind).toBe('done');
      // Whatever the dead worker began, the next run (as the alarm would start it) catches up on the rest.
      const next = await setup.push({}, { lease: lease('worker:second'), pushWindow: PUSH_WINDOW });
      expect(next.kind).toBe('done');

      const final = tikiQuantities(setup, ids);
      expect(final).toEqual(expected);
      // After the resume, every value sent is the product's final one: nothing older went out.
      for (const request of setup.sent.slice(sentBeforeResume))
        for (const product of request.products)
          for (const warehouse of product.warehouse_quantities)
            expect(warehouse.qty_available, `product ${product.product_id}`).toBe(
              final[product.product_id]![warehouse.warehouse_id],
            );
    },
  );
});

describe('the stock push through Tiki storms', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should ride out a 5xx storm run after run and end as the fault-free run', async () => {
    const expected = await faultFreeEnd();
    const setup = await movedAfterFirstPush();
    setup.sandbox.setFaults({ errorRate: 0.6 });
    await setup.push({}, { pushWindow: PUSH_WINDOW });
    await moveStock(setup, 1);
    let runs = 0;
    for (let done = false; !done && runs < 30; runs++) {
      setup.clock.advance(60_000);
      done = (await setup.push({}, { pushWindow: PUSH_WINDOW })).kind === 'done';
    }
    expect(runs).toBeLessThan(30);
    setup.sandbox.setFaults({ errorRate: 0 });
    expect(tikiQuantities(setup, await productIds(setup))).toEqual(expected);
  });

  it("should wait out a 429 storm's Retry-After, stop without sending, and finish once it passes", async () => {
    const expected = await faultFreeEnd();
    const setup = await movedAfterFirstPush();
    await moveStock(setup, 1);
    const sentBefore = setup.sent.length;
    setup.sandbox.setFaults({ rateLimitStorm: true, tikiRetryAfterSeconds: 7 });
    const started = setup.clock.now();

    const stormy = await setup.push({}, { pushWindow: PUSH_WINDOW });

    expect(stormy.kind).toBe('failed');
    expect(setup.sent.length).toBe(sentBefore);
    // Each retry waited the 7 s Tiki asked for (the client's attempts, one call).
    expect(setup.clock.now() - started).toBeGreaterThanOrEqual(4 * 7_000);
    setup.sandbox.setFaults({ rateLimitStorm: false });
    expect((await setup.push({}, { pushWindow: PUSH_WINDOW })).kind).toBe('done');
    expect(tikiQuantities(setup, await productIds(setup))).toEqual(expected);
  });
});
