import { openCompanionDb } from '../../../lib/db';
import type { NhanhOrderStatus } from '../../../lib/nhanh/contract';
import { createOrderProductLinks } from '../../../lib/orders/product-links';
import type { OrderGroup } from '../../../lib/orders/status-map';
import { downloadCatalogues } from '../../../lib/products/download';
import { autoMatchShop } from '../../../lib/products/pairing';
import { readTikiProducts, writeTikiProducts } from '../../../lib/products/store';
import { type SettingsInput, settingsSchemaFor } from '../../../lib/settings';
import { type OrderSyncDeps, runOrderSync, type SyncRequest } from '../../../lib/sync/order-sync';
import type { TikiOrder } from '../../../lib/tiki/schemas';
import { createManualClock } from '../../../lib/time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../../../lib/worker/api-clients';
import { createSandbox } from '../../../sandbox/index';
import {
  IN_PROCESS_API_BASE,
  seededNhanhSettings,
  seededShopSettings,
} from '../../fixtures/sandbox-settings';

let dbCounter = 0;
export const SHOP_ID = 'shop-1';

/**
 * The seeded sandbox on a manual clock, its main shop and Nhanh business in settings (depot and default
 * customer filled), clients built from settings as the extension builds them, and a fresh database.
 */
export async function ordersSetup(overrides: Partial<SettingsInput> = {}) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, seed: 20261128 });
  const shopSeed = sandbox.seed.tiki.shops[0]!;
  const { nhanh } = sandbox.seed;
  const settings = settingsSchemaFor('development').parse({
    apiBase: IN_PROCESS_API_BASE,
    shops: [seededShopSettings(sandbox.seed, SHOP_ID)],
    nhanh: seededNhanhSettings(sandbox.seed),
    ...overrides,
  });
  const deps = { fetch: sandbox.fetch, clock };
  const tiki = createTikiClientForShop(settings, settings.shops[0]!, deps)!;
  const nhanhClient = createNhanhClientFromSettings(settings, deps)!;
  const db = await openCompanionDb(`orders-test-${++dbCounter}-${Date.now()}`);
  let runs = 0;
  const syncDeps: OrderSyncDeps = {
    db,
    clock,
    settings,
    tiki,
    nhanh: nhanhClient,
    products: createOrderProductLinks({ db, nhanh: nhanhClient, tiki, clock, shopId: SHOP_ID }),
    lease: { holder: 'test-runner' },
    newRunId: () => `run-${++runs}`,
  };
  const seedOrders = shopSeed.orders as TikiOrder[];
  return {
    sandbox,
    clock,
    db,
    settings,
    tiki,
    nhanh: nhanhClient,
    syncDeps,
    seedOrders,
    /** Downloads both catalogues and pairs by the SKU rules, as the seller does in Sản phẩm first. */
    async pairProducts() {
      await downloadCatalogues({ db, clock, tiki, nhanh: nhanhClient }, SHOP_ID);
      await autoMatchShop(db, SHOP_ID, clock.now());
    },
    run(request: Partial<SyncRequest> & { groups?: readonly OrderGroup[] } = {}) {
      return runOrderSync(syncDeps, {
        shopId: SHOP_ID,
        kind: 'start',
        trigger: 'manual',
        groups: ['new'],
        ...request,
      } as SyncRequest);
    },
    /** Nhanh's orders by appOrderId (the Tiki code). */
    nhanhOrders() {
      const { orders } = sandbox.nhanh.snapshot();
      return new Map(orders.map((order) => [order.appOrderId, order]));
    },
    stock(productId: number): { remain: number; holding: number } {
      const row = sandbox.nhanh.snapshot().stock[productId]?.[nhanh.depots[0]!.id];
      return { remain: row?.remain ?? 0, holding: row?.holding ?? 0 };
    },
  };
}

export type OrdersSetup = Awaited<ReturnType<typeof ordersSetup>>;

/** The seller's catalogue as if the last download had not listed this product (listed since, or hidden). */
export async function forgetDownloaded(setup: OrdersSetup, tikiProductId: number) {
  const all = await readTikiProducts(setup.db, SHOP_ID);
  await setup.db.clear('tikiProductChunks');
  await setup.db.clear('productMappingChunks');
  await writeTikiProducts(
    setup.db,
    SHOP_ID,
    all.filter((record) => record.id !== tikiProductId),
  );
}

export type { NhanhOrderStatus };
