import './fake-extension';
import type { CompanionDatabase } from '../lib/db';
import { createPacer } from '../lib/http/pacer';
import { createNhanhClient, type NhanhClient } from '../lib/nhanh/client';
import { createNhanhRateLimiter, type NhanhRateLimiter } from '../lib/nhanh/rate-limiter';
import { isFulfilledByTiki } from '../lib/orders/nhanh-order';
import { downloadCatalogues } from '../lib/products/download';
import { autoMatchShop } from '../lib/products/pairing';
import { readAllMappings } from '../lib/products/store';
import { type Settings, settingsSchemaFor } from '../lib/settings';
import { createTikiClient, type TikiClient } from '../lib/tiki/client';
import { TIKI_RATE_LIMIT } from '../lib/tiki/contract';
import type { TikiOrder } from '../lib/tiki/schemas';
import { type Clock, systemClock } from '../lib/time/clock';
import { createSandbox } from '../sandbox/index';
import { formatWallTime } from '../sandbox/tiki/wall-time';
import type { SeedData, SeedNhanhProduct } from '../sandbox/types';

/*
 * What the benchmarks that run the worker's jobs against the in-process sandbox share: the shop's settings, API
 * clients paced as the worker paces them (with the sandbox's `timeScale`), the pairing of the seeded products,
 * and demo data grown to benchmark size. Everything runs on the system clock, the sandbox's included.
 */

/** Seed of the demo data: the pairing sandbox and the benchmark's sandbox must generate the same products. */
export const BENCH_SEED = 20261128;
export const BENCH_SHOP_ID = 'bench';

/** The extension's settings for the sandbox's first Tiki shop, sending orders to its first Nhanh depot. */
export function benchSettings(seed: SeedData): Settings {
  const shop = seed.tiki.shops[0]!;
  return settingsSchemaFor('development').parse({
    shops: [
      {
        id: BENCH_SHOP_ID,
        name: shop.name,
        connectionKey: shop.connectionKey,
        nhanhDepotId: seed.nhanh.depots[0]!.id,
        defaultCustomerPhone: '0987654321',
      },
    ],
  });
}

/**
 * API clients of the bench shop over `fetch`. Nhanh calls go through `limiter` and Tiki calls through `tikiPace`:
 * give every client the same ones, as the worker does, and each scaled like the sandbox.
 */
export function benchClients(
  seed: SeedData,
  fetch: typeof globalThis.fetch,
  pacing: { limiter: NhanhRateLimiter; tikiPace: () => Promise<void> },
  clock: Clock = systemClock,
): { tiki: TikiClient; nhanh: NhanhClient } {
  return {
    tiki: createTikiClient({
      baseUrl: 'http://sandbox/tiki',
      auth: { connectionKey: seed.tiki.shops[0]!.connectionKey },
      fetch,
      clock,
      pace: pacing.tikiPace,
    }),
    nhanh: createNhanhClient({
      baseUrl: 'http://sandbox/nhanh',
      appId: seed.nhanh.appId,
      businessId: seed.nhanh.businessId,
      accessToken: seed.nhanh.accessToken,
      fetch,
      clock,
      limiter: pacing.limiter,
    }),
  };
}

/** The worker's pacing of both APIs (one Nhanh limiter, one Tiki pace per seller), on the sandbox's time scale. */
export function scaledPacing(timeScale: number): {
  limiter: NhanhRateLimiter;
  tikiPace: () => Promise<void>;
} {
  return {
    limiter: createNhanhRateLimiter({ clock: systemClock, timeScale }),
    tikiPace: createPacer({
      requests: TIKI_RATE_LIMIT.requests,
      windowMs: TIKI_RATE_LIMIT.windowMs / timeScale,
      clock: systemClock,
    }),
  };
}

/**
 * The seller's products first: both seeded catalogues downloaded into `db` from a sandbox of their own and paired
 * by the rules. Returns the seeded orders of the bench shop that an import sends to Nhanh `order/add`: every line
 * paired, and not fulfilled by Tiki (the shop skips those by default).
 */
export async function pairSeededProducts(db: CompanionDatabase, timeScale: number): Promise<TikiOrder[]> {
  const sandbox = createSandbox({ seed: BENCH_SEED, faults: { timeScale } });
  const clients = benchClients(sandbox.seed, sandbox.fetch, scaledPacing(timeScale));
  await downloadCatalogues({ db, clock: systemClock, ...clients }, BENCH_SHOP_ID);
  await autoMatchShop(db, BENCH_SHOP_ID, systemClock.now());
  const paired = new Set((await readAllMappings(db)).map((mapping) => mapping.tikiProductId));
  return (sandbox.seed.tiki.shops[0]!.orders as TikiOrder[]).filter(
    (order) => !isFulfilledByTiki(order) && order.items.every((item) => paired.has(item.product.id)),
  );
}

/** `count` new Tiki orders (status queueing, updated a minute apart until `now`) cut from `templates`. */
export function manyOrders(templates: readonly TikiOrder[], count: number, now: number): unknown[] {
  return Array.from({ length: count }, (_, index) => {
    const template = templates[index % templates.length]!;
    const updated = now - (count - index) * 60_000;
    return {
      ...structuredClone(template),
      code: String(900_000_000 + index),
      status: 'queueing',
      created_at: formatWallTime(updated - 300_000),
      updated_at: formatWallTime(updated),
      status_histories: [{ id: index + 1, status: 'queueing', created_at: formatWallTime(updated) }],
    };
  });
}

/** `count` independent Nhanh products after the seeded ones (ids, codes and barcodes of their own). */
function manyNhanhProducts(seed: SeedData, count: number): SeedNhanhProduct[] {
  const firstId = Math.max(...seed.nhanh.products.map((product) => product.id)) + 1;
  return Array.from({ length: count }, (_, index) => ({
    id: firstId + index,
    parentId: 0,
    code: `BENCH-${index}`,
    barcode: String(8_990_000_000_000 + index),
    name: `Sản phẩm mẫu số ${index}`,
    price: 10_000 + (index % 500) * 1_000,
    stock: Object.fromEntries(seed.nhanh.depots.map((depot) => [depot.id, index % 7])),
  }));
}

/**
 * The demo data at benchmark size, for `createSandbox`'s `extendSeed`: the bench shop's orders replaced by
 * `orders`, and `nhanhProducts` more products in Nhanh.
 */
export function benchSeed(
  generated: SeedData,
  extra: { orders?: unknown[]; nhanhProducts?: number },
): SeedData {
  const [shop, ...others] = generated.tiki.shops;
  return {
    tiki: { shops: [{ ...shop!, orders: extra.orders ?? shop!.orders }, ...others] },
    nhanh: {
      ...generated.nhanh,
      products: [...generated.nhanh.products, ...manyNhanhProducts(generated, extra.nhanhProducts ?? 0)],
    },
  };
}
