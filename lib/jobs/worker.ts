import { getDb } from '../db';
import type { LeaseOptions } from './lease';
import { cancelJob } from './lease';
import { publishJobView } from './view-item';
import type { JobKind } from './views';

/*
 * The service worker's side of every job: who holds their leases, how a page cancels one, and how the jobs a
 * stopped worker left running are picked up when the worker wakes.
 */

/**
 * This worker instance. The extension has one service worker at a time, so a lease held by another `worker:`
 * holder belongs to an instance the browser has stopped: it is taken over at once instead of after it expires.
 */
const WORKER_HOLDER = `worker:${crypto.randomUUID()}`;

export const workerLease: Omit<LeaseOptions, 'now'> = {
  holder: WORKER_HOLDER,
  isDeadHolder: (holder) => holder.startsWith('worker:') && holder !== WORKER_HOLDER,
};

/** Whether this worker instance runs job `id` right now (a page's second start is refused, not queued). */
export async function runningHere(id: string): Promise<boolean> {
  const job = await (await getDb()).get('jobs', id);
  return job?.state === 'running' && job.lease?.holder === WORKER_HOLDER;
}

/** `cancelJob`: the job stops after its current step (or request, for the long ones); false when not running. */
export async function cancelJobById(id: string): Promise<boolean> {
  const db = await getDb();
  const cancelled = await cancelJob(db, id, Date.now());
  const job = await db.get('jobs', id);
  if (cancelled && job) await publishJobView(job);
  return cancelled;
}

/** How each kind of job continues after the worker was stopped; registered by the domains that own them. */
export type Resumer = (job: { id: string; shopId: string | null; cursor: unknown }) => Promise<unknown>;

/** On every wake: every job a stopped worker left running continues from its cursor, one after another. */
export async function resumeInterruptedJobs(resumers: Partial<Record<JobKind, Resumer>>): Promise<void> {
  const jobs = await (await getDb()).getAll('jobs');
  for (const job of jobs) {
    const resume = resumers[job.kind as JobKind];
    if (job.state === 'running' && resume) await resume(job);
  }
}
