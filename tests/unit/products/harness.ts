import { openCompanionDb } from '../../../lib/db';
import { settingsSchemaFor } from '../../../lib/settings';
import { createManualClock } from '../../../lib/time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../../../lib/worker/api-clients';
import { createSandbox } from '../../../sandbox/index';
import {
  IN_PROCESS_API_BASE,
  seededNhanhSettings,
  seededShopSettings,
} from '../../fixtures/sandbox-settings';

let dbCounter = 0;

/** An isolated database per test. */
export function freshDb() {
  return openCompanionDb(`products-test-${++dbCounter}-${Date.now()}`);
}

/**
 * The seeded sandbox on a manual clock, the settings of its main shop and Nhanh business, and the two clients
 * built from them exactly as the dashboard builds them (through `lib/worker/api-clients.ts`).
 */
export async function sandboxSetup() {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, seed: 20261128 });
  const shopSeed = sandbox.seed.tiki.shops[0]!;
  const settings = settingsSchemaFor('development').parse({
    apiBase: IN_PROCESS_API_BASE,
    shops: [seededShopSettings(sandbox.seed, 'shop-1')],
    nhanh: seededNhanhSettings(sandbox.seed),
  });
  const deps = { fetch: sandbox.fetch, clock };
  const tiki = createTikiClientForShop(settings, settings.shops[0]!, deps)!;
  const nhanhClient = createNhanhClientFromSettings(settings, deps)!;
  const db = await freshDb();
  return { sandbox, clock, db, tiki, nhanh: nhanhClient, shopSeed, shopId: 'shop-1' };
}
