import { openCompanionDb } from '../../../lib/db';
import type { LocalizedText } from '../../../lib/i18n';
import { downloadCatalogues } from '../../../lib/products/download';
import { autoMatchShop } from '../../../lib/products/pairing';
import { readMappings } from '../../../lib/products/store';
import { type SettingsInput, type StockPushSettings, settingsSchemaFor } from '../../../lib/settings';
import { runStockJob, type StockJobDeps, type StockRunRequest } from '../../../lib/stock/job';
import { recordStockRun } from '../../../lib/stock/outcome';
import { readStockShopState } from '../../../lib/stock/shop-state';
import { createManualClock } from '../../../lib/time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../../../lib/worker/api-clients';
import { createSandbox } from '../../../sandbox/index';
import type { Faults } from '../../../sandbox/types';
import {
  IN_PROCESS_API_BASE,
  seededNhanhSettings,
  seededShopSettings,
} from '../../fixtures/sandbox-settings';

export const SHOP_ID = 'shop-1';
let dbCounter = 0;

/** One request the extension sent to Tiki's stock update, as the sandbox received it. */
export interface SentUpdate {
  at: number;
  path: string;
  products: { product_id: number; warehouse_quantities: { warehouse_id: number; qty_available: number }[] }[];
}

/**
 * The seeded sandbox on a manual clock with the main shop connected through its in-house app (or its key), its stock push on
 * (the first Nhanh depot → the Hà Nội warehouse), both catalogues downloaded and paired, and a fresh database.
 * Every stock update the extension sends is recorded (`sent`), and runs record their outcome as the worker does
 * (shop state in storage, Nhật ký, notifications in `notices`).
 */
export async function stockSetup(
  options: {
    faults?: Partial<Faults>;
    stockPush?: Partial<StockPushSettings>;
    settings?: Partial<SettingsInput>;
    /** How the shop reaches Tiki: its in-house app (the default) or the seller-center key only. */
    auth?: 'app' | 'key';
  } = {},
) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, seed: 20261128, faults: options.faults });
  const shopSeed = sandbox.seed.tiki.shops[0]!;
  const depotId = sandbox.seed.nhanh.depots[0]!.id;
  const warehouseIds = (shopSeed.warehouses ?? []).filter((w) => w.type === 'requisition').map((w) => w.id);
  const settings = settingsSchemaFor('development').parse({
    apiBase: IN_PROCESS_API_BASE,
    shops: [
      {
        ...seededShopSettings(sandbox.seed, SHOP_ID),
        ...(options.auth === 'key'
          ? {}
          : { connectionKey: '', clientId: shopSeed.clientId, clientSecret: shopSeed.clientSecret }),
        stockPush: {
          enabled: true,
          nhanhDepotIds: [depotId],
          tikiWarehouseIds: [warehouseIds[0]],
          ...options.stockPush,
        },
      },
    ],
    nhanh: seededNhanhSettings(sandbox.seed),
    ...options.settings,
  });
  const sent: SentUpdate[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const response = await sandbox.fetch(input, init);
    if (init?.method === 'PUT' && /updateSkus?$/.test(url.pathname) && response.status < 300) {
      const body = JSON.parse(String(init.body));
      sent.push({ at: clock.now(), path: url.pathname, products: 'data' in body ? body.data : [body] });
    }
    return response;
  };
  const apiDeps = { fetch, clock };
  const shop = settings.shops[0]!;
  const tiki = createTikiClientForShop(settings, shop, apiDeps)!;
  const nhanh = createNhanhClientFromSettings(settings, apiDeps)!;
  const db = await openCompanionDb(`stock-test-${++dbCounter}-${Date.now()}`);
  await downloadCatalogues({ db, clock, tiki, nhanh }, SHOP_ID);
  await autoMatchShop(db, SHOP_ID, clock.now());
  const mappings = await readMappings(db, SHOP_ID);
  const notices: { id: string; message: LocalizedText }[] = [];
  let runs = 0;

  const deps = (overrides: Partial<StockJobDeps> = {}): StockJobDeps => ({
    db,
    clock,
    lease: { holder: 'test-runner' },
    tiki,
    nhanh,
    shop,
    newRunId: () => `run-${++runs}`,
    ...overrides,
  });

  async function run(
    request: Partial<Omit<StockRunRequest, 'state'>> & Pick<StockRunRequest, 'kind'>,
    overrides: Partial<StockJobDeps> = {},
  ) {
    const state = await readStockShopState(SHOP_ID);
    const jobDeps = deps(overrides);
    const result = await runStockJob(jobDeps, {
      shopId: SHOP_ID,
      start: 'start',
      trigger: 'manual',
      full: false,
      only: null,
      state,
      ...request,
    });
    await recordStockRun(
      {
        db,
        now: () => clock.now(),
        secrets: [],
        locale: 'vi',
        notify: async (notice) => void notices.push(notice),
      },
      shop,
      request.kind,
      result,
    );
    return result;
  }

  return {
    sandbox,
    clock,
    db,
    settings,
    shop,
    tiki,
    nhanh,
    depotId,
    warehouseIds,
    mappings,
    sent,
    notices,
    deps,
    run,
    preview: () => run({ kind: 'stock-preview', full: true }),
    push: (
      request: Partial<Omit<StockRunRequest, 'state' | 'kind'>> = {},
      overrides: Partial<StockJobDeps> = {},
    ) => run({ kind: 'stock-push', ...request }, overrides),
    /** What Tiki shows now for a product, warehouse by warehouse. */
    tikiShows(productId: number): Record<number, number> {
      return Object.fromEntries(
        sandbox.tiki.productStock(productId).warehouses.map((w) => [w.warehouse_id, w.quantity_available]),
      );
    },
    /** The seller's stock bill in Nhanh: the product's stock on hand in the chosen depot becomes `remain`. */
    setNhanhStock(nhanhProductId: number, remain: number) {
      return sandbox.nhanh.setStock(nhanhProductId, depotId, { remain });
    },
  };
}

export type StockSetup = Awaited<ReturnType<typeof stockSetup>>;

/** A shop as the settings hold it, its stock push on or off (for tests that need no sandbox). */
export function pushedShop(enabled: boolean) {
  return {
    id: SHOP_ID,
    name: 'Shop',
    connectionKey: 'Zq7Secret-KEY-0123456789abcdef',
    stockPush: { enabled, nhanhDepotIds: [11], tikiWarehouseIds: [501] },
  };
}
