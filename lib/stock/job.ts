import type { Shop } from '../config/settings-schema';
import type { JobRecord, ProductMappingRecord, StockTikiRecord } from '../db';
import type { LocalizedText } from '../i18n';
import { JobProblem, type JobRunDeps, type JobRunResult, runJob, startOrResume } from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import type { NhanhClient } from '../nhanh/client';
import { readMappings } from '../products/store';
import type { TikiClient } from '../tiki/client';
import { TIKI_BATCH_ENTITY_TYPE, TIKI_MAX_SKUS_PER_BATCH, type TikiSkuUpdate } from '../tiki/contract';
import { isTikiUpdateRefused, TIKI_UPDATE_REJECTED, TikiApiError } from '../tiki/errors';
import { planRecords, type StockPlan } from './plan';
import { NHANH_READ_OVERLAP_MS, nhanhStockRecords, tikiStockRead } from './read';
import type { StockShopState } from './shop-state';
import {
  markFailed,
  markPending,
  markPushed,
  type StockPushItem,
  writeNhanhReads,
  writeTikiReads,
} from './store';
import {
  STOCK_FAILURES_KEPT,
  type StockCapability,
  type StockJobSummary,
  type StockPushFailure,
} from './types';

/*
 * The stock push as worker jobs (issue 14), step by step through `runJob` (resumable; one page or one batch a
 * step):
 *   capability → nhanh (product/inventory pages) → tiki (product list pages, full reads only) → push.
 * `stock-preview:<shopId>` reads both sides in full and sends nothing; `stock-push:<shopId>` reads Nhanh (in full
 * or since the last read) and sends what the plans say. The push walks the shop's products in id order and plans
 * each batch from the records as they are at that moment, so a resumed or late push always sends the newest Nhanh
 * read, never the value of the step the worker died in.
 */

export type StockJobKind = 'stock-preview' | 'stock-push';

export function stockJobId(kind: StockJobKind, shopId: string): string {
  return jobIdOf(kind, shopId);
}

export interface StockCounts {
  nhanhRead: number;
  tikiRead: number;
  sent: number;
  unchanged: number;
  failed: number;
  blocked: number;
}

export interface StockJobCursor extends ViewedCursor {
  runId: string;
  trigger: 'manual' | 'auto';
  phase: 'capability' | 'nhanh' | 'tiki' | 'push' | 'done';
  /** A full read of both sides (a preview, the daily pass, on demand); otherwise Nhanh since `nhanhFrom`. */
  full: boolean;
  /** Epoch ms the incremental Nhanh read starts from (already minus the overlap); null for a full read. */
  nhanhFrom: number | null;
  /** Nhanh's `paginator.next`, as received; null before the first page. */
  nhanhNext: unknown;
  /** When this run's Nhanh read started: where the next incremental read starts from, once this one ends. */
  nhanhReadStartedAt: number | null;
  tikiPage: number;
  /** The push has handled every product up to this Tiki product id. */
  pushedThrough: number;
  /** Only these products (the seller's selection); null = every product. */
  only: number[] | null;
  counts: StockCounts;
  failures: StockPushFailure[];
  capability: StockCapability | null;
}

export interface StockJobDeps extends JobRunDeps {
  tiki: Pick<
    TikiClient,
    'getSeller' | 'sellerWarehouses' | 'listProducts' | 'updateSku' | 'updateSkus'
  > | null;
  nhanh: Pick<NhanhClient, 'listInventory'> | null;
  shop: Shop | undefined;
  newRunId: () => string;
  /** Products planned per push step (one batch at most is sent per step). */
  pushWindow?: number;
}

export interface StockRunRequest {
  kind: StockJobKind;
  shopId: string;
  /** `resume`: only a run the worker left running. */
  start: 'start' | 'resume';
  trigger: 'manual' | 'auto';
  full: boolean;
  only: number[] | null;
  /** The shop's state when the run starts (where the last Nhanh read ended). */
  state: Pick<StockShopState, 'nhanhReadFrom'>;
}

const NO_COUNTS: StockCounts = { nhanhRead: 0, tikiRead: 0, sent: 0, unchanged: 0, failed: 0, blocked: 0 };

function summaryOf(cursor: StockJobCursor): StockJobSummary & { blocked: number } {
  const phase = cursor.phase === 'done' ? 'push' : cursor.phase;
  return { phase, ...cursor.counts };
}

function viewed(cursor: StockJobCursor): StockJobCursor {
  return { ...cursor, summary: { ...summaryOf(cursor) } };
}

