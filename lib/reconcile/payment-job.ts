import type { CompanionDatabase, StatementRecord } from '../db';
import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import {
  JobProblem,
  type JobRunDeps,
  type JobRunResult,
  jobErrorText,
  runJob,
  startOrResume,
} from '../jobs/runner';
import { jobIdOf, type ViewedCursor } from '../jobs/views';
import type { NhanhClient } from '../nhanh/client';
import type { Settings } from '../settings';
import { logActivity } from '../status/activity-log';
import {
  checkNhanhTransfer,
  exclusionText,
  type PaymentCandidate,
  type PaymentExclusion,
  type PaymentPreview,
  type PaymentResult,
  planPayments,
} from './payments';
import { findingsOf, readFinding, saveNhanhPayment } from './store';

/*
 * "Ghi nhận thanh toán vào Nhanh" in the worker: the preview reads what Nhanh holds of each order before the
 * seller approves; the job writes each payout with order/edit, a few orders per step. Never twice: a finding
 * stores `sending` before the write and `recorded` after it, an order already holding a transfer in Nhanh is
 * skipped (and shown), and a `sending` left by a stopped worker is settled by reading Nhanh first.
 */

export type PaymentNhanh = Pick<NhanhClient, 'listOrdersByIds' | 'recordTransfer'>;

/** Orders written per step: one order/list read, then their edits; a cancel is seen between steps. */
export const PAYMENT_ORDERS_PER_STEP = 10;

export interface PaymentJobCursor extends ViewedCursor {
  statementId: string;
  /** The orders to write, planned by the first step; null before it. */
  orderCodes: string[] | null;
  position: number;
  results: PaymentResult[];
  /** Orders not "khớp" the seller added by hand to this run (absent in runs stored before it existed). */
  addedByHand?: string[];
}

/** A statement, and the orders not "khớp" the seller added by hand to what is recorded. */
export interface PaymentRequest {
  statementId: string;
  addedByHand: string[];
}

export function paymentJobId(statementId: string): string {
  return jobIdOf('nhanh-payments', statementId);
}

function periodOf(statement: StatementRecord) {
  return statement.periodFrom !== null && statement.periodTo !== null
    ? { from: statement.periodFrom, to: statement.periodTo }
    : null;
}

async function plan(
  db: CompanionDatabase,
  settings: Settings,
  statementId: string,
  addedByHand: readonly string[],
) {
  const statement = await db.get('statements', statementId);
  if (!statement) throw new JobProblem({ key: 'reconcile.err.noStatement' });
  const accounts = new Map(settings.shops.map((shop) => [shop.id, shop.nhanhTransferAccountId]));
  return planPayments(await findingsOf(db, statementId), {
    period: periodOf(statement),
    accountOf: (shopId) => (shopId === null ? null : (accounts.get(shopId) ?? null)),
    addedByHand: new Set(addedByHand),
  });
}

/** What Nhanh shows as transferred on each of these orders (absent: Nhanh has no such order). */
async function transfersOf(nhanh: PaymentNhanh, ids: readonly number[]): Promise<Map<number, number>> {
  const orders = ids.length === 0 ? [] : await nhanh.listOrdersByIds(ids);
  return new Map(orders.map((order) => [order.id, order.transferAmount]));
}

/** The worker's answer to "Ghi nhận thanh toán vào Nhanh": what would be recorded, read from Nhanh now. */
export async function previewPayments(
  deps: { db: CompanionDatabase; settings: Settings; nhanh: PaymentNhanh },
  request: PaymentRequest,
): Promise<PaymentPreview> {
  const { candidates, excluded } = await plan(
    deps.db,
    deps.settings,
    request.statementId,
    request.addedByHand,
  );
  const transfers = await transfersOf(
    deps.nhanh,
    candidates.map((candidate) => candidate.nhanhOrderId),
  );
  const rows: PaymentPreview['rows'] = [];
  const skipped: PaymentExclusion[] = [];
  for (const candidate of candidates) {
    const nhanhTransfer = transfers.get(candidate.nhanhOrderId);
    const check = checkNhanhTransfer(candidate, nhanhTransfer);
    if (check.action === 'skip')
      skipped.push({
        orderCode: candidate.orderCode,
        nhanhOrderId: candidate.nhanhOrderId,
        amount: candidate.amount,
        reason: check.reason,
        nhanhTransfer: nhanhTransfer ?? null,
      });
    else rows.push({ ...candidate, nhanhTransfer: nhanhTransfer ?? 0 });
  }
  return { rows, excluded: [...skipped, ...excluded] };
}

/** One candidate against what Nhanh holds: written at most once, whatever the worker's stops. */
async function recordOne(
  deps: { db: CompanionDatabase; nhanh: PaymentNhanh; now: () => number },
  statementId: string,
  candidate: PaymentCandidate,
  nhanhTransfer: number | undefined,
): Promise<PaymentResult> {
  const { db } = deps;
  const { orderCode, nhanhOrderId, amount, accountId, code } = candidate;
  const result = (outcome: PaymentResult['outcome'], reason: LocalizedText | null = null): PaymentResult => ({
    orderCode,
    nhanhOrderId,
    amount,
    outcome,
    reason,
  });
  const stored = await db.get('reconciliations', [statementId, orderCode]);
  if (!stored) return result('skipped', { key: 'reconcile.err.noStatement' });
  // Recorded by this job before the worker stopped (the step is being run again).
  if (readFinding(stored).nhanhPayment?.state === 'recorded') return result('recorded');
  const check = checkNhanhTransfer(candidate, nhanhTransfer);
  if (check.action === 'skip') return result('skipped', exclusionText(check.reason, nhanhTransfer));
  const payment = { nhanhOrderId, amount, accountId, code };
  if (check.action === 'write') {
    await saveNhanhPayment(db, statementId, orderCode, { ...payment, state: 'sending', at: deps.now() });
    try {
      await deps.nhanh.recordTransfer(nhanhOrderId, { amount, accountId, code });
    } catch (error) {
      // A refusal is final (it is shown, the order can be tried again); an unknown outcome stays `sending`.
      if (error instanceof ApiError && !error.retryable)
        await saveNhanhPayment(db, statementId, orderCode, null);
      return result('failed', jobErrorText(error));
    }
  }
  await saveNhanhPayment(db, statementId, orderCode, { ...payment, state: 'recorded', at: deps.now() });
  return result('recorded');
}

