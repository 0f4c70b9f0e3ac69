import { describe, expect, it } from 'vitest';
import { translate } from '../../../lib/i18n';
import { formatVnd } from '../../../lib/i18n/format';
import { NO_CONTRACT_RATES } from '../../../lib/reconcile/contract-rates';
import { expectationOfTikiOrder, indexExpectations, nhanhSideOf } from '../../../lib/reconcile/expectations';
import {
  type OrderExpectation,
  type ReconcileContext,
  reconcileStatement,
} from '../../../lib/reconcile/match';
import { parseStatement } from '../../../lib/reconcile/parse';
import { tikiOrderSchema } from '../../../lib/tiki/schemas';
import { createSandbox } from '../../../sandbox';
import { createTikiStatement } from '../../../sandbox/statement';
import { netOf, SALES_HEADER, salesRow, xlsxOf } from './workbooks';

const NOW = Date.UTC(2026, 3, 1);
const PERIOD = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 31) };

function order(
  code: string,
  sellerIncome: number | null,
  extra: Partial<OrderExpectation> = {},
): OrderExpectation {
  return {
    orderCode: code,
    shopId: 'shop',
    status: 'complete',
    sellerIncome,
    fees: null,
    successAt: Date.UTC(2026, 2, 10),
    nhanhOrderId: null,
    nhanh: null,
    source: 'orders',
    ...extra,
  };
}

function context(expectations: OrderExpectation[], extra: Partial<ReconcileContext> = {}): ReconcileContext {
  return {
    expectations: indexExpectations(expectations),
    ordersComplete: true,
    notFound: new Set(),
    inOtherStatements: new Set(),
    period: PERIOD,
    contract: null,
    now: NOW,
    ...extra,
  };
}

const statement = parseStatement(
  xlsxOf({
    'GD bán hàng': [
      SALES_HEADER,
      salesRow(1, '1001', 100_000),
      salesRow(2, '1002', 100_000),
      salesRow(3, '1003', 100_000),
      salesRow(4, '1004', 100_000),
      salesRow(5, '1005', 100_000),
      salesRow(5, '1005', 100_000),
    ],
    RMA: [
      ['Mã đơn hàng', 'Số tiền hoàn trả'],
      ['1006', 50_000],
    ],
  }),
  'test.xlsx',
);

function stateOf(report: ReturnType<typeof reconcileStatement>, code: string) {
  return report.orders.find((entry) => entry.orderCode === code);
}

describe('per-order states', () => {
  const report = reconcileStatement(
    statement.lines,
    statement.sheets,
    context([
      order('1001', netOf(100_000)),
      order('1002', netOf(100_000) + 3_000),
      order('1003', netOf(100_000) - 1),
      order('1005', netOf(100_000)),
      order('1006', 60_000),
      order('1007', 70_000, { successAt: Date.UTC(2026, 2, 20) }),
      order('1008', 80_000, { successAt: Date.UTC(2026, 1, 20) }),
      order('1009', 90_000, { successAt: null, status: 'shipping' }),
    ]),
  );

  it('should call an exact payment matched (0 đ tolerance)', () => {
    expect(stateOf(report, '1001')).toMatchObject({ state: 'matched', difference: 0 });
  });

  it('should call a short payment underpaid and a 1 đ excess overpaid, with the difference', () => {
    expect(stateOf(report, '1002')).toMatchObject({ state: 'underpaid', difference: -3_000 });
    expect(stateOf(report, '1003')).toMatchObject({ state: 'overpaid', difference: 1 });
  });

  it('should call an order missing from a complete order list unknown', () => {
    expect(stateOf(report, '1004')?.state).toBe('unknown_order');
  });

  it('should flag a line seen twice as a suspected duplicate that still counts in the payout', () => {
    expect(stateOf(report, '1005')).toMatchObject({ state: 'suspected_duplicate', paid: 2 * netOf(100_000) });
  });

  it('should not guess for an order with only a return line', () => {
    expect(stateOf(report, '1006')).toMatchObject({ state: 'needs_review', rma: -50_000 });
    expect(stateOf(report, '1006')?.reason?.key).toBe('reconcile.reason.noSaleLine');
  });

  it('should list orders successful in the period but in no statement as unpaid, with days outstanding', () => {
    expect(stateOf(report, '1007')).toMatchObject({ state: 'unpaid', daysOutstanding: 12, paid: 0 });
    expect(stateOf(report, '1008')).toBeUndefined();
    expect(stateOf(report, '1009')).toBeUndefined();
  });

  it("should count every state and break fees down by type with each order's rate", () => {
    expect(report.counts).toEqual({
      matched: 1,
      underpaid: 1,
      overpaid: 1,
      unknown_order: 1,
      unpaid: 1,
      suspected_duplicate: 1,
      needs_review: 1,
    });
    expect(report.fees).toEqual({ fixed: 30_000, payment: 6_000, commission: 48_000 });
    expect(stateOf(report, '1001')?.feeRate).toBeCloseTo(0.14);
  });

  it('should not call unpaid an order another imported statement holds', () => {
    const again = reconcileStatement(
      [],
      [],
      context([order('1007', 70_000)], { inOtherStatements: new Set(['1007']) }),
    );
    expect(again.orders).toEqual([]);
  });
});