function progressOf(cursor: StockJobCursor): JobRecord['progress'] {
  const { nhanhRead, tikiRead, sent, unchanged, failed, blocked } = cursor.counts;
  return { done: nhanhRead + tikiRead + sent + unchanged + failed + blocked, total: null };
}

function newCursor(request: StockRunRequest, runId: string): StockJobCursor {
  const full = request.full || request.state.nhanhReadFrom === null;
  return viewed({
    runId,
    trigger: request.trigger,
    phase: 'capability',
    full,
    nhanhFrom: full ? null : request.state.nhanhReadFrom! - NHANH_READ_OVERLAP_MS,
    nhanhNext: null,
    nhanhReadStartedAt: null,
    tikiPage: 1,
    pushedThrough: 0,
    only: request.only && [...new Set(request.only)].sort((a, b) => a - b),
    counts: NO_COUNTS,
    failures: [],
    capability: null,
    error: null,
  });
}

/** Stops the run with the capability it found (the shop's state keeps it; no push is scheduled after). */
class CapabilityProblem extends JobProblem {
  constructor(readonly capability: StockCapability & { text: LocalizedText }) {
    super(capability.text);
  }
}

function updateOf(plan: StockPlan): TikiSkuUpdate {
  return {
    product_id: plan.row.tikiProductId,
    warehouse_quantities: plan.send!.map((w) => ({ warehouse_id: w.warehouseId, qty_available: w.quantity })),
  };
}

/** Tiki's own words of a rejection (its `errors[]` travel in the text's `detail`). */
function failureText(error: unknown): LocalizedText {
  if (error && typeof error === 'object' && 'text' in error) return (error as { text: LocalizedText }).text;
  return {
    key: 'error.unexpected',
    params: { message: error instanceof Error ? error.message : String(error) },
  };
}

/** One step of the run from `cursor`. */
async function stockStep(
  deps: StockJobDeps,
  kind: StockJobKind,
  cursor: StockJobCursor,
): Promise<StockJobCursor> {
  const { db, clock } = deps;
  const shop = deps.shop;
  if (!shop) throw new JobProblem({ key: 'stock.err.noShop' });
  if (!shop.stockPush.enabled) throw new JobProblem({ key: 'stock.err.disabled' });
  if (!deps.tiki) throw new JobProblem({ key: 'stock.err.noTiki' });
  if (!deps.nhanh) throw new JobProblem({ key: 'stock.err.noNhanh' });
  const tiki = deps.tiki;

  switch (cursor.phase) {
    case 'capability': {
      const seller = await tiki.getSeller();
      const checkedAt = clock.now();
      if (seller.can_update_product === false)
        throw new CapabilityProblem({
          state: 'cannotUpdate',
          checkedAt,
          text: { key: 'stock.capability.cannotUpdate' },
        });
      if (kind === 'stock-push') {
        // A warehouse the seller no longer has would fail every product, each with Tiki's "not found": one clear stop.
        const { warehouses } = await tiki.sellerWarehouses({ active: true, type: 'requisition' });
        const known = new Set(warehouses.map((warehouse) => warehouse.id));
        const gone = shop.stockPush.tikiWarehouseIds.find((id) => !known.has(id));
        if (gone !== undefined)
          throw new JobProblem({ key: 'stock.err.unknownWarehouse', params: { id: gone } });
      }
      return { ...cursor, phase: 'nhanh', capability: { state: 'ok', checkedAt } };
    }
    case 'nhanh': {
      const readAt = clock.now();
      const filters = cursor.nhanhFrom === null ? {} : { updatedAtFrom: Math.floor(cursor.nhanhFrom / 1000) };
      const page = await deps.nhanh.listInventory(filters, cursor.nhanhNext ?? undefined);
      await writeNhanhReads(db, nhanhStockRecords(page.rows, readAt));
      const next = {
        ...cursor,
        nhanhReadStartedAt: cursor.nhanhReadStartedAt ?? readAt,
        nhanhNext: page.next ?? null,
        counts: { ...cursor.counts, nhanhRead: cursor.counts.nhanhRead + page.rows.length },
      };
      if (page.next !== undefined) return next;
      return { ...next, phase: cursor.full ? 'tiki' : kind === 'stock-push' ? 'push' : 'done' };
    }
    case 'tiki': {
      const readAt = clock.now();
      const page = await tiki.listProducts(cursor.tikiPage);
      await writeTikiReads(db, shop.id, page.data.map(tikiStockRead), readAt);
      const last = page.paging.current_page >= page.paging.last_page || page.data.length === 0;
      const counts = { ...cursor.counts, tikiRead: cursor.counts.tikiRead + page.data.length };
      if (!last) return { ...cursor, tikiPage: cursor.tikiPage + 1, counts };
      return { ...cursor, counts, phase: kind === 'stock-push' ? 'push' : 'done' };
    }
    case 'push':
      return pushStep(deps, shop, tiki, cursor);
    case 'done':
      return cursor;
  }
}

