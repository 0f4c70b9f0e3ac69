import type { LocalizedText } from '../i18n';
import { formatVnd } from '../i18n/format';
import type { FeeType } from './columns';
import { type ContractRates, commissionRateFor } from './contract-rates';
import { type SheetSummary, type StatementLine, type StatementTotals, totalsOf } from './parse';

/**
 * Matching a statement's lines to orders. Rules (also in docs/reconciliation.md):
 * - Lines are grouped by Tiki order code. An order's `paid` is the sum of all its lines (sales, RMA and
 *   adjustments) in this statement.
 * - Expected: the order's seller income (`invoice.total_seller_income`, "the final amount in seller statement")
 *   from the orders store or the Tiki API. RMA and adjustment lines have no independent figure in the API, so
 *   they count on both sides: the difference is the sale lines against the seller income. With no order source
 *   (`basis: 'statement'`) the statement is checked against its own arithmetic (sales − discount − fees).
 * - Tolerance: 0 đ. Both sides are integer VND; any difference is shown.
 * - Never guessed: an order found in several shops, an order with no known income, an order with only RMA or
 *   adjustment lines (a correction of another period) or an order we could not look up is "cần kiểm tra".
 * - "Không có trong hệ thống" only when the order list is complete (orders store filled for the shop, or an
 *   orders file) or when Tiki answered that the order does not exist.
 * - A line whose content appears twice in the statement makes its order "nghi trùng"; it still counts in `paid`
 *   (it is what Tiki pays), and the state says why the payout is too high.
 * - An order linked to a Nhanh order is also compared with it: the statement's sale value (gross − seller
 *   discount of its sale lines) against the Nhanh order's value, and a Nhanh order that ended without a sale
 *   (canceled, failed, returned) against a paid sale. A disagreement is a Nhanh finding in its own fields; it
 *   turns "khớp" into "cần kiểm tra" (the books disagree, we never pick one) and leaves other states as they are.
 */

export type ExpectationBasis = 'orders' | 'tiki-api' | 'statement';

/** The Nhanh order an order is linked to, as far as the reconciliation could learn it. */
export type NhanhSide =
  /** Its value Σ (price − discount) × quantity, its status as the seller sees it, and whether it ended unsold. */
  | { kind: 'found'; amount: number; status: string | null; canceled: boolean }
  /** Nhanh no longer has an order with the linked id. */
  | { kind: 'missing' }
  /**
   * Linked, but not compared: no Nhanh connection, too many orders for one run, Nhanh did not answer, or the
   * worker is still asking it (`pending`, the page's first match of a new statement).
   */
  | { kind: 'unchecked'; why: 'noConnection' | 'limit' | 'failed' | 'pending' };

/** What we know of one order from outside the statement. */
export interface OrderExpectation {
  orderCode: string;
  shopId: string | null;
  /** Tiki status. */
  status: string;
  /** `invoice.total_seller_income`; null when not known. */
  sellerIncome: number | null;
  /** Fees the API lists for the order (`item.fees`), as positive charges by type; null when not fetched. */
  fees: Partial<Record<FeeType, number>> | null;
  /** When the order became successful (delivered/complete), epoch ms; null when it is not (yet). */
  successAt: number | null;
  nhanhOrderId: number | null;
  /** The linked Nhanh order; null when there is none or the source has no figure of it. */
  nhanh: NhanhSide | null;
  source: 'orders' | 'tiki-api';
}

export interface ReconcileContext {
  /** Orders by code; several entries for one code mean several shops have it. */
  expectations: ReadonlyMap<string, readonly OrderExpectation[]>;
  /** True when `expectations` holds every order of the shop(s): an absent code is then an unknown order. */
  ordersComplete: boolean;
  /** Codes Tiki answered "not found" for. */
  notFound: ReadonlySet<string>;
  /** Codes that already appear in another imported statement (they are not "chưa được thanh toán"). */
  inOtherStatements: ReadonlySet<string>;
  period: { from: number; to: number } | null;
  contract: ContractRates | null;
  now: number;
}

