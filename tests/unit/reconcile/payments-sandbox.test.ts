import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ReconciliationRecord } from '../../../lib/db';
import { translate } from '../../../lib/i18n';
import type { JobRunResult } from '../../../lib/jobs/runner';
import type { PaymentJobCursor } from '../../../lib/reconcile/payment-job';
import type { PaymentResult } from '../../../lib/reconcile/payments';
import { findingsOf } from '../../../lib/reconcile/store';
import { listActivity } from '../../../lib/status/activity-log';
import { type OrdersSetup, ordersSetup } from '../orders/harness';
import { ACCOUNT_ID, reconciled, STATEMENT } from './payments-harness';

/** The transfer each Nhanh order holds, by Nhanh order id. */
function transfers(setup: OrdersSetup): Map<number, Record<string, unknown> | null> {
  return new Map(setup.sandbox.nhanh.snapshot().orders.map((order) => [order.id, order.payment]));
}

function resultsOf(outcome: JobRunResult<PaymentJobCursor>): Map<string, PaymentResult> {
  if (outcome.kind !== 'done') throw new Error(`the run ended ${outcome.kind}`);
  return new Map(outcome.cursor.results.map((result) => [result.orderCode, result]));
}

describe('recording Tiki payouts on Nhanh orders (sandbox)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should record each "khớp" order once with its payout and reference, and nothing new when matched and run again', async () => {
    const setup = await ordersSetup();
    setup.sandbox.setFaults({ nhanhPaymentOnSuccess: 'accepted' });
    const { eligible, run, preview, rematch } = await reconciled(setup);

    const before = await preview();
    expect(before.rows.map((row) => row.orderCode).sort()).toEqual(eligible.map((f) => f.orderCode).sort());
    expect(before.rows.every((row) => row.nhanhTransfer === 0)).toBe(true);
    const results = resultsOf(await run());

    const inNhanh = transfers(setup);
    for (const finding of eligible) {
      expect(results.get(finding.orderCode)?.outcome, finding.orderCode).toBe('recorded');
      expect(inNhanh.get(finding.nhanhOrderId!)).toMatchObject({
        transferAmount: finding.paid,
        transferAccountId: ACCOUNT_ID,
        code: expect.stringMatching(new RegExp(`^TIKI \\d\\d/\\d\\d-\\d\\d/\\d\\d #${finding.orderCode}$`)),
      });
    }
    const stored = await findingsOf(setup.db, STATEMENT);
    expect(stored.filter((finding) => finding.nhanhPayment?.state === 'recorded')).toHaveLength(
      eligible.length,
    );
    const log = await listActivity(setup.db);
    expect(log.some((entry) => entry.text.key === 'reconcile.log.payments')).toBe(true);

    // Matching the statement again keeps what was recorded.
    await rematch();
    const snapshot = setup.sandbox.nhanh.snapshot().orders;
    const again = await run();
    expect(resultsOf(again).size).toBe(0);
    expect(setup.sandbox.nhanh.snapshot().orders).toEqual(snapshot);
    const reasons = (await preview()).excluded.filter((row) => row.reason === 'alreadyRecorded');
    expect(reasons).toHaveLength(eligible.length);
  });

  it('should record an order not khớp only after the seller added it by hand, and only that one', async () => {
    const setup = await ordersSetup();
    setup.sandbox.setFaults({ nhanhPaymentOnSuccess: 'accepted' });
    const { eligible, run, preview } = await reconciled(setup);
    const notMatched = (await findingsOf(setup.db, STATEMENT)).filter(
      (finding) => finding.state !== 'matched' && finding.nhanhOrderId !== null && finding.paid > 0,
    );
    const [added] = notMatched as [ReconciliationRecord];
    expect(added).toBeDefined();

    const offered = await preview();
    expect(offered.rows.map((row) => row.orderCode)).not.toContain(added.orderCode);
    expect(offered.excluded.find((row) => row.orderCode === added.orderCode)?.reason).toMatch(
      /^(notMatched|needsReview)$/,
    );
    const withAdded = await preview([added.orderCode]);
    expect(withAdded.rows.map((row) => row.orderCode)).toContain(added.orderCode);
    const results = resultsOf(await run({}, 'start', [added.orderCode]));

    // The khớp orders and this one: nothing else left out is recorded.
    expect(results.get(added.orderCode)?.outcome).toBe('recorded');
    expect([...results.keys()].sort()).toEqual(
      [...eligible.map((finding) => finding.orderCode), added.orderCode].sort(),
    );
    expect(transfers(setup).get(added.nhanhOrderId!)).toMatchObject({ transferAmount: added.paid });
  });

  it('should skip and show an order whose Nhanh order already holds a payment the extension did not record', async () => {
    const setup = await ordersSetup();
    setup.sandbox.setFaults({ nhanhPaymentOnSuccess: 'accepted' });
    const { eligible, run, preview } = await reconciled(setup);
    const [paidByHand] = eligible as [ReconciliationRecord];
    await setup.nhanh.recordTransfer(paidByHand.nhanhOrderId!, {
      amount: 123_000,
      accountId: 7,
      code: 'CK tay',
    });

    const shown = (await preview()).excluded.find((row) => row.orderCode === paidByHand.orderCode);
    expect(shown).toMatchObject({ reason: 'nhanhHasPayment', nhanhTransfer: 123_000 });
    const result = resultsOf(await run()).get(paidByHand.orderCode);

    expect(result).toMatchObject({
      outcome: 'skipped',
      reason: { key: 'reconcile.pay.reason.nhanhHasPayment' },
    });
    expect(transfers(setup).get(paidByHand.nhanhOrderId!)).toMatchObject({
      transferAmount: 123_000,
      code: 'CK tay',
    });
    const stored = (await findingsOf(setup.db, STATEMENT)).find((f) => f.orderCode === paidByHand.orderCode);
    expect(stored?.nhanhPayment).toBeNull();
  });

  it("should show Nhanh's refusal per Thành công order under 'refused' and go on, then record them under 'accepted'", async () => {
    const setup = await ordersSetup();
    const { eligible, run } = await reconciled(setup);

    const refused = resultsOf(await run());
    for (const finding of eligible) {
      const result = refused.get(finding.orderCode)!;
      expect(result.outcome, finding.orderCode).toBe('failed');
      expect(translate('vi', result.reason!)).toContain('không được phép sửa');
    }
    expect([...transfers(setup).values()].every((payment) => !payment?.transferAmount)).toBe(true);

    setup.sandbox.setFaults({ nhanhPaymentOnSuccess: 'accepted' });
    const accepted = resultsOf(await run());
    expect([...accepted.values()].filter((result) => result.outcome === 'recorded')).toHaveLength(
      eligible.length,
    );
  });
});