/**
 * The next window of the shop's products (in id order after `pushedThrough`), planned from their records now,
 * and what differs from Tiki sent: `seller_simple` products in one `updateSkus` batch, the others one by one.
 */
async function pushStep(
  deps: StockJobDeps,
  shop: Shop,
  tiki: NonNullable<StockJobDeps['tiki']>,
  cursor: StockJobCursor,
): Promise<StockJobCursor> {
  const { db, clock } = deps;
  const batchSize = Math.min(deps.pushWindow ?? TIKI_MAX_SKUS_PER_BATCH, TIKI_MAX_SKUS_PER_BATCH);
  const { batch, plans, through, last } = await planNextBatch(deps, shop, cursor, batchSize);

  const toSend = plans.filter((plan) => plan.send !== null);
  const counts = { ...cursor.counts };
  counts.blocked += plans.filter((plan) => plan.row.state === 'blocked').length;
  counts.unchanged += plans.filter((plan) => plan.row.state === 'unchanged').length;
  const failures = [...cursor.failures];
  const names = new Map(batch.map((record) => [record.tikiProductId, record.name]));
  const items = new Map<number, StockPushItem>(
    toSend.map((plan) => [
      plan.row.tikiProductId,
      { tikiProductId: plan.row.tikiProductId, quantities: plan.send!, nhanhReadAt: plan.nhanhReadAt! },
    ]),
  );

  if (items.size > 0) {
    await markPending(db, shop.id, [...items.values()], clock.now());
    const entity = new Map(batch.map((record) => [record.tikiProductId, record.entityType]));
    const simple = toSend.filter((plan) => entity.get(plan.row.tikiProductId) === TIKI_BATCH_ENTITY_TYPE);
    const others = toSend.filter((plan) => entity.get(plan.row.tikiProductId) !== TIKI_BATCH_ENTITY_TYPE);
    const accepted: StockPushItem[] = [];
    const rejected: { tikiProductId: number; nhanhReadAt: number; text: LocalizedText }[] = [];
    const reject = (id: number, error: unknown) => {
      rejected.push({ tikiProductId: id, nhanhReadAt: items.get(id)!.nhanhReadAt, text: failureText(error) });
    };
    try {
      if (simple.length > 0)
        for (const result of await tiki.updateSkus(simple.map(updateOf))) {
          if (result.ok) accepted.push(items.get(result.product_id)!);
          else reject(result.product_id, result.error);
        }
      for (const plan of others) {
        try {
          await tiki.updateSku(updateOf(plan));
          accepted.push(items.get(plan.row.tikiProductId)!);
        } catch (error) {
          // Only this product's data is wrong: its own failure; anything else stops the run (retried next run).
          if (!isProductRejection(error)) throw error;
          reject(plan.row.tikiProductId, error);
        }
      }
    } catch (error) {
      // What Tiki accepted before the failure is recorded, so it is not sent again for nothing.
      await markPushed(db, shop.id, accepted, clock.now());
      if (isTikiUpdateRefused(error))
        throw new CapabilityProblem({
          state: 'authRefused',
          checkedAt: clock.now(),
          text: {
            key: 'stock.capability.authRefused',
            params: { detail: failureText(error).params?.detail ?? '' },
          },
        });
      throw error;
    }
    const at = clock.now();
    await markPushed(db, shop.id, accepted, at);
    await markFailed(db, shop.id, rejected, at);
    counts.sent += accepted.length;
    counts.failed += rejected.length;
    for (const failure of rejected)
      if (failures.length < STOCK_FAILURES_KEPT)
        failures.push({
          tikiProductId: failure.tikiProductId,
          name: names.get(failure.tikiProductId) ?? '',
          text: failure.text,
        });
  }
  return {
    ...cursor,
    pushedThrough: through,
    counts,
    failures,
    phase: last ? 'done' : 'push',
  };
}

/** Products one push step looks at, at most: a step with little to send still ends soon and saves its cursor. */
const STEP_SCAN_LIMIT = 1_000;

/**
 * The products after `pushedThrough` planned from their records now, in id order, until `batchSize` of them have a
 * quantity to send (one `updateSkus` call), the scan limit is reached, or there are none left (`last`).
 */
