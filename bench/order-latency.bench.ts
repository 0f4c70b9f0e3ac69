import './fake-extension';
import { performance } from 'node:perf_hooks';
import { openCompanionDb } from '../lib/db';
import { createPacer } from '../lib/http/pacer';
import { createNhanhRateLimiter } from '../lib/nhanh/rate-limiter';
import { createOrderProductLinks } from '../lib/orders/product-links';
import { pullShopEvents } from '../lib/sync/event-queue';
import { type OrderSyncDeps, runOrderSync } from '../lib/sync/order-sync';
import { createShopLanes } from '../lib/sync/shop-lanes';
import { TIKI_RATE_LIMIT } from '../lib/tiki/contract';
import type { Clock } from '../lib/time/clock';
import { createSandbox } from '../sandbox/index';
import { seededRandom } from '../sandbox/random';
import { BENCH_SEED, BENCH_SHOP_ID, benchClients, benchSettings, pairSeededProducts } from './sandbox-jobs';

/*
 * How long a new Tiki order takes to reach Nhanh. Buyers place ORDERS orders at seeded random moments over one
 * hour of sandbox time; the "worker" runs as in the extension (each shop's tasks in its lane, the event queue
 * pulled by the one-minute alarm or every 15 s while a dashboard tab is open, the polling sync every 15 minutes).
 * An order's latency is from its placing on Tiki until Nhanh holds it (checked after every pull and sync, so a
 * run's whole duration counts). The clock is scaled: everything, the sandbox included, sees SCALE× wall time, so
 * the processing of each pull and sync counts SCALE× too (a pessimistic figure).
 */

const SCALE = 120;
const HOUR_MS = 60 * 60_000;
const ORDERS = 40;
const ALARM_MS = 60_000;
const OPEN_TAB_MS = 15_000;
const POLL_MS = 15 * 60_000;
/** Orders start after the queue is set up and routing (about 5 s after subscribing) has begun. */
const FIRST_ORDER_AFTER_MS = 10_000;
/** After the hour, the runs go on until every order is in Nhanh or this much longer. */
const GRACE_MS = POLL_MS + 5 * 60_000;
const TARGET_P95_MS = 90_000;

/** A clock running SCALE× faster than the wall, from now. */
function scaledClock(scale: number): Clock {
  const start = Date.now();
  const wallStart = performance.now();
  return {
    now: () => Math.round(start + (performance.now() - wallStart) * scale),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms) / scale)),
  };
}

interface Scenario {
  label: string;
  /** How often the event queue is pulled; null: polling only. */
  pullEveryMs: number | null;
}