describe('against the linked Nhanh order', () => {
  const header = [
    'Mã đơn hàng',
    'Số lượng',
    'Giá bán',
    'Giảm giá từ nhà bán',
    'Số tiền thanh toán/Thực nhận',
  ];
  const nhanhStatement = parseStatement(
    xlsxOf({
      'GD bán hàng': [
        header,
        ['N1', 3, 50_000, 10_000, 140_000],
        ['N2', 1, 100_000, 0, 100_000],
        ['N3', 1, 100_000, 0, 100_000],
        ['N4', 1, 100_000, 0, 100_000],
        ['N5', 1, 100_000, 0, 100_000],
        ['N6', 1, 100_000, 0, 100_000],
        ['N7', 1, 100_000, 0, 100_000],
        ['N8', 1, 100_000, 0, 100_000],
      ],
      RMA: [
        ['Mã đơn hàng', 'Số tiền hoàn trả'],
        ['N4', 100_000],
      ],
    }),
    'nhanh.xlsx',
  );
  /** A Nhanh order of one product line, as order/list answers it. */
  const nhanhOrder = (price: number, quantity: number, discount: number, status = 'Success' as const) =>
    nhanhSideOf({
      products: [{ id: 1, price, quantity, discount }],
      status,
      statusCode: 60,
    });
  const linked = (code: string, income: number, nhanh: OrderExpectation['nhanh']) =>
    order(code, income, { nhanhOrderId: 5_000 + Number(code.slice(1)), nhanh });
  const report = reconcileStatement(
    nhanhStatement.lines,
    nhanhStatement.sheets,
    context([
      // The import sends the 10.000 đ seller discount as 3.333 đ per unit: Nhanh holds 140.001 đ.
      linked('N1', 140_000, nhanhOrder(50_000, 3, 3_333)),
      linked('N2', 100_000, nhanhOrder(80_000, 1, 0)),
      linked('N3', 100_000, {
        kind: 'found',
        amount: 100_000,
        ...{ status: 'Khách hủy', canceled: true },
      }),
      linked('N4', 100_000, { kind: 'found', amount: 100_000, status: 'Đã chuyển hoàn', canceled: true }),
      linked('N5', 103_000, nhanhOrder(90_000, 1, 0)),
      linked('N6', 100_000, { kind: 'missing' }),
      linked('N7', 100_000, { kind: 'unchecked', why: 'failed' }),
      order('N8', 100_000),
    ]),
  );

  it("should agree with a Nhanh order that differs only by the import's per-unit rounding", () => {
    expect(stateOf(report, 'N1')).toMatchObject({
      state: 'matched',
      saleValue: 140_000,
      nhanhAmount: 140_001,
      nhanhStatus: 'Thành công',
      nhanhDifference: -1,
      nhanhFinding: null,
    });
  });

  it('should put a matched order edited in Nhanh up for review, with both amounts and the difference', () => {
    const edited = stateOf(report, 'N2');
    expect(edited).toMatchObject({ state: 'needs_review', nhanhAmount: 80_000, nhanhDifference: 20_000 });
    expect(edited?.reason).toEqual(edited?.nhanhFinding);
    expect(translate('vi', edited!.reason!)).toBe(
      `Đơn Nhanh 5002 ghi ${formatVnd(80_000)} nhưng sao kê bán ${formatVnd(100_000)} (lệch ${formatVnd(20_000)}): đơn trên Nhanh đã bị sửa? Hãy kiểm tra sổ Nhanh.`,
    );
  });

  it('should put up for review an order Tiki paid whose Nhanh order was canceled, unless a return explains it', () => {
    expect(stateOf(report, 'N3')).toMatchObject({ state: 'needs_review', nhanhDifference: 0 });
    expect(stateOf(report, 'N3')?.reason?.key).toBe('reconcile.nhanh.canceled');
    expect(stateOf(report, 'N4')).toMatchObject({ state: 'matched', nhanhFinding: null });
  });

  it('should keep a Tiki finding as the state and show the Nhanh disagreement beside it', () => {
    expect(stateOf(report, 'N5')).toMatchObject({
      state: 'underpaid',
      difference: -3_000,
      nhanhDifference: 10_000,
    });
    expect(stateOf(report, 'N5')?.reason).toBeNull();
    expect(stateOf(report, 'N5')?.nhanhFinding?.key).toBe('reconcile.nhanh.amount');
  });

  it('should put up for review an order whose Nhanh order is gone, and only say why when Nhanh was not asked', () => {
    expect(stateOf(report, 'N6')).toMatchObject({ state: 'needs_review', nhanhAmount: null });
    expect(stateOf(report, 'N6')?.reason?.key).toBe('reconcile.nhanh.missing');
    expect(stateOf(report, 'N7')).toMatchObject({ state: 'matched', nhanhAmount: null, reason: null });
    expect(stateOf(report, 'N7')?.nhanhFinding?.key).toBe('reconcile.nhanh.failed');
    expect(stateOf(report, 'N8')).toMatchObject({
      state: 'matched',
      nhanhAmount: null,
      nhanhDifference: null,
      nhanhFinding: null,
    });
  });
});

