import './fake-extension';
import { performance } from 'node:perf_hooks';
import { type CompanionDatabase, openCompanionDb } from '../lib/db';
import { createNhanhClient, type NhanhClient } from '../lib/nhanh/client';
import { downloadCatalogues } from '../lib/products/download';
import { autoMatchShop } from '../lib/products/pairing';
import { type Settings, settingsSchemaFor } from '../lib/settings';
import { runStockJob, type StockJobDeps, type StockRunResult } from '../lib/stock/job';
import { createTikiClient, type TikiClient } from '../lib/tiki/client';
import { systemClock } from '../lib/time/clock';
import { createSandbox } from '../sandbox/index';
import { seededRandom } from '../sandbox/random';
import type { SeedData } from '../sandbox/types';
import { retainedHeapMb } from './heap';
import { peakInWindow } from './rate-window';
import { BENCH_SEED, BENCH_SHOP_ID, scaledPacing } from './sandbox-jobs';

/*
 * The stock push (issue 14) against the in-process sandbox, on the system clock with the worker's Tiki pace:
 * 1. A full push (capability, Nhanh and Tiki read in full, then the push) of 5,000 paired products of which 20 %
 *    differ on Tiki: requests sent, time, Tiki's busiest second against its 200 requests/s per seller, the
 *    retained heap before and after (it grows by the stored stock records only; a second full push retains
 *    nothing: flat), and whether Tiki then shows every changed product's Nhanh stock.
 * 2. Latency: Nhanh stock changes at seeded random moments while automatic pushes run on the auto-sync interval
 *    (15 min, scaled): the time from a change to its arrival at Tiki, p50/p95 in sandbox minutes, against one
 *    interval. Hard bound (a throw): every change arrives, none later than one interval plus one run.
 */

const PRODUCTS = 5_000;
const CHANGED_SHARE = 0.2;
const TIKI_LIMIT_PER_SECOND = 200;
const FIRST_PRODUCT_ID = 960_000_000;
const FIRST_NHANH_ID = 90_000_000;
/** The auto-sync interval (minutes) and how much faster than real time the latency part runs it. */
const INTERVAL_MINUTES = 15;
const LATENCY_SCALE = 100;
const INTERVAL_MS = (INTERVAL_MINUTES * 60_000) / LATENCY_SCALE;
const LATENCY_INTERVALS = 6;
const LATENCY_CHANGES = 30;

/** Nhanh's stock of bench product `index`; Tiki shows the same, except for the changed share. */
const nhanhStockOf = (index: number) => 5 + (index % 40);
const isChanged = (index: number) => index % Math.round(1 / CHANGED_SHARE) === 0;

/** 5,000 more seller-stocked products on the first shop, each with a Nhanh product of the same code. */
function stockSeed(generated: SeedData): SeedData {
  const [shop, ...others] = generated.tiki.shops;
  // biome-ignore lint/suspicious/noExplicitAny: the seed is raw API-shaped JSON
  const template = (shop!.products as any[]).find(
    (product) => product.entity_type === 'seller_simple' && product.inventory?.inventory_type !== 'instock',
  );
  const [chosen, other] = (shop!.warehouses ?? []).filter((w) => w.type === 'requisition').map((w) => w.id);
  const depotId = generated.nhanh.depots[0]!.id;
  const tikiProducts = Array.from({ length: PRODUCTS }, (_, index) => {
    const shown = nhanhStockOf(index) + (isChanged(index) ? 7 : 0);
    const stock = (warehouse_id: number, quantity: number) => ({
      warehouse_id,
      quantity,
      quantity_available: quantity,
      quantity_reserved: 0,
      quantity_sellable: quantity,
    });
    return {
      ...structuredClone(template),
      id: FIRST_PRODUCT_ID + index,
      product_id: FIRST_PRODUCT_ID + index,
      sku: String(5_550_000_000_000 + index),
      original_sku: `STOCK-${index}`,
      name: `Sản phẩm tồn kho ${index}`,
      super_id: 0,
      inventory: {
        ...template.inventory,
        inventory_type: 'dropship',
        warehouse_stocks: [stock(chosen!, shown), stock(other!, 3)],
      },
    };
  });
  const nhanhProducts = Array.from({ length: PRODUCTS }, (_, index) => ({
    id: FIRST_NHANH_ID + index,
    parentId: 0,
    code: `STOCK-${index}`,
    barcode: String(8_880_000_000_000 + index),
    name: `Sản phẩm tồn kho ${index}`,
    price: 50_000,
    stock: { [depotId]: nhanhStockOf(index) },
  }));
  return {
    tiki: { shops: [{ ...shop!, products: [...shop!.products, ...tikiProducts] }, ...others] },
    nhanh: { ...generated.nhanh, products: [...generated.nhanh.products, ...nhanhProducts] },
  };
}

