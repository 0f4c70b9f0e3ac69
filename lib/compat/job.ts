import type { JobRecord } from '../db';
import { JobProblem, type JobRunDeps, type JobRunResult, runJob, startOrResume } from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import { logActivity } from '../status/activity-log';
import { COMPAT_CHECK_IDS, type CompatLine } from './lines';
import {
  checkNhanhCatalogue,
  checkNhanhDepots,
  checkNhanhOrders,
  checkNhanhToken,
  type NhanhCompatSources,
} from './nhanh-checks';
import { buildCompatReport, type CompatReport } from './report';
import {
  checkTikiApp,
  checkTikiKey,
  checkTikiOrders,
  checkTikiProducts,
  type TikiCompatSources,
} from './tiki-checks';

/*
 * "Kiểm tra tương thích API" as a worker job, one per shop (its Tiki accounts and the Nhanh business): a few groups
 * of reads, one group per step, each saved with its lines, so a stopped worker goes on from the next group. Every
 * group only reads, so running one again is harmless. It ends with the report (`buildCompatReport`) in its view.
 */

export interface CompatCursor extends ViewedCursor {
  shopId: string;
  /** The next group of checks to run. */
  next: number;
  lines: CompatLine[];
}

/** What the Cài đặt panel reads from the job's view. */
export interface CompatSummary {
  lines: CompatLine[];
  /** Set once the run ended (done, failed or cancelled). */
  report: CompatReport | null;
}

export function compatJobId(shopId: string): string {
  return jobIdOf('compat-check', shopId);
}

export interface CompatCheckDeps extends JobRunDeps {
  shop: { id: string; name: string } | undefined;
  tiki: TikiCompatSources;
  nhanh: NhanhCompatSources;
  /** Every key, token and secret in the settings: never in the report. */
  secrets: string[];
  extensionVersion: string | null;
}

const GROUPS: ((deps: CompatCheckDeps) => Promise<CompatLine[]>)[] = [
  (deps) => checkTikiKey(deps.tiki),
  (deps) => checkTikiApp(deps.tiki),
  (deps) => checkTikiOrders(deps.tiki),
  (deps) => checkTikiProducts(deps.tiki),
  (deps) => checkNhanhCatalogue(deps.nhanh),
  (deps) => checkNhanhDepots(deps.nhanh),
  (deps) => checkNhanhToken(deps.nhanh),
  (deps) => checkNhanhOrders(deps.nhanh),
];

/** Lines in the order of the list of checks, whatever order the groups ran in. */
function ordered(lines: readonly CompatLine[]): CompatLine[] {
  return [...lines].sort((a, b) => COMPAT_CHECK_IDS.indexOf(a.id) - COMPAT_CHECK_IDS.indexOf(b.id));
}

function viewed(cursor: CompatCursor, report: CompatReport | null = null): CompatCursor {
  const summary: CompatSummary = { lines: ordered(cursor.lines), report };
  return { ...cursor, summary: { ...summary } };
}

function progressOf(cursor: CompatCursor): JobRecord['progress'] {
  return { done: cursor.next, total: GROUPS.length };
}

/** Starts the check of one shop (a new run replaces a finished one), or resumes an interrupted one. */
export function runCompatCheck(
  deps: CompatCheckDeps,
  request: { shopId: string; kind: 'start' | 'resume' },
): Promise<JobRunResult<CompatCursor>> {
  const { db, clock, shop } = deps;
  const id = compatJobId(request.shopId);
  return runJob<CompatCursor>(deps, {
    id,
    prepare: startOrResume(
      request,
      () => clock.now(),
      () => {
        const cursor: CompatCursor = { shopId: request.shopId, next: 0, lines: [] };
        return {
          id,
          kind: 'compat-check',
          shopId: request.shopId,
          cursor: viewed(cursor),
          progress: progressOf(cursor),
        };
      },
    ),
    steps: {
      step: async (cursor) => {
        if (!shop) throw new JobProblem({ key: 'orders.err.noShop' });
        const lines = await GROUPS[cursor.next]!(deps);
        const next = viewed({ ...cursor, next: cursor.next + 1, lines: [...cursor.lines, ...lines] });
        return { cursor: next, progress: progressOf(next), finished: next.next >= GROUPS.length };
      },
      settle: (cursor, ending) =>
        viewed(
          cursor,
          buildCompatReport(cursor.lines, {
            generatedAt: clock.now(),
            state: ending.state,
            extensionVersion: deps.extensionVersion,
            secrets: deps.secrets,
          }),
        ),
      after: async (job, cursor) => {
        const count = (verdict: CompatLine['verdict']) =>
          cursor.lines.filter((line) => line.verdict === verdict).length;
        await logActivity(
          db,
          {
            level: job.state === 'done' && count('wrong') === 0 ? 'info' : 'warn',
            source: 'settings',
            text: {
              key: job.state === 'done' ? 'compat.log.done' : 'compat.log.stopped',
              params: {
                shop: shop?.name ?? job.shopId ?? '',
                right: count('right'),
                wrong: count('wrong'),
                unclear: count('unclear'),
              },
            },
          },
          { secrets: deps.secrets, now: clock.now() },
        );
        if (cursor.error)
          await logActivity(
            db,
            { level: 'error', source: 'settings', text: cursor.error },
            { secrets: deps.secrets, now: clock.now() },
          );
      },
    },
  });
}