export type ReconciliationState =
  | 'matched'
  | 'underpaid'
  | 'overpaid'
  | 'unknown_order'
  | 'unpaid'
  | 'suspected_duplicate'
  | 'needs_review';

export interface OrderResult {
  orderCode: string;
  state: ReconciliationState;
  /** Why the state, when it needs words (e.g. why it needs review). */
  reason: LocalizedText | null;
  basis: ExpectationBasis;
  shopId: string | null;
  nhanhOrderId: number | null;
  /** The figure the sale lines were compared with; null when none. */
  expected: number | null;
  /** Sum of all the order's lines in this statement. */
  paid: number;
  sales: number;
  rma: number;
  adjustments: number;
  /** paid − expected (RMA and adjustments on both sides); null when there is nothing to compare. */
  difference: number | null;
  gross: number;
  fees: Partial<Record<FeeType, number>>;
  feeTotal: number;
  /** feeTotal / gross, as a fraction; null without a gross amount. */
  feeRate: number | null;
  /** The API's own fees for the order, to compare with `fees`. */
  expectedFees: Partial<Record<FeeType, number>> | null;
  lineCount: number;
  duplicateLines: number;
  /** Whole days since the order became successful, for "chưa được thanh toán". */
  daysOutstanding: number | null;
  skus: string[];
  /** Gross − seller discount of the sale lines: what the Nhanh order should hold; null without a gross amount. */
  saleValue: number | null;
  /** The linked Nhanh order's value; null when not known. */
  nhanhAmount: number | null;
  /** The linked Nhanh order's status, as the seller sees it in Nhanh. */
  nhanhStatus: string | null;
  /** saleValue − nhanhAmount; null when either is unknown. */
  nhanhDifference: number | null;
  /** Why the Nhanh order disagrees, or why it was not compared; null when it agrees or there is none. */
  nhanhFinding: LocalizedText | null;
  /** Epoch ms when the seller marked it reconciled; null before. */
  reconciledAt: number | null;
}

/** An order charged a fee above the contract's rate: one row of the claim for Tiki support. */
export interface FeeClaim {
  orderCode: string;
  feeType: 'commission' | 'payment';
  skus: string[];
  gross: number;
  ratePercent: number;
  expectedFee: number;
  chargedFee: number;
  difference: number;
}

export interface TotalCheck {
  sheet: string;
  declared: number;
  computed: number;
  difference: number;
}

export interface ReconcileReport {
  basis: ExpectationBasis;
  orders: OrderResult[];
  counts: Record<ReconciliationState, number>;
  /** Fees by type over the statement. */
  fees: Partial<Record<FeeType, number>>;
  claims: FeeClaim[];
  /** The statement's own total rows against the sum of their lines. */
  totalChecks: TotalCheck[];
  /** Lines tied to no order (shop-level adjustments). */
  unassigned: { lineCount: number; netAmount: number };
  totals: StatementTotals;
}

export const RECONCILIATION_STATES: readonly ReconciliationState[] = [
  'matched',
  'underpaid',
  'overpaid',
  'unknown_order',
  'unpaid',
  'suspected_duplicate',
  'needs_review',
];

/** A fee charged at most this much above the contract's rate is rounding, not a claim (per order). */
export const CLAIM_ROUNDING_VND = 1;

const DAY_MS = 86_400_000;

function emptyCounts(): Record<ReconciliationState, number> {
  return Object.fromEntries(RECONCILIATION_STATES.map((state) => [state, 0])) as Record<
    ReconciliationState,
    number
  >;
}

function addFees(into: Partial<Record<FeeType, number>>, fees: Partial<Record<FeeType, number>>): void {
  for (const fee in fees) {
    const type = fee as FeeType;
    into[type] = (into[type] ?? 0) + (fees[type] ?? 0);
  }
}

function review(key: string, params?: Record<string, string | number>): LocalizedText {
  return { key: `reconcile.reason.${key}` as LocalizedText['key'], params };
}

