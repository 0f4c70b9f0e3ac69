import { ATTENTION_OUTCOMES, type CompanionDatabase, isStorageFailure, type JobRecord } from '../db';
import { ApiError, type ApiName } from '../http/api-error';
import type { UnreadableRecord } from '../http/tolerant';
import { type LocalizedText, translate } from '../i18n';
import type { LeaseOptions } from '../jobs/lease';
import { JobProblem, jobErrorText, runJob } from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import type { NhanhClient } from '../nhanh/client';
import {
  emptyCounts,
  type ImportContext,
  type ImportShop,
  type OrderCounts,
  syncOrderPage,
} from '../orders/import';
import type { OrderProductLinks } from '../orders/product-links';
import { NEVER_IMPORTED_STATUSES, type OrderGroup } from '../orders/status-map';
import { orderWindowStart } from '../orders/window';
import { type Settings, type Shop, secretsOf } from '../settings';
import { logActivity } from '../status/activity-log';
import type { TikiClient } from '../tiki/client';
import {
  formatTikiDateTime,
  isLastTikiPage,
  parseTikiDateTime,
  TIKI_ENDPOINTS,
  TIKI_MAX_PAGE_LIMIT,
  TIKI_PAGE_LIMIT,
} from '../tiki/contract';
import type { TikiOrder } from '../tiki/schemas';
import type { Clock } from '../time/clock';

/*
 * One order-sync run of one shop as a durable job. Tiki is walked by `updated_at` ascending with a keyset cursor,
 * always asking for the first page after the cursor: page numbers would skip an order that slid into a page
 * already read when another one was updated meanwhile. Tiki promises no order among equal `updated_at` [CE], so
 * the last second of a full page is then read completely on its own (`readSecond`) before the cursor passes it:
 * a carrier handover that updates hundreds of orders in one second loses none. The cursor is written after
 * every step, so a worker stopped mid-run resumes there, and orders already handled are known by their run id.
 */

export type SyncTrigger = 'manual' | 'auto';

/**
 * An automatic run asks Tiki for orders updated since the previous run started, minus this overlap: Tiki may
 * write `updated_at` a little after the change, and its clock and ours differ. Orders seen twice are harmless
 * (the import is idempotent).
 */
export const INCREMENTAL_OVERLAP_MS = 10 * 60_000;

export interface OrderSyncCursor extends ViewedCursor {
  runId: string;
  trigger: SyncTrigger;
  groups: OrderGroup[];
  /** Keyset: every order updated before this instant (epoch ms, a whole second) has been handled. */
  from: number;
  /**
   * How Tiki's `updated_from_date` bounds: "greater than" as documented [OFF], unless an answer held orders at
   * the bound itself; then it is read as inclusive for the rest of the run.
   */
  fromBound?: 'exclusive' | 'inclusive';
  /** An automatic run refreshes the catalogues once, before its first page (absent: not yet). */
  catalogueRefreshed?: boolean;
  counts: OrderCounts;
  newlyBlocked: number;
  error: LocalizedText | null;
  /** Which API refused the run, when one did (absent in cursors stored before it was recorded). */
  errorApi?: ApiName | null;
  /** When the last successful automatic run started: where the next one starts (minus the overlap). */
  watermark: number | null;
}

export function orderSyncJobId(shopId: string): string {
  return jobIdOf('order-sync', shopId);
}

export function cursorOf(job: JobRecord | undefined): OrderSyncCursor | undefined {
  return job?.kind === 'order-sync' ? (job.cursor as OrderSyncCursor) : undefined;
}

export interface OrderSyncDeps {
  db: CompanionDatabase;
  clock: Clock;
  settings: Settings;
  tiki: Pick<TikiClient, 'listOrders'> | null;
  nhanh: Pick<NhanhClient, 'addOrder' | 'listOrdersByIds' | 'updateOrderStatus'> | null;
  products: OrderProductLinks;
  lease: Omit<LeaseOptions, 'now'>;
  newRunId: () => string;
  /**
   * Brings the shop's catalogues up to date (`lib/products/refresh.ts`): an automatic run calls it before judging
   * any order, so renames and new listings are seen first. Its failure is logged and the run goes on.
   */
  refreshCatalogues?: () => Promise<unknown>;
  /** Called after every page and at the end, for the progress the popup and the dashboard show. */
  onProgress?: (job: JobRecord) => void | Promise<void>;
}

