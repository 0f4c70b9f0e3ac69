import type { Clock } from '../clock';
import type { CompanionDatabase, OrderBlocker, OrderOutcome, OrderRecord } from '../db';
import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import type { NhanhClient } from '../nhanh/client';
import { NHANH_ERROR, type NhanhOrder, type NhanhOrderStatus } from '../nhanh/contract';
import { NHANH_REJECTED } from '../nhanh/errors';
import type { Shop } from '../settings';
import { parseTikiDateTime } from '../tiki/contract';
import type { TikiOrder, TikiOrderItem } from '../tiki/schemas';
import { type LineVerdict, orderVerdict } from './blocking';
import { nhanhOrderOf } from './nhanh-order';
import type { OrderProductLinks } from './product-links';
import {
  createStatusOf,
  decideTransition,
  groupOf,
  NHANH_STATUS_LABEL,
  NHANH_TARGET,
  type OrderGroup,
} from './status-map';
import { isWithinOrderWindow } from './window';

/**
 * One page of Tiki orders → Nhanh, idempotently: an order is created only when neither the local link nor Nhanh
 * (by `appOrderId`) knows it, and Nhanh's own duplicate answer links instead of failing. Orders already in
 * Nhanh follow their Tiki status forward, never backwards; a contradiction is recorded, never overwritten.
 * Every order's record is written as soon as Nhanh has changed, so an interruption loses no link.
 */

/** Per-outcome counts of a run; `skipped` = not chosen, outside the window, or not yet accepted by Tiki. */
export type OrderCounts = Record<OrderOutcome | 'skipped', number>;

export function emptyCounts(): OrderCounts {
  return { created: 0, updated: 0, present: 0, blocked: 0, failed: 0, conflict: 0, skipped: 0 };
}

/** What the import needs of a shop: a depot is required (checked before a run starts). */
export type ImportShop = Pick<Shop, 'id' | 'defaultCustomerName' | 'defaultCustomerPhone'> & {
  nhanhDepotId: number;
};

export interface ImportContext {
  db: CompanionDatabase;
  nhanh: Pick<NhanhClient, 'addOrder' | 'listOrders' | 'updateOrderStatus'>;
  products: OrderProductLinks;
  clock: Clock;
  shop: ImportShop;
  /** Groups to import; orders already in Nhanh are tracked whatever their group. */
  groups: ReadonlySet<OrderGroup>;
  alwaysFetchProducts: boolean;
  runId: string;
}

export interface PageResult {
  counts: OrderCounts;
  /** Orders blocked now that were not blocked before (a notification is worth it only for these). */
  newlyBlocked: number;
  /** Orders that failed or fell into a conflict on this page, with the text to log. */
  problems: { code: string; outcome: 'failed' | 'conflict'; text: LocalizedText }[];
}

/** Order lines sent to Nhanh at once: enough to keep its per-URL limit busy, few enough to stay polite. */
const ORDERS_IN_FLIGHT = 4;
/** Look-ups in Nhanh start this long before the oldest Tiki order's creation (clock differences). */
export const LOOKUP_MARGIN_MS = 86_400_000;

/**
 * A Nhanh refusal of this one order (bad field, refused status change): the order fails with Nhanh's message
 * and the run goes on. Anything else (token, permission, rate limit or network after every retry, a broken
 * answer) would fail every order alike, so it stops the run.
 */
function isOrderRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.api === 'nhanh' &&
    !error.retryable &&
    [NHANH_ERROR.invalidFormFields, NHANH_ERROR.invalidData, NHANH_REJECTED].includes(error.code)
  );
}

async function forEachInFlight<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readRecords(db: CompanionDatabase, shopId: string, codes: readonly string[]) {
  const tx = db.transaction('orders');
  const records = await Promise.all(codes.map((code) => tx.store.get([shopId, code])));
  await tx.done;
  return new Map(codes.map((code, index) => [code, records[index]]));
}