async function planNextBatch(
  deps: StockJobDeps,
  shop: Shop,
  cursor: StockJobCursor,
  batchSize: number,
): Promise<{ batch: StockTikiRecord[]; plans: StockPlan[]; through: number; last: boolean }> {
  const batch: StockTikiRecord[] = [];
  const plans: StockPlan[] = [];
  let through = cursor.pushedThrough;
  let sending = 0;
  // Pairings are read once a step: the products of a step spread over every pairing chunk anyway.
  const mappings = await readMappings(deps.db, shop.id);
  while (batch.length < STEP_SCAN_LIMIT) {
    const window = await nextWindow(deps, shop.id, cursor.only, through, batchSize);
    const planned = await planWindow(deps, shop, mappings, window.records);
    for (const [index, plan] of planned.entries()) {
      batch.push(window.records[index]!);
      plans.push(plan);
      through = plan.row.tikiProductId;
      if (plan.send !== null && ++sending === batchSize) return { batch, plans, through, last: false };
    }
    through = window.through;
    if (window.last) return { batch, plans, through, last: true };
  }
  return { batch, plans, through, last: false };
}

/** Each record planned with its pairing and Nhanh stock as stored now. */
async function planWindow(
  deps: StockJobDeps,
  shop: Shop,
  mappings: ReadonlyMap<number, ProductMappingRecord>,
  records: StockTikiRecord[],
): Promise<StockPlan[]> {
  const { db } = deps;
  const nhanhIds = [
    ...new Set(records.flatMap((record) => mappings.get(record.tikiProductId)?.nhanhProductId ?? [])),
  ];
  const nhanhTx = db.transaction('stockNhanh');
  const nhanh = new Map(
    (await Promise.all(nhanhIds.map((id) => nhanhTx.store.get(id)))).flatMap((record) =>
      record ? [[record.nhanhProductId, record] as const] : [],
    ),
  );
  const lookups = {
    pairedWith: (id: number) => mappings.get(id)?.nhanhProductId,
    nhanhStock: (id: number) => nhanh.get(id),
  };
  return planRecords(records, lookups, shop.stockPush, deps.clock.now());
}

/** The next products after `after` in id order (of the seller's selection, when there is one). */
async function nextWindow(
  deps: StockJobDeps,
  shopId: string,
  only: number[] | null,
  after: number,
  window: number,
): Promise<{ records: StockTikiRecord[]; through: number; last: boolean }> {
  const { db } = deps;
  if (only) {
    const ids = only.filter((id) => id > after).slice(0, window);
    const tx = db.transaction('stockTiki');
    const records = (await Promise.all(ids.map((id) => tx.store.get([shopId, id])))).filter(
      (record): record is StockTikiRecord => record !== undefined,
    );
    return { records, through: ids.at(-1) ?? Number.MAX_SAFE_INTEGER, last: ids.length < window };
  }
  const range = IDBKeyRange.bound([shopId, after], [shopId, Number.MAX_SAFE_INTEGER], true);
  const records = await db.getAll('stockTiki', range, window);
  return {
    records,
    through: records.at(-1)?.tikiProductId ?? Number.MAX_SAFE_INTEGER,
    last: records.length < window,
  };
}

/** Tiki's refusal of one product's data (unknown warehouse or product, FBT…): that product's own failure. */
function isProductRejection(error: unknown): boolean {
  return error instanceof TikiApiError && error.code === TIKI_UPDATE_REJECTED;
}

export type StockRunResult = JobRunResult<StockJobCursor>;

/** Runs (or resumes) one shop's stock preview or push to its end. */
export function runStockJob(deps: StockJobDeps, request: StockRunRequest): Promise<StockRunResult> {
  const id = stockJobId(request.kind, request.shopId);
  return runJob<StockJobCursor>(deps, {
    id,
    prepare: startOrResume({ kind: request.start }, deps.clock.now, () => ({
      id,
      kind: request.kind,
      shopId: request.shopId,
      cursor: newCursor(request, deps.newRunId()),
      progress: { done: 0, total: null },
    })),
    steps: {
      step: async (cursor, _job, control) => {
        const next = viewed(await stockStep(deps, request.kind, cursor));
        const finished = next.phase === 'done' && !(await control.cancelled());
        return { cursor: next, progress: progressOf(next), finished };
      },
      settle: (cursor, ending) => {
        const failure = ending.state === 'failed' ? ending.error : null;
        return viewed(
          failure instanceof CapabilityProblem ? { ...cursor, capability: failure.capability } : cursor,
        );
      },
    },
  });
}
