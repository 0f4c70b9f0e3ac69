import { z } from 'zod';
import type { JobRecord } from '../db';
import type { LocalizedText } from '../i18n';

/*
 * What pages show of the worker's jobs: a small view of every job (the durable record, with its cursor, stays in
 * IndexedDB), kept in one storage item (`./view-item.ts`). The worker rewrites a job's view after every step; the
 * popup and the dashboard watch the item, so a progress bar keeps moving with the tab closed and reopened.
 */

export const JOB_KINDS = [
  'order-sync',
  'catalogue-download',
  'create-products',
  'reconcile-match',
  'compat-check',
  'nhanh-payments',
  'stock-preview',
  'stock-push',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * `order-sync:<shopId>`, `catalogue-download:<shopId>`, `create-products:<shopId>`, `reconcile-match:<statementId>`,
 * `compat-check:<shopId>`, `nhanh-payments:<statementId>`, `stock-preview:<shopId>`, `stock-push:<shopId>`.
 */
export function jobIdOf(kind: JobKind, key: string): string {
  return `${kind}:${key}`;
}

export interface JobView {
  id: string;
  kind: JobKind;
  shopId: string | null;
  state: JobRecord['state'];
  progress: JobRecord['progress'];
  /** What the job's page shows beyond the bar (counts, per-source progress…), shaped by its kind. */
  summary: Record<string, unknown>;
  /** Why it stopped, when it failed. */
  error: LocalizedText | null;
  startedAt: number;
  updatedAt: number;
}

/** The fields every job cursor carries for its view. */
export interface ViewedCursor {
  error?: LocalizedText | null;
  summary?: Record<string, unknown>;
}

const localizedTextSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
const jobViewSchema = z.object({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  shopId: z.string().nullable(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  summary: z.record(z.string(), z.unknown()),
  error: localizedTextSchema.nullable(),
  startedAt: z.number(),
  updatedAt: z.number(),
});

/** Every stored view that still reads as one (an older or damaged entry is dropped, never a crash). */
export function readJobViews(raw: unknown): Record<string, JobView> {
  const views: Record<string, JobView> = {};
  if (typeof raw !== 'object' || raw === null) return views;
  for (const [id, value] of Object.entries(raw)) {
    const view = jobViewSchema.safeParse(value);
    if (view.success) views[id] = view.data as JobView;
  }
  return views;
}

export function viewOfJob(job: JobRecord): JobView | null {
  const kind = JOB_KINDS.find((candidate) => candidate === job.kind);
  if (!kind) return null;
  const cursor = (job.cursor ?? {}) as ViewedCursor;
  return {
    id: job.id,
    kind,
    shopId: job.shopId,
    state: job.state,
    progress: job.progress,
    summary: cursor.summary ?? {},
    error: cursor.error ?? null,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
  };
}