/** No Nhanh side: an order not linked, or not in this statement. */
export const NO_NHANH = {
  nhanhAmount: null,
  nhanhStatus: null,
  nhanhDifference: null,
  nhanhFinding: null,
} as const satisfies Partial<OrderResult>;

type NhanhComparison = Pick<OrderResult, keyof typeof NO_NHANH> & { disagrees: boolean };
const NOT_LINKED: NhanhComparison = { ...NO_NHANH, disagrees: false };

function nhanhText(key: string, nhanhOrderId: number, params?: Record<string, string>): LocalizedText {
  return { key: `reconcile.nhanh.${key}` as LocalizedText['key'], params: { id: nhanhOrderId, ...params } };
}

/**
 * The statement against the linked Nhanh order. `disagrees` is true when the books differ (the order then
 * needs review if it otherwise matched); an order not compared only says why. The import sends Nhanh each
 * line's discount per unit in whole đồng, so a line with a seller discount may differ by up to half its
 * quantity in đồng: `rounding` is that allowance for the order. Runs once per order: no allocation when agreed.
 */
function compareWithNhanh(
  nhanhOrderId: number | null,
  side: NhanhSide | null,
  sale: { lines: number; value: number | null; returned: boolean; rounding: number },
): NhanhComparison {
  if (side === null || nhanhOrderId === null) return NOT_LINKED;
  if (side.kind !== 'found')
    return {
      ...NO_NHANH,
      nhanhFinding: nhanhText(side.kind === 'missing' ? 'missing' : side.why, nhanhOrderId),
      disagrees: side.kind === 'missing',
    };
  const difference = sale.value === null ? null : sale.value - side.amount;
  let nhanhFinding: LocalizedText | null = null;
  // A return in this statement explains a Nhanh order that ended unsold.
  if (side.canceled && sale.lines > 0 && !sale.returned)
    nhanhFinding = nhanhText('canceled', nhanhOrderId, { status: side.status ?? '' });
  else if (sale.lines > 0 && sale.value === null) nhanhFinding = nhanhText('noSaleValue', nhanhOrderId);
  else if (difference !== null && Math.abs(difference) > sale.rounding)
    nhanhFinding = nhanhText('amount', nhanhOrderId, {
      nhanh: formatVnd(side.amount),
      statement: formatVnd(sale.value as number),
      difference: formatVnd(difference),
    });
  return {
    nhanhAmount: side.amount,
    nhanhStatus: side.status,
    nhanhDifference: difference,
    nhanhFinding,
    disagrees: nhanhFinding !== null && nhanhFinding.key !== 'reconcile.nhanh.noSaleValue',
  };
}

function stateOfDifference(difference: number): ReconciliationState {
  return difference === 0 ? 'matched' : difference < 0 ? 'underpaid' : 'overpaid';
}

/** Groups lines by order code, keeping file order (a Map never takes a header text as a prototype key). */
function groupByOrder(lines: readonly StatementLine[]) {
  const groups = new Map<string, StatementLine[]>();
  for (const line of lines) {
    const group = groups.get(line.orderCode);
    if (group) group.push(line);
    else groups.set(line.orderCode, [line]);
  }
  return groups;
}

