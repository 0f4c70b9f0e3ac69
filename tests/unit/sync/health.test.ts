import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getHealth, recordSyncHealth, setNhanhHealth, setTikiHealth } from '../../../lib/status';
import { ordersSetup } from '../orders/harness';

/** What the popup reads after a run, recorded as the background records it. */
async function afterRun(setup: Awaited<ReturnType<typeof ordersSetup>>) {
  const result = await setup.run({ kind: 'resume-or-auto', groups: ['new'] });
  if (result.kind !== 'done' && result.kind !== 'failed') throw new Error(`run ended ${result.kind}`);
  await recordSyncHealth('shop-1', {
    at: result.job.updatedAt,
    ok: result.kind === 'done',
    api: result.cursor.errorApi ?? null,
    error: result.cursor.error,
  });
  return getHealth();
}

describe('connection health from order syncs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should show both connections working after a sync that reached them, keeping the shop name Tiki gave', async () => {
    const setup = await ordersSetup();
    await setTikiHealth('shop-1', {
      state: 'unchecked',
      checkedAt: null,
      remoteName: 'Minh An',
      error: null,
    });
    const health = await afterRun(setup);
    expect(health.tiki['shop-1']).toMatchObject({ state: 'ok', remoteName: 'Minh An', error: null });
    expect(health.nhanh).toMatchObject({ state: 'ok', error: null });
    expect(health.nhanh.checkedAt).toBe(setup.clock.now());
  });

  it('should mark Nhanh, and only Nhanh, when its token stops working during a sync', async () => {
    const setup = await ordersSetup();
    await setNhanhHealth({ state: 'ok', checkedAt: 1, remoteName: null, error: null });
    await setTikiHealth('shop-1', { state: 'ok', checkedAt: 1, remoteName: 'Minh An', error: null });
    await setup.pairProducts();
    setup.sandbox.nhanh.expireTokens();
    const health = await afterRun(setup);
    expect(health.nhanh.state).toBe('error');
    expect(health.nhanh.error?.key).toMatch(/^nhanh\./);
    expect(health.tiki['shop-1']).toEqual({ state: 'ok', checkedAt: 1, remoteName: 'Minh An', error: null });
  });

  it('should leave the health alone when a run fails for a reason no API gave (settings incomplete)', async () => {
    const setup = await ordersSetup();
    setup.syncDeps.settings = {
      ...setup.settings,
      shops: setup.settings.shops.map((shop) => ({ ...shop, nhanhDepotId: null })),
    };
    await setNhanhHealth({ state: 'ok', checkedAt: 1, remoteName: null, error: null });
    const before = await getHealth();
    expect(await afterRun(setup)).toEqual(before);
  });
});
