import type { JobRecord } from '../db';
import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import { withJobLease } from '../jobs/lease';
import { jobErrorText } from '../jobs/runner';
import { type Shop, secretsOf } from '../settings';
import { logActivity } from '../status/activity-log';
import type { EventQueueStatus } from '../status/event-queue';
import type { TikiClient } from '../tiki/client';
import type { TikiEvent } from '../tiki/schemas';
import { type ImportByCodeDeps, importHeldOrdersByCode } from './import-by-code';
import { orderSyncJobId, shopProblem } from './order-sync';

/*
 * The fast path of the order sync: Tiki's event queue (docs/api-contracts.md, "Event queue"). Per shop, one queue
 * (found again by its name, or created) subscribed to the order events; each pull imports the orders its events
 * name by re-reading them (`importHeldOrdersByCode`), under the shop's order-sync lease, so it never runs beside
 * the polling sync, which stays as the safety net. Delivery is at least once: the batch's `ack_id` is stored
 * (and so sent with the next pull) only once its orders are imported and stored; a worker stopped in between
 * pulls the same batch again, and the import is idempotent. Events already handled are known by their id.
 */

/** Our queue's name: a queue of this name in the list is ours (reinstalled, or another browser of the seller). */
export const EVENT_QUEUE_NAME = 'nhanh-tiki-companion-orders';
/** OT-evtype: a new order reaching `queueing`, and every status change. */
export const ORDER_EVENT_TYPES = ['ORDER_CREATED_SUCCESSFULLY', 'ORDER_STATUS_UPDATED'] as const;
/** Ids of handled events kept: far more than a redelivered batch can hold. */
const HANDLED_IDS_KEPT = 500;
/** Batches handled in one pull at most, so one pull never holds the shop for long. */
const BATCHES_PER_PULL = 10;
/** A refusal is tried again after this long (or at once when the shop's credentials change kind). */
const REFUSAL_RETRY_MS = 24 * 60 * 60_000;

/** The HTTP answers that mean "not for this auth": 401/403 (not permitted), 404 (no such path for it). */
const REFUSED_STATUSES = [401, 403, 404];

/** Which credentials the queue was tried with: a refusal of the key says nothing about an app's token. */
export type QueueAuth = 'key' | 'app';

export function queueAuthOf(shop: Pick<Shop, 'clientId' | 'clientSecret'>): QueueAuth {
  return shop.clientId && shop.clientSecret ? 'app' : 'key';
}

/** What the worker remembers of a shop's queue, durably (a job record's cursor). */
export interface EventQueueCursor {
  queueCode: string | null;
  /** Event types subscribed on `queueCode` (subscribed once, remembered). */
  subscribed: string[];
  /** The `ack_id` of the last batch handled and stored: sent with the next pull, it acknowledges that batch. */
  ackId: string | null;
  /** Ids of recently handled events, oldest first: a redelivered event is not handled twice. */
  handledIds: string[];
  /** Tiki refused the queue calls for this kind of credentials: when, and its HTTP status. */
  refused: { at: number; auth: QueueAuth; status: number } | null;
}

export function eventQueueJobId(shopId: string): string {
  return `event-queue:${shopId}`;
}

const EMPTY: EventQueueCursor = {
  queueCode: null,
  subscribed: [],
  ackId: null,
  handledIds: [],
  refused: null,
};

export interface EventQueueDeps extends Omit<ImportByCodeDeps, 'tiki'> {
  tiki: Pick<TikiClient, 'getOrder' | 'listQueues' | 'createQueue' | 'subscribe' | 'pullEvents'> | null;
  /** Tells Cài đặt when the shop's queue starts working or is refused (only on a change). */
  onStatus?: (shopId: string, status: EventQueueStatus) => Promise<void>;
}

