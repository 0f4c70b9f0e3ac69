import type { CompanionDatabase, JobRecord } from '../db';

/*
 * Durable jobs with a lease: one holder at a time per job id. The lease is taken, renewed and checked inside
 * one IndexedDB readwrite transaction each time (IndexedDB runs those one after another per store), so two
 * runners can never both believe they hold it. A holder that died stops renewing; its lease then expires.
 */

/** How long a lease holds without renewal. A page of orders renews it; a page never takes this long. */
export const LEASE_MS = 120_000;

export interface LeaseOptions {
  holder: string;
  now: number;
  leaseMs?: number;
  /**
   * Holders known to be dead before their lease runs out: the service worker is a single instance, so a lease
   * held by an earlier instance of it belongs to a worker the browser has stopped.
   */
  isDeadHolder?: (holder: string) => boolean;
}

/** A live lease, whoever holds it: a holder never runs the same job twice at once either. */
function heldByLiveHolder(job: JobRecord | undefined, options: LeaseOptions): boolean {
  const lease = job?.lease;
  return lease != null && lease.expiresAt > options.now && !options.isDeadHolder?.(lease.holder);
}

/**
 * Takes the lease of job `id` unless a live holder (this one included) has it. `prepare` gets the stored record (if any) and
 * returns the record to run, or null to take nothing (e.g. nothing to resume). Returns the leased record.
 */
export async function acquireJob(
  db: CompanionDatabase,
  id: string,
  options: LeaseOptions,
  prepare: (existing: JobRecord | undefined) => JobRecord | null,
): Promise<{ acquired: true; job: JobRecord } | { acquired: false; busy: boolean }> {
  const tx = db.transaction('jobs', 'readwrite');
  const existing = await tx.store.get(id);
  if (heldByLiveHolder(existing, options)) {
    await tx.done;
    return { acquired: false, busy: true };
  }
  const prepared = prepare(existing);
  if (!prepared) {
    await tx.done;
    return { acquired: false, busy: false };
  }
  const job: JobRecord = {
    ...prepared,
    lease: { holder: options.holder, expiresAt: options.now + (options.leaseMs ?? LEASE_MS) },
    updatedAt: options.now,
  };
  await tx.store.put(job);
  await tx.done;
  return { acquired: true, job };
}

export type CheckpointOutcome = 'saved' | 'cancelled' | 'lost';

/**
 * Writes the job's progress and renews the lease, if this holder still has it: `lost` when another holder
 * took it over, `cancelled` when the seller cancelled the job (nothing is written then).
 */
export async function checkpointJob(
  db: CompanionDatabase,
  job: JobRecord,
  options: LeaseOptions,
): Promise<CheckpointOutcome> {
  const tx = db.transaction('jobs', 'readwrite');
  const stored = await tx.store.get(job.id);
  let outcome: CheckpointOutcome = 'saved';
  if (stored?.lease?.holder !== options.holder) outcome = 'lost';
  else if (stored.state === 'cancelled') outcome = 'cancelled';
  else
    await tx.store.put({
      ...job,
      lease: { holder: options.holder, expiresAt: options.now + (options.leaseMs ?? LEASE_MS) },
      updatedAt: options.now,
    });
  await tx.done;
  return outcome;
}

/** Writes the job's final state and gives the lease back (only if this holder still has it). */
export async function finishJob(
  db: CompanionDatabase,
  job: JobRecord,
  state: Exclude<JobRecord['state'], 'running'>,
  options: LeaseOptions,
): Promise<boolean> {
  const tx = db.transaction('jobs', 'readwrite');
  const stored = await tx.store.get(job.id);
  const mine = stored?.lease?.holder === options.holder;
  if (mine) await tx.store.put({ ...job, state, lease: null, updatedAt: options.now });
  await tx.done;
  return mine;
}

/** Asks a running job to stop after its current page; false when it was not running. */
export async function cancelJob(db: CompanionDatabase, id: string, now: number): Promise<boolean> {
  const tx = db.transaction('jobs', 'readwrite');
  const stored = await tx.store.get(id);
  const running = stored?.state === 'running';
  if (running) await tx.store.put({ ...stored, state: 'cancelled', updatedAt: now });
  await tx.done;
  return running;
}

/** The kind of a record that only carries a lease, for a job that has no record of its own yet. */
const LEASE_ONLY_KIND = 'lease';

/**
 * Holds job `id`'s lease around `work` without running the job or changing its record: short work that must never
 * run beside that job (an import of a few orders beside the order sync of the same shop). `held: false` when a
 * live holder (this one included) has it. `renew` keeps the lease for long work; false once it was lost.
 */
export async function withJobLease<T>(
  db: CompanionDatabase,
  target: { id: string; shopId: string | null },
  lease: () => LeaseOptions,
  work: (renew: () => Promise<boolean>) => Promise<T>,
): Promise<{ held: false } | { held: true; value: T }> {
  const holding = (options: LeaseOptions) => ({
    holder: options.holder,
    expiresAt: options.now + (options.leaseMs ?? LEASE_MS),
  });
  const taken = lease();
  const tx = db.transaction('jobs', 'readwrite');
  const existing = await tx.store.get(target.id);
  if (heldByLiveHolder(existing, taken)) {
    await tx.done;
    return { held: false };
  }
  await tx.store.put(
    existing
      ? { ...existing, lease: holding(taken) }
      : {
          id: target.id,
          kind: LEASE_ONLY_KIND,
          shopId: target.shopId,
          state: 'done',
          cursor: null,
          lease: holding(taken),
          progress: { done: 0, total: null },
          startedAt: taken.now,
          updatedAt: taken.now,
        },
  );
  await tx.done;

  /** Runs `change` on the stored record only while this holder has its lease. */
  const whileMine = async (change: (stored: JobRecord) => JobRecord | null): Promise<boolean> => {
    const tx = db.transaction('jobs', 'readwrite');
    const stored = await tx.store.get(target.id);
    const mine = stored?.lease?.holder === taken.holder;
    if (stored && mine) {
      const next = change(stored);
      if (next) await tx.store.put(next);
      else await tx.store.delete(target.id);
    }
    await tx.done;
    return mine;
  };
  try {
    return {
      held: true,
      value: await work(() => whileMine((stored) => ({ ...stored, lease: holding(lease()) }))),
    };
  } finally {
    await whileMine((stored) => (stored.kind === LEASE_ONLY_KIND ? null : { ...stored, lease: null }));
  }
}
