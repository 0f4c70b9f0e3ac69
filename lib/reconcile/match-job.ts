import type { CompanionDatabase } from '../db';
import { type JobRunDeps, type JobRunResult, runJob, startOrResume } from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import type { Settings } from '../settings';
import { secretsOf } from '../settings';
import { logActivity } from '../status/activity-log';
import type { Clock } from '../time/clock';
import { refreshReconcileAttention } from './attention';
import { getContractRates } from './contract-rates-item';
import { loadExpectations } from './expectation-source';
import { matchStatement } from './store';

/*
 * The reconciliation's look-ups as a worker job: a statement the page stored (and matched with stored orders)
 * is matched again with what Tiki and Nhanh say of its orders. One step: the whole match, safe to run again if
 * the worker was stopped before it was saved.
 */

export interface MatchJobCursor extends ViewedCursor {
  statementId: string;
}

export function matchJobId(statementId: string): string {
  return jobIdOf('reconcile-match', statementId);
}

/** Matches a stored statement with Tiki and Nhanh asked (the API clients are built from `settings`). */
export async function matchWithApis(
  statementId: string,
  deps: { db: CompanionDatabase; settings: Settings; now: () => number; fetch?: typeof fetch; clock?: Clock },
) {
  const { db, settings } = deps;
  return matchStatement(statementId, {
    db,
    now: deps.now,
    contract: await getContractRates(),
    loadExpectations: (request) =>
      loadExpectations(request, { db, settings, fetch: deps.fetch, clock: deps.clock }),
  });
}

export function runReconcileMatch(
  deps: JobRunDeps & { settings: Settings },
  request: { statementId: string; kind: 'start' | 'resume' },
): Promise<JobRunResult<MatchJobCursor>> {
  const { db, clock, settings } = deps;
  const id = matchJobId(request.statementId);
  return runJob<MatchJobCursor>(deps, {
    id,
    prepare: startOrResume(
      request,
      () => clock.now(),
      () => ({
        id,
        kind: 'reconcile-match',
        shopId: null,
        cursor: { statementId: request.statementId, summary: { statementId: request.statementId } },
        progress: { done: 0, total: 1 },
      }),
    ),
    steps: {
      step: async (cursor) => {
        await matchWithApis(cursor.statementId, { db, settings, now: () => clock.now() });
        return { cursor, progress: { done: 1, total: 1 }, finished: true };
      },
      after: async (job, cursor) => {
        const statement = await db.get('statements', cursor.statementId);
        if (statement && job.state === 'done') {
          const { counts } = statement.detail;
          const problems =
            statement.lineCount === 0 ? 0 : Object.values(counts).reduce((a, b) => a + b, 0) - counts.matched;
          await logActivity(
            db,
            {
              level: problems > 0 ? 'warn' : 'info',
              source: 'reconcile',
              text: {
                key: 'reconcile.log.matched',
                params: { file: statement.fileName, matched: counts.matched, problems },
              },
            },
            { secrets: secretsOf(settings), now: clock.now() },
          );
        }
        if (cursor.error)
          await logActivity(
            db,
            { level: 'error', source: 'reconcile', text: cursor.error },
            { secrets: secretsOf(settings), now: clock.now() },
          );
        await refreshReconcileAttention(db);
      },
    },
  });
}
