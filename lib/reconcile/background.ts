import { getDb } from '../db';
import type { LocalizedText } from '../i18n';
import { jobErrorText } from '../jobs/runner';
import { publishJobView } from '../jobs/view-item';
import { runningHere, workerLease } from '../jobs/worker';
import { getSettings, type Settings, secretsOf } from '../settings';
import { systemClock } from '../time/clock';
import { createNhanhClientFromSettings } from '../worker/api-clients';
import { matchJobId, runReconcileMatch } from './match-job';
import { type PaymentRequest, paymentJobId, previewPayments, runNhanhPayments } from './payment-job';
import type { PaymentPreview } from './payments';

/** The worker's side of Đối soát: matching a stored statement with Tiki and Nhanh, recording payouts in Nhanh. */

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

async function paymentDeps(settings: Settings) {
  return {
    db: await getDb(),
    clock: systemClock,
    lease: workerLease,
    onProgress: publishJobView,
    settings,
    nhanh: createNhanhClientFromSettings(settings),
    secrets: secretsOf(settings),
  };
}

/** `previewNhanhPayments`: what "Ghi nhận thanh toán vào Nhanh" would write, with Nhanh's transfers read now. */
export async function previewNhanhPayments(
  request: PaymentRequest,
): Promise<{ ok: true; preview: PaymentPreview } | { ok: false; error: LocalizedText }> {
  const deps = await paymentDeps(await getSettings());
  if (!deps.nhanh) return { ok: false, error: { key: 'products.noNhanh' } };
  if (!(await deps.db.get('statements', request.statementId)))
    return { ok: false, error: { key: 'reconcile.err.noStatement' } };
  try {
    return { ok: true, preview: await previewPayments({ ...deps, nhanh: deps.nhanh }, request) };
  } catch (error) {
    return { ok: false, error: jobErrorText(error) };
  }
}

/** `startNhanhPayments`: the seller approved the preview; the job runs on and the statement view follows it. */
export async function startNhanhPayments(
  request: PaymentRequest,
): Promise<{ started: true } | { started: false; error: LocalizedText }> {
  const deps = await paymentDeps(await getSettings());
  if (!deps.nhanh) return { started: false, error: { key: 'products.noNhanh' } };
  if (!(await deps.db.get('statements', request.statementId)))
    return { started: false, error: { key: 'reconcile.err.noStatement' } };
  if (await runningHere(paymentJobId(request.statementId))) return { started: true };
  void runNhanhPayments(deps, { ...request, kind: 'start' });
  return { started: true };
}

export async function resumeNhanhPayments(job: { cursor: unknown }): Promise<void> {
  const statementId = (job.cursor as { statementId?: unknown } | null)?.statementId;
  if (typeof statementId !== 'string') return;
  // A running job keeps its own cursor (with the orders added by hand); this request only finds it.
  await runNhanhPayments(await paymentDeps(await getSettings()), {
    statementId,
    addedByHand: [],
    kind: 'resume',
  });
}
