import { type CompanionDatabase, isStorageFailure, type JobRecord } from '../db';
import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import type { Clock } from '../time/clock';
import { acquireJob, checkpointJob, finishJob, type LeaseOptions } from './lease';
import type { ViewedCursor } from './views';

/*
 * The one runner of the worker's long jobs (order sync, catalogue download, creating products in Nhanh,
 * reconciliation look-ups, the API compatibility check): a job is a record in IndexedDB with a lease, a cursor and
 * its progress. It runs step by step; after every step the cursor is saved with the lease renewed, so a worker the
 * browser stops resumes at the last saved step, and a page's cancel is seen at the next one. A step must be safe
 * to run again from the cursor it started from: the worker can die between doing it and saving its result.
 */

export interface JobRunDeps {
  db: CompanionDatabase;
  clock: Clock;
  lease: Omit<LeaseOptions, 'now'>;
  /** After every saved step and at the end: the view pages follow. */
  onProgress?: (job: JobRecord) => void | Promise<void>;
}

export type JobEnding = { state: 'done' } | { state: 'cancelled' } | { state: 'failed'; error: unknown };

/** What a long step may ask of the runner between its requests. */
export interface StepControl {
  /** Whether the seller cancelled the job (read from its record). */
  cancelled(): Promise<boolean>;
  /** Progress within the step, for the view only (the step's result is what is saved). */
  report(progress: JobRecord['progress'], summary?: Record<string, unknown>): Promise<void>;
}

export interface JobSteps<C extends ViewedCursor> {
  /** One unit of work from `cursor`: the next cursor, the progress, and whether the job is finished. */
  step(
    cursor: C,
    job: JobRecord,
    control: StepControl,
  ): Promise<{ cursor: C; progress: JobRecord['progress']; finished: boolean }>;
  /** The cursor stored when the run ends (a failure's text is already in `error`). */
  settle?(cursor: C, ending: JobEnding, job: JobRecord): C;
  /** Once the final state is stored: logs and notifications. */
  after?(job: JobRecord, cursor: C): Promise<void>;
}

export type JobRunResult<C> =
  | { kind: 'busy' | 'nothing' }
  | { kind: 'done' | 'failed' | 'cancelled' | 'lost'; job: JobRecord; cursor: C };

/** A reason to stop that is already a message for the seller (a missing setting, a precondition). */
export class JobProblem extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.key);
  }
}

/** What the seller reads when a job stops on an error. */
export function jobErrorText(error: unknown): LocalizedText {
  if (error instanceof JobProblem || error instanceof ApiError) return error.text;
  if (isStorageFailure(error)) return { key: 'job.err.notStored', params: { reason: error.name } };
  return {
    key: 'error.unexpected',
    params: { message: error instanceof Error ? error.message : String(error) },
  };
}

/**
 * The `prepare` of a job a seller starts: a running run is resumed as it is, a resume finds nothing else to do,
 * and a start begins a new run from the record `fresh` describes (a finished run is replaced).
 */
export function startOrResume(
  request: { kind: 'start' | 'resume' },
  now: () => number,
  fresh: () => Pick<JobRecord, 'id' | 'kind' | 'shopId' | 'cursor' | 'progress'>,
): (existing: JobRecord | undefined) => JobRecord | null {
  return (existing) => {
    if (existing?.state === 'running') return existing;
    if (request.kind === 'resume') return null;
    const at = now();
    return { ...fresh(), state: 'running', lease: null, startedAt: at, updatedAt: at };
  };
}

/**
 * Runs (or resumes) job `id` to its end, unless another live holder has it (`busy`), `prepare` finds nothing to
 * run (`nothing`), the seller cancels it, or this holder loses its lease. Never throws for a step's failure: the
 * job ends `failed` with the error's text in its cursor.
 */
export async function runJob<C extends ViewedCursor>(
  deps: JobRunDeps,
  spec: {
    id: string;
    prepare: (existing: JobRecord | undefined) => JobRecord | null;
    steps: JobSteps<C>;
  },
): Promise<JobRunResult<C>> {
  const { db, clock } = deps;
  const lease = () => ({ ...deps.lease, now: clock.now() });
  const acquired = await acquireJob(db, spec.id, lease(), spec.prepare);
  if (!acquired.acquired) return { kind: acquired.busy ? 'busy' : 'nothing' };
  let job = acquired.job;
  let cursor = job.cursor as C;

  const end = async (ending: JobEnding): Promise<JobRunResult<C>> => {
    const ended = ending.state === 'failed' ? { ...cursor, error: jobErrorText(ending.error) } : cursor;
    cursor = spec.steps.settle?.(ended, ending, job) ?? ended;
    job = { ...job, cursor, updatedAt: clock.now() };
    const mine = await finishJob(db, job, ending.state, lease());
    if (!mine) return { kind: 'lost', job, cursor };
    job = { ...job, state: ending.state, lease: null };
    await spec.steps.after?.(job, cursor);
    await deps.onProgress?.(job);
    return { kind: ending.state, job, cursor };
  };

  const control: StepControl = {
    cancelled: async () => (await db.get('jobs', spec.id))?.state === 'cancelled',
    report: async (progress, summary) =>
      deps.onProgress?.({
        ...job,
        progress,
        cursor: summary ? { ...cursor, summary: { ...cursor.summary, ...summary } } : cursor,
        updatedAt: clock.now(),
      }),
  };

  try {
    await deps.onProgress?.(job);
    for (;;) {
      const next = await spec.steps.step(cursor, job, control);
      cursor = next.cursor;
      job = { ...job, cursor, progress: next.progress };
      if (next.finished) return await end({ state: 'done' });
      const saved = await checkpointJob(db, job, lease());
      if (saved === 'lost') return { kind: 'lost', job, cursor };
      if (saved === 'cancelled') return await end({ state: 'cancelled' });
      await deps.onProgress?.(job);
    }
  } catch (error) {
    return end({ state: 'failed', error });
  }
}
