import { z } from 'zod';
import type { JobRecord } from '../db';
import type { LocalizedText } from '../i18n';
import type { JobView } from '../jobs/views';
import type { OrderCounts } from '../orders/import';
import type { SyncTrigger } from './order-sync';

/**
 * What the popup and the dashboard show of each shop's order sync, read from the job views (`lib/jobs/views.ts`)
 * the worker rewrites after every page.
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

const summarySchema = z.object({
  runId: z.string(),
  trigger: z.enum(['manual', 'auto']),
  counts: z.record(z.string(), z.number()),
});

/** Each shop's order-sync view, by shop id; a view whose summary does not read is left out. */
export function orderSyncViews(views: Record<string, JobView>): Record<string, OrderSyncView> {
  const byShop: Record<string, OrderSyncView> = {};
  for (const view of Object.values(views)) {
    if (view.kind !== 'order-sync' || !view.shopId) continue;
    const summary = summarySchema.safeParse(view.summary);
    if (!summary.success) continue;
    byShop[view.shopId] = {
      shopId: view.shopId,
      runId: summary.data.runId,
      state: view.state,
      trigger: summary.data.trigger,
      progress: view.progress,
      counts: summary.data.counts as OrderCounts,
      error: view.error,
      startedAt: view.startedAt,
      updatedAt: view.updatedAt,
    };
  }
  return byShop;
}
