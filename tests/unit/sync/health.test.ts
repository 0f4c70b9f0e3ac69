import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '../../../lib/settings';
import {
  getHealth,
  type LastSync,
  readStatus,
  recordLastSync,
  recordSyncHealth,
  setNhanhHealth,
  setTikiHealth,
} from '../../../lib/status/status';
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

/** Two shops as a seller enters them (each with its own Tiki app). */
async function twoShops(count = 2) {
  const shops = [
    { id: 'shop-a', name: 'Nhà sách Hoa Mai', clientId: 'app-a', clientSecret: 'secret-a' },
    { id: 'shop-b', name: 'Đồ chơi Bé Na', clientId: 'app-b', clientSecret: 'secret-b' },
  ].slice(0, count);
  expect((await saveSettings({ shops }, 'vi')).ok).toBe(true);
}

const sync = (at: number, ok: boolean, created = 0): LastSync => ({
  at,
  ok,
  created,
  updated: 1,
  blocked: 0,
  failed: ok ? 0 : 2,
});

async function lastSyncs() {
  return Object.fromEntries((await readStatus()).shops.map((shop) => [shop.id, shop.lastSync]));
}

describe('last sync per shop', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep each shop its own last sync when the shops sync at different times', async () => {
    await twoShops();
    expect(await lastSyncs()).toEqual({ 'shop-a': null, 'shop-b': null });
    await recordLastSync('shop-a', sync(1_000, true, 3));
    await recordLastSync('shop-b', sync(2_000, false));
    expect(await lastSyncs()).toEqual({ 'shop-a': sync(1_000, true, 3), 'shop-b': sync(2_000, false) });
    await recordLastSync('shop-a', sync(3_000, true, 1));
    expect(await lastSyncs()).toEqual({ 'shop-a': sync(3_000, true, 1), 'shop-b': sync(2_000, false) });
  });

  it('should keep both when two shops finish syncing at the same moment', async () => {
    await twoShops();
    await Promise.all([
      recordLastSync('shop-a', sync(1_000, true)),
      recordLastSync('shop-b', sync(1_000, false)),
    ]);
    expect(await lastSyncs()).toEqual({ 'shop-a': sync(1_000, true), 'shop-b': sync(1_000, false) });
  });

  it("should show the previous version's single last sync for the only shop, and for no shop of two", async () => {
    await fakeBrowser.storage.local.set({ lastSync: sync(1_000, true, 4) });
    await twoShops(1);
    expect(await lastSyncs()).toEqual({ 'shop-a': sync(1_000, true, 4) });
    await twoShops(2);
    expect(await lastSyncs()).toEqual({ 'shop-a': null, 'shop-b': null });
    await recordLastSync('shop-b', sync(2_000, true));
    expect(await lastSyncs()).toEqual({ 'shop-a': null, 'shop-b': sync(2_000, true) });
  });

  it('should show no last sync for a shop whose stored one it cannot read, and still store the next', async () => {
    await twoShops();
    await fakeBrowser.storage.local.set({
      lastSync: { 'shop-a': { at: 'yesterday' }, 'shop-b': sync(1_000, true) },
    });
    expect(await lastSyncs()).toEqual({ 'shop-a': null, 'shop-b': sync(1_000, true) });
    await fakeBrowser.storage.local.set({ lastSync: 'garbage' });
    expect(await lastSyncs()).toEqual({ 'shop-a': null, 'shop-b': null });
    await recordLastSync('shop-a', sync(2_000, true));
    expect(await lastSyncs()).toEqual({ 'shop-a': sync(2_000, true), 'shop-b': null });
  });
});
