import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NhanhTransferInput } from '../../lib/nhanh/contract';
import type { PaymentNhanh } from '../../lib/reconcile/payment-job';
import { findingsOf } from '../../lib/reconcile/store';
import { seededRandom } from '../../sandbox/random';
import { ordersSetup } from '../unit/orders/harness';
import { reconciled, STATEMENT } from '../unit/reconcile/payments-harness';
import { lease, never } from './worker-death';

/**
 * "Ghi nhận thanh toán vào Nhanh" with the service worker stopped mid-run: at a seeded payment write, just before
 * it is sent or just after Nhanh took it (before the extension stored it). The next worker resumes the job; every
 * payment must reach Nhanh exactly once and be stored as recorded.
 */

describe('recording payouts when the worker is stopped mid-run', () => {
  beforeEach(() => fakeBrowser.reset());

  const random = seededRandom(20261201);
  const trials = Array.from({ length: 6 }, (_, trial) => ({
    moment: trial % 2 === 0 ? ('before' as const) : ('after' as const),
    fraction: random(),
  }));

  it.each(trials)(
    'should record every payment once when stopped $moment write at $fraction',
    async ({ moment, fraction }) => {
      const setup = await ordersSetup();
      setup.sandbox.setFaults({ nhanhPaymentOnSuccess: 'accepted' });
      const { eligible, run } = await reconciled(setup);
      const stopAt = Math.floor(fraction * eligible.length);
      const sent = new Map<number, number>();
      let writes = 0;
      const dying: PaymentNhanh = {
        listOrdersByIds: (ids) => setup.nhanh.listOrdersByIds(ids),
        recordTransfer: async (orderId: number, transfer: NhanhTransferInput) => {
          if (writes++ === stopAt && moment === 'before') return never();
          await setup.nhanh.recordTransfer(orderId, transfer);
          sent.set(orderId, (sent.get(orderId) ?? 0) + 1);
          if (writes - 1 === stopAt) return never();
        },
      };
      const counting: PaymentNhanh = {
        listOrdersByIds: dying.listOrdersByIds,
        recordTransfer: async (orderId, transfer) => {
          await setup.nhanh.recordTransfer(orderId, transfer);
          sent.set(orderId, (sent.get(orderId) ?? 0) + 1);
        },
      };

      void run({ nhanh: dying, lease: lease('worker:first') });
      await expect.poll(() => writes).toBeGreaterThan(stopAt);
      const resumed = await run({ nhanh: counting, lease: lease('worker:second') }, 'resume');

      expect(resumed.kind).toBe('done');
      for (const finding of eligible) expect(sent.get(finding.nhanhOrderId!), finding.orderCode).toBe(1);
      const inNhanh = new Map(
        setup.sandbox.nhanh.snapshot().orders.map((order) => [order.id, order.payment]),
      );
      for (const finding of eligible)
        expect(inNhanh.get(finding.nhanhOrderId!)?.transferAmount, finding.orderCode).toBe(finding.paid);
      const stored = await findingsOf(setup.db, STATEMENT);
      expect(stored.filter((finding) => finding.nhanhPayment?.state === 'recorded')).toHaveLength(
        eligible.length,
      );
      if (resumed.kind !== 'done') return;
      expect(resumed.cursor.results.every((result) => result.outcome === 'recorded')).toBe(true);
    },
  );
});
