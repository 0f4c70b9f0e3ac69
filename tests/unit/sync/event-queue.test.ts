import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCompanionDb } from '../../../lib/db';
import { ApiError } from '../../../lib/http/api-error';
import { withJobLease } from '../../../lib/jobs/lease';
import { listActivity } from '../../../lib/status/activity-log';
import type { EventQueueStatus } from '../../../lib/status/event-queue';
import {
  EVENT_QUEUE_NAME,
  type EventQueueCursor,
  type EventQueueDeps,
  eventQueueJobId,
  pullShopEvents,
} from '../../../lib/sync/event-queue';
import { orderSyncJobId } from '../../../lib/sync/order-sync';
import type { TikiEvent } from '../../../lib/tiki/schemas';
import { createTikiClientForShop } from '../../../lib/worker/api-clients';
import { placeImportableOrder } from '../../fixtures/placed-orders';
import { type OrdersSetup, ordersSetup, SHOP_ID } from '../orders/harness';

/** Tiki starts routing a subscription's events about 5 s after it (OT-evqguide). */
const ROUTING_DELAY_MS = 6_000;

type EventTiki = NonNullable<EventQueueDeps['tiki']>;

function eventDeps(setup: OrdersSetup, patch: Partial<EventQueueDeps> = {}): EventQueueDeps {
  return { ...setup.syncDeps, tiki: setup.tiki, lease: { holder: 'event-queue' }, ...patch };
}

/** Sets the shop's queue up (first pull) and waits until Tiki routes its events. */
async function subscribed(setup: OrdersSetup, deps = eventDeps(setup)) {
  expect(await pullShopEvents(deps, SHOP_ID)).toMatchObject({ kind: 'pulled' });
  setup.clock.advance(ROUTING_DELAY_MS);
}

async function storedCursor(setup: OrdersSetup): Promise<EventQueueCursor> {
  return (await setup.db.get('jobs', eventQueueJobId(SHOP_ID)))!.cursor as EventQueueCursor;
}

function nhanhCopies(setup: OrdersSetup, code: string) {
  return setup.sandbox.nhanh.snapshot().orders.filter((order) => order.appOrderId === code);
}

/** The sandbox's Tiki, with its order reads counted. */
function countingReads(tiki: EventTiki) {
  const reads: string[] = [];
  const counted: EventTiki = {
    ...tiki,
    getOrder: (code, include) => {
      reads.push(code);
      return tiki.getOrder(code, include);
    },
  };
  return { tiki: counted, reads };
}

/** A Tiki whose pulls hand out the given batches in turn (then nothing), acknowledging nothing by itself. */
function scriptedPulls(tiki: EventTiki, batches: TikiEvent[][]) {
  const acks: (string | null)[] = [];
  let next = 0;
  const scripted: EventTiki = {
    ...tiki,
    pullEvents: async (_queue, ackId) => {
      acks.push(ackId);
      const events = batches[next] ?? [];
      return { events, unreadable: [], ack_id: events.length ? `ack-${++next}` : null };
    },
  };
  return { tiki: scripted, acks };
}

function orderEvent(id: string, type: string, code: string, status: string): TikiEvent {
  return { id, type, created_at: 0, version: 'v1', payload: { order_code: code, status } };
}