const SCENARIOS: Scenario[] = [
  { label: 'event path, one-minute alarm', pullEveryMs: ALARM_MS },
  { label: 'event path, a dashboard tab open (every 15 s)', pullEveryMs: OPEN_TAB_MS },
  { label: 'polling only, every 15 minutes (default)', pullEveryMs: null },
];

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function runScenario(scenario: Scenario, placedAt: readonly number[], run: number) {
  const clock = scaledClock(SCALE);
  const db = await openCompanionDb(`bench-order-latency-${run}`);
  const templates = await pairSeededProducts(db, 1);
  const sandbox = createSandbox({ seed: BENCH_SEED, clock });
  const settings = benchSettings(sandbox.seed);
  const pacing = {
    limiter: createNhanhRateLimiter({ clock }),
    tikiPace: createPacer({ requests: TIKI_RATE_LIMIT.requests, windowMs: TIKI_RATE_LIMIT.windowMs, clock }),
  };
  const { tiki, nhanh } = benchClients(sandbox.seed, sandbox.fetch, pacing, clock);
  let runs = 0;
  const deps: OrderSyncDeps = {
    db,
    clock,
    settings,
    tiki,
    nhanh,
    products: createOrderProductLinks({ db, nhanh, tiki, clock, shopId: BENCH_SHOP_ID }),
    lease: { holder: 'bench-worker' },
    newRunId: () => `run-${++runs}`,
  };
  const lanes = createShopLanes();
  const poll = () =>
    lanes.queue(BENCH_SHOP_ID, () =>
      runOrderSync(deps, {
        shopId: BENCH_SHOP_ID,
        kind: 'resume-or-auto',
        groups: settings.orderStatusFilter,
      }),
    );
  const pull = () => lanes.tryNow(BENCH_SHOP_ID, () => pullShopEvents({ ...deps, tiki }, BENCH_SHOP_ID));

  // Before the hour: the shop's first automatic sync (its watermark) and, on the event path, its queue.
  const firstSync = await poll();
  if (firstSync.kind !== 'done') throw new Error(`the first sync ended ${firstSync.kind}`);
  if (scenario.pullEveryMs !== null) {
    const setUp = await pull();
    if (typeof setUp === 'symbol' || setUp.kind !== 'pulled') throw new Error('the queue was not set up');
  }

  const start = clock.now();
  const deadline = start + HOUR_MS + GRACE_MS;
  const created = new Map<string, number>();
  const arrived = new Map<string, number>();
  const stamp = () => {
    const now = clock.now();
    for (const order of sandbox.nhanh.snapshot().orders)
      if (created.has(order.appOrderId) && !arrived.has(order.appOrderId)) arrived.set(order.appOrderId, now);
  };
  const finished = () => (created.size === ORDERS && arrived.size === ORDERS) || clock.now() >= deadline;
  const every = async (periodMs: number, task: () => Promise<unknown>) => {
    for (let next = start + periodMs; !finished(); next += periodMs) {
      await clock.sleep(next - clock.now());
      if (finished()) return;
      await task();
      stamp();
    }
  };
  const buyers = async () => {
    for (const [index, at] of placedAt.entries()) {
      await clock.sleep(start + at - clock.now());
      const template = templates[index % templates.length]!;
      created.set(sandbox.tiki.placeOrder(template.code), clock.now());
    }
  };
  const wallStart = performance.now();
  await Promise.all([
    buyers(),
    every(POLL_MS, poll),
    scenario.pullEveryMs === null ? Promise.resolve() : every(scenario.pullEveryMs, pull),
  ]);
  const latencies = [...created]
    .filter(([code]) => arrived.has(code))
    .map(([code, at]) => arrived.get(code)! - at)
    .sort((a, b) => a - b);
  return {
    latencies,
    missing: ORDERS - latencies.length,
    wallMs: performance.now() - wallStart,
    sandboxMs: clock.now() - start,
  };
}

/**
 * Prints p50 and p95 of the time from an order's placing on Tiki until it is in Nhanh, per scenario. Hard bound
 * (a throw): every order arrives. The event path's p95 is compared with its 90 s target.
 */
export default async function benchOrderLatency(): Promise<void> {
  const random = seededRandom(BENCH_SEED);
  const placedAt = Array.from(
    { length: ORDERS },
    () => FIRST_ORDER_AFTER_MS + Math.floor(random() * (HOUR_MS - FIRST_ORDER_AFTER_MS)),
  ).sort((a, b) => a - b);
  console.log(
    `${ORDERS} Tiki orders placed at seeded random moments over one hour of sandbox time; clock ${SCALE}× the wall (processing counts ${SCALE}× too)`,
  );
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const failures: string[] = [];
  const p95s: Record<string, number> = {};
  for (const [run, scenario] of SCENARIOS.entries()) {
    const result = await runScenario(scenario, placedAt, run);
    const p50 = percentile(result.latencies, 0.5);
    const p95 = percentile(result.latencies, 0.95);
    p95s[scenario.label] = p95;
    const target =
      scenario.pullEveryMs === null
        ? ''
        : ` (target p95 < ${seconds(TARGET_P95_MS)}: ${p95 < TARGET_P95_MS ? 'OK' : 'ABOVE TARGET'})`;
    console.log(
      `  ${scenario.label}: p50 ${seconds(p50)}, p95 ${seconds(p95)}, max ${seconds(result.latencies.at(-1)!)}${target}; ${result.latencies.length}/${ORDERS} in Nhanh; ${seconds(result.sandboxMs)} of sandbox time in ${seconds(result.wallMs)} wall`,
    );
    if (result.missing > 0) failures.push(`${scenario.label}: ${result.missing} orders never reached Nhanh`);
  }
  const eventP95 = p95s[SCENARIOS[0]!.label]!;
  const pollingP95 = p95s[SCENARIOS[2]!.label]!;
  console.log(`  polling p95 / event path p95 (alarm): ${(pollingP95 / eventP95).toFixed(1)}×`);
  if (failures.length > 0) throw new Error(`order latency: ${failures.join('; ')}`);
}
