import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http/api-error';
import type { TikiOrder } from '../../../lib/tiki/schemas';
import { createHarness, json } from './setup';

/** A seeded order of the main shop in `queueing`: what a new order looks like. */
function newOrderOf(harness: ReturnType<typeof createHarness>): TikiOrder {
  return (harness.main.orders as TikiOrder[]).find((order) => order.status === 'queueing')!;
}

/** Tiki starts routing a subscription's events about 5 s after it (OT-evqguide). */
const ROUTING_DELAY_MS = 5_000;

describe('the sandbox event queue', () => {
  it('should list the queues of the caller only, as created', async () => {
    const harness = createHarness();
    const client = harness.appClient();
    const created = await client.createQueue('orders');

    expect(await client.listQueues()).toEqual([{ code: created.code, name: 'orders', status: 'ACTIVE' }]);
    expect(await harness.client({ connectionKey: harness.small.connectionKey }).listQueues()).toEqual([]);
  });

  it('should route a new order and its status changes to subscribed types only, once routing has started', async () => {
    const harness = createHarness();
    const client = harness.appClient();
    const queue = await client.createQueue('orders');
    const template = newOrderOf(harness);
    harness.sandbox.tiki.placeOrder(template.code);
    await client.subscribe(queue.code, 'ORDER_CREATED_SUCCESSFULLY');
    const early = harness.sandbox.tiki.placeOrder(template.code);
    harness.clock.advance(ROUTING_DELAY_MS);
    const code = harness.sandbox.tiki.placeOrder(template.code);
    harness.sandbox.tiki.setOrderStatus(code, 'picking');

    const batch = await client.pullEvents(queue.code, null);

    expect(early).not.toBe(code);
    expect(batch.events.map((event) => [event.type, event.payload.order_code, event.payload.status])).toEqual(
      [['ORDER_CREATED_SUCCESSFULLY', code, 'queueing']],
    );
  });

  it('should deliver a batch again until a pull sends its ack_id back, then the next events', async () => {
    const harness = createHarness();
    const client = harness.keyClient();
    const queue = await client.createQueue('orders');
    await client.subscribe(queue.code, 'ORDER_STATUS_UPDATED');
    harness.clock.advance(ROUTING_DELAY_MS);
    const { code } = newOrderOf(harness);
    harness.sandbox.tiki.setOrderStatus(code, 'picking');

    const first = await client.pullEvents(queue.code, null);
    const again = await client.pullEvents(queue.code, null);
    const staleAck = await client.pullEvents(queue.code, first.ack_id);
    harness.sandbox.tiki.setOrderStatus(code, 'packaging');
    const next = await client.pullEvents(queue.code, staleAck.ack_id);

    expect(first.events).toHaveLength(1);
    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(again.ack_id).not.toBe(first.ack_id);
    // Only the ack_id of the batch last handed out acknowledges it.
    expect(staleAck.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(next.events.map((event) => event.payload.status)).toEqual(['packaging']);
  });

  it('should refuse the seller-center key on the queue paths when Tiki takes Bearer tokens only, and serve the app', async () => {
    const harness = createHarness({ faults: { tikiQueueAuth: 'bearer-only' } });

    const refused = await harness
      .keyClient()
      .listQueues()
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 403, endpoint: 'GET /integration/v1/queues' });
    await expect(harness.appClient().listQueues()).resolves.toEqual([]);
    await expect(harness.keyClient().getSeller()).resolves.toMatchObject({ id: harness.main.sellerId });
  });

  it('should set aside an event it cannot read and still hand back the batch ack_id', async () => {
    const harness = createHarness({
      intercept: (url) =>
        url.pathname.endsWith('/events/pull')
          ? json(200, {
              events: [
                { id: 'e1', created_at: 1, type: 'ORDER_STATUS_UPDATED', payload: { order_code: '1' } },
                { id: 'e2', type: 'ORDER_STATUS_UPDATED', payload: 'odd' },
              ],
              ack_id: 'ack-1',
            })
          : undefined,
    });

    const batch = await harness.appClient().pullEvents('queue', null);

    expect(batch.events.map((event) => event.id)).toEqual(['e1']);
    expect(batch.unreadable).toMatchObject([{ index: 1, id: 'e2' }]);
    expect(batch.ack_id).toBe('ack-1');
  });
});
