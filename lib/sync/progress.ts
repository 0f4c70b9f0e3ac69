import { storage } from 'wxt/utils/storage';
import type { CompanionDatabase, JobRecord } from '../db';
import type { LocalizedText } from '../i18n';
import type { OrderCounts } from '../orders/import';
import { attentionItem, attentionSchema } from '../status';
import { cursorOf, type SyncTrigger } from './order-sync';

/**
 * What the popup and the dashboard show of each shop's order sync: a copy of the durable job record (IndexedDB,
 * the source of truth, with the cursor) in storage.local, rewritten after every page, so pages follow it by
 * watching storage instead of polling the database.
 */
export interface OrderSyncView {
  shopId: string;
  runId: string;
  state: JobRecord['state'];
  trigger: SyncTrigger;
  progress: JobRecord['progress'];
  counts: OrderCounts;
  error: LocalizedText | null;
  startedAt: number;
  updatedAt: number;
}

export const orderSyncItem = storage.defineItem<Record<string, OrderSyncView>>('local:orderSync', {
  fallback: {},
});

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

/** Orders the seller must act on: blocked, refused by Nhanh, or in conflict (the popup's and badge's count). */
export async function countOrdersNeedingAttention(db: CompanionDatabase): Promise<number> {
  let count = 0;
  let cursor = await db.transaction('orders').store.openCursor();
  while (cursor) {
    const { outcome } = cursor.value;
    if (outcome === 'blocked' || outcome === 'failed' || outcome === 'conflict') count++;
    cursor = await cursor.continue();
  }
  return count;
}

/** Writes `attention.orders`, keeping the counts the other features wrote. */
export async function refreshOrderAttention(db: CompanionDatabase): Promise<number> {
  const orders = await countOrdersNeedingAttention(db);
  const current = attentionSchema.safeParse((await attentionItem.getValue()) ?? {});
  await attentionItem.setValue({ ...(current.success ? current.data : {}), orders });
  return orders;
}