function stockSettings(seed: SeedData): Settings {
  const shop = seed.tiki.shops[0]!;
  const chosen = (shop.warehouses ?? []).find((w) => w.type === 'requisition')!.id;
  return settingsSchemaFor('development').parse({
    autoSync: { enabled: true, intervalMinutes: INTERVAL_MINUTES },
    shops: [
      {
        id: BENCH_SHOP_ID,
        name: shop.name,
        clientId: shop.clientId,
        clientSecret: shop.clientSecret,
        stockPush: { enabled: true, nhanhDepotIds: [seed.nhanh.depots[0]!.id], tikiWarehouseIds: [chosen] },
      },
    ],
  });
}

/** A sandbox of the bench data, clients as the worker builds them (one Tiki pace per seller), and the pairing. */
async function benchWorld(db: CompanionDatabase, onRequest: (path: string, body: string) => void) {
  // The catalogues were last touched an hour before the bench: the sandbox seeds them at its clock's time, then
  // runs on real time, so an incremental read finds only what changes during the bench.
  let behindMs = 3_600_000;
  const clock = { now: () => systemClock.now() - behindMs, sleep: systemClock.sleep };
  const sandbox = createSandbox({
    seed: BENCH_SEED,
    clock,
    extendSeed: stockSeed,
    onRequest: (request) => onRequest(request.path, request.body ?? ''),
  });
  behindMs = 0;
  const shop = stockSettings(sandbox.seed).shops[0]!;
  /** The worker's clients, paced as it paces them (one Tiki pace per seller, one Nhanh limiter), at `timeScale`. */
  const depsAt = (timeScale: number): StockJobDeps & { tiki: TikiClient; nhanh: NhanhClient } => {
    const pacing = scaledPacing(timeScale);
    return {
      db,
      clock: systemClock,
      lease: { holder: 'bench' },
      tiki: createTikiClient({
        baseUrl: 'http://sandbox/tiki',
        auth: { clientId: shop.clientId, clientSecret: shop.clientSecret },
        fetch: sandbox.fetch,
        clock: systemClock,
        pace: pacing.tikiPace,
      }),
      nhanh: createNhanhClient({
        baseUrl: 'http://sandbox/nhanh',
        appId: sandbox.seed.nhanh.appId,
        businessId: sandbox.seed.nhanh.businessId,
        accessToken: sandbox.seed.nhanh.accessToken,
        fetch: sandbox.fetch,
        clock: systemClock,
        limiter: pacing.limiter,
      }),
      shop,
      newRunId: () => crypto.randomUUID(),
    };
  };
  const deps = depsAt(1);
  await downloadCatalogues({ db, clock: systemClock, tiki: deps.tiki, nhanh: deps.nhanh }, BENCH_SHOP_ID);
  await autoMatchShop(db, BENCH_SHOP_ID, systemClock.now());
  return { sandbox, deps, depsAt, depotId: sandbox.seed.nhanh.depots[0]!.id };
}

