import type { BrowserContext, Page } from '@playwright/test';
import { type JobView, jobIdOf } from '../../lib/jobs/views';
import type { OrderGroup } from '../../lib/orders/status-map';
import { STEP_PRODUCTS } from '../../lib/products/download';
import { TIKI_PAGE_LIMIT } from '../../lib/tiki/contract';
import { seededRandom } from '../../sandbox/random';
import {
  downloadAndPairProducts,
  E2E_SHOP_ID,
  expect,
  importOrdersFromPage,
  jobViews,
  launchExtension,
  type StoredCatalogue,
  serviceWorker,
  stopServiceWorker,
  storedCatalogue,
  storeSettings,
  test,
} from '../e2e/fixtures';
import {
  type ApiCall,
  type CallHooks,
  type RoutedSandbox,
  routeApisToSandbox,
  sandboxAdmin,
  sandboxSettings,
} from '../e2e/sandbox-route';
import { type NhanhOutcome, nhanhOutcome } from './nhanh-outcome';

/*
 * The browser half of "the service worker dies mid-job": the built extension in Chromium, its worker closed by
 * CDP (`Target.closeTarget`, as the browser stops an idle worker) at a seeded API request of an order sync or a
 * catalogue download. On odd seeds the request reached the sandbox and only its answer was lost; on even seeds
 * it never arrived. A message from a page then wakes a new worker, which must resume the same run to the
 * fault-free result. Each trial has its own profile and its own sandbox with the same data seed.
 */

/**
 * The import the order trials run: new orders created, cancelled ones cancelled in Nhanh (24 orders, 47 requests
 * of the sandbox's main shop). Every group would take 165 requests, at the ~5 a second the extension allows itself
 * on Nhanh's order/add: the unit-level trials (`orders-under-faults.test.ts`) run every group.
 */
const GROUPS: OrderGroup[] = ['new', 'canceled'];

const TRIALS = 10;
const ORDER_SEEDS = Array.from({ length: TRIALS }, (_, i) => 8101 + i);
const CATALOGUE_SEEDS = Array.from({ length: TRIALS }, (_, i) => 8201 + i);

/**
 * The request after which trial `index` (of `TRIALS`) dies, drawn by its seed within the trial's own tenth of the
 * run's `requests`: the ten moments spread over the whole run (consecutive seeds' first draws cluster).
 */
function deathPoint(seed: number, index: number, requests: number): number {
  return 1 + Math.floor(((index + seededRandom(seed)()) / TRIALS) * requests);
}

/**
 * Products the seller adds on Tiki before the re-download: 7,563 in 152 pages, so the download takes two steps
 * (5,000 products a step: Tiki's first 100 pages with Nhanh's one page, then 52 pages). Tiki, not Nhanh: the
 * extension paces itself on Nhanh at about 5 requests a second per URL, and a trial must stay short.
 */
const CATALOGUE_GROWTH = 7_500;

/** Where a trial's worker dies: the `at`-th API request after `arm`, before it reaches the sandbox or after. */
function workerDeath(context: BrowserContext, extensionId: string) {
  let phase: 'counting' | 'armed' | 'dying' | 'after' = 'counting';
  let target = 0;
  let answerLost = false;
  let resolveDied: (call: ApiCall) => void = () => {};
  const died = new Promise<ApiCall>((resolve) => {
    resolveDied = resolve;
  });
  async function die(call: ApiCall) {
    phase = 'dying';
    await stopServiceWorker(context, extensionId);
    // From here on every request comes from the next worker.
    phase = 'after';
    resolveDied(call);
  }
  const hooks: CallHooks = {
    before: async (call) => {
      // The dying worker's later requests go nowhere.
      if (phase === 'dying') return false;
      if (phase !== 'armed' || call.seq !== target || answerLost) return true;
      await die(call);
      return false;
    },
    after: async (call) => {
      if (phase === 'dying') return false;
      if (phase !== 'armed' || call.seq !== target || !answerLost) return true;
      await die(call);
      return false;
    },
  };
  return {
    hooks,
    died,
    /** Counts from the next request: the worker dies at request `at` of what follows. */
    arm(routed: RoutedSandbox, at: number, lost: boolean) {
      target = routed.calls.length + at;
      answerLost = lost;
      phase = 'armed';
    },
  };
}

