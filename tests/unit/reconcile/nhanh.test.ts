import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OrderRecord } from '../../../lib/db';
import { translate } from '../../../lib/i18n';
import { loadExpectations, MAX_NHANH_LOOKUP_CALLS } from '../../../lib/reconcile/expectation-source';
import { parseStatement } from '../../../lib/reconcile/parse';
import { findingsOf, importStatement } from '../../../lib/reconcile/store';
import { createTikiStatement } from '../../../sandbox/statement';
import { type OrdersSetup, ordersSetup, SHOP_ID } from '../orders/harness';
import { storedOrder } from './stored-orders';

/**
 * The Nhanh side of reconciliation against the sandbox: orders imported into the sandbox's Nhanh by the orders
 * feature, then changed there as a seller would in Nhanh's own screens (the sandbox's admin route), then the
 * sandbox's statement imported.
 */

async function importedOrders(setup: OrdersSetup) {
  await setup.pairProducts();
  const result = await setup.run({ groups: ['success'] });
  expect(result.kind).toBe('done');
  return setup.db.getAllFromIndex('orders', 'by-shop', SHOP_ID);
}

/** The seller's edit of a Nhanh order in Nhanh's own screens, through the sandbox's admin route. */
async function editInNhanh(setup: OrdersSetup, nhanhOrderId: number, edit: unknown) {
  const response = await setup.sandbox.fetch(`http://127.0.0.1/__admin/nhanh/orders/${nhanhOrderId}`, {
    method: 'POST',
    body: JSON.stringify(edit),
  });
  expect(response.status).toBe(200);
}

/** The sandbox's statement of the last 30 days, with its planted mistakes. */
function statementOf(setup: OrdersSetup) {
  return createTikiStatement(setup.sandbox.seed.tiki.shops[0]!, setup.clock.now());
}

async function reconcile(setup: OrdersSetup) {
  const file = statementOf(setup);
  const parsed = parseStatement(file.bytes, file.fileName);
  const callsBefore = setup.sandbox.nhanh.snapshot().rateLimit.accepted;
  const outcome = await importStatement('statement', parsed, {
    db: setup.db,
    now: () => setup.clock.now(),
    contract: null,
    loadExpectations: (request) =>
      loadExpectations(request, {
        db: setup.db,
        settings: setup.settings,
        fetch: setup.sandbox.fetch,
        clock: setup.clock,
      }),
  });
  expect(outcome.status).toBe('imported');
  const findings = await findingsOf(setup.db, 'statement');
  return {
    findings: new Map(findings.map((finding) => [finding.orderCode, finding])),
    nhanhCalls: setup.sandbox.nhanh.snapshot().rateLimit.accepted - callsBefore,
  };
}

describe('reconciling against the orders imported into Nhanh', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should show exactly the Nhanh order the seller edited and the one canceled while Tiki paid it', async () => {
    const setup = await ordersSetup();
    const records = await importedOrders(setup);
    const file = statementOf(setup);
    const planted = new Set(Object.values(file.discrepancies));
    const inStatement = new Set(
      parseStatement(file.bytes, file.fileName).lines.map((line) => line.orderCode),
    );
    const linked = records.filter(
      (record) => record.nhanhOrderId !== null && inStatement.has(record.code) && !planted.has(record.code),
    );
    expect(linked.length).toBeGreaterThan(5);
    const [edited, canceled] = linked as [OrderRecord, OrderRecord];
    const before = setup.nhanhOrders().get(edited.code)!;
    const line = before.products[0]!;
    await editInNhanh(setup, edited.nhanhOrderId!, { products: [{ price: line.price + 25_000 }] });
    await editInNhanh(setup, canceled.nhanhOrderId!, { status: 'Canceled' });

    const { findings, nhanhCalls } = await reconcile(setup);

    const editedFinding = findings.get(edited.code)!;
    expect(editedFinding).toMatchObject({
      state: 'needs_review',
      nhanhOrderId: edited.nhanhOrderId,
      nhanhDifference: -25_000 * line.quantity,
    });
    expect(editedFinding.nhanhAmount).toBe((editedFinding.saleValue ?? 0) + 25_000 * line.quantity);
    expect(translate('vi', editedFinding.reason!)).toContain(`Đơn Nhanh ${edited.nhanhOrderId} ghi`);
    const canceledFinding = findings.get(canceled.code)!;
    expect(canceledFinding).toMatchObject({ state: 'needs_review', nhanhStatus: 'Khách hủy' });
    expect(translate('vi', canceledFinding.reason!)).toContain('nhưng Tiki đã thanh toán đơn này');

    // Every other linked order agrees with Nhanh, seller discounts and per-unit rounding included.
    const withNhanhFinding = linked.filter((record) => findings.get(record.code)?.nhanhFinding);
    expect(withNhanhFinding.map((record) => record.code).sort()).toEqual([edited.code, canceled.code].sort());
    for (const record of linked)
      expect(findings.get(record.code)?.nhanhAmount, record.code).toEqual(expect.any(Number));
    // One order/list per batch of 100 codes and 31-day window, not one per order.
    expect(nhanhCalls).toBeLessThanOrEqual(Math.ceil(linked.length / 100) * 2 + 2);
  });

  it('should keep the statement and say "not compared" when Nhanh refuses the token', async () => {
    const setup = await ordersSetup();
    await importedOrders(setup);
    setup.sandbox.nhanh.expireTokens();

    const { findings, nhanhCalls } = await reconcile(setup);

    const linked = [...findings.values()].filter(
      (finding) => finding.nhanhOrderId !== null && finding.lineCount > 0,
    );
    expect(linked.length).toBeGreaterThan(5);
    for (const finding of linked) {
      expect(finding.nhanhFinding?.key).toBe('reconcile.nhanh.failed');
      expect(finding.state).not.toBe('needs_review');
    }
    expect(nhanhCalls).toBe(1);
  });

  it('should look linked orders up by Nhanh id, however old, and not past its call budget', async () => {
    const setup = await ordersSetup();
    const sixYearsAgo = setup.clock.now() - 6 * 365 * 86_400_000;
    // One batch of 100 ids more than the budget allows: the oldest 100 are left "not compared".
    const count = (MAX_NHANH_LOOKUP_CALLS + 1) * 100;
    const tx = setup.db.transaction('orders', 'readwrite');
    for (let index = 0; index < count; index++)
      void tx.store.put(
        storedOrder({
          shopId: SHOP_ID,
          code: `OLD-${index}`,
          tikiCreatedAt: sixYearsAgo + index * 1000,
          tikiUpdatedAt: sixYearsAgo + index * 1000,
          nhanhOrderId: 2_000_001 + index,
        }),
      );
    await tx.done;
    const callsBefore = setup.sandbox.nhanh.snapshot().rateLimit.accepted;

    const loaded = await loadExpectations(
      { codes: Array.from({ length: count }, (_, index) => `OLD-${index}`), sellerId: null, period: null },
      { db: setup.db, settings: setup.settings, fetch: setup.sandbox.fetch, clock: setup.clock },
    );

    // Newest first: the newest is compared (missing in Nhanh), the oldest is past the budget.
    expect(loaded.expectations.get(`OLD-${count - 1}`)?.[0]?.nhanh).toEqual({ kind: 'missing' });
    expect(loaded.expectations.get('OLD-0')?.[0]?.nhanh).toEqual({ kind: 'unchecked', why: 'limit' });
    expect(setup.sandbox.nhanh.snapshot().rateLimit.accepted - callsBefore).toBe(MAX_NHANH_LOOKUP_CALLS);
  });
});