export type PullResult =
  /** The shop's order sync (or an import) holds the lease: nothing pulled, the next tick tries again. */
  | { kind: 'busy' }
  /** The shop cannot sync at all (no Nhanh, no depot…): the queue is left alone. */
  | { kind: 'not-ready'; error: LocalizedText }
  /** Tiki refuses the queue for these credentials: the shop is synced by polling only. */
  | { kind: 'refused' }
  /** A failure worth trying again later (network, 5xx, an import stopped by Nhanh): nothing acknowledged. */
  | { kind: 'unavailable'; error: LocalizedText }
  | { kind: 'pulled'; events: number; orders: number; newlyBlocked: number };

async function readCursor(deps: EventQueueDeps, shopId: string): Promise<EventQueueCursor> {
  const job = await deps.db.get('jobs', eventQueueJobId(shopId));
  return job?.kind === 'event-queue' ? { ...EMPTY, ...(job.cursor as Partial<EventQueueCursor>) } : EMPTY;
}

async function writeCursor(deps: EventQueueDeps, shopId: string, cursor: EventQueueCursor): Promise<void> {
  const now = deps.clock.now();
  const stored = await deps.db.get('jobs', eventQueueJobId(shopId));
  const job: JobRecord = {
    id: eventQueueJobId(shopId),
    kind: 'event-queue',
    shopId,
    // Never `running`: there is nothing to resume, the next pull simply starts from the cursor.
    state: 'done',
    cursor,
    lease: null,
    progress: { done: 0, total: null },
    startedAt: stored?.startedAt ?? now,
    updatedAt: now,
  };
  await deps.db.put('jobs', job);
}

/** The order code an order event names (`order_code` per the doc; `orderCode` in third-party captures). */
function orderCodeOf(event: TikiEvent): string | null {
  if (!(ORDER_EVENT_TYPES as readonly string[]).includes(event.type)) return null;
  const code = event.payload.order_code ?? event.payload.orderCode;
  return typeof code === 'string' && code !== '' ? code : typeof code === 'number' ? String(code) : null;
}

/** A queue call refused for this auth, or the queue itself gone (404 on a queue of ours). */
function refusalOf(error: unknown): { status: number } | null {
  return error instanceof ApiError && error.api === 'tiki' && REFUSED_STATUSES.includes(error.status ?? 0)
    ? { status: error.status! }
    : null;
}

/**
 * One pull of one shop: sets the queue up if needed, then handles batches until the queue is empty (at most
 * `BATCHES_PER_PULL`). Never throws for an API failure, and never fails the shop's order sync.
 */
export async function pullShopEvents(deps: EventQueueDeps, shopId: string): Promise<PullResult> {
  const shop = deps.settings.shops.find((candidate) => candidate.id === shopId);
  const problem = shopProblem(shop, deps);
  if (problem || !shop || !deps.tiki)
    return { kind: 'not-ready', error: problem ?? { key: 'orders.err.noShop' } };
  const held = await withJobLease(
    deps.db,
    { id: orderSyncJobId(shopId), shopId },
    () => ({ ...deps.lease, now: deps.clock.now() }),
    (renew) => pullHeld(deps, shop, deps.tiki!, renew),
  );
  return held.held ? held.value : { kind: 'busy' };
}

