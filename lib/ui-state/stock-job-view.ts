import { z } from 'zod';
import { type JobView, jobIdOf } from '../jobs/views';
import type { StockJobSummary } from '../stock/types';

/** A shop's stock preview or push as the pages follow it: its job view and the counts its summary carries. */
export interface StockJobView {
  view: JobView;
  summary: StockJobSummary;
}

const summarySchema = z.object({
  phase: z.enum(['capability', 'nhanh', 'tiki', 'push']).catch('nhanh'),
  nhanhRead: z.number().catch(0),
  tikiRead: z.number().catch(0),
  sent: z.number().catch(0),
  unchanged: z.number().catch(0),
  failed: z.number().catch(0),
});

/** The shop's `stock-preview` or `stock-push` job (a summary that does not read counts as zeros, never a crash). */
export function stockJobView(
  views: Readonly<Record<string, JobView>>,
  kind: 'stock-preview' | 'stock-push',
  shopId: string,
): StockJobView | null {
  const view = views[jobIdOf(kind, shopId)];
  if (!view) return null;
  return { view, summary: summarySchema.parse(view.summary) };
}