/** What to do: start a run (a manual import or an automatic one), or resume an interrupted run. */
export type SyncRequest =
  | { shopId: string; kind: 'start'; trigger: SyncTrigger; groups: readonly OrderGroup[] }
  /** Continue an interrupted run, else start this automatic one. */
  | { shopId: string; kind: 'resume-or-auto'; groups: readonly OrderGroup[] }
  | { shopId: string; kind: 'resume' };

export type SyncResult =
  | { kind: 'busy' | 'nothing' }
  | { kind: 'done' | 'failed' | 'cancelled' | 'lost'; job: JobRecord; cursor: OrderSyncCursor };

/** Why a shop cannot sync at all, before anything is asked of Tiki or Nhanh. */
export function shopProblem(
  shop: Shop | undefined,
  clients: { tiki: unknown; nhanh: unknown },
): LocalizedText | null {
  if (!shop) return { key: 'orders.err.noShop' };
  if (!clients.tiki) return { key: 'orders.err.noTiki', params: { shop: shop.name } };
  if (!clients.nhanh) return { key: 'orders.err.noNhanh' };
  if (shop.nhanhDepotId === null) return { key: 'orders.err.noDepot', params: { shop: shop.name } };
  if (shop.defaultCustomerPhone === '') return { key: 'orders.err.noPhone', params: { shop: shop.name } };
  return null;
}

function newJob(
  shopId: string,
  trigger: SyncTrigger,
  groups: readonly OrderGroup[],
  previous: OrderSyncCursor | undefined,
  now: number,
  runId: string,
): JobRecord {
  const watermark = previous?.watermark ?? null;
  const windowStart = orderWindowStart(now);
  const from =
    trigger === 'auto' && watermark !== null
      ? Math.max(windowStart, watermark - INCREMENTAL_OVERLAP_MS)
      : windowStart;
  const cursor: OrderSyncCursor = {
    runId,
    trigger,
    groups: [...groups],
    // Tiki's filter has whole seconds.
    from: Math.floor(from / 1000) * 1000,
    counts: emptyCounts(),
    newlyBlocked: 0,
    error: null,
    watermark,
  };
  return {
    id: orderSyncJobId(shopId),
    kind: 'order-sync',
    shopId,
    state: 'running',
    cursor,
    lease: null,
    progress: { done: 0, total: null },
    startedAt: now,
    updatedAt: now,
  };
}

function total(counts: OrderCounts): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** Counts of a cursor stored by an older version may lack the newer outcomes: they count from 0. */
function add(into: OrderCounts, counts: OrderCounts): OrderCounts {
  const sum = { ...emptyCounts(), ...into };
  for (const key of Object.keys(counts) as (keyof OrderCounts)[]) sum[key] += counts[key];
  return sum;
}

/** The order sync's part of its view: what the Đơn hàng section and the popup show of a run. */
function viewed(cursor: OrderSyncCursor): OrderSyncCursor {
  const { runId, trigger, counts, errorApi } = cursor;
  return { ...cursor, summary: { runId, trigger, counts, errorApi: errorApi ?? null } };
}

/** What the per-order import needs, from a sync's deps: every path into Nhanh imports by the same rules. */
export function importContextOf(
  deps: Pick<OrderSyncDeps, 'db' | 'clock' | 'settings' | 'nhanh' | 'products'>,
  shop: ImportShop,
  groups: readonly OrderGroup[],
  runId: string,
): ImportContext {
  return {
    db: deps.db,
    clock: deps.clock,
    nhanh: deps.nhanh!,
    products: deps.products,
    shop,
    groups: new Set(groups),
    alwaysFetchProducts: deps.settings.alwaysFetchProducts,
    runId,
  };
}

/**
 * Runs (or resumes) one shop's order sync to its end, unless another live holder has it (`busy`), the
 * seller cancels it, or this holder loses its lease. Never throws for an API failure: the job ends `failed`
 * with the error's text, and the next run starts over (the import is idempotent). One step is one keyset page
 * (and the tied second at its end).
 */