describe('the event queue of a shop', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should set its queue up once, subscribed to the order events, and find it again by name after a reinstall', async () => {
    const setup = await ordersSetup();
    await pullShopEvents(eventDeps(setup), SHOP_ID);
    await pullShopEvents(eventDeps(setup), SHOP_ID);
    const reinstalled = { ...eventDeps(setup), db: await openCompanionDb(`reinstalled-${Date.now()}`) };
    await pullShopEvents(reinstalled, SHOP_ID);

    const { queues } = setup.sandbox.tiki.snapshot() as {
      queues: { code: string; subscriptions: string[] }[];
    };
    expect(queues).toHaveLength(1);
    expect((await setup.tiki.listQueues())[0]!.name).toBe(EVENT_QUEUE_NAME);
    // The reinstalled extension cannot list subscriptions (no documented path), so it subscribes again.
    expect(queues[0]!.subscriptions).toEqual([
      'ORDER_CREATED_SUCCESSFULLY',
      'ORDER_STATUS_UPDATED',
      'ORDER_CREATED_SUCCESSFULLY',
      'ORDER_STATUS_UPDATED',
    ]);
  });

  it('should put a new Tiki order into Nhanh at the next pull, and its status changes after it', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await subscribed(setup);
    const code = await placeImportableOrder(setup);

    expect(await pullShopEvents(eventDeps(setup), SHOP_ID)).toMatchObject({ kind: 'pulled', orders: 1 });
    expect(nhanhCopies(setup, code)).toMatchObject([{ status: 'New' }]);

    setup.sandbox.tiki.setOrderStatus(code, 'canceled');
    await pullShopEvents(eventDeps(setup), SHOP_ID);
    expect(nhanhCopies(setup, code)).toMatchObject([{ status: 'Canceled' }]);
  });

  it('should handle an event delivered twice once: one read, one order in Nhanh', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await subscribed(setup);
    const code = await placeImportableOrder(setup);
    const created = orderEvent('event-1', 'ORDER_CREATED_SUCCESSFULLY', code, 'queueing');
    const { tiki: scripted } = scriptedPulls(setup.tiki, [[created, created], [created]]);
    const { tiki, reads } = countingReads(scripted);

    await pullShopEvents(eventDeps(setup, { tiki }), SHOP_ID);

    expect(reads).toEqual([code]);
    expect(nhanhCopies(setup, code)).toHaveLength(1);
  });

  it('should never move an order back when an older event comes after a newer one', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await subscribed(setup);
    const code = await placeImportableOrder(setup);
    await pullShopEvents(eventDeps(setup), SHOP_ID);
    setup.sandbox.tiki.setOrderStatus(code, 'picking');
    setup.sandbox.tiki.setOrderStatus(code, 'canceled');
    const { tiki } = scriptedPulls(setup.tiki, [
      [orderEvent('e-canceled', 'ORDER_STATUS_UPDATED', code, 'canceled')],
      [orderEvent('e-picking', 'ORDER_STATUS_UPDATED', code, 'picking')],
    ]);

    await pullShopEvents(eventDeps(setup, { tiki }), SHOP_ID);

    expect(nhanhCopies(setup, code)).toMatchObject([{ status: 'Canceled' }]);
    expect(await setup.db.get('orders', [SHOP_ID, code])).toMatchObject({ tikiStatus: 'canceled' });
  });

  it('should acknowledge a batch only once its orders are stored, so a batch Nhanh refused comes again', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await subscribed(setup);
    const code = await placeImportableOrder(setup);
    const unreachable = new ApiError({
      api: 'nhanh',
      code: 'network',
      endpoint: 'POST /v3.0/order/add',
      text: { key: 'api.network', params: { api: 'Nhanh' } },
      retryable: true,
    });
    const nhanhDown = { ...setup.nhanh, addOrder: () => Promise.reject(unreachable) };
    const ackBefore = (await storedCursor(setup)).ackId;

    const failed = await pullShopEvents(eventDeps(setup, { nhanh: nhanhDown }), SHOP_ID);

    expect(failed).toMatchObject({ kind: 'unavailable', error: { key: 'api.network' } });
    expect((await storedCursor(setup)).ackId).toBe(ackBefore);
    expect(nhanhCopies(setup, code)).toHaveLength(0);

    expect(await pullShopEvents(eventDeps(setup), SHOP_ID)).toMatchObject({ kind: 'pulled', orders: 1 });
    expect(nhanhCopies(setup, code)).toHaveLength(1);
    expect(setup.sandbox.tiki.snapshot()).toMatchObject({ queues: [{ pending: 0 }] });
  });

  it('should not pull while the polling sync holds the shop, and the polling sync waits for a pull', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    await subscribed(setup);
    const code = await placeImportableOrder(setup);

    const duringSync = await withJobLease(
      setup.db,
      { id: orderSyncJobId(SHOP_ID), shopId: SHOP_ID },
      () => ({ holder: 'test-runner', now: setup.clock.now() }),
      () => pullShopEvents(eventDeps(setup), SHOP_ID),
    );
    expect(duringSync).toEqual({ held: true, value: { kind: 'busy' } });
    expect(nhanhCopies(setup, code)).toHaveLength(0);

    let syncDuringPull: string | undefined;
    const { tiki, reads } = countingReads(setup.tiki);
    const readThenSync: EventTiki = {
      ...tiki,
      getOrder: async (orderCode, include) => {
        syncDuringPull ??= (await setup.run()).kind;
        return tiki.getOrder(orderCode, include);
      },
    };
    await pullShopEvents(eventDeps(setup, { tiki: readThenSync }), SHOP_ID);
    expect(syncDuringPull).toBe('busy');
    expect(reads).toEqual([code]);
    expect(nhanhCopies(setup, code)).toHaveLength(1);
  });

  it('should say once that Tiki refuses the queue for this connection, and leave the shop to the polling sync', async () => {
    const setup = await ordersSetup();
    setup.sandbox.setFaults({ tikiQueueAuth: 'bearer-only' });
    await setup.pairProducts();
    const statuses: EventQueueStatus[] = [];
    const calls: string[] = [];
    const tiki: EventTiki = {
      ...setup.tiki,
      listQueues: () => {
        calls.push('list');
        return setup.tiki.listQueues();
      },
    };
    const deps = eventDeps(setup, { tiki, onStatus: async (_shop, status) => void statuses.push(status) });

    expect(await pullShopEvents(deps, SHOP_ID)).toEqual({ kind: 'refused' });
    expect(await pullShopEvents(deps, SHOP_ID)).toEqual({ kind: 'refused' });
    setup.clock.advance(25 * 60 * 60_000);
    expect(await pullShopEvents(deps, SHOP_ID)).toEqual({ kind: 'refused' });

    // Asked again only after a day, and told only the first time.
    expect(calls).toEqual(['list', 'list']);
    expect(statuses).toEqual([{ state: 'refused', since: expect.any(Number), status: 403, auth: 'key' }]);
    const told = (await listActivity(setup.db)).filter((line) => line.text.key === 'eventQueue.refused');
    expect(told).toHaveLength(1);
    expect((await setup.run({ kind: 'start', trigger: 'auto' })).kind).toBe('done');
  });

  it('should use the queue once the shop connects with an Open API app after a refusal of its key', async () => {
    const setup = await ordersSetup();
    setup.sandbox.setFaults({ tikiQueueAuth: 'bearer-only' });
    const statuses: EventQueueStatus[] = [];
    const onStatus = async (_shop: string, status: EventQueueStatus) => void statuses.push(status);
    await pullShopEvents(eventDeps(setup, { onStatus }), SHOP_ID);
    const seeded = setup.sandbox.seed.tiki.shops[0]!;
    const shop = {
      ...setup.settings.shops[0]!,
      clientId: seeded.clientId,
      clientSecret: seeded.clientSecret,
    };
    const settings = { ...setup.settings, shops: [shop] };
    const appTiki = createTikiClientForShop(settings, shop, {
      fetch: setup.sandbox.fetch,
      clock: setup.clock,
    })!;

    const result = await pullShopEvents(eventDeps(setup, { settings, tiki: appTiki, onStatus }), SHOP_ID);

    expect(result).toMatchObject({ kind: 'pulled' });
    expect(statuses.map((status) => status.state)).toEqual(['refused', 'active']);
    expect((await storedCursor(setup)).refused).toBeNull();
  });

  it('should leave the queue alone while the shop cannot sync at all', async () => {
    const setup = await ordersSetup();
    const settings = { ...setup.settings, shops: [{ ...setup.settings.shops[0]!, nhanhDepotId: null }] };

    const result = await pullShopEvents(eventDeps(setup, { settings }), SHOP_ID);

    expect(result).toMatchObject({ kind: 'not-ready', error: { key: 'orders.err.noDepot' } });
    expect(await setup.tiki.listQueues()).toEqual([]);
  });
});
