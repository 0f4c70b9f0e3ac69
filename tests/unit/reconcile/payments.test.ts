import { describe, expect, it } from 'vitest';
import { type NhanhPaymentRecord, openCompanionDb, type ReconciliationRecord } from '../../../lib/db';
import { type OrderExpectation, reconcileStatement } from '../../../lib/reconcile/match';
import { parseStatement } from '../../../lib/reconcile/parse';
import {
  canAddByHand,
  checkNhanhTransfer,
  type PaymentCandidate,
  paymentCorrections,
  paymentReference,
  planPayments,
  recordedCount,
} from '../../../lib/reconcile/payments';
import { netOf, SALES_HEADER, salesRow, xlsxOf } from './workbooks';

/** 1–15 November 2026 in Vietnam (UTC+7). */
const PERIOD = { from: Date.UTC(2026, 9, 31, 17), to: Date.UTC(2026, 10, 15, 16, 59) };
const ACCOUNT = 42;

function linked(orderCode: string, sellerIncome: number, nhanhOrderId: number): OrderExpectation {
  return {
    orderCode,
    shopId: 'shop',
    status: 'complete',
    sellerIncome,
    fees: null,
    successAt: null,
    nhanhOrderId,
    nhanh: null,
    source: 'orders',
  };
}

/** The findings of a statement: order 1001 has two sale lines, each net of its fees. */
function findings(): ReconciliationRecord[] {
  const statement = parseStatement(
    xlsxOf({
      'GD bán hàng': [
        SALES_HEADER,
        salesRow(1, '1001', 100_000),
        salesRow(2, '1001', 50_000),
        salesRow(3, '1002', 80_000),
      ],
    }),
    'sao-ke.xlsx',
  );
  const report = reconcileStatement(statement.lines, statement.sheets, {
    expectations: new Map([
      ['1001', [linked('1001', netOf(100_000) + netOf(50_000), 5001)]],
      ['1002', [linked('1002', netOf(80_000), 5002)]],
    ]),
    ordersComplete: true,
    notFound: new Set(),
    inOtherStatements: new Set(),
    period: PERIOD,
    contract: null,
    now: PERIOD.to,
  });
  return report.orders.map((order) => ({ ...order, statementId: 'S1', nhanhPayment: null }));
}

const byAccount = {
  period: PERIOD,
  accountOf: (shopId: string | null) => (shopId === 'shop' ? ACCOUNT : null),
  addedByHand: new Set<string>(),
};

function recorded(finding: ReconciliationRecord, state: NhanhPaymentRecord['state']): ReconciliationRecord {
  return {
    ...finding,
    nhanhPayment: {
      state,
      nhanhOrderId: finding.nhanhOrderId!,
      amount: 77_000,
      accountId: ACCOUNT,
      code: 'TIKI #x',
      at: 1,
    },
  };
}

