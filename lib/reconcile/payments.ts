import { z } from 'zod';
import type { CompanionDatabase, NhanhPaymentRecord, ReconciliationRecord } from '../db';
import type { LocalizedText } from '../i18n';
import { formatVnd, SHOP_TIME_ZONE } from '../i18n/format';

/*
 * "Ghi nhận thanh toán vào Nhanh": which orders of a reconciled statement get Tiki's payout written on their
 * Nhanh order, with which amount and reference, and why the others are left out. Plain functions: the worker's
 * preview and job decide with them, the statement view counts and lists with them.
 */

export const nhanhPaymentSchema = z.object({
  state: z.enum(['sending', 'recorded']),
  nhanhOrderId: z.number().int().positive(),
  amount: z.number().int().positive(),
  accountId: z.number().int().positive(),
  code: z.string().max(200),
  at: z.number(),
}) satisfies z.ZodType<NhanhPaymentRecord>;

/** Why an order of the statement is not recorded, in the order they are checked. */
export const PAYMENT_EXCLUSIONS = [
  'alreadyRecorded',
  'notLinked',
  'needsReview',
  'notMatched',
  'nothingPaid',
  'noAccount',
  'nhanhMissing',
  'nhanhHasPayment',
] as const;
export type PaymentExclusionReason = (typeof PAYMENT_EXCLUSIONS)[number];

/** Why an order was left out, as the job's result shows it (with Nhanh's transfer when it was read). */
export function exclusionText(reason: PaymentExclusionReason, nhanhTransfer?: number | null): LocalizedText {
  return { key: `reconcile.pay.reason.${reason}`, params: { amount: formatVnd(nhanhTransfer ?? 0) } };
}

/** An order whose payout is to be written on its Nhanh order. */
export interface PaymentCandidate {
  orderCode: string;
  nhanhOrderId: number;
  amount: number;
  accountId: number;
  code: string;
  /** A write was started and its outcome is unknown (the worker stopped): Nhanh may already hold it. */
  pending: boolean;
}

export interface PaymentExclusion {
  orderCode: string;
  nhanhOrderId: number | null;
  amount: number;
  reason: PaymentExclusionReason;
  /** What Nhanh shows as transferred, when it was read. */
  nhanhTransfer: number | null;
}

const localizedTextSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const paymentResultSchema = z.object({
  orderCode: z.string(),
  nhanhOrderId: z.number(),
  amount: z.number(),
  outcome: z.enum(['recorded', 'skipped', 'failed']),
  /** Why it was skipped (a `PaymentExclusionReason`'s text) or Nhanh's refusal. */
  reason: localizedTextSchema.nullable(),
});

/** One order's outcome in a run of the job, kept in its cursor. */
export type PaymentResult = Omit<z.output<typeof paymentResultSchema>, 'reason'> & {
  reason: LocalizedText | null;
};

/** The results a run's stored cursor holds (the page reads them once the job ends); none when unreadable. */
export function paymentResultsOf(cursor: unknown): PaymentResult[] {
  const parsed = z.object({ results: z.array(paymentResultSchema) }).safeParse(cursor);
  return parsed.success ? (parsed.data.results as PaymentResult[]) : [];
}

/** What the seller approves: the orders to record (with Nhanh's current transfer) and those left out. */
export interface PaymentPreview {
  rows: (PaymentCandidate & { nhanhTransfer: number })[];
  excluded: PaymentExclusion[];
}

/**
 * What Tiki paid for the order in this statement: the net amount of all its lines, i.e. its sale lines net of
 * fees and seller discount (a "khớp" order has them compared with Tiki's seller income already).
 */
export function payoutOf(finding: Pick<ReconciliationRecord, 'paid'>): number {
  return finding.paid;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHOP_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
});

/** The transfer's reference as the seller reads it in Nhanh: `TIKI 01/11-15/11 #123456789`. */
export function paymentReference(period: { from: number; to: number } | null, orderCode: string): string {
  const span = period ? ` ${dayMonth.format(period.from)}-${dayMonth.format(period.to)}` : '';
  return `TIKI${span} #${orderCode}`;
}

/**
 * Whether the seller may add this left-out order by hand (after confirming it): only a linked order Tiki paid
 * something for, left out for not being "khớp"; every other reason holds whatever the seller says.
 */
export function canAddByHand(exclusion: Pick<PaymentExclusion, 'reason' | 'amount'>): boolean {
  return (exclusion.reason === 'notMatched' || exclusion.reason === 'needsReview') && exclusion.amount > 0;
}