function claimsOf(orderCode: string, lines: readonly StatementLine[], contract: ContractRates): FeeClaim[] {
  const claims: FeeClaim[] = [];
  const byFee = new Map<'commission' | 'payment', Omit<FeeClaim, 'difference'>>();
  for (const line of lines) {
    if (line.kind !== 'sale' || line.gross === null || line.gross <= 0) continue;
    const skus = [line.sellerSku, line.sku].filter((sku) => sku !== '');
    const rates: ['commission' | 'payment', number | null][] = [
      ['commission', commissionRateFor(contract, skus)],
      ['payment', contract.paymentPercent],
    ];
    for (const [feeType, rate] of rates) {
      if (rate === null) continue;
      const claim = byFee.get(feeType) ?? {
        orderCode,
        feeType,
        skus: [],
        gross: 0,
        ratePercent: rate,
        expectedFee: 0,
        chargedFee: 0,
      };
      claim.gross += line.gross;
      claim.expectedFee += Math.round((line.gross * rate) / 100);
      claim.chargedFee += line.fees[feeType] ?? 0;
      for (const sku of skus) if (!claim.skus.includes(sku)) claim.skus.push(sku);
      // Lines of one order under different rates: show the highest, the expected fee is summed line by line.
      claim.ratePercent = Math.max(claim.ratePercent, rate);
      byFee.set(feeType, claim);
    }
  }
  for (const claim of byFee.values()) {
    const difference = claim.chargedFee - claim.expectedFee;
    if (difference > CLAIM_ROUNDING_VND) claims.push({ ...claim, difference });
  }
  return claims;
}

