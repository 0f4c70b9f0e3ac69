import { getDb } from '../db';
import type { LocalizedText } from '../i18n';
import { publishJobView } from '../jobs/view-item';
import { runningHere, workerLease } from '../jobs/worker';
import { getSettings } from '../settings';
import { systemClock } from '../time/clock';
import { matchJobId, runReconcileMatch } from './match-job';

/** The worker's side of Đối soát: matching a stored statement with Tiki and Nhanh. */

async function deps() {
  return {
    db: await getDb(),
    clock: systemClock,
    lease: workerLease,
    onProgress: publishJobView,
    settings: await getSettings(),
  };
}

/** `startReconcileMatch`: answered at once; the match runs on and the statement view follows it. */
export async function startReconcileMatch(
  statementId: string,
): Promise<{ started: true } | { started: false; error: LocalizedText }> {
  const db = await getDb();
  if (!(await db.get('statements', statementId)))
    return { started: false, error: { key: 'reconcile.err.noStatement' } };
  if (await runningHere(matchJobId(statementId))) return { started: true };
  void runReconcileMatch(await deps(), { statementId, kind: 'start' });
  return { started: true };
}

export async function resumeReconcileMatch(job: { cursor: unknown }): Promise<void> {
  const statementId = (job.cursor as { statementId?: unknown } | null)?.statementId;
  if (typeof statementId !== 'string') return;
  await runReconcileMatch(await deps(), { statementId, kind: 'resume' });
}
