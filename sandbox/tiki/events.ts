import type { Clock } from '../../lib/time/clock';

/** Event types a subscription may name (OT-evtype; the stored list may continue). */
export const EVENT_TYPES = [
  'ORDER_CREATED_SUCCESSFULLY',
  'ORDER_STATUS_UPDATED',
  'PRODUCT_PRICE_UPDATED',
  'PRODUCT_MARKET_PRICE_UPDATED',
  'PRODUCT_INVENTORY_UPDATED',
] as const;

/** OT-evqguide: routing starts about 5 s after subscribing; events before that are not delivered. */
const ROUTING_DELAY_MS = 5_000;
/** Events per pull: not documented; a modest batch keeps redelivery after a lost ack cheap. */
const PULL_BATCH = 20;

interface QueuedEvent {
  id: string;
  sid: string;
  created_at: number;
  type: string;
  version: string;
  payload: Record<string, unknown>;
}

interface Subscription {
  code: string;
  sid: string;
  eventType: string;
  routedFrom: number;
}

interface Queue {
  code: string;
  name: string;
  sellerId: number;
  subscriptions: Subscription[];
  events: QueuedEvent[];
  /** The batch handed out by the last pull; acknowledged when the next pull sends its ack_id back. */
  outstanding?: { ackId: string; count: number };
}

/**
 * Tiki's event queues ("webhook alternative"): at-least-once and in order. A pull with the previous
 * `ack_id` acknowledges that batch; a pull without it gets the same events again.
 */
export function createEventQueues(clock: Clock, random: () => number) {
  const queues = new Map<string, Queue>();
  const uuid = () =>
    'xxxxxxxx-xxxx-4xxx-axxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16));

  return {
    list: (sellerId: number) =>
      [...queues.values()]
        .filter((queue) => queue.sellerId === sellerId)
        .map(({ code, name }) => ({ code, name, status: 'ACTIVE' })),

    create(sellerId: number, name: string) {
      const queue: Queue = { code: uuid(), name, sellerId, subscriptions: [], events: [] };
      queues.set(queue.code, queue);
      return { code: queue.code, name, status: 'ACTIVE' };
    },

    /** Undefined when the queue does not exist for this seller. */
    subscribe(sellerId: number, queueCode: string, eventType: string) {
      const queue = queues.get(queueCode);
      if (!queue || queue.sellerId !== sellerId) return undefined;
      const subscription: Subscription = {
        code: uuid(),
        sid: uuid().replace(/-/g, '').toUpperCase(),
        eventType,
        routedFrom: clock.now() + ROUTING_DELAY_MS,
      };
      queue.subscriptions.push(subscription);
      return { code: subscription.code, active: true, event_type: eventType, sid: subscription.sid };
    },

    /** Undefined when the queue does not exist for this seller. */
    pull(sellerId: number, queueCode: string, ackId: string | null) {
      const queue = queues.get(queueCode);
      if (!queue || queue.sellerId !== sellerId) return undefined;
      if (queue.outstanding && ackId === queue.outstanding.ackId)
        queue.events.splice(0, queue.outstanding.count);
      const batch = queue.events.slice(0, PULL_BATCH);
      queue.outstanding = batch.length ? { ackId: uuid(), count: batch.length } : undefined;
      return { events: batch, ack_id: queue.outstanding?.ackId ?? null };
    },

    /** Routes one event to every queue of the seller subscribed to its type (once routing has started). */
    publish(sellerId: number, type: string, payload: Record<string, unknown>) {
      const now = clock.now();
      for (const queue of queues.values()) {
        if (queue.sellerId !== sellerId) continue;
        for (const subscription of queue.subscriptions) {
          if (subscription.eventType !== type || subscription.routedFrom > now) continue;
          queue.events.push({
            id: uuid(),
            sid: subscription.sid,
            created_at: now,
            type,
            version: 'v1',
            payload,
          });
        }
      }
    },

    snapshot: () =>
      [...queues.values()].map((queue) => ({
        code: queue.code,
        sellerId: queue.sellerId,
        subscriptions: queue.subscriptions.map((subscription) => subscription.eventType),
        pending: queue.events.length,
      })),
  };
}
