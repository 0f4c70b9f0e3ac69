import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanionDatabase, OrderRecord } from '../../lib/db';
import { translate } from '../../lib/i18n';
import type { SurpriseReport } from '../../sandbox/surprise';
import { type OrdersSetup, SHOP_ID } from '../unit/orders/harness';
import { ALL_GROUPS, type NhanhOutcome, nhanhOutcome, pairedShop } from './orders-harness';

/*
 * Contract surprise: Tiki and Nhanh answer with the drift real APIs show (optional fields dropped or null,
 * unknown keys and enum values, numbers as strings, `order/add` answering `[{id}]`), a few Tiki orders truly
 * unreadable (no items, a line without a product id) and a few statuses nobody documented. Per seed: pair the
 * shop as the seller does, switch the fault on, import every group, move some orders on Tiki, import again.
 * Expected: both runs end `done`; every order the fault-free import creates is in Nhanh exactly once with the
 * same status and lines, except the ones the fault made unreadable (listed with a reason, not in Nhanh) and
 * the ones it gave an undocumented status (in Nhanh once, or listed with a reason).
 */

/** Seeds of the trials: fixed, so a failure reproduces by its seed. */
const SEEDS = Array.from({ length: 50 }, (_, i) => 12_001 + i);
/** Share of records (and answer shapes) that drift in each answer. */
const RATE = 0.3;
/** Share of Tiki orders that are unreadable, and of orders given an undocumented status. */
const RARE_RATE = 0.03;
/** Orders moved on Tiki between the two runs, per direction (New → canceled, Confirmed → complete). */
const MOVES_PER_DIRECTION = 5;

/**
 * A Tiki order the import could not read is kept in the `orders` store under `[shopId, code]` with
 * `syncState: 'unreadable'`, a `reason` the seller can read, and no Nhanh order.
 */
async function listedAsUnreadable(db: CompanionDatabase, code: string): Promise<OrderRecord | undefined> {
  const record = await db.get('orders', [SHOP_ID, code]);
  const unreadable = record?.syncState === 'unreadable';
  return unreadable && record?.reason && record.nhanhOrderId === null ? record : undefined;
}

/** Listed with a reason the seller can read, whatever the state (unreadable, failed, conflict…). */
async function listedWithReason(db: CompanionDatabase, code: string): Promise<OrderRecord | undefined> {
  const record = await db.get('orders', [SHOP_ID, code]);
  return record?.reason ? record : undefined;
}

function expectReadableReason(record: OrderRecord, code: string) {
  const sentence = translate('vi', record.reason!);
  expect(sentence, `reason of ${code} is an untranslated key`).not.toBe(record.reason!.key);
}

interface Moves {
  cancel: string[];
  complete: string[];
}

/** Both runs of a trial: import everything, move some orders on Tiki a minute later, import again. */
async function importTwice(setup: OrdersSetup, moves: Moves) {
  const first = await setup.run({ groups: ALL_GROUPS });
  setup.clock.advance(60_000);
  for (const code of moves.cancel) setup.sandbox.tiki.setOrderStatus(code, 'canceled');
  for (const code of moves.complete) setup.sandbox.tiki.setOrderStatus(code, 'complete');
  setup.clock.advance(60_000);
  const second = await setup.run({ groups: ALL_GROUPS });
  return { first, second };
}

/** A run's end as a line a failing assertion can show: its kind, and the stopping error in Vietnamese. */
function describeRun(result: Awaited<ReturnType<OrdersSetup['run']>>): string {
  if (!('cursor' in result)) return result.kind;
  const error = result.cursor.error;
  return error ? `${result.kind}: ${translate('vi', error)}` : result.kind;
}

let reference: NhanhOutcome;
let moves: Moves;
const totals = { unreadable: 0, unknownTiki: 0, unknownNhanh: 0, listedUnreadable: 0, driftedAnswers: 0 };