describe('when the orders are not all known', () => {
  it('should call an order unknown only when Tiki said so, and needs review when it could not be asked', () => {
    const report = reconcileStatement(
      statement.lines.slice(0, 2),
      statement.sheets,
      context([order('9999', 1)], { ordersComplete: false, notFound: new Set(['1001']) }),
    );
    expect(stateOf(report, '1001')?.state).toBe('unknown_order');
    expect(stateOf(report, '1002')).toMatchObject({
      state: 'needs_review',
      reason: { key: 'reconcile.reason.notLookedUp' },
    });
  });

  it('should not pick between two shops holding the same code', () => {
    const report = reconcileStatement(
      statement.lines.slice(0, 1),
      statement.sheets,
      context([order('1001', netOf(100_000)), order('1001', netOf(100_000), { shopId: 'other' })]),
    );
    expect(stateOf(report, '1001')).toMatchObject({
      state: 'needs_review',
      reason: { key: 'reconcile.reason.severalShops' },
    });
  });

  it('should check the statement against its own arithmetic when there is no order data', () => {
    const broken = parseStatement(
      xlsxOf({
        S: [
          SALES_HEADER,
          salesRow(1, '1001', 100_000),
          [2, '1002', '', '', 1, 100_000, -5_000, -1_000, -8_000, -14_000, 80_000],
        ],
      }),
      'self.xlsx',
    );
    const report = reconcileStatement(broken.lines, broken.sheets, context([], { ordersComplete: false }));
    expect(report.basis).toBe('statement');
    expect(stateOf(report, '1001')?.state).toBe('matched');
    expect(stateOf(report, '1002')).toMatchObject({ state: 'underpaid', difference: -6_000 });
  });
});

describe('statement totals and fee claims', () => {
  it('should report a total row that does not equal its lines', () => {
    const parsed = parseStatement(
      xlsxOf({
        S: [SALES_HEADER, salesRow(1, '1001', 100_000), ['', 'Tổng cộng', '', '', '', '', '', '', '', '', 1]],
      }),
      't.xlsx',
    );
    const report = reconcileStatement(parsed.lines, parsed.sheets, context([]));
    expect(report.totalChecks).toEqual([
      { sheet: 'S', declared: 1, computed: netOf(100_000), difference: netOf(100_000) - 1 },
    ]);
  });

  it('should list orders charged commission above the contract rate, by SKU prefix', () => {
    const parsed = parseStatement(
      xlsxOf({
        S: [SALES_HEADER, salesRow(1, '1001', 100_000, 'SACH-1'), salesRow(2, '1002', 100_000, 'GD-2')],
      }),
      'c.xlsx',
    );
    const report = reconcileStatement(
      parsed.lines,
      parsed.sheets,
      context([], {
        contract: {
          ...NO_CONTRACT_RATES,
          commissionPercent: 8,
          commissionBySkuPrefix: [{ prefix: 'sach', percent: 6 }],
        },
      }),
    );
    expect(report.claims).toEqual([
      {
        orderCode: '1001',
        feeType: 'commission',
        skus: ['SACH-1', '881'],
        gross: 100_000,
        ratePercent: 6,
        expectedFee: 6_000,
        chargedFee: 8_000,
        difference: 2_000,
      },
    ]);
  });
});

describe("the sandbox's statement with its planted mistakes", () => {
  it('should find exactly the overcharged, duplicated and missing orders', () => {
    const sandbox = createSandbox();
    const shop = sandbox.seed.tiki.shops[0]!;
    const now = Date.now();
    const file = createTikiStatement({ sellerId: shop.sellerId, name: shop.name, orders: shop.orders }, now);
    const parsed = parseStatement(file.bytes, file.fileName);
    const expectations = (shop.orders as unknown[]).map((raw) =>
      expectationOfTikiOrder(tikiOrderSchema.parse(raw), 'shop'),
    );
    const report = reconcileStatement(parsed.lines, parsed.sheets, {
      ...context(expectations),
      period: parsed.period,
      now,
    });
    const { overchargedOrderCode, duplicatedOrderCode, missingOrderCode } = file.discrepancies;
    const byState = (state: string) =>
      report.orders.filter((entry) => entry.state === state).map((entry) => entry.orderCode);
    expect(byState('underpaid')).toEqual([overchargedOrderCode]);
    expect(byState('overpaid')).toEqual([]);
    expect(byState('suspected_duplicate')).toEqual([duplicatedOrderCode]);
    expect(byState('unpaid')).toEqual([missingOrderCode]);
    expect(byState('unknown_order')).toEqual([]);
    expect(report.totalChecks.every((check) => check.difference === 0)).toBe(true);
  });
});
