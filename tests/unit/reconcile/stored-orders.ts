import type { OrderRecord } from '../../../lib/db';

/** An order the orders feature stored and linked to a Nhanh order, as reconciliation reads it. */
export function storedOrder(
  fields: Pick<OrderRecord, 'shopId' | 'code'> & Partial<OrderRecord>,
): OrderRecord {
  return {
    tikiStatus: 'complete',
    tikiCreatedAt: 1,
    tikiUpdatedAt: 2,
    nhanhOrderId: 77,
    nhanhStatus: 'Success',
    syncState: 'imported',
    reason: null,
    blockers: [],
    runId: 'run',
    outcome: 'created',
    sellerIncome: 100_000,
    updatedAt: 3,
    ...fields,
  };
}