type Plan =
  | { kind: 'skip' }
  | { kind: 'done'; outcome: OrderOutcome }
  | { kind: 'track'; record: OrderRecord; group: OrderGroup | 'not-accepted' }
  | { kind: 'import'; group: OrderGroup };

export async function syncOrderPage(ctx: ImportContext, orders: readonly TikiOrder[]): Promise<PageResult> {
  const { db, nhanh, clock, shop, runId } = ctx;
  const result: PageResult = { counts: emptyCounts(), newlyBlocked: 0, problems: [] };
  const now = clock.now();
  const previous = await readRecords(
    db,
    shop.id,
    orders.map((order) => order.code),
  );

  const plans = new Map<string, Plan>();
  for (const order of orders) {
    const record = previous.get(order.code);
    const group = groupOf(order.status);
    let plan: Plan;
    // Handled by this run before the worker was stopped, and unchanged on Tiki since: counted, not redone.
    if (record?.runId === runId && record.tikiUpdatedAt === parseTikiDateTime(order.updated_at))
      plan = { kind: 'done', outcome: record.outcome };
    else if (record?.nhanhOrderId != null) plan = { kind: 'track', record, group };
    else if (
      group !== 'not-accepted' &&
      ctx.groups.has(group) &&
      isWithinOrderWindow(parseTikiDateTime(order.updated_at), now)
    )
      plan = { kind: 'import', group };
    else plan = { kind: 'skip' };
    plans.set(order.code, plan);
    if (plan.kind === 'skip') result.counts.skipped++;
    if (plan.kind === 'done') result.counts[plan.outcome]++;
  }

  const toImport = orders.filter((order) => plans.get(order.code)?.kind === 'import');
  const ready = await readyLines(ctx, toImport);

  const base = (order: TikiOrder): Omit<OrderRecord, 'syncState' | 'outcome' | 'reason' | 'blockers'> => ({
    shopId: shop.id,
    code: order.code,
    tikiStatus: order.status,
    tikiCreatedAt: parseTikiDateTime(order.created_at),
    tikiUpdatedAt: parseTikiDateTime(order.updated_at),
    nhanhOrderId: null,
    nhanhStatus: null,
    runId,
    sellerIncome: order.invoice.total_seller_income,
    updatedAt: now,
  });

  const save = async (record: OrderRecord) => {
    await db.put('orders', record);
    result.counts[record.outcome]++;
    // A conflict stays until the seller settles it: reported when it appears, not on every run after.
    const { outcome } = record;
    if (outcome === 'failed' || (outcome === 'conflict' && previous.get(record.code)?.outcome !== 'conflict'))
      result.problems.push({ code: record.code, outcome, text: record.reason! });
  };

  // Blocked orders and orders whose products could not be created are settled without calling Nhanh.
  const sendable: { order: TikiOrder; group: OrderGroup; productIds: number[] }[] = [];
  for (const order of toImport) {
    const outcome = ready.get(order.code)!;
    const { group } = plans.get(order.code) as { group: OrderGroup };
    if (outcome.kind === 'ready') {
      sendable.push({ order, group, productIds: outcome.productIds });
      continue;
    }
    const blockers = outcome.kind === 'blocked' ? outcome.blockers : [];
    if (outcome.kind === 'blocked' && previous.get(order.code)?.syncState !== 'blocked')
      result.newlyBlocked++;
    await save({
      ...base(order),
      syncState: outcome.kind,
      outcome: outcome.kind,
      reason: outcome.kind === 'blocked' ? blockers[0]!.text : outcome.reason,
      blockers,
    });
  }

  // One Nhanh look-up for every order whose state there matters: new ones (exists already?) and tracked ones
  // whose target differs from the status recorded last time.
  const tracked = orders.filter((order) => {
    const plan = plans.get(order.code)!;
    if (plan.kind !== 'track') return false;
    const target = targetOf(plan.group);
    return target !== null && target !== plan.record.nhanhStatus;
  });
  const inNhanh = await lookUp(ctx, [...sendable.map((entry) => entry.order), ...tracked]);

  const linked = (order: TikiOrder, nhanhOrderId: number, fields: Partial<OrderRecord>): OrderRecord => ({
    ...base(order),
    nhanhOrderId,
    syncState: 'imported',
    outcome: 'present',
    reason: null,
    blockers: [],
    ...fields,
  });

  /** Brings an order that is in Nhanh to its Tiki status, or records why it cannot. */
  const follow = async (
    order: TikiOrder,
    nhanhOrderId: number,
    current: NhanhOrderStatus | undefined,
    target: NhanhOrderStatus | null,
    outcomeWhenMoved: OrderOutcome,
    outcomeWhenStill: OrderOutcome,
  ): Promise<OrderRecord> => {
    if (current === undefined)
      return linked(order, nhanhOrderId, {
        outcome: 'conflict',
        reason: { key: 'orders.conflict.unknownStatus', params: { code: order.code } },
      });
    const transition = decideTransition(current, target);
    if (transition.kind === 'conflict')
      return linked(order, nhanhOrderId, {
        nhanhStatus: current,
        outcome: 'conflict',
        reason: {
          key: 'orders.conflict.status',
          params: {
            code: order.code,
            tiki: order.status,
            nhanh: NHANH_STATUS_LABEL[current],
            target: NHANH_STATUS_LABEL[transition.target],
          },
        },
      });
    if (transition.kind === 'none')
      return linked(order, nhanhOrderId, { nhanhStatus: current, outcome: outcomeWhenStill });
    try {
      await nhanh.updateOrderStatus({ orderId: nhanhOrderId, status: transition.status });
      return linked(order, nhanhOrderId, { nhanhStatus: transition.status, outcome: outcomeWhenMoved });
    } catch (error) {
      if (!isOrderRefusal(error)) throw error;
      return linked(order, nhanhOrderId, { nhanhStatus: current, outcome: 'failed', reason: error.text });
    }
  };

  await forEachInFlight(sendable, ORDERS_IN_FLIGHT, async ({ order, group, productIds }) => {
    const target = NHANH_TARGET[group];
    const existing = inNhanh.get(order.code);
    if (existing) {
      await save(await follow(order, existing.id, existing.status, target, 'updated', 'present'));
      return;
    }
    const createStatus = createStatusOf(group);
    let created: { id: number; alreadyExisted: boolean };
    try {
      created = await nhanh.addOrder(nhanhOrderOf(order, shop, productIds, createStatus));
    } catch (error) {
      if (!isOrderRefusal(error)) throw error;
      await save({
        ...base(order),
        syncState: 'failed',
        outcome: 'failed',
        reason: error.text,
        blockers: [],
      });
      return;
    }
    if (created.alreadyExisted) {
      // Created meanwhile (a lost answer, another run): link it and read its status before moving it.
      const [found] = await nhanh.listOrders({
        from: parseTikiDateTime(order.created_at) - LOOKUP_MARGIN_MS,
        to: clock.now(),
        appOrderIds: [order.code],
      });
      await save(await follow(order, created.id, found?.status, target, 'updated', 'present'));
      return;
    }
    await save(await follow(order, created.id, createStatus, target, 'created', 'created'));
  });

  await forEachInFlight(tracked, ORDERS_IN_FLIGHT, async (order) => {
    const plan = plans.get(order.code) as Extract<Plan, { kind: 'track' }>;
    const existing = inNhanh.get(order.code);
    if (!existing) {
      await save({
        ...linked(order, plan.record.nhanhOrderId!, {}),
        nhanhStatus: plan.record.nhanhStatus,
        outcome: 'conflict',
        reason: { key: 'orders.conflict.missing', params: { code: order.code } },
      });
      return;
    }
    await save(await follow(order, existing.id, existing.status, targetOf(plan.group), 'updated', 'present'));
  });

  // Tracked orders already at their target: only the Tiki side of the record changes.
  for (const order of orders) {
    const plan = plans.get(order.code)!;
    if (plan.kind !== 'track' || tracked.includes(order)) continue;
    const { record } = plan;
    await save({
      ...record,
      tikiStatus: order.status,
      tikiUpdatedAt: parseTikiDateTime(order.updated_at),
      sellerIncome: order.invoice.total_seller_income,
      runId,
      outcome: record.outcome === 'conflict' ? 'conflict' : 'present',
      updatedAt: now,
    });
  }
  return result;
}

