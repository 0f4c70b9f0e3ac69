import type { CompanionDatabase, OrderBlocker, OrderOutcome, OrderRecord } from '../db';
import { ApiError } from '../http/api-error';
import type { UnreadableRecord } from '../http/tolerant';
import { type LocalizedText, translate } from '../i18n';
import type { NhanhClient } from '../nhanh/client';
import { NHANH_ERROR, type NhanhOrder, type NhanhOrderStatus } from '../nhanh/contract';
import { NHANH_REJECTED } from '../nhanh/errors';
import type { Shop } from '../settings';
import { parseTikiDateTime } from '../tiki/contract';
import type { TikiOrder, TikiOrderItem } from '../tiki/schemas';
import type { Clock } from '../time/clock';
import { type LineVerdict, orderVerdict, shownSku } from './blocking';
import { depotOf, nhanhOrderOf } from './nhanh-order';
import type { OrderProductLinks } from './product-links';
import {
  createStatusOf,
  decideTransition,
  groupOf,
  NHANH_STATUS_LABEL,
  NHANH_TARGET,
  neverCreatedBecause,
  nhanhTargetOf,
  type OrderGroup,
} from './status-map';
import { isWithinOrderWindow } from './window';

/**
 * One page of Tiki orders → Nhanh, idempotently: an order is created only when the local link does not know it,
 * and Nhanh's own duplicate answer (it refuses a second order with the same appOrderId) links instead of
 * failing. Orders already in Nhanh follow their Tiki status forward, never backwards; a contradiction is
 * recorded, never overwritten; a return Nhanh cannot record is listed for the seller. Every order's record is
 * written as soon as Nhanh has changed, so an interruption loses no link. Rules: docs/order-status.md.
 */

/** Per-outcome counts of a run; `skipped` = not chosen, outside the window, or not yet accepted by Tiki. */
export type OrderCounts = Record<OrderOutcome | 'skipped', number>;

export function emptyCounts(): OrderCounts {
  return {
    created: 0,
    updated: 0,
    present: 0,
    blocked: 0,
    failed: 0,
    conflict: 0,
    returned: 0,
    excluded: 0,
    unreadable: 0,
    skipped: 0,
  };
}

/** What the import needs of a shop: a depot is required (checked before a run starts). */
export type ImportShop = Pick<
  Shop,
  'id' | 'defaultCustomerName' | 'defaultCustomerPhone' | 'fbtOrders' | 'fbtDepotId'
> & { nhanhDepotId: number };

export interface ImportContext {
  db: CompanionDatabase;
  nhanh: Pick<NhanhClient, 'addOrder' | 'listOrdersByIds' | 'updateOrderStatus'>;
  products: OrderProductLinks;
  clock: Clock;
  shop: ImportShop;
  /** Groups to import; orders already in Nhanh are tracked whatever their group. */
  groups: ReadonlySet<OrderGroup>;
  alwaysFetchProducts: boolean;
  runId: string;
}

/** Outcomes told in Nhật ký when an order first reaches them (not again on every run after). */
type Problem = 'failed' | 'conflict' | 'returned' | 'unreadable';

export interface PageResult {
  counts: OrderCounts;
  /** Orders blocked now that were not blocked before (a notification is worth it only for these). */
  newlyBlocked: number;
  /** Orders that failed, or newly fell into a conflict, a return or an unreadable answer, with the text to log. */
  problems: { code: string; outcome: Problem; text: LocalizedText }[];
}

/** Order lines sent to Nhanh at once: enough to keep its per-URL limit busy, few enough to stay polite. */
const ORDERS_IN_FLIGHT = 4;
/** Look-ups in Nhanh start this long before the oldest Tiki order's creation (clock differences). */
export const LOOKUP_MARGIN_MS = 86_400_000;

/**
 * A Nhanh refusal of this one order (bad field, a duplicate it could not find): the order fails with Nhanh's
 * message and the run goes on. Anything else (token, permission, rate limit or network after every retry, a
 * broken answer) would fail every order alike, so it stops the run.
 */
function isOrderRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.api === 'nhanh' &&
    !error.retryable &&
    [NHANH_ERROR.invalidFormFields, NHANH_ERROR.invalidData, NHANH_REJECTED].includes(error.code)
  );
}

