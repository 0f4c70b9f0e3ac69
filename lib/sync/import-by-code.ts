import type { OrderOutcome } from '../db';
import { ApiError, type ApiName } from '../http/api-error';
import type { UnreadableRecord } from '../http/tolerant';
import type { LocalizedText } from '../i18n';
import { withJobLease } from '../jobs/lease';
import { jobErrorText } from '../jobs/runner';
import { type ImportShop, type OrderCounts, syncOrderPage } from '../orders/import';
import { NEVER_IMPORTED_STATUSES, type OrderGroup } from '../orders/status-map';
import { secretsOf } from '../settings';
import { logActivity } from '../status/activity-log';
import type { TikiClient } from '../tiki/client';
import type { TikiOrderStatus } from '../tiki/contract';
import type { TikiOrder } from '../tiki/schemas';
import { importContextOf, logProblems, type OrderSyncDeps, orderSyncJobId, shopProblem } from './order-sync';

/*
 * Importing named Tiki orders now (the event queue's orders, the seller center's "Đẩy sang Nhanh ngay"): each
 * order is read again from Tiki (`GET /integration/v2/orders/{code}`: the read, not whatever announced it, is the
 * truth) and goes through the polling sync's own per-order import (`syncOrderPage`), so the rules, the records
 * and the idempotency are the same. It runs under the shop's order-sync lease, so it never runs beside a sync
 * of the same shop.
 */

export interface ImportByCodeDeps
  extends Pick<OrderSyncDeps, 'db' | 'clock' | 'settings' | 'nhanh' | 'products' | 'lease' | 'newRunId'> {
  tiki: Pick<TikiClient, 'getOrder'> | null;
  /** The groups to create in Nhanh; the automatic sync's (`settings.orderStatusFilter`) when absent. */
  groups?: readonly OrderGroup[];
}

/** What became of one named order: its outcome in this import, `skipped` as the sync skips, `missing` on Tiki. */
export type CodeOutcome = OrderOutcome | 'skipped' | 'missing';

export type ImportByCodeResult =
  /** The shop's order sync (or another import) holds the lease: nothing was done, try again shortly. */
  | { kind: 'busy' }
  /** Nothing could be imported (no shop, no Nhanh, no depot…), or an API stopped the import. */
  | { kind: 'failed'; error: LocalizedText; api: ApiName | null }
  | {
      kind: 'done';
      runId: string;
      counts: OrderCounts;
      /** Orders blocked now that were not before: worth a notification, as after a sync. */
      newlyBlocked: number;
      outcomes: Record<string, CodeOutcome>;
    };

/** `importOrdersByCode` for a caller that already holds the shop's lease (the event queue's pull). */
export async function importHeldOrdersByCode(
  deps: ImportByCodeDeps,
  shopId: string,
  codes: readonly string[],
): Promise<Exclude<ImportByCodeResult, { kind: 'busy' }>> {
  const shop = deps.settings.shops.find((candidate) => candidate.id === shopId);
  const problem = shopProblem(shop, deps);
  if (problem || !deps.tiki) return { kind: 'failed', error: problem!, api: null };
  const unique = [...new Set(codes)];
  const outcomes: Record<string, CodeOutcome> = {};
  const orders: TikiOrder[] = [];
  const unreadable: UnreadableRecord[] = [];
  try {
    for (const code of unique) {
      const read = await readOrder(deps.tiki, code, unreadable.length);
      if (read.kind === 'missing') outcomes[code] = 'missing';
      else if (read.kind === 'unreadable') unreadable.push(read.row);
      // The polling sync never lists these (Tiki has not accepted them): the same here.
      else if (NEVER_IMPORTED_STATUSES.includes(read.order.status as TikiOrderStatus))
        outcomes[code] = 'skipped';
      else orders.push(read.order);
    }
    const runId = deps.newRunId();
    const groups = deps.groups ?? deps.settings.orderStatusFilter;
    const context = importContextOf(deps, shop as ImportShop, groups, runId);
    const result = await syncOrderPage(context, orders, unreadable);
    await logProblems(deps, result.problems);
    await logMissing(
      deps,
      unique.filter((code) => outcomes[code] === 'missing'),
    );
    const stored = await Promise.all(
      [...orders.map((order) => order.code), ...unreadable.map((row) => row.id!)].map((code) =>
        deps.db.get('orders', [shopId, code]),
      ),
    );
    for (const record of stored)
      if (record) outcomes[record.code] = record.runId === runId ? record.outcome : 'skipped';
    for (const order of orders) outcomes[order.code] ??= 'skipped';
    return { kind: 'done', runId, counts: result.counts, newlyBlocked: result.newlyBlocked, outcomes };
  } catch (error) {
    return { kind: 'failed', error: jobErrorText(error), api: error instanceof ApiError ? error.api : null };
  }
}

/**
 * Re-reads each named order on Tiki and imports it into Nhanh exactly as the order sync would, under the shop's
 * order-sync lease. Never throws for an API failure (`failed`, with the text to show).
 */
export async function importOrdersByCode(
  deps: ImportByCodeDeps,
  shopId: string,
  codes: readonly string[],
): Promise<ImportByCodeResult> {
  const held = await withJobLease(
    deps.db,
    { id: orderSyncJobId(shopId), shopId },
    () => ({ ...deps.lease, now: deps.clock.now() }),
    () => importHeldOrdersByCode(deps, shopId, codes),
  );
  return held.held ? held.value : { kind: 'busy' };
}

type OrderRead =
  | { kind: 'order'; order: TikiOrder }
  | { kind: 'unreadable'; row: UnreadableRecord }
  | { kind: 'missing' };

/** One order as Tiki has it now: an answer that cannot be read is set aside as the sync sets aside a row. */
async function readOrder(
  tiki: Pick<TikiClient, 'getOrder'>,
  code: string,
  index: number,
): Promise<OrderRead> {
  try {
    return { kind: 'order', order: await tiki.getOrder(code) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'not_found') return { kind: 'missing' };
    if (error.code !== 'invalid_response') throw error;
    const { field, problem } = (error.text.params ?? {}) as { field?: string; problem?: string };
    return { kind: 'unreadable', row: { index, id: code, reason: `${field}: ${problem}`, keys: [] } };
  }
}

async function logMissing(deps: ImportByCodeDeps, codes: readonly string[]) {
  const secrets = secretsOf(deps.settings);
  for (const code of codes)
    await logActivity(
      deps.db,
      { level: 'warn', source: 'orders', text: { key: 'eventQueue.orderMissing', params: { code } } },
      { secrets, now: deps.clock.now() },
    );
}