async function pullHeld(
  deps: EventQueueDeps,
  shop: Shop,
  tiki: NonNullable<EventQueueDeps['tiki']>,
  renew: () => Promise<boolean>,
): Promise<PullResult> {
  const shopId = shop.id;
  const auth = queueAuthOf(shop);
  let cursor = await readCursor(deps, shopId);
  const now = deps.clock.now();
  if (cursor.refused?.auth === auth && now - cursor.refused.at < REFUSAL_RETRY_MS) return { kind: 'refused' };
  const save = async (next: EventQueueCursor) => {
    await writeCursor(deps, shopId, next);
    cursor = next;
  };

  const settingUp = cursor.queueCode === null || cursor.refused !== null;
  try {
    if (cursor.queueCode === null) {
      const code = await queueCodeOf(tiki);
      // A queue found again may hold subscriptions we cannot list (no documented path): subscribing again is
      // harmless, an event seen twice is handled once.
      await save({ ...cursor, queueCode: code, subscribed: [], ackId: null });
    }
    for (const type of ORDER_EVENT_TYPES) {
      if (cursor.subscribed.includes(type)) continue;
      await tiki.subscribe(cursor.queueCode!, type);
      await save({ ...cursor, subscribed: [...cursor.subscribed, type] });
    }
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) return { kind: 'unavailable', error: jobErrorText(error) };
    await refuse(deps, shop, cursor, auth, refusal.status, save);
    return { kind: 'refused' };
  }
  if (cursor.refused) await save({ ...cursor, refused: null });
  if (settingUp) await deps.onStatus?.(shopId, { state: 'active', since: now });

  let events = 0;
  let orders = 0;
  let newlyBlocked = 0;
  for (let batchNumber = 0; batchNumber < BATCHES_PER_PULL; batchNumber++) {
    let batch: Awaited<ReturnType<typeof tiki.pullEvents>>;
    try {
      batch = await tiki.pullEvents(cursor.queueCode!, cursor.ackId);
    } catch (error) {
      // Our queue is gone (deleted, expired): set up a new one on the next pull.
      if (error instanceof ApiError && error.status === 404) {
        await save({ ...cursor, queueCode: null, subscribed: [], ackId: null });
        return { kind: 'unavailable', error: jobErrorText(error) };
      }
      const refusal = refusalOf(error);
      if (refusal) {
        await refuse(deps, shop, cursor, auth, refusal.status, save);
        return { kind: 'refused' };
      }
      return { kind: 'unavailable', error: jobErrorText(error) };
    }
    const handled = new Set(cursor.handledIds);
    const fresh = batch.events.filter((event) => !handled.has(event.id));
    const codes = fresh.flatMap((event) => orderCodeOf(event) ?? []);
    if (codes.length > 0) {
      const imported = await importHeldOrdersByCode(deps, shopId, codes);
      // Not acknowledged: the same batch comes again with the next pull.
      if (imported.kind === 'failed') return { kind: 'unavailable', error: imported.error };
      orders += Object.keys(imported.outcomes).length;
      newlyBlocked += imported.newlyBlocked;
    }
    events += fresh.length;
    const empty = batch.events.length + batch.unreadable.length === 0;
    if (!empty || batch.ack_id !== cursor.ackId) {
      const ids = [...cursor.handledIds, ...fresh.map((event) => event.id)].slice(-HANDLED_IDS_KEPT);
      await save({ ...cursor, ackId: batch.ack_id, handledIds: ids });
    }
    if (empty || !(await renew())) break;
  }
  return { kind: 'pulled', events, orders, newlyBlocked };
}

/** Our queue by its name, or a new one. */
async function queueCodeOf(tiki: NonNullable<EventQueueDeps['tiki']>): Promise<string> {
  const ours = (await tiki.listQueues()).find((queue) => queue.name === EVENT_QUEUE_NAME);
  return ours?.code ?? (await tiki.createQueue(EVENT_QUEUE_NAME)).code;
}

/** Records the refusal once (Cài đặt and Nhật ký say it), and leaves the shop to the polling sync. */
async function refuse(
  deps: EventQueueDeps,
  shop: Shop,
  cursor: EventQueueCursor,
  auth: QueueAuth,
  status: number,
  save: (next: EventQueueCursor) => Promise<void>,
) {
  const now = deps.clock.now();
  const already = cursor.refused?.auth === auth;
  await save({ ...cursor, refused: { at: now, auth, status } });
  if (already) return;
  await deps.onStatus?.(shop.id, { state: 'refused', since: now, status, auth });
  await logActivity(
    deps.db,
    {
      level: 'info',
      source: 'orders',
      text: {
        key: 'eventQueue.refused',
        params: { shop: shop.name, status, minutes: deps.settings.autoSync.intervalMinutes },
      },
    },
    { secrets: secretsOf(deps.settings), now },
  );
}