export async function runOrderSync(deps: OrderSyncDeps, request: SyncRequest): Promise<SyncResult> {
  const { db, clock, settings } = deps;
  const shop = settings.shops.find((candidate) => candidate.id === request.shopId);
  const problem = shopProblem(shop, deps);
  let context: ImportContext | undefined;

  const handle = async (
    cursor: OrderSyncCursor,
    orders: readonly TikiOrder[],
    unreadable: readonly UnreadableRecord[],
  ): Promise<OrderSyncCursor> => {
    context ??= importContextOf(deps, shop as ImportShop, cursor.groups, cursor.runId);
    const result = await syncOrderPage(context, orders, unreadable);
    await logProblems(deps, result.problems);
    return {
      ...cursor,
      counts: add(cursor.counts, result.counts),
      newlyBlocked: cursor.newlyBlocked + result.newlyBlocked,
    };
  };

  const step = async (start: OrderSyncCursor) => {
    if (problem || !deps.tiki || !deps.nhanh) throw new JobProblem(problem ?? { key: 'orders.err.noShop' });
    const tiki = deps.tiki;
    let cursor = start;
    if (cursor.trigger === 'auto' && !cursor.catalogueRefreshed && deps.refreshCatalogues) {
      try {
        await deps.refreshCatalogues();
      } catch (error) {
        await logActivity(
          db,
          {
            level: 'warn',
            source: 'products',
            text: {
              key: 'products.refresh.failed',
              params: { reason: translate('vi', jobErrorText(error)) },
            },
          },
          { secrets: secretsOf(settings), now: clock.now() },
        );
      }
      cursor = { ...cursor, catalogueRefreshed: true };
    }
    const at = (order: TikiOrder) => parseTikiDateTime(order.updated_at);
    for (;;) {
      const bound = cursor.fromBound ?? 'exclusive';
      const from = cursor.from;
      const page = await tiki.listOrders(
        {
          statuses: { nin: NEVER_IMPORTED_STATUSES },
          updatedFrom: bound === 'exclusive' ? from - 1000 : from,
          orderBy: { column: 'updated_at', direction: 'asc' },
          limit: TIKI_PAGE_LIMIT,
        },
        1,
      );
      // Orders before the bound mean Tiki's "greater than" is "at least": ask again the way it reads.
      if (bound === 'exclusive' && page.data.some((order) => at(order) < from)) {
        cursor = { ...cursor, fromBound: 'inclusive' };
        continue;
      }
      const fresh = page.data.filter((order) => at(order) >= from);
      if (isLastTikiPage(page.paging) || page.data.length + page.unreadable.length === 0) {
        cursor = await handle(cursor, fresh, page.unreadable);
        const done = total(cursor.counts);
        return { cursor: viewed(cursor), progress: { done, total: done }, finished: true };
      }
      if (fresh.length === 0) throw unreadablePage();
      // The page's last second may go on past it: everything before is complete, that second is read on its own.
      const last = Math.max(...fresh.map(at));
      cursor = await handle(
        cursor,
        fresh.filter((order) => at(order) < last),
        page.unreadable,
      );
      const tied = await readSecond(tiki, last, cursor.fromBound ?? 'exclusive');
      cursor = await handle(cursor, tied.orders, tied.unreadable);
      cursor = { ...cursor, from: last + 1000 };
      const done = total(cursor.counts);
      return {
        cursor: viewed(cursor),
        progress: { done, total: done + Math.max(0, page.paging.total - fresh.length) },
        finished: false,
      };
    }
  };

  return runJob<OrderSyncCursor>(
    { db, clock, lease: deps.lease, onProgress: deps.onProgress },
    {
      id: orderSyncJobId(request.shopId),
      prepare: (existing) => {
        const previous = cursorOf(existing);
        const interrupted = existing?.state === 'running' ? existing : undefined;
        if (request.kind === 'resume') return interrupted ?? null;
        if (request.kind === 'resume-or-auto' && interrupted) return interrupted;
        const trigger = request.kind === 'start' ? request.trigger : 'auto';
        return newJob(request.shopId, trigger, request.groups, previous, clock.now(), deps.newRunId());
      },
      steps: {
        step,
        settle: (cursor, ending, job) => {
          const failed = ending.state === 'failed';
          const error = failed ? errorText(ending.error) : null;
          const errorApi = failed && ending.error instanceof ApiError ? ending.error.api : null;
          const watermark =
            ending.state === 'done' && cursor.trigger === 'auto' ? job.startedAt : cursor.watermark;
          return viewed({ ...cursor, error, errorApi, watermark });
        },
        after: (job, cursor) => logRun(deps, shop?.name ?? request.shopId, job, cursor),
      },
    },
  );
}

/** Walks of one second before giving up: each walk of a shuffled list sees most of it, the union soon all. */
const MAX_SECOND_WALKS = 25;

/**
 * Every order whose `updated_at` is exactly `second` (epoch ms). Tiki's bounds are strict ("greater than",
 * "less than" [OFF]), so the window is one second wide on each side, and orders outside it are dropped here in
 * case Tiki reads them as inclusive. Ordered by `created_at`, which rarely ties, and walked again until as many
 * distinct orders were seen as Tiki counts: Tiki promises no order among equal keys. A second Tiki never lists
 * completely fails the run (its watermark does not move), rather than pass orders by.
 */
