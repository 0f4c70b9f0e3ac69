import { recordAttention } from '../attention';
import { ATTENTION_OUTCOMES, type CompanionDatabase, type JobRecord } from '../db';
import { cursorOf } from './order-sync';
import { type OrderSyncView, orderSyncItem } from './sync-view';

export function viewOf(job: JobRecord): OrderSyncView | null {
  const cursor = cursorOf(job);
  if (!cursor || !job.shopId) return null;
  return {
    shopId: job.shopId,
    runId: cursor.runId,
    state: job.state,
    trigger: cursor.trigger,
    progress: job.progress,
    counts: cursor.counts,
    error: cursor.error,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
  };
}

export async function publishJob(job: JobRecord): Promise<void> {
  const view = viewOf(job);
  if (!view) return;
  const views = await orderSyncItem.getValue();
  await orderSyncItem.setValue({ ...views, [view.shopId]: view });
}

/** Orders the seller must act on (`ATTENTION_OUTCOMES`): the popup's and the badge's count. */
export async function countOrdersNeedingAttention(db: CompanionDatabase): Promise<number> {
  let count = 0;
  let cursor = await db.transaction('orders').store.openCursor();
  while (cursor) {
    if (ATTENTION_OUTCOMES.includes(cursor.value.outcome)) count++;
    cursor = await cursor.continue();
  }
  return count;
}

/** Recounts the orders needing attention and stores the count for the popup and the badge. */
export async function refreshOrderAttention(db: CompanionDatabase): Promise<number> {
  const orders = await countOrdersNeedingAttention(db);
  await recordAttention('orders', orders);
  return orders;
}