/** A message from an extension page: the browser starts a new worker for it, and the worker resumes its jobs. */
async function wakeWorker(page: Page) {
  await page.evaluate(() => chrome.runtime.sendMessage({ id: 1, type: 'getStatus', timestamp: Date.now() }));
}

async function jobView(page: Page, id: string): Promise<JobView | undefined> {
  return (await jobViews(page))[id];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `start` (which starts job `jobId` from a page) and waits for the worker's death at the armed request; fails
 * the trial if this run of the job ends first. Then wakes a new worker and waits for the job's end: it must be
 * done, and be the same run (resumed from its cursor, not started again).
 */
async function dieThenResume(
  page: Page,
  death: ReturnType<typeof workerDeath>,
  jobId: string,
  start: () => Promise<void>,
): Promise<ApiCall> {
  const earlier = (await jobView(page, jobId))?.startedAt;
  await start();
  const seen: { call?: ApiCall } = {};
  void death.died.then((call) => {
    seen.call = call;
  });
  for (const deadline = Date.now() + 60_000; !seen.call; ) {
    const view = await jobView(page, jobId);
    if (!seen.call && view && view.startedAt !== earlier && view.state !== 'running')
      throw new Error(
        `the job ended (${view.state}) before the seeded request: the death point is past its end`,
      );
    if (Date.now() > deadline) throw new Error('the worker did not reach the seeded request within 60 s');
    await Promise.race([death.died, pause(200)]);
  }
  const interrupted = (await jobView(page, jobId))!;
  expect(interrupted.startedAt).not.toBe(earlier);
  expect(interrupted.state).toBe('running');

  await wakeWorker(page);
  await expect
    .poll(async () => (await jobView(page, jobId))?.state, { timeout: 60_000, intervals: [250] })
    .not.toBe('running');
  const finished = (await jobView(page, jobId))!;
  expect(finished.state, JSON.stringify(finished.error)).toBe('done');
  // The same run, resumed from its cursor: a new run would have a new start.
  expect(finished.startedAt).toBe(interrupted.startedAt);
  return seen.call;
}

function describeDeath(call: ApiCall, at: number, of: number, lost: boolean) {
  test.info().annotations.push({
    type: 'worker death',
    description: `after request ${at} of ${of} (${call.api} ${call.method} ${call.path}), ${lost ? 'which reached the sandbox (answer lost)' : 'which never reached the sandbox'}`,
  });
}

/** A paired shop ready to import `GROUPS` (what a seller has after Sản phẩm). */
async function pairedShop(context: BrowserContext, extensionId: string, hooks: CallHooks = {}) {
  const routed = await routeApisToSandbox(context, {}, hooks);
  await storeSettings(context, { ...sandboxSettings(routed), orderStatusFilter: GROUPS });
  const page = await context.newPage();
  await downloadAndPairProducts(page, extensionId);
  return { routed, page };
}

interface OrderReference {
  outcome: NhanhOutcome;
  /** API requests of the fault-free import. */
  calls: number;
}

/** The fault-free import, in a profile of its own; computed once per test process. */
let orderReference: Promise<OrderReference> | undefined;
async function referenceImport(): Promise<OrderReference> {
  const context = await launchExtension();
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    const { routed, page } = await pairedShop(context, extensionId);
    try {
      const before = routed.calls.length;
      await importOrdersFromPage(page, extensionId);
      return { outcome: nhanhOutcome(routed.sandbox), calls: routed.calls.length - before };
    } finally {
      await routed.close();
    }
  } finally {
    await context.close();
  }
}

