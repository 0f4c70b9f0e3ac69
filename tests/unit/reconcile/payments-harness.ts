import { expect } from 'vitest';
import { loadExpectations } from '../../../lib/reconcile/expectation-source';
import { parseStatement } from '../../../lib/reconcile/parse';
import { type PaymentJobDeps, previewPayments, runNhanhPayments } from '../../../lib/reconcile/payment-job';
import {
  type ExpectationRequest,
  findingsOf,
  importStatement,
  matchStatement,
} from '../../../lib/reconcile/store';
import { createTikiStatement } from '../../../sandbox/statement';
import type { OrdersSetup } from '../orders/harness';

/**
 * A reconciled statement ready for "Ghi nhận thanh toán vào Nhanh": Tiki's successful orders imported into the
 * sandbox's Nhanh (where they are Thành công), the sandbox's statement imported and matched with Tiki and Nhanh,
 * the shop's transfer account set; `run` records its payouts, `preview` asks what would be recorded.
 */

export const ACCOUNT_ID = 9001;
export const STATEMENT = 'statement';

export async function reconciled(setup: OrdersSetup) {
  await setup.pairProducts();
  expect((await setup.run({ groups: ['success'] })).kind).toBe('done');
  const file = createTikiStatement(setup.sandbox.seed.tiki.shops[0]!, setup.clock.now());
  const parsed = parseStatement(file.bytes, file.fileName);
  const importDeps = {
    db: setup.db,
    now: () => setup.clock.now(),
    contract: null,
    loadExpectations: (request: ExpectationRequest) =>
      loadExpectations(request, {
        db: setup.db,
        settings: setup.settings,
        fetch: setup.sandbox.fetch,
        clock: setup.clock,
      }),
  };
  await importStatement(STATEMENT, parsed, importDeps);
  const findings = await findingsOf(setup.db, STATEMENT);
  const eligible = findings.filter((finding) => finding.state === 'matched' && finding.nhanhOrderId !== null);
  expect(eligible.length).toBeGreaterThan(5);
  const settings = {
    ...setup.settings,
    shops: setup.settings.shops.map((shop) => ({ ...shop, nhanhTransferAccountId: ACCOUNT_ID })),
  };
  const deps: PaymentJobDeps = {
    db: setup.db,
    clock: setup.clock,
    lease: { holder: 'test-runner' },
    settings,
    nhanh: setup.nhanh,
    secrets: [],
  };
  return {
    eligible,
    deps,
    run: (
      overrides: Partial<PaymentJobDeps> = {},
      kind: 'start' | 'resume' = 'start',
      addedByHand: string[] = [],
    ) => runNhanhPayments({ ...deps, ...overrides }, { statementId: STATEMENT, addedByHand, kind }),
    rematch: () => matchStatement(STATEMENT, importDeps),
    preview: (addedByHand: string[] = []) =>
      previewPayments({ ...deps, nhanh: setup.nhanh }, { statementId: STATEMENT, addedByHand }),
  };
}
