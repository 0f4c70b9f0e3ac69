import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanionDatabase } from '../../lib/db';
import { type EventQueueDeps, eventQueueJobId, pullShopEvents } from '../../lib/sync/event-queue';
import { seededRandom } from '../../sandbox/random';
import { importableTemplates } from '../fixtures/placed-orders';
import { type OrdersSetup, SHOP_ID } from '../unit/orders/harness';
import { ALL_GROUPS, type NhanhOutcome, nhanhOutcome, pairedShop } from './orders-harness';

/*
 * The service worker stopped while it handles a batch of events: after some orders are imported, after all of
 * them but before the batch's ack_id is stored, or with a request that reached Nhanh but whose answer was lost.
 * The next worker pulls again from the stored cursor: Tiki hands the unacknowledged batch back, and every order
 * ends in Nhanh exactly once, as after a pull nobody interrupted.
 */

const DEATH_SEEDS = Array.from({ length: 16 }, (_, i) => 15001 + i);
/** More orders than one batch (the sandbox hands out 20 events at a time). */
const NEW_ORDERS = 26;
const ROUTING_DELAY_MS = 6_000;
const DEAD_WORKER = 'worker:dead';

let reference: { outcome: NhanhOutcome; calls: number; steps: string[] };

/** A subscribed queue, then buyers place orders and Tiki moves some of them on: events waiting to be pulled. */
async function eventsWaiting(): Promise<OrdersSetup> {
  const setup = await pairedShop();
  const deps = eventDeps(setup, DEAD_WORKER);
  expect(await pullShopEvents(deps, SHOP_ID)).toMatchObject({ kind: 'pulled' });
  setup.clock.advance(ROUTING_DELAY_MS);
  const templates = await importableTemplates(setup);
  const codes = Array.from({ length: NEW_ORDERS }, (_, i) =>
    setup.sandbox.tiki.placeOrder(templates[i % templates.length]!),
  );
  codes.slice(0, 4).forEach((code) => void setup.sandbox.tiki.setOrderStatus(code, 'canceled'));
  codes.slice(4, 8).forEach((code) => void setup.sandbox.tiki.setOrderStatus(code, 'picking'));
  return setup;
}

function eventDeps(setup: OrdersSetup, holder: string, extra: Partial<EventQueueDeps> = {}): EventQueueDeps {
  return {
    ...setup.syncDeps,
    tiki: setup.tiki,
    // Every group, so the orders Tiki moved on before the pull are created too (confirmed, canceled).
    groups: ALL_GROUPS,
    lease: { holder, isDeadHolder: (other) => other === DEAD_WORKER && holder !== DEAD_WORKER },
    ...extra,
  };
}

/** Pulls until the queue is empty, as the alarm would minute after minute. */
async function drain(deps: EventQueueDeps) {
  for (let pulls = 0; pulls < 10; pulls++) {
    const result = await pullShopEvents(deps, SHOP_ID);
    expect(result.kind).toBe('pulled');
    if (result.kind === 'pulled' && result.events === 0) return;
  }
  throw new Error('the queue never emptied');
}

/**
 * A worker that stops at its `deathAt`-th step (each Tiki and Nhanh call, and each write of the event cursor, is
 * one): that step and every later one never finish. With `answerLost`, the dying request still reaches the API.
 */
function mortal(setup: OrdersSetup, deathAt: number, answerLost: boolean) {
  const counter = { steps: 0, log: [] as string[] };
  const step =
    <A extends unknown[], R>(label: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      counter.steps++;
      counter.log.push(label);
      if (counter.steps < deathAt) return call(...args);
      if (answerLost && counter.steps === deathAt) void call(...args).catch(() => {});
      return new Promise<R>(() => {});
    };
  const tiki = setup.tiki;
  const nhanh = setup.syncDeps.nhanh!;
  const db = new Proxy(setup.db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'put') return typeof value === 'function' ? value.bind(target) : value;
      const put = value.bind(target) as CompanionDatabase['put'];
      const storedCursor = step('cursor', put);
      return ((store, record, key) =>
        store === 'jobs' && (record as { id?: string }).id === eventQueueJobId(SHOP_ID)
          ? storedCursor(store, record, key)
          : put(store, record, key)) as CompanionDatabase['put'];
    },
  });
  return {
    counter,
    deps: eventDeps(setup, DEAD_WORKER, {
      db,
      tiki: {
        ...tiki,
        getOrder: step('getOrder', tiki.getOrder),
        pullEvents: step('pullEvents', tiki.pullEvents),
      },
      nhanh: {
        addOrder: step('addOrder', nhanh.addOrder),
        listOrdersByIds: step('listOrdersByIds', nhanh.listOrdersByIds),
        updateOrderStatus: step('updateOrderStatus', nhanh.updateOrderStatus),
      },
    }),
  };
}

beforeAll(async () => {
  const setup = await eventsWaiting();
  const { counter, deps } = mortal(setup, Number.POSITIVE_INFINITY, false);
  await drain(deps);
  reference = { outcome: nhanhOutcome(setup.sandbox), calls: counter.steps, steps: counter.log };
}, 120_000);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the worker stopped while it handles events', () => {
  it('should have a reference pull that brings every new order into Nhanh', () => {
    expect(Object.keys(reference.outcome.orders).length).toBe(NEW_ORDERS);
    expect(Object.values(reference.outcome.orders).map((order) => order.status)).toContain('Canceled');
    expect(Object.values(reference.outcome.orders).map((order) => order.status)).toContain('Confirmed');
  });

  it.each(DEATH_SEEDS)(
    'should lose no order and import none twice when the next worker pulls again (seed %i)',
    async (seed) => {
      const random = seededRandom(seed);
      const setup = await eventsWaiting();
      const deathAt = 1 + Math.floor(random() * reference.calls);
      const { counter, deps } = mortal(setup, deathAt, seed % 2 === 1);

      void pullShopEvents(deps, SHOP_ID);
      await expect.poll(() => counter.steps, { timeout: 30_000 }).toBeGreaterThanOrEqual(deathAt);
      // Let a request whose answer is lost land in the sandbox before the next worker starts.
      await new Promise((resolve) => setTimeout(resolve, 20));

      await drain(eventDeps(setup, 'worker:next'));

      const outcome = nhanhOutcome(setup.sandbox);
      expect(outcome.duplicates).toEqual([]);
      expect(outcome.orders).toEqual(reference.outcome.orders);
      expect(outcome.stock).toEqual(reference.outcome.stock);
      expect(setup.sandbox.tiki.snapshot()).toMatchObject({ queues: [{ pending: 0 }] });
    },
  );

  it('should pull the batch again when the worker stopped after importing it but before storing its ack_id', async () => {
    const setup = await eventsWaiting();
    // The first batch's orders are in Nhanh; storing its ack_id is the step that never finishes.
    const ackStored = reference.steps.indexOf('cursor') + 1;
    expect(reference.steps.slice(0, ackStored)).toContain('addOrder');
    const { counter, deps } = mortal(setup, ackStored, false);
    void pullShopEvents(deps, SHOP_ID);
    await expect.poll(() => counter.steps, { timeout: 30_000 }).toBeGreaterThanOrEqual(ackStored);

    const reads: string[] = [];
    const next = eventDeps(setup, 'worker:next', {
      tiki: {
        ...setup.tiki,
        getOrder: (code, include) => {
          reads.push(code);
          return setup.tiki.getOrder(code, include);
        },
      },
    });
    await drain(next);

    expect(reads.length).toBeGreaterThan(0);
    expect(nhanhOutcome(setup.sandbox)).toEqual(reference.outcome);
  });
});