function countsOf(results: readonly PaymentResult[]) {
  const count = (outcome: PaymentResult['outcome']) =>
    results.filter((result) => result.outcome === outcome).length;
  return { recorded: count('recorded'), skipped: count('skipped'), failed: count('failed') };
}

function viewed(cursor: PaymentJobCursor): PaymentJobCursor {
  return {
    ...cursor,
    summary: {
      statementId: cursor.statementId,
      ...countsOf(cursor.results),
      total: cursor.orderCodes?.length ?? null,
    },
  };
}

export interface PaymentJobDeps extends JobRunDeps {
  settings: Settings;
  nhanh: PaymentNhanh | null;
  secrets: string[];
}

/** Starts recording a statement's payouts in Nhanh (a new run replaces a finished one), or resumes one. */
export function runNhanhPayments(
  deps: PaymentJobDeps,
  request: PaymentRequest & { kind: 'start' | 'resume' },
): Promise<JobRunResult<PaymentJobCursor>> {
  const { db, clock, settings } = deps;
  const id = paymentJobId(request.statementId);
  return runJob<PaymentJobCursor>(deps, {
    id,
    prepare: startOrResume(
      request,
      () => clock.now(),
      () => ({
        id,
        kind: 'nhanh-payments',
        shopId: null,
        cursor: viewed({
          statementId: request.statementId,
          orderCodes: null,
          position: 0,
          results: [],
          addedByHand: request.addedByHand,
        }),
        progress: { done: 0, total: null },
      }),
    ),
    steps: {
      step: async (cursor) => {
        if (!deps.nhanh) throw new JobProblem({ key: 'products.noNhanh' });
        const { candidates, excluded } = await plan(
          db,
          settings,
          cursor.statementId,
          cursor.addedByHand ?? [],
        );
        if (cursor.orderCodes === null) {
          const orderCodes = candidates.map((candidate) => candidate.orderCode);
          return {
            cursor: viewed({ ...cursor, orderCodes }),
            progress: { done: 0, total: orderCodes.length },
            finished: orderCodes.length === 0,
          };
        }
        const batch = cursor.orderCodes.slice(cursor.position, cursor.position + PAYMENT_ORDERS_PER_STEP);
        const byCode = new Map(candidates.map((candidate) => [candidate.orderCode, candidate]));
        const leftOut = new Map(excluded.map((exclusion) => [exclusion.orderCode, exclusion]));
        const transfers = await transfersOf(
          deps.nhanh,
          batch.flatMap((code) => (byCode.has(code) ? [byCode.get(code)!.nhanhOrderId] : [])),
        );
        const results: PaymentResult[] = [];
        for (const code of batch) {
          const candidate = byCode.get(code);
          if (candidate) {
            const nhanhTransfer = transfers.get(candidate.nhanhOrderId);
            const writeDeps = { db, nhanh: deps.nhanh, now: () => clock.now() };
            results.push(await recordOne(writeDeps, cursor.statementId, candidate, nhanhTransfer));
            continue;
          }
          // Planned, but no longer a candidate: recorded earlier in this run (the step runs again after a
          // stop), or left out since (a setting changed, the statement was matched again).
          const exclusion = leftOut.get(code);
          if (!exclusion) continue;
          const { nhanhOrderId, amount, reason } = exclusion;
          results.push(
            reason === 'alreadyRecorded'
              ? { orderCode: code, nhanhOrderId: nhanhOrderId!, amount, outcome: 'recorded', reason: null }
              : {
                  orderCode: code,
                  nhanhOrderId: nhanhOrderId ?? 0,
                  amount,
                  outcome: 'skipped',
                  reason: exclusionText(reason),
                },
          );
        }
        const position = cursor.position + batch.length;
        return {
          cursor: viewed({ ...cursor, position, results: [...cursor.results, ...results] }),
          progress: { done: position, total: cursor.orderCodes.length },
          finished: position >= cursor.orderCodes.length,
        };
      },
      settle: viewed,
      after: async (job, cursor) => {
        const statement = await db.get('statements', cursor.statementId);
        const { recorded, skipped, failed } = countsOf(cursor.results);
        await logActivity(
          db,
          {
            level: failed > 0 || skipped > 0 || job.state !== 'done' ? 'warn' : 'info',
            source: 'reconcile',
            text: {
              key: 'reconcile.log.payments',
              params: { file: statement?.fileName ?? '', recorded, skipped, failed },
            },
          },
          { secrets: deps.secrets, now: clock.now() },
        );
        if (cursor.error)
          await logActivity(
            db,
            { level: 'error', source: 'reconcile', text: cursor.error },
            { secrets: deps.secrets, now: clock.now() },
          );
      },
    },
  });
}