describe('which payouts are recorded in Nhanh', () => {
  it("should record what Tiki paid for each khớp order: its sale lines net of fees, with the period's reference", () => {
    const { candidates, excluded } = planPayments(findings(), byAccount);

    expect(excluded).toEqual([]);
    expect(candidates).toEqual([
      {
        orderCode: '1001',
        nhanhOrderId: 5001,
        amount: netOf(100_000) + netOf(50_000),
        accountId: ACCOUNT,
        code: 'TIKI 01/11-15/11 #1001',
        pending: false,
      },
      expect.objectContaining({ orderCode: '1002', amount: netOf(80_000), code: 'TIKI 01/11-15/11 #1002' }),
    ]);
    expect(paymentReference(null, '123456789')).toBe('TIKI #123456789');
  });

  it('should leave out, with the reason, orders not linked, not khớp, needing review, paid nothing or without an account', () => {
    const [first, second] = findings() as [ReconciliationRecord, ReconciliationRecord];
    const cases: [ReconciliationRecord, string][] = [
      [{ ...first, orderCode: 'A', nhanhOrderId: null }, 'notLinked'],
      [{ ...first, orderCode: 'B', state: 'underpaid' }, 'notMatched'],
      [{ ...first, orderCode: 'C', state: 'needs_review' }, 'needsReview'],
      [{ ...first, orderCode: 'D', paid: 0 }, 'nothingPaid'],
      [{ ...second, orderCode: 'E', shopId: 'other-shop' }, 'noAccount'],
      [recorded({ ...second, orderCode: 'F' }, 'recorded'), 'alreadyRecorded'],
    ];

    const { candidates, excluded } = planPayments(
      cases.map(([finding]) => finding),
      byAccount,
    );

    expect(candidates).toEqual([]);
    expect(excluded.map((row) => [row.orderCode, row.reason])).toEqual(
      cases.map(([finding, reason]) => [finding.orderCode, reason]),
    );
  });

  it('should record an order not khớp only once the seller added it by hand, and still apply every other rule to it', () => {
    const [first] = findings() as [ReconciliationRecord];
    const underpaid = { ...first, orderCode: 'B', state: 'underpaid' } as ReconciliationRecord;
    const inReview = { ...first, orderCode: 'C', state: 'needs_review' } as ReconciliationRecord;
    const unlinked = {
      ...first,
      orderCode: 'A',
      state: 'underpaid',
      nhanhOrderId: null,
    } as ReconciliationRecord;
    const alsoUnderpaid = { ...first, orderCode: 'G', state: 'underpaid' } as ReconciliationRecord;

    const { candidates, excluded } = planPayments([underpaid, inReview, unlinked, alsoUnderpaid], {
      ...byAccount,
      addedByHand: new Set(['B', 'C', 'A']),
    });

    expect(candidates.map((candidate) => [candidate.orderCode, candidate.amount])).toEqual([
      ['B', first.paid],
      ['C', first.paid],
    ]);
    expect(excluded.map((row) => [row.orderCode, row.reason])).toEqual([
      ['A', 'notLinked'],
      ['G', 'notMatched'],
    ]);
    // Only what could be recorded is offered: not khớp and paid something.
    expect(excluded.map(canAddByHand)).toEqual([false, true]);
    expect(canAddByHand({ reason: 'needsReview', amount: 0 })).toBe(false);
    expect(canAddByHand({ reason: 'noAccount', amount: 10_000 })).toBe(false);
  });

  it('should never write twice: a recorded order is left out, a write in doubt is settled against Nhanh first', () => {
    const [first] = findings() as [ReconciliationRecord];
    const { candidates } = planPayments([recorded(first, 'sending')], byAccount);
    const inDoubt = candidates[0] as PaymentCandidate;
    expect(inDoubt).toMatchObject({ pending: true, amount: 77_000, code: 'TIKI #x' });
    const fresh = { ...inDoubt, pending: false };

    expect(checkNhanhTransfer(fresh, 0)).toEqual({ action: 'write' });
    expect(checkNhanhTransfer(inDoubt, 0)).toEqual({ action: 'write' });
    expect(checkNhanhTransfer(inDoubt, 77_000)).toEqual({ action: 'landed' });
    expect(checkNhanhTransfer(fresh, 77_000)).toEqual({ action: 'skip', reason: 'nhanhHasPayment' });
    expect(checkNhanhTransfer(inDoubt, 50_000)).toEqual({ action: 'skip', reason: 'nhanhHasPayment' });
    expect(checkNhanhTransfer(fresh, undefined)).toEqual({ action: 'skip', reason: 'nhanhMissing' });
  });

  it('should count "Đã ghi nhận vào Nhanh: x/y đơn" over the khớp orders linked to Nhanh', () => {
    const [first, second] = findings() as [ReconciliationRecord, ReconciliationRecord];
    const unlinked = { ...second, orderCode: 'U', nhanhOrderId: null };

    expect(recordedCount([recorded(first, 'recorded'), second, unlinked])).toEqual({
      recorded: 1,
      eligible: 2,
    });
  });

  it('should list an RMA in a later statement of an order recorded earlier, with the amount to correct', async () => {
    const db = await openCompanionDb(`payments-${Date.now()}`);
    const [first, second] = findings() as [ReconciliationRecord, ReconciliationRecord];
    await db.put('reconciliations', recorded(first, 'recorded'));
    await db.put('reconciliations', second);
    const later: ReconciliationRecord[] = [
      {
        ...first,
        statementId: 'S2',
        state: 'needs_review',
        paid: -30_000,
        sales: 0,
        rma: -30_000,
        nhanhPayment: null,
      },
      { ...second, statementId: 'S2', rma: -10_000, nhanhPayment: null },
    ];

    expect(await paymentCorrections(db, 'S2', later)).toEqual([
      {
        orderCode: '1001',
        nhanhOrderId: 5001,
        recordedAmount: 77_000,
        recordedIn: 'S1',
        correction: -30_000,
      },
    ]);
    db.close();
  });
});