function targetOf(group: OrderGroup | 'not-accepted'): NhanhOrderStatus | null {
  return group === 'not-accepted' ? null : NHANH_TARGET[group];
}

type Readiness =
  | { kind: 'ready'; productIds: number[] }
  | { kind: 'blocked'; blockers: OrderBlocker[] }
  | { kind: 'failed'; reason: LocalizedText };

/**
 * The Nhanh product of every line of each order, or why the order cannot go. Products to create from order
 * lines ("Luôn lấy sản phẩm về") are created once per page, before any order is sent.
 */
async function readyLines(ctx: ImportContext, orders: readonly TikiOrder[]): Promise<Map<string, Readiness>> {
  const readiness = new Map<string, Readiness>();
  if (orders.length === 0) return readiness;
  const [links, catalogueDownloaded] = await Promise.all([
    ctx.products.linksOf(orders.flatMap((order) => order.items.map((item) => item.product.id))),
    ctx.products.catalogueDownloaded(),
  ]);
  const context = { alwaysFetchProducts: ctx.alwaysFetchProducts, catalogueDownloaded };
  const verdicts = new Map(orders.map((order) => [order.code, orderVerdict(order, links, context)]));
  const toCreate: TikiOrderItem[] = [];
  for (const verdict of verdicts.values())
    if (verdict.kind === 'ready')
      for (const line of verdict.lines) if (line.kind === 'create') toCreate.push(line.item);
  const created = toCreate.length > 0 ? await ctx.products.createFromOrderItems(toCreate) : new Map();

  for (const order of orders) {
    const verdict = verdicts.get(order.code)!;
    if (verdict.kind === 'blocked') {
      readiness.set(order.code, { kind: 'blocked', blockers: verdict.blockers });
      continue;
    }
    const productIds: number[] = [];
    let refusal: LocalizedText | undefined;
    verdict.lines.forEach((line: LineVerdict, index) => {
      if (line.kind === 'ready') productIds.push(line.nhanhProductId);
      else if (line.kind === 'create') {
        const outcome = created.get(line.item.product.id);
        if (outcome?.ok) productIds.push(outcome.nhanhProductId);
        else
          refusal ??= {
            key: 'orders.failed.createProduct',
            params: {
              name: order.items[index]!.product.name,
              message: Object.values(outcome?.fieldMessages ?? {}).join('; '),
            },
          };
      }
    });
    readiness.set(order.code, refusal ? { kind: 'failed', reason: refusal } : { kind: 'ready', productIds });
  }
  return readiness;
}

/** Nhanh orders with these Tiki codes as `appOrderId`, by code; none can predate the Tiki order itself. */
async function lookUp(ctx: ImportContext, orders: readonly TikiOrder[]): Promise<Map<string, NhanhOrder>> {
  if (orders.length === 0) return new Map();
  const oldest = Math.min(...orders.map((order) => parseTikiDateTime(order.created_at)));
  const found = await ctx.nhanh.listOrders({
    from: oldest - LOOKUP_MARGIN_MS,
    to: ctx.clock.now(),
    appOrderIds: orders.map((order) => order.code),
  });
  const byCode = new Map<string, NhanhOrder>();
  for (const order of found)
    if (order.appOrderId && !byCode.has(order.appOrderId)) byCode.set(order.appOrderId, order);
  return byCode;
}
