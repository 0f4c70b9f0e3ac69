import { createNhanhClientFromSettings, createTikiClientForShop } from '../../../lib/api-clients';
import { createManualClock } from '../../../lib/clock';
import { openCompanionDb } from '../../../lib/db';
import { settingsSchema } from '../../../lib/settings';
import { createSandbox } from '../../../sandbox/index';

let dbCounter = 0;

/** An isolated database per test. */
export function freshDb() {
  return openCompanionDb(`products-test-${++dbCounter}-${Date.now()}`);
}

/**
 * The seeded sandbox on a manual clock, the settings of its main shop and Nhanh business, and the two clients
 * built from them exactly as the dashboard builds them (through `lib/api-clients.ts`).
 */
export async function sandboxSetup() {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, seed: 20261128 });
  const shopSeed = sandbox.seed.tiki.shops[0]!;
  const { nhanh } = sandbox.seed;
  const settings = settingsSchema.parse({
    apiBase: {
      tiki: 'http://127.0.0.1/tiki',
      nhanh: 'http://127.0.0.1/nhanh',
      nhanhOauth: 'http://127.0.0.1/nhanh-oauth',
    },
    shops: [{ id: 'shop-1', name: shopSeed.name, connectionKey: shopSeed.connectionKey }],
    nhanh: {
      mode: 'manual',
      appId: nhanh.appId,
      secretKey: nhanh.secretKey,
      businessId: nhanh.businessId,
      accessToken: nhanh.accessToken,
      expiredAt: nhanh.accessTokenExpiredAt,
    },
  });
  const deps = { fetch: sandbox.fetch, clock };
  const tiki = createTikiClientForShop(settings, settings.shops[0]!, deps)!;
  const nhanhClient = createNhanhClientFromSettings(settings, deps)!;
  const db = await freshDb();
  return { sandbox, clock, db, tiki, nhanh: nhanhClient, shopSeed, shopId: 'shop-1' };
}