/**
 * A status change Nhanh answered with any refusal, whatever its code: listing orders with the same token has
 * just worked, so the refusal is about this order (a rule of `order/edit`, a permission), never a reason to
 * tell the seller to reconnect. Only what would fail every call alike (rate limit, network, 5xx after every
 * retry, a broken answer) stops the run.
 */
function isStatusChangeRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.api === 'nhanh' &&
    !error.retryable &&
    error.code !== 'invalid_response'
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
  | { kind: 'track'; record: OrderRecord; target: NhanhOrderStatus | null }
  | { kind: 'exclude'; reason: LocalizedText }
  | { kind: 'import'; group: OrderGroup; depotId: number };

/** Why an order of a chosen group is not created, or where it goes. */
function importPlan(order: TikiOrder, group: OrderGroup, shop: ImportShop): Plan {
  const why = neverCreatedBecause(order.status);
  if (why)
    return { kind: 'exclude', reason: { key: `orders.excluded.${why}`, params: { status: order.status } } };
  const depotId = depotOf(order, shop);
  if (depotId === null) return { kind: 'exclude', reason: { key: 'orders.excluded.fbt' } };
  return { kind: 'import', group, depotId };
}

export async function syncOrderPage(
  ctx: ImportContext,
  orders: readonly TikiOrder[],
  unreadable: readonly UnreadableRecord[] = [],
): Promise<PageResult> {
  const { db, nhanh, clock, shop, runId } = ctx;
  const result: PageResult = { counts: emptyCounts(), newlyBlocked: 0, problems: [] };
  const now = clock.now();
  const unreadableCodes = unreadable.flatMap((row) => (row.id ? [row.id] : []));
  const previous = await readRecords(db, shop.id, [...orders.map((order) => order.code), ...unreadableCodes]);

  const plans = new Map<string, Plan>();
  for (const order of orders) {
    const record = previous.get(order.code);
    const group = groupOf(order.status);
    let plan: Plan;
    // Handled by this run before the worker was stopped, and unchanged on Tiki since: counted, not redone.
    if (record?.runId === runId && record.tikiUpdatedAt === parseTikiDateTime(order.updated_at))
      plan = { kind: 'done', outcome: record.outcome };
    else if (record?.nhanhOrderId != null)
      plan = { kind: 'track', record, target: nhanhTargetOf(order.status) };
    else if (!isWithinOrderWindow(parseTikiDateTime(order.updated_at), now) || group === 'not-accepted')
      plan = { kind: 'skip' };
    // A status this version does not know is worth telling whatever the filter: Tiki changed something.
    else if (ctx.groups.has(group) || neverCreatedBecause(order.status) === 'unknownStatus')
      plan = importPlan(order, group, shop);
    else plan = { kind: 'skip' };
    plans.set(order.code, plan);
    if (plan.kind === 'skip') result.counts.skipped++;
    if (plan.kind === 'done') result.counts[plan.outcome]++;
  }

  const base = (order: TikiOrder): Omit<OrderRecord, 'syncState' | 'outcome' | 'reason' | 'blockers'> => ({
    shopId: shop.id,
    code: order.code,
    tikiStatus: order.status,
    tikiCreatedAt: parseTikiDateTime(order.created_at),
    tikiUpdatedAt: parseTikiDateTime(order.updated_at),
    nhanhOrderId: null,
    nhanhStatus: null,
    runId,
    sellerIncome: order.invoice.total_seller_income ?? null,
    updatedAt: now,
  });

  const save = async (record: OrderRecord) => {
    await db.put('orders', record);
    result.counts[record.outcome]++;
    // A lasting state is reported when it appears, not on every run after; a failure on every run it happens.
    const { outcome } = record;
    const lasting = outcome === 'conflict' || outcome === 'returned' || outcome === 'unreadable';
    if (outcome === 'failed' || (lasting && previous.get(record.code)?.outcome !== outcome))
      result.problems.push({ code: record.code, outcome, text: record.reason! });
  };

  for (const row of unreadable) await setAsideUnreadable(row);

  async function setAsideUnreadable(row: UnreadableRecord) {
    const reason: LocalizedText = {
      key: 'orders.unreadable',
      params: { reason: row.reason, keys: row.keys.join(', ') },
    };
    if (!row.id) {
      result.counts.unreadable++;
      result.problems.push({ code: `#${row.index + 1}`, outcome: 'unreadable', text: reason });
      return;
    }
    const kept = previous.get(row.id);
    // A linked order keeps its link and states: only this run's outcome says Tiki's answer was unreadable.
    await save(
      kept
        ? { ...kept, outcome: 'unreadable', reason, runId, updatedAt: now }
        : {
            shopId: shop.id,
            code: row.id,
            tikiStatus: '',
            tikiCreatedAt: now,
            tikiUpdatedAt: now,
            nhanhOrderId: null,
            nhanhStatus: null,
            runId,
            sellerIncome: null,
            updatedAt: now,
            syncState: 'unreadable',
            outcome: 'unreadable',
            reason,
            blockers: [],
          },
    );
  }

  for (const order of orders) {
    const plan = plans.get(order.code)!;
    if (plan.kind === 'exclude')
      await save({
        ...base(order),
        syncState: 'excluded',
        outcome: 'excluded',
        reason: plan.reason,
        blockers: [],
      });
  }

  const toImport = orders.filter((order) => plans.get(order.code)?.kind === 'import');
  const ready = await readyLines(ctx, toImport);

  // Blocked orders and orders whose products could not be created are settled without calling Nhanh.
  const sendable: { order: TikiOrder; group: OrderGroup; depotId: number; productIds: number[] }[] = [];
  for (const order of toImport) {
    const outcome = ready.get(order.code)!;
    const { group, depotId } = plans.get(order.code) as Extract<Plan, { kind: 'import' }>;
    if (outcome.kind === 'ready') {
      sendable.push({ order, group, depotId, productIds: outcome.productIds });
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

  // Linked orders whose Tiki target differs from the status recorded last time are read back by their Nhanh id
  // (the documented `ids` filter: no date window, no undocumented appOrderId filter).
  const tracked = orders.filter((order) => {
    const plan = plans.get(order.code)!;
    return plan.kind === 'track' && plan.target !== null && plan.target !== plan.record.nhanhStatus;
  });
  const inNhanh = new Map(
    (
      await nhanh.listOrdersByIds(
        tracked.map(
          (order) => (plans.get(order.code) as Extract<Plan, { kind: 'track' }>).record.nhanhOrderId!,
        ),
      )
    ).map((found) => [found.id, found]),
  );

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
    current: Pick<NhanhOrder, 'id' | 'status' | 'sentToCarrier'>,
    target: NhanhOrderStatus | null,
    outcomeWhenMoved: OrderOutcome,
    outcomeWhenStill: OrderOutcome,
  ): Promise<OrderRecord> => {
    const { id, status, sentToCarrier } = current;
    if (status === undefined)
      return linked(order, id, {
        outcome: 'conflict',
        reason: { key: 'orders.conflict.unknownStatus', params: { code: order.code } },
      });
    const still = { nhanhStatus: status, nhanhSentToCarrier: sentToCarrier };
    const returnLines = order.items.map((item) => ({
      name: item.product.name,
      sku: shownSku(item),
      qty: item.qty,
    }));
    const transition = decideTransition({ status, sentToCarrier }, target);
    const labels = { code: order.code, tiki: order.status, nhanh: NHANH_STATUS_LABEL[status] };
    switch (transition.kind) {
      case 'none':
        return linked(order, id, { ...still, outcome: outcomeWhenStill });
      case 'carrier':
        return linked(order, id, { ...still, outcome: outcomeWhenStill, reason: { key: 'orders.carrier' } });
      case 'returned':
        return linked(order, id, {
          ...still,
          outcome: 'returned',
          returnLines,
          reason: {
            key: transition.withCarrier ? 'orders.returned.carrier' : 'orders.returned.success',
            params: labels,
          },
        });
      case 'conflict':
        return linked(order, id, {
          ...still,
          outcome: 'conflict',
          reason: {
            key: transition.withCarrier ? 'orders.conflict.carrier' : 'orders.conflict.status',
            params: { ...labels, target: NHANH_STATUS_LABEL[transition.target] },
          },
        });
    }
    try {
      await nhanh.updateOrderStatus({ orderId: id, status: transition.status });
      return linked(order, id, { nhanhStatus: transition.status, outcome: outcomeWhenMoved });
    } catch (error) {
      if (!isStatusChangeRefusal(error)) throw error;
      const refused = {
        key: 'orders.failed.statusChange',
        params: {
          ...labels,
          target: NHANH_STATUS_LABEL[transition.status],
          message: translate('vi', error.text),
          errorCode: error.code,
        },
      } as const;
      // A return Nhanh would not record stays on the returns list, with Nhanh's words.
      if (transition.status === 'Returned')
        return linked(order, id, {
          ...still,
          outcome: 'returned',
          returnLines,
          reason: { ...refused, key: 'orders.returned.refused' },
        });
      return linked(order, id, { ...still, outcome: 'failed', reason: refused });
    }
  };

  await forEachInFlight(sendable, ORDERS_IN_FLIGHT, async ({ order, group, depotId, productIds }) => {
    const target = nhanhTargetOf(order.status) ?? NHANH_TARGET[group];
    const createStatus = createStatusOf(group);
    let created: Awaited<ReturnType<typeof nhanh.addOrder>>;
    try {
      created = await nhanh.addOrder(
        nhanhOrderOf(order, shop, depotId, productIds, createStatus),
        parseTikiDateTime(order.created_at) - LOOKUP_MARGIN_MS,
      );
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
    // Created meanwhile (a lost answer, another run): linked, and moved on from the status Nhanh shows.
    if (created.existing) await save(await follow(order, created.existing, target, 'updated', 'present'));
    else
      await save(
        await follow(
          order,
          { id: created.id, status: createStatus, sentToCarrier: false },
          target,
          'created',
          'created',
        ),
      );
  });

  await forEachInFlight(tracked, ORDERS_IN_FLIGHT, async (order) => {
    const plan = plans.get(order.code) as Extract<Plan, { kind: 'track' }>;
    const existing = inNhanh.get(plan.record.nhanhOrderId!);
    if (!existing) {
      await save({
        ...linked(order, plan.record.nhanhOrderId!, {}),
        nhanhStatus: plan.record.nhanhStatus,
        outcome: 'conflict',
        reason: { key: 'orders.conflict.missing', params: { code: order.code } },
      });
      return;
    }
    const followed = await follow(order, existing, plan.target, 'updated', 'present');
    const { returnHandledAt } = plan.record;
    // A return the seller already handled in Nhanh stays off the list.
    await save(
      returnHandledAt && followed.outcome === 'returned'
        ? { ...followed, outcome: 'present', reason: null, returnHandledAt }
        : { ...followed, returnHandledAt },
    );
  });

  // Tracked orders already at their target: only the Tiki side of the record changes.
  for (const order of orders) {
    const plan = plans.get(order.code)!;
    if (plan.kind !== 'track' || tracked.includes(order)) continue;
    const { record } = plan;
    const lasting = record.outcome === 'conflict' || record.outcome === 'returned';
    await save({
      ...record,
      tikiStatus: order.status,
      tikiUpdatedAt: parseTikiDateTime(order.updated_at),
      sellerIncome: order.invoice.total_seller_income ?? null,
      runId,
      outcome: lasting ? record.outcome : 'present',
      updatedAt: now,
    });
  }
  return result;
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
  const ids = orders.flatMap((order) => order.items.map((item) => item.product.id));
  let [links, catalogueDownloaded] = await Promise.all([
    ctx.products.linksOf(ids),
    ctx.products.catalogueDownloaded(),
  ]);
  // Absent from the last download (or flagged gone by it) proves nothing: Tiki is asked before judging.
  const unlisted = ids.filter((id) => {
    const link = links.get(id);
    return !link || (link.product === undefined && link.mapping === undefined) || link.state === 'deleted';
  });
  const tikiAnswers = await ctx.products.lookUpUnlisted(unlisted);
  if (tikiAnswers.size > 0) links = await ctx.products.linksOf(ids);
  const context = { alwaysFetchProducts: ctx.alwaysFetchProducts, catalogueDownloaded, tikiAnswers };
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