function push(deps: StockJobDeps, full: boolean, nhanhReadFrom: number | null): Promise<StockRunResult> {
  return runStockJob(deps, {
    kind: 'stock-push',
    shopId: BENCH_SHOP_ID,
    start: 'start',
    trigger: full ? 'manual' : 'auto',
    full,
    only: null,
    state: { nhanhReadFrom },
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export default async function benchStockPush(): Promise<void> {
  const tikiAt: number[] = [];
  const counts = { tiki: 0, nhanh: 0, updates: 0 };
  const arrivals: { at: number; body: string }[] = [];
  const db = await openCompanionDb('bench-stock-push');
  let measuring = false;
  const world = await benchWorld(db, (path, body) => {
    if (path.includes('updateSku')) arrivals.push({ at: performance.now(), body });
    if (!measuring) return;
    if (path.startsWith('/tiki/')) {
      counts.tiki++;
      tikiAt.push(performance.now());
      if (path.includes('updateSku')) counts.updates++;
    } else if (path.startsWith('/nhanh/')) counts.nhanh++;
  });

  // 1. The full push.
  const heapBefore = retainedHeapMb();
  measuring = true;
  const started = performance.now();
  const full = await push(world.deps, true, null);
  const elapsedMs = performance.now() - started;
  measuring = false;
  const heapAfter = retainedHeapMb();
  if (full.kind !== 'done') throw new Error(`full push ended ${full.kind}`);
  let showing = 0;
  for (let index = 0; index < PRODUCTS; index++) {
    const stock = world.sandbox.tiki.productStock(FIRST_PRODUCT_ID + index);
    if (stock.warehouses[0]!.quantity_available === nhanhStockOf(index)) showing++;
  }
  const peak = peakInWindow(tikiAt, 1_000);
  const { sent, unchanged, blocked, failed, nhanhRead, tikiRead } = full.cursor.counts;
  console.log(
    `products: ${PRODUCTS} bench + seeded, ${CHANGED_SHARE * 100} % of the bench ones differ on Tiki`,
  );
  console.log(
    `full push: ${full.kind}, read Nhanh ${nhanhRead}, Tiki ${tikiRead}; sent ${sent}, unchanged ${unchanged}, blocked ${blocked}, failed ${failed}`,
  );
  console.log(
    `requests: Tiki ${counts.tiki} (${counts.updates} stock updates), Nhanh ${counts.nhanh}; time ${(elapsedMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `Tiki rate: busiest second ${peak} requests, ratio ${(peak / TIKI_LIMIT_PER_SECOND).toFixed(3)} of ${TIKI_LIMIT_PER_SECOND}/s ${peak <= TIKI_LIMIT_PER_SECOND ? 'OK' : 'OVER LIMIT'}; mean ${((counts.tiki / elapsedMs) * 1000).toFixed(1)}/s`,
  );
  console.log(
    `Tiki shows Nhanh's stock for ${showing}/${PRODUCTS} bench products ${showing === PRODUCTS ? 'OK' : 'FAILED'}`,
  );
  console.log(
    `retained heap: before ${heapBefore.toFixed(1)} MB, after ${heapAfter.toFixed(1)} MB (after/before ${(heapAfter / heapBefore).toFixed(2)}; the growth is the fake IndexedDB's stock records)`,
  );
  if (peak > TIKI_LIMIT_PER_SECOND || showing !== PRODUCTS) throw new Error('stock push bench out of bounds');

  // The same full push again, every record already stored and nothing to send: what a push itself retains.
  const again = await push(world.deps, true, full.cursor.nhanhReadStartedAt);
  const heapAgain = retainedHeapMb();
  console.log(
    `second full push (${again.kind}, sent ${again.kind === 'done' ? again.cursor.counts.sent : '?'}): retained heap ${heapAfter.toFixed(1)} → ${heapAgain.toFixed(1)} MB (ratio ${(heapAgain / heapAfter).toFixed(2)}, flat)`,
  );

  // 2. Latency: changes at seeded moments, automatic pushes every interval, everything scaled (the sandbox's rate
  // windows, the worker's pacing of both APIs, the interval).
  world.sandbox.setFaults({ timeScale: LATENCY_SCALE });
  const scaled = world.depsAt(LATENCY_SCALE);
  const random = seededRandom(BENCH_SEED);
  const pending = new Map<number, { at: number; available: number }>();
  const latencies: number[] = [];
  let readFrom: number | null = full.cursor.nhanhReadStartedAt;
  const runs: number[] = [];
  // Distinct products, so each change is told apart at Tiki by its product.
  const products = new Set<number>();
  while (products.size < LATENCY_CHANGES) products.add(Math.floor(random() * PRODUCTS));
  const changes = [...products]
    .map((index, order) => ({
      at: random() * (LATENCY_INTERVALS - 1) * INTERVAL_MS,
      index,
      remain: 100 + order,
    }))
    .sort((a, b) => a.at - b.at);
  const begin = performance.now();
  const timers = changes.map((change) =>
    setTimeout(() => {
      const stock = world.sandbox.nhanh.setStock(FIRST_NHANH_ID + change.index, world.depotId, {
        remain: change.remain,
      });
      pending.set(FIRST_PRODUCT_ID + change.index, { at: performance.now(), available: stock.available });
    }, change.at),
  );
  const seen = arrivals.length;
  for (let tick = 1; tick <= LATENCY_INTERVALS; tick++) {
    const wait = begin + tick * INTERVAL_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const runStarted = performance.now();
    const result = await push(scaled, false, readFrom);
    runs.push(performance.now() - runStarted);
    if (result.kind === 'done') readFrom = result.cursor.nhanhReadStartedAt ?? readFrom;
    for (const arrival of arrivals.splice(seen)) {
      const body = JSON.parse(arrival.body) as {
        data?: { product_id: number; warehouse_quantities: { qty_available: number }[] }[];
      };
      for (const product of body.data ?? []) {
        const change = pending.get(product.product_id);
        if (change && product.warehouse_quantities[0]!.qty_available === change.available) {
          latencies.push(arrival.at - change.at);
          pending.delete(product.product_id);
        }
      }
    }
  }
  for (const timer of timers) clearTimeout(timer);
  const toMinutes = (ms: number) => (ms * LATENCY_SCALE) / 60_000;
  latencies.sort((a, b) => a - b);
  const slowestRun = Math.max(...runs);
  console.log(
    `latency: ${latencies.length}/${LATENCY_CHANGES} changes reached Tiki; interval ${INTERVAL_MINUTES} min (×${LATENCY_SCALE} = ${INTERVAL_MS} ms real); runs ${Math.min(...runs).toFixed(0)}–${slowestRun.toFixed(0)} ms real`,
  );
  console.log(
    `latency p50 ${toMinutes(percentile(latencies, 0.5)).toFixed(1)} min, p95 ${toMinutes(percentile(latencies, 0.95)).toFixed(1)} min, max ${toMinutes(latencies.at(-1) ?? 0).toFixed(1)} min (bound: one interval + one run = ${toMinutes(INTERVAL_MS + slowestRun).toFixed(1)} min)`,
  );
  if (latencies.length !== LATENCY_CHANGES || (latencies.at(-1) ?? 0) > INTERVAL_MS + slowestRun)
    throw new Error('a Nhanh change took longer than one push interval to reach Tiki');
}
