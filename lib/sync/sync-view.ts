import { storage } from 'wxt/utils/storage';
import type { JobRecord } from '../db';
import type { LocalizedText } from '../i18n';
import type { OrderCounts } from '../orders/import';
import type { SyncTrigger } from './order-sync';

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
