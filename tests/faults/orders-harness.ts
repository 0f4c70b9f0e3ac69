import type { Sandbox } from '../../sandbox/index';
import { type OrdersSetup, ordersSetup } from '../unit/orders/harness';
import { ALL_GROUPS, type NhanhOutcome, nhanhOutcome } from './nhanh-outcome';

export { ALL_GROUPS, type NhanhOutcome, nhanhOutcome };

/**
 * Moves the sandbox's seeded fault stream on by `draws` calls, so trials with different seeds meet their
 * faults at different requests while the demo data stays the same (the orders harness fixes the data seed).
 */
export async function offsetFaultStream(sandbox: Sandbox, draws: number): Promise<void> {
  const saved = sandbox.faults();
  sandbox.setFaults({ errorRate: 1e-9, latencyMs: 0 });
  for (let i = 0; i < draws; i++)
    await sandbox.handle({
      method: 'GET',
      path: '/tiki/__offset',
      query: new URLSearchParams(),
      headers: {},
      body: '',
    });
  sandbox.setFaults(saved);
}

/** A paired shop, ready to import: what the seller has after Sản phẩm. */
export async function pairedShop(): Promise<OrdersSetup> {
  const setup = await ordersSetup();
  await setup.pairProducts();
  return setup;
}

/** The reference: the same import with no fault at all. */
export async function referenceOutcome(): Promise<{ outcome: NhanhOutcome; calls: number }> {
  const setup = await pairedShop();
  const counter = { calls: 0 };
  countCalls(setup, counter);
  const result = await setup.run({ groups: ALL_GROUPS });
  if (result.kind !== 'done') throw new Error(`reference import ended ${result.kind}`);
  return { outcome: nhanhOutcome(setup.sandbox), calls: counter.calls };
}

/** Counts every Tiki and Nhanh call the import makes (the points where a worker can die). */
export function countCalls(setup: OrdersSetup, counter: { calls: number }): void {
  const { tiki, nhanh } = setup.syncDeps;
  if (!tiki || !nhanh) throw new Error('clients missing');
  setup.syncDeps.tiki = {
    listOrders: (...args) => {
      counter.calls++;
      return tiki.listOrders(...args);
    },
  };
  setup.syncDeps.nhanh = {
    addOrder: (...args) => {
      counter.calls++;
      return nhanh.addOrder(...args);
    },
    listOrdersByIds: (...args) => {
      counter.calls++;
      return nhanh.listOrdersByIds(...args);
    },
    updateOrderStatus: (...args) => {
      counter.calls++;
      return nhanh.updateOrderStatus(...args);
    },
  };
}