test.describe('the service worker closed mid order sync (browser)', () => {
  let routed: RoutedSandbox | undefined;
  test.afterEach(async () => {
    await routed?.close();
    routed = undefined;
  });

  for (const [index, seed] of ORDER_SEEDS.entries())
    test(`resumes to exactly the fault-free Nhanh orders (seed ${seed})`, async ({
      context,
      extensionId,
    }) => {
      test.setTimeout(90_000);
      orderReference ??= referenceImport();
      const reference = await orderReference;
      expect(Object.keys(reference.outcome.orders).length).toBeGreaterThan(20);
      const at = deathPoint(seed, index, reference.calls);
      const lost = seed % 2 === 1;
      const death = workerDeath(context, extensionId);
      const shop = await pairedShop(context, extensionId, death.hooks);
      routed = shop.routed;
      const { page } = shop;

      await page.goto(`chrome-extension://${extensionId}/dashboard.html#orders`);
      death.arm(routed, at, lost);
      const call = await dieThenResume(page, death, jobIdOf('order-sync', E2E_SHOP_ID), () =>
        page.getByRole('button', { name: 'Tải đơn' }).click(),
      );
      describeDeath(call, at, reference.calls, lost);

      const outcome = nhanhOutcome(routed.sandbox);
      expect(outcome.duplicates).toEqual([]);
      expect(outcome.orders).toEqual(reference.outcome.orders);
      expect(outcome.stock).toEqual(reference.outcome.stock);
    });
});

test.describe('the service worker closed mid catalogue download (browser)', () => {
  let routed: RoutedSandbox | undefined;
  test.afterEach(async () => {
    await routed?.close();
    routed = undefined;
  });

  for (const [index, seed] of CATALOGUE_SEEDS.entries())
    test(`resumes to the whole catalogue with the pairings kept (seed ${seed})`, async ({
      context,
      extensionId,
    }) => {
      test.setTimeout(90_000);
      const death = workerDeath(context, extensionId);
      // A first download and the automatic pairing: what the seller has before the catalogue grows.
      const shop = await pairedShop(context, extensionId, death.hooks);
      routed = shop.routed;
      const { page } = shop;
      const before: StoredCatalogue = await storedCatalogue(page);
      expect(before.pairings.length).toBeGreaterThan(20);
      const nhanhPages = routed.calls.filter((call) => call.api === 'nhanh').length;
      const grown = (await sandboxAdmin(routed, '/tiki/products', { count: CATALOGUE_GROWTH })) as {
        products: number;
        ids: number[];
      };
      // The re-download's requests: Nhanh's pages again, and Tiki's, now many more.
      const tikiPages = Math.ceil(grown.products / TIKI_PAGE_LIMIT);
      const requests = nhanhPages + tikiPages;
      const at = deathPoint(seed, index, requests);
      const lost = seed % 2 === 1;

      death.arm(routed, at, lost);
      const call = await dieThenResume(page, death, jobIdOf('catalogue-download', E2E_SHOP_ID), () =>
        page.getByRole('button', { name: 'Tải sản phẩm' }).click(),
      );
      describeDeath(call, at, requests, lost);

      // A death in the second step resumes at the step's saved cursor: Tiki's first 100 pages are not asked again.
      const firstStepPages = STEP_PRODUCTS / TIKI_PAGE_LIMIT;
      if (at > firstStepPages + nhanhPages) {
        const tikiAfterDeath = routed.calls.filter((later) => later.seq > call.seq && later.api === 'tiki');
        expect(tikiAfterDeath).toHaveLength(tikiPages - firstStepPages);
      }

      const after = await storedCatalogue(page);
      expect(after.tiki.map((product) => product.id)).toEqual(
        [...before.tiki.map((product) => product.id), ...grown.ids].sort((a, b) => a - b),
      );
      expect(after.tiki.filter((product) => product.deletedOnTiki)).toEqual([]);
      expect(after.nhanhIds).toEqual(before.nhanhIds);
      expect(after.pairings).toEqual(before.pairings);
    });
});
