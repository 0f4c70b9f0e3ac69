import { JobProblem, type JobRunDeps, type JobRunResult, runJob, startOrResume } from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import type { NhanhClient } from '../nhanh/client';
import { NHANH_MAX_PRODUCTS_PER_ADD } from '../nhanh/contract';
import { logActivity } from '../status/activity-log';
import { refreshProductAttention } from './catalogue';
import { type CreateResult, createInNhanh } from './create-in-nhanh';
import { creatableOf } from './nhanh-draft';
import { readTikiProductsById } from './store';

/*
 * "Tạo trên Nhanh" as a worker job: the chosen Tiki products are created in Nhanh one batch (Nhanh's maximum)
 * per step and paired as they are created. Each product's result (Nhanh's id, or its per-field messages) is
 * kept in the job's cursor, where the preview reads it; the view carries the counts.
 */

export interface CreateJobCursor extends ViewedCursor {
  shopId: string;
  tikiProductIds: number[];
  /** How many of `tikiProductIds` have been sent. */
  position: number;
  results: CreateResult[];
}

export function createJobId(shopId: string): string {
  return jobIdOf('create-products', shopId);
}

export interface CreateJobDeps extends JobRunDeps {
  nhanh: Pick<NhanhClient, 'addProducts'> | null;
  shop: { id: string; name: string } | undefined;
  secrets: string[];
}

function viewed(cursor: CreateJobCursor): CreateJobCursor {
  const created = cursor.results.filter((result) => result.ok).length;
  return {
    ...cursor,
    summary: { created, failed: cursor.results.length - created, total: cursor.tikiProductIds.length },
  };
}

/** Starts creating these products (a new job replaces a finished one), or resumes an interrupted one. */
export function runCreateProducts(
  deps: CreateJobDeps,
  request: { shopId: string; kind: 'start'; tikiProductIds: number[] } | { shopId: string; kind: 'resume' },
): Promise<JobRunResult<CreateJobCursor>> {
  const { db, clock, shop } = deps;
  const id = createJobId(request.shopId);
  return runJob<CreateJobCursor>(deps, {
    id,
    prepare: startOrResume(
      request,
      () => clock.now(),
      () => {
        // Only a start gets here (`startOrResume`); a resume carries no products.
        const ids = request.kind === 'start' ? [...new Set(request.tikiProductIds)] : [];
        return {
          id,
          kind: 'create-products',
          shopId: request.shopId,
          cursor: viewed({ shopId: request.shopId, tikiProductIds: ids, position: 0, results: [] }),
          progress: { done: 0, total: ids.length },
        };
      },
    ),
    steps: {
      step: async (cursor) => {
        if (!shop) throw new JobProblem({ key: 'orders.err.noShop' });
        if (!deps.nhanh) throw new JobProblem({ key: 'products.noNhanh' });
        const batch = cursor.tikiProductIds.slice(
          cursor.position,
          cursor.position + NHANH_MAX_PRODUCTS_PER_ADD,
        );
        const records = await readTikiProductsById(db, cursor.shopId, batch);
        // A product gone from the catalogue since it was chosen is left out, with a reason.
        const missing: CreateResult[] = batch
          .filter((tikiProductId) => !records.has(tikiProductId))
          .map((tikiProductId) => ({ tikiProductId, ok: false, fieldMessages: { item: 'not downloaded' } }));
        const created = await createInNhanh(
          { db, nhanh: deps.nhanh, clock },
          cursor.shopId,
          batch.flatMap((tikiProductId) => {
            const record = records.get(tikiProductId);
            return record ? [creatableOf(record)] : [];
          }),
        );
        const position = cursor.position + batch.length;
        const next = viewed({ ...cursor, position, results: [...cursor.results, ...created, ...missing] });
        return {
          cursor: next,
          progress: { done: position, total: cursor.tikiProductIds.length },
          finished: position >= cursor.tikiProductIds.length,
        };
      },
      settle: viewed,
      after: async (job, cursor) => {
        const created = cursor.results.filter((result) => result.ok).length;
        const failed = cursor.results.length - created;
        await logActivity(
          db,
          {
            level: failed > 0 || job.state !== 'done' ? 'warn' : 'info',
            source: 'products',
            text: { key: 'products.log.created', params: { shop: shop?.name ?? '', created, failed } },
          },
          { secrets: deps.secrets, now: clock.now() },
        );
        if (cursor.error)
          await logActivity(
            db,
            { level: 'error', source: 'products', text: cursor.error },
            { secrets: deps.secrets, now: clock.now() },
          );
        await refreshProductAttention(db);
      },
    },
  });
}
