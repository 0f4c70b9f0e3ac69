import type { JobRecord } from '../db';
import { JobProblem, type JobRunDeps, type JobRunResult, runJob, startOrResume } from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import type { NhanhClient } from '../nhanh/client';
import { logActivity } from '../status/activity-log';
import type { TikiClient } from '../tiki/client';
import { refreshProductAttention } from './catalogue';
import {
  type CatalogueCursor,
  cancelCatalogue,
  catalogueFinished,
  catalogueStep,
  newCatalogueCursor,
} from './download';
import { markCatalogueFresh } from './refresh';

/*
 * "Tải sản phẩm" as a worker job: both catalogues of one shop, step by step (see `./download.ts`), with its
 * progress in the job views and its outcome in Nhật ký. It goes on with the dashboard closed, resumes after the
 * browser stopped the worker, and stops at the seller's cancel.
 */

export type CatalogueJobCursor = CatalogueCursor & ViewedCursor;

export function catalogueJobId(shopId: string): string {
  return jobIdOf('catalogue-download', shopId);
}

export interface CatalogueJobDeps extends JobRunDeps {
  tiki: Pick<TikiClient, 'iterateProducts'> | null;
  nhanh: Pick<NhanhClient, 'listProducts'> | null;
  shop: { id: string; name: string } | undefined;
  secrets: string[];
  newRunId: () => string;
}

/** What the download panel shows of each source. */
function summaryOf(cursor: CatalogueCursor): Record<string, unknown> {
  return {
    tiki: { done: cursor.tiki.done, total: cursor.tiki.total, outcome: cursor.tiki.outcome },
    nhanh: { done: cursor.nhanh.done, total: null, outcome: cursor.nhanh.outcome },
  };
}

function viewed(cursor: CatalogueCursor): CatalogueJobCursor {
  return { ...cursor, summary: summaryOf(cursor) };
}

function progressOf(cursor: CatalogueCursor): JobRecord['progress'] {
  const done = cursor.tiki.done + cursor.nhanh.done;
  return {
    done,
    total: cursor.tiki.total === null ? null : Math.max(done, cursor.tiki.total + cursor.nhanh.done),
  };
}

/** Starts (or, with `resume`, continues an interrupted) catalogue download of one shop. */
export function runCatalogueDownload(
  deps: CatalogueJobDeps,
  request: { shopId: string; kind: 'start' | 'resume' },
): Promise<JobRunResult<CatalogueJobCursor>> {
  const { db, clock, shop } = deps;
  return runJob<CatalogueJobCursor>(deps, {
    id: catalogueJobId(request.shopId),
    prepare: startOrResume(
      request,
      () => clock.now(),
      () => ({
        id: catalogueJobId(request.shopId),
        kind: 'catalogue-download',
        shopId: request.shopId,
        cursor: viewed(newCatalogueCursor(request.shopId, deps.newRunId())),
        progress: { done: 0, total: null },
      }),
    ),
    steps: {
      step: async (cursor, _job, control) => {
        if (!shop) throw new JobProblem({ key: 'orders.err.noShop' });
        if (!deps.tiki) throw new JobProblem({ key: 'products.noTikiKey', params: { shop: shop.name } });
        if (!deps.nhanh) throw new JobProblem({ key: 'products.noNhanh' });
        const latest = { tiki: cursor.tiki, nhanh: cursor.nhanh };
        const next = await catalogueStep({ db, clock, tiki: deps.tiki, nhanh: deps.nhanh }, cursor, {
          cancelled: control.cancelled,
          report: (progress) => {
            if (progress.source === 'tiki')
              latest.tiki = { ...latest.tiki, done: progress.done, total: progress.total };
            else latest.nhanh = { ...latest.nhanh, done: progress.done };
            const partial = { ...cursor, ...latest };
            return control.report(progressOf(partial), summaryOf(partial));
          },
        });
        // A cancel seen inside the step: not finished, so the runner sees the cancel and ends the job as such.
        const finished = catalogueFinished(next) && !(await control.cancelled());
        return { cursor: viewed(next), progress: progressOf(next), finished };
      },
      settle: (cursor, ending) => {
        if (ending.state === 'cancelled') return viewed(cancelCatalogue(cursor));
        return viewed(cursor);
      },
      after: async (job, cursor) => {
        const { tiki, nhanh } = cursor;
        const failed =
          job.state !== 'done' || tiki.outcome?.state !== 'done' || nhanh.outcome?.state !== 'done';
        await logActivity(
          db,
          {
            level: failed ? 'warn' : 'info',
            source: 'products',
            text: {
              key: 'products.log.downloaded',
              params: { shop: shop?.name ?? job.shopId ?? '', tiki: tiki.done, nhanh: nhanh.done },
            },
          },
          { secrets: deps.secrets, now: clock.now() },
        );
        for (const outcome of [
          tiki.outcome,
          nhanh.outcome,
          cursor.error ? { state: 'failed', error: cursor.error } : null,
        ])
          if (outcome?.state === 'failed')
            await logActivity(
              db,
              { level: 'error', source: 'products', text: outcome.error },
              { secrets: deps.secrets, now: clock.now() },
            );
        // A full download is where the automatic refreshes start from.
        if (
          job.state === 'done' &&
          tiki.outcome?.state === 'done' &&
          nhanh.outcome?.state === 'done' &&
          job.shopId
        )
          await markCatalogueFresh(job.shopId, job.startedAt);
        await refreshProductAttention(db);
      },
    },
  });
}