export async function readSecond(
  tiki: Pick<TikiClient, 'listOrders'>,
  second: number,
  bound: 'exclusive' | 'inclusive',
): Promise<{ orders: TikiOrder[]; unreadable: UnreadableRecord[] }> {
  const byCode = new Map<string, TikiOrder>();
  const unreadable = new Map<string, UnreadableRecord>();
  const seen = new Set<string>();
  for (let walk = 0; walk < MAX_SECOND_WALKS; walk++) {
    let expected = 0;
    for (let number = 1; ; number++) {
      const page = await tiki.listOrders(
        {
          statuses: { nin: NEVER_IMPORTED_STATUSES },
          updatedFrom: bound === 'exclusive' ? second - 1000 : second,
          updatedTo: second + 1000,
          orderBy: { column: 'created_at', direction: 'asc' },
          limit: TIKI_MAX_PAGE_LIMIT,
        },
        number,
      );
      expected = page.paging.total;
      for (const order of page.data) {
        seen.add(order.code);
        if (parseTikiDateTime(order.updated_at) === second) byCode.set(order.code, order);
      }
      page.unreadable.forEach((row, index) => {
        const key = row.id ?? `${number}:${index}`;
        seen.add(key);
        unreadable.set(key, row);
      });
      if (isLastTikiPage(page.paging) || page.data.length + page.unreadable.length === 0) break;
    }
    if (seen.size >= expected) return { orders: [...byCode.values()], unreadable: [...unreadable.values()] };
  }
  throw unstableListing(second);
}

function unreadablePage(): ApiError {
  return new ApiError({
    api: 'tiki',
    code: 'invalid_response',
    endpoint: TIKI_ENDPOINTS.orders,
    text: { key: 'orders.err.unreadablePage' },
    retryable: false,
  });
}

function unstableListing(second: number): ApiError {
  return new ApiError({
    api: 'tiki',
    code: 'unstable_listing',
    endpoint: TIKI_ENDPOINTS.orders,
    text: { key: 'orders.err.unstableListing', params: { time: formatTikiDateTime(second) } },
    retryable: false,
  });
}

/** A full disk says so in the orders' words; everything else as any job says it. */
function errorText(error: unknown): LocalizedText {
  if (isStorageFailure(error)) return { key: 'orders.err.notStored', params: { reason: error.name } };
  return jobErrorText(error);
}

/** Nhật ký lines for the orders that failed or newly need the seller (`PageResult.problems`). */
export async function logProblems(
  deps: Pick<OrderSyncDeps, 'db' | 'clock' | 'settings'>,
  problems: { code: string; outcome: string; text: LocalizedText }[],
) {
  const secrets = secretsOf(deps.settings);
  for (const problem of problems)
    await logActivity(
      deps.db,
      {
        level: problem.outcome === 'failed' || problem.outcome === 'unreadable' ? 'error' : 'warn',
        source: 'orders',
        text: problem.text,
        detail: `Tiki ${problem.code}`,
      },
      { secrets, now: deps.clock.now() },
    );
}

const RUN_LOG_KEYS = {
  manual: {
    done: 'orders.log.manual.done',
    failed: 'orders.log.manual.failed',
    cancelled: 'orders.log.manual.cancelled',
  },
  auto: {
    done: 'orders.log.auto.done',
    failed: 'orders.log.auto.failed',
    cancelled: 'orders.log.auto.cancelled',
  },
} as const;

/** One Nhật ký line per run: who started it, how it ended, its counts, and the error that stopped it. */
async function logRun(deps: OrderSyncDeps, shopName: string, job: JobRecord, cursor: OrderSyncCursor) {
  const { counts } = cursor;
  const state = job.state === 'running' ? 'done' : job.state;
  const level =
    state === 'failed'
      ? 'error'
      : ATTENTION_OUTCOMES.some((outcome) => (counts[outcome] ?? 0) > 0)
        ? 'warn'
        : 'info';
  const secrets = secretsOf(deps.settings);
  const now = deps.clock.now();
  await logActivity(
    deps.db,
    {
      level,
      source: 'orders',
      text: {
        key: RUN_LOG_KEYS[cursor.trigger][state],
        params: {
          shop: shopName,
          created: counts.created,
          updated: counts.updated,
          present: counts.present,
          blocked: counts.blocked,
          failed: counts.failed,
          conflict: counts.conflict,
          returned: counts.returned ?? 0,
          unreadable: counts.unreadable ?? 0,
        },
      },
    },
    { secrets, now },
  );
  if (cursor.error)
    await logActivity(deps.db, { level: 'error', source: 'orders', text: cursor.error }, { secrets, now });
}