beforeAll(async () => {
  // Which orders to move: chosen from the fault-free first run, then replayed identically in every trial.
  const setup = await pairedShop();
  const first = await setup.run({ groups: ALL_GROUPS });
  if (first.kind !== 'done') throw new Error(`reference import ended ${first.kind}`);
  const after = nhanhOutcome(setup.sandbox).orders;
  const codes = (status: string) =>
    Object.keys(after)
      .filter((code) => after[code]!.status === status)
      .sort()
      .slice(0, MOVES_PER_DIRECTION);
  moves = { cancel: codes('New'), complete: codes('Confirmed') };
  const fresh = await pairedShop();
  const { first: again, second } = await importTwice(fresh, moves);
  if (again.kind !== 'done' || second.kind !== 'done') throw new Error('reference import did not finish');
  reference = nhanhOutcome(fresh.sandbox);
}, 120_000);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('order import under contract surprise', () => {
  it('should have a reference that creates orders and moves some of them on the second run', () => {
    expect(Object.keys(reference.orders).length).toBeGreaterThan(50);
    expect(moves.cancel).toHaveLength(MOVES_PER_DIRECTION);
    expect(moves.complete).toHaveLength(MOVES_PER_DIRECTION);
    for (const code of moves.cancel) expect(reference.orders[code]?.status).toBe('Canceled');
    for (const code of moves.complete) expect(reference.orders[code]?.status).toBe('Success');
  });

  it.each(SEEDS)(
    'should import every readable order once and list the unreadable ones (seed %i)',
    async (seed) => {
      const setup = await pairedShop();
      setup.sandbox.setFaults({ contractSurprise: { seed, rate: RATE, unreadableRate: RARE_RATE } });
      const { first, second } = await importTwice(setup, moves);
      const report: SurpriseReport = setup.sandbox.surprise();
      const unreadable = new Set(report.tiki.unreadableOrders.map(({ code }) => code));
      const unknownTiki = new Set(report.tiki.unknownStatusOrders.map(({ code }) => code));
      const unknownNhanh = new Set(report.nhanh.unknownStatusOrders.map(({ appOrderId }) => appOrderId));
      totals.driftedAnswers += report.answers;
      totals.unreadable += unreadable.size;
      totals.unknownTiki += unknownTiki.size;
      totals.unknownNhanh += unknownNhanh.size;
      expect(report.tiki.driftedOrders.length, 'the fault changed no Tiki order').toBeGreaterThan(0);

      expect(first.kind, `first run ended ${describeRun(first)}`).toBe('done');
      expect(second.kind, `second run ended ${describeRun(second)}`).toBe('done');

      const actual = nhanhOutcome(setup.sandbox);
      expect(actual.duplicates, 'orders created twice in Nhanh').toEqual([]);
      for (const code of Object.keys(actual.orders))
        expect(reference.orders[code], `${code} is in Nhanh but not in the reference`).toBeDefined();

      for (const [code, expected] of Object.entries(reference.orders)) {
        const got = actual.orders[code];
        if (unreadable.has(code)) {
          expect(got, `unreadable ${code} reached Nhanh`).toBeUndefined();
          const listed = await listedAsUnreadable(setup.db, code);
          expect(listed, `unreadable ${code} is not listed as unreadable with a reason`).toBeDefined();
          expectReadableReason(listed!, code);
          totals.listedUnreadable++;
        } else if (unknownTiki.has(code)) {
          // An undocumented Tiki status: imported once (same lines), or set aside with a reason.
          if (got) expect(got.products, `lines of ${code}`).toEqual(expected.products);
          else {
            const listed = await listedWithReason(setup.db, code);
            expect(listed, `${code} (unknown Tiki status) is neither in Nhanh nor listed`).toBeDefined();
            expectReadableReason(listed!, code);
          }
        } else if (unknownNhanh.has(code)) {
          // Nhanh answered an undocumented status: in Nhanh once; a status it could not follow is explained.
          expect(got, `${code} missing from Nhanh`).toBeDefined();
          expect(got!.products, `lines of ${code}`).toEqual(expected.products);
          if (got!.status !== expected.status) {
            const listed = await listedWithReason(setup.db, code);
            expect(listed, `${code} stayed ${got!.status} without a reason`).toBeDefined();
          }
        } else expect(got, `readable ${code}`).toEqual(expected);
      }
    },
  );

  it('should have met every kind of surprise across the seeds', () => {
    console.info(`contract surprise over ${SEEDS.length} seeds: ${JSON.stringify(totals)}`);
    expect(totals.driftedAnswers).toBeGreaterThan(SEEDS.length);
    expect(totals.unreadable).toBeGreaterThan(0);
    expect(totals.listedUnreadable).toBeGreaterThan(0);
    expect(totals.unknownTiki).toBeGreaterThan(0);
  });
});
