import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../lib/db';
import { downloadCatalogues } from '../../../lib/products/download';
import { autoMatchShop } from '../../../lib/products/pairing';
import { getSettings, saveSettings } from '../../../lib/settings';
import { listActivity } from '../../../lib/status/activity-log';
import { getStockPushSetup, startStockPreview, startStockPush } from '../../../lib/stock/background';
import { readStockShopState } from '../../../lib/stock/shop-state';
import { systemClock } from '../../../lib/time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../../../lib/worker/api-clients';
import { createSandbox } from '../../../sandbox/index';
import {
  IN_PROCESS_API_BASE,
  seededNhanhSettings,
  seededShopSettings,
} from '../../fixtures/sandbox-settings';
import { SHOP_ID } from './harness';

/**
 * The worker's messages of the stock push, as the settings section and the Tồn kho screen send them: the sandbox
 * answers the worker's own clients (built from the saved settings, paced as in the worker).
 */
describe('the stock push messages in the worker', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('should offer the warehouses, refuse a push before a preview, then preview, push and approve', async () => {
    const sandbox = createSandbox({ clock: systemClock, seed: 20261128 });
    vi.stubGlobal('fetch', sandbox.fetch);
    const seed = sandbox.seed.tiki.shops[0]!;
    const [hanoi] = (seed.warehouses ?? []).filter((w) => w.type === 'requisition');
    const shop = {
      ...seededShopSettings(sandbox.seed, SHOP_ID),
      connectionKey: '',
      clientId: seed.clientId,
      clientSecret: seed.clientSecret,
      stockPush: { enabled: false },
    };
    const saved = await saveSettings(
      { apiBase: IN_PROCESS_API_BASE, shops: [shop], nhanh: seededNhanhSettings(sandbox.seed) },
      'vi',
    );
    expect(saved.ok).toBe(true);

    const setup = await getStockPushSetup(SHOP_ID);
    expect(setup.ok && setup.warehouses).toEqual([
      { id: hanoi!.id, name: 'Kho Hà Nội', isPrimary: true },
      expect.objectContaining({ isPrimary: false }),
    ]);
    expect(setup.ok && setup.capability.state).toBe('ok');
    expect(await startStockPreview(SHOP_ID)).toEqual({
      started: false,
      error: { key: 'stock.err.disabled' },
    });

    const stockPush = {
      enabled: true,
      nhanhDepotIds: [sandbox.seed.nhanh.depots[0]!.id],
      tikiWarehouseIds: [hanoi!.id],
    };
    await saveSettings({ ...(await getSettings()), shops: [{ ...shop, stockPush }] }, 'vi');
    const settings = await getSettings();
    const db = await getDb();
    const tiki = createTikiClientForShop(settings, settings.shops[0]!)!;
    const nhanh = createNhanhClientFromSettings(settings)!;
    await downloadCatalogues({ db, clock: systemClock, tiki, nhanh }, SHOP_ID);
    await autoMatchShop(db, SHOP_ID, Date.now());

    expect(await startStockPush(SHOP_ID, null)).toEqual({
      started: false,
      error: { key: 'stock.err.notPreviewed' },
    });
    expect(await startStockPreview(SHOP_ID)).toEqual({ started: true });
    await expect
      .poll(async () => (await readStockShopState(SHOP_ID)).lastFullReadAt, { timeout: 15_000 })
      .not.toBeNull();
    expect((await readStockShopState(SHOP_ID)).approvedAt).toBeNull();

    expect(await startStockPush(SHOP_ID, null)).toEqual({ started: true });
    expect((await readStockShopState(SHOP_ID)).approvedAt).not.toBeNull();
    await expect
      .poll(async () => (await readStockShopState(SHOP_ID)).lastRun, { timeout: 15_000 })
      .not.toBeNull();
    const { lastRun } = await readStockShopState(SHOP_ID);
    expect(lastRun).toMatchObject({ ok: true, trigger: 'manual', failed: 0 });
    expect(lastRun!.sent).toBeGreaterThan(0);
    const [line] = await listActivity(db);
    expect(line?.text).toMatchObject({ key: 'stock.log.run', params: { sent: lastRun!.sent } });
  });
});