/** Reconciles one statement's lines; pure, so the dashboard, the CLI and the benchmark share it. */
export function reconcileStatement(
  lines: readonly StatementLine[],
  sheets: readonly SheetSummary[],
  context: ReconcileContext,
): ReconcileReport {
  const hasOrderSource = context.expectations.size > 0 || context.ordersComplete;
  const basis: ExpectationBasis = !hasOrderSource
    ? 'statement'
    : [...context.expectations.values()].some((list) => list.some((entry) => entry.source === 'orders'))
      ? 'orders'
      : 'tiki-api';
  const orders: OrderResult[] = [];
  const counts = emptyCounts();
  const claims: FeeClaim[] = [];
  const unassigned = { lineCount: 0, netAmount: 0 };

  for (const [orderCode, group] of groupByOrder(lines)) {
    if (orderCode === '') {
      unassigned.lineCount += group.length;
      for (const line of group) unassigned.netAmount += line.netAmount;
      continue;
    }
    let paid = 0;
    let sales = 0;
    let rma = 0;
    let adjustments = 0;
    let gross = 0;
    let feeTotal = 0;
    let saleLines = 0;
    let rmaLines = 0;
    let computedSales: number | null = 0;
    let saleValue: number | null = 0;
    let rounding = 0;
    const fees: Partial<Record<FeeType, number>> = {};
    // Most orders have one line: only longer groups need a count of repeated contents.
    const hashes = group.length > 1 ? new Map<string, number>() : null;
    const skus: string[] = [];
    for (const line of group) {
      paid += line.netAmount;
      if (line.kind === 'sale') {
        sales += line.netAmount;
        saleLines++;
        computedSales =
          line.computedNet === null || computedSales === null ? null : computedSales + line.computedNet;
        saleValue =
          line.gross === null || saleValue === null ? null : saleValue + line.gross - line.sellerDiscount;
        if (line.sellerDiscount !== 0) rounding += Math.floor((line.quantity ?? 1) / 2);
      } else if (line.kind === 'rma') {
        rma += line.netAmount;
        rmaLines++;
      } else adjustments += line.netAmount;
      gross += line.gross ?? 0;
      feeTotal += line.feeTotal;
      addFees(fees, line.fees);
      hashes?.set(line.contentHash, (hashes.get(line.contentHash) ?? 0) + 1);
      const sku = line.sellerSku || line.sku;
      if (sku !== '' && !skus.includes(sku)) skus.push(sku);
    }
    let duplicateLines = 0;
    if (hashes) for (const count of hashes.values()) duplicateLines += count - 1;

    const candidates = context.expectations.get(orderCode) ?? [];
    const known = candidates.length === 1 ? candidates[0]! : null;
    let state: ReconciliationState;
    let reason: LocalizedText | null = null;
    let expected: number | null = null;
    let difference: number | null = null;
    const compare = (salesExpected: number) => {
      expected = salesExpected;
      difference = sales - salesExpected;
      return stateOfDifference(difference);
    };
    if (basis === 'statement') {
      if (saleLines === 0) {
        state = 'needs_review';
        reason = review('noSaleLine');
      } else if (computedSales === null) {
        state = 'needs_review';
        reason = review('noExpectation');
      } else state = compare(computedSales);
    } else if (candidates.length > 1) {
      state = 'needs_review';
      reason = review('severalShops', { count: candidates.length });
    } else if (!known) {
      if (context.ordersComplete || context.notFound.has(orderCode)) state = 'unknown_order';
      else {
        state = 'needs_review';
        reason = review('notLookedUp');
      }
    } else if (saleLines === 0) {
      state = 'needs_review';
      reason = review('noSaleLine');
    } else if (known.sellerIncome === null) {
      state = 'needs_review';
      reason = review('noIncome');
    } else state = compare(known.sellerIncome);
    const nhanh = compareWithNhanh(known?.nhanhOrderId ?? null, known?.nhanh ?? null, {
      lines: saleLines,
      value: saleLines > 0 ? saleValue : null,
      returned: rmaLines > 0,
      rounding,
    });
    if (nhanh.disagrees && state === 'matched') {
      state = 'needs_review';
      reason = nhanh.nhanhFinding;
    }
    if (duplicateLines > 0) {
      state = 'suspected_duplicate';
      reason = review('duplicate', { count: duplicateLines + 1 });
    }
    if (expected !== null) expected = (expected as number) + rma + adjustments;

    counts[state]++;
    if (context.contract) claims.push(...claimsOf(orderCode, group, context.contract));
    orders.push({
      orderCode,
      state,
      reason,
      basis,
      shopId: known?.shopId ?? null,
      nhanhOrderId: known?.nhanhOrderId ?? null,
      expected,
      paid,
      sales,
      rma,
      adjustments,
      difference,
      gross,
      fees,
      feeTotal,
      feeRate: gross > 0 ? feeTotal / gross : null,
      expectedFees: known?.fees ?? null,
      lineCount: group.length,
      duplicateLines,
      daysOutstanding: null,
      skus,
      saleValue: saleLines > 0 ? saleValue : null,
      nhanhAmount: nhanh.nhanhAmount,
      nhanhStatus: nhanh.nhanhStatus,
      nhanhDifference: nhanh.nhanhDifference,
      nhanhFinding: nhanh.nhanhFinding,
      reconciledAt: null,
    });
  }

  // Successful in the period, in no statement: Tiki has not paid it yet.
  if (context.period && hasOrderSource) {
    const inThisStatement = new Set(orders.map((order) => order.orderCode));
    for (const [orderCode, list] of context.expectations) {
      const order = list[0];
      if (list.length !== 1 || !order || order.successAt === null) continue;
      if (order.successAt < context.period.from || order.successAt > context.period.to) continue;
      if (inThisStatement.has(orderCode) || context.inOtherStatements.has(orderCode)) continue;
      counts.unpaid++;
      orders.push({
        orderCode,
        state: 'unpaid',
        reason: null,
        basis,
        shopId: order.shopId,
        nhanhOrderId: order.nhanhOrderId,
        expected: order.sellerIncome,
        paid: 0,
        sales: 0,
        rma: 0,
        adjustments: 0,
        difference: order.sellerIncome === null ? null : -order.sellerIncome,
        gross: 0,
        fees: {},
        feeTotal: 0,
        feeRate: null,
        expectedFees: order.fees,
        lineCount: 0,
        duplicateLines: 0,
        daysOutstanding: Math.max(0, Math.floor((context.now - order.successAt) / DAY_MS)),
        skus: [],
        saleValue: null,
        ...NO_NHANH,
        reconciledAt: null,
      });
    }
  }

  const totals = totalsOf(lines);
  const totalChecks = sheets
    .filter((sheet) => sheet.declaredTotal !== null)
    .map((sheet) => ({
      sheet: sheet.name,
      declared: sheet.declaredTotal as number,
      computed: sheet.computedTotal,
      difference: sheet.computedTotal - (sheet.declaredTotal as number),
    }));
  return { basis, orders, counts, fees: totals.fees, claims, totalChecks, unassigned, totals };
}