/** Every finding either becomes a candidate or is left out with its reason (Nhanh not asked yet). */
export function planPayments(
  findings: readonly ReconciliationRecord[],
  context: {
    period: { from: number; to: number } | null;
    accountOf: (shopId: string | null) => number | null;
    /** Orders not "khớp" the seller added by hand: every other rule still applies to them. */
    addedByHand: ReadonlySet<string>;
  },
): { candidates: PaymentCandidate[]; excluded: PaymentExclusion[] } {
  const candidates: PaymentCandidate[] = [];
  const excluded: PaymentExclusion[] = [];
  for (const finding of findings) {
    const amount = payoutOf(finding);
    const { orderCode, nhanhOrderId } = finding;
    const exclude = (reason: PaymentExclusionReason) =>
      excluded.push({ orderCode, nhanhOrderId, amount, reason, nhanhTransfer: null });
    const payment = finding.nhanhPayment;
    if (payment?.state === 'recorded') exclude('alreadyRecorded');
    // A write already started keeps its amount and reference: the outcome is settled against Nhanh first.
    else if (payment?.state === 'sending') candidates.push({ orderCode, ...payment, pending: true });
    else if (nhanhOrderId === null) exclude('notLinked');
    else if (finding.state === 'needs_review' && !context.addedByHand.has(orderCode)) exclude('needsReview');
    else if (finding.state !== 'matched' && !context.addedByHand.has(orderCode)) exclude('notMatched');
    else if (amount <= 0) exclude('nothingPaid');
    else {
      const accountId = context.accountOf(finding.shopId);
      if (accountId === null) exclude('noAccount');
      else
        candidates.push({
          orderCode,
          nhanhOrderId,
          amount,
          accountId,
          code: paymentReference(context.period, orderCode),
          pending: false,
        });
    }
  }
  return { candidates, excluded };
}

/** What to do with a candidate once Nhanh's order was read (`undefined`: Nhanh has no such order). */
export type NhanhTransferCheck =
  | { action: 'write' }
  /** Our earlier write landed (the worker stopped before storing it): record it, write nothing. */
  | { action: 'landed' }
  | { action: 'skip'; reason: 'nhanhMissing' | 'nhanhHasPayment' };

export function checkNhanhTransfer(
  candidate: PaymentCandidate,
  nhanhTransfer: number | undefined,
): NhanhTransferCheck {
  if (nhanhTransfer === undefined) return { action: 'skip', reason: 'nhanhMissing' };
  if (nhanhTransfer === 0) return { action: 'write' };
  if (candidate.pending && nhanhTransfer === candidate.amount) return { action: 'landed' };
  return { action: 'skip', reason: 'nhanhHasPayment' };
}

/** "Đã ghi nhận vào Nhanh: x/y đơn": recorded orders of all "khớp" orders linked to Nhanh (and those recorded). */
export function recordedCount(findings: readonly ReconciliationRecord[]): {
  recorded: number;
  eligible: number;
} {
  let recorded = 0;
  let eligible = 0;
  for (const finding of findings) {
    const isRecorded = finding.nhanhPayment?.state === 'recorded';
    if (isRecorded) recorded++;
    if (isRecorded || (finding.state === 'matched' && finding.nhanhOrderId !== null)) eligible++;
  }
  return { recorded, eligible };
}

/** An RMA or adjustment in this statement of an order whose payout an earlier statement recorded in Nhanh. */
export interface PaymentCorrection {
  orderCode: string;
  nhanhOrderId: number;
  recordedAmount: number;
  recordedIn: string;
  /** What this statement's RMA and adjustment lines change: the seller corrects the Nhanh order by it. */
  correction: number;
}

/** Corrections the seller makes by hand in Nhanh (never written automatically). */
export async function paymentCorrections(
  db: CompanionDatabase,
  statementId: string,
  findings: readonly ReconciliationRecord[],
): Promise<PaymentCorrection[]> {
  const corrections: PaymentCorrection[] = [];
  for (const finding of findings) {
    const correction = finding.rma + finding.adjustments;
    if (correction === 0) continue;
    const others = await db.getAllFromIndex('reconciliations', 'by-order-code', finding.orderCode);
    for (const other of others) {
      const payment = nhanhPaymentSchema.safeParse(other.nhanhPayment);
      if (other.statementId === statementId || !payment.success || payment.data.state !== 'recorded')
        continue;
      corrections.push({
        orderCode: finding.orderCode,
        nhanhOrderId: payment.data.nhanhOrderId,
        recordedAmount: payment.data.amount,
        recordedIn: other.statementId,
        correction,
      });
    }
  }
  return corrections;
}
