import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LocalizedText } from '../../../lib/i18n';
import {
  decideOrderSyncNotice,
  type FinishedRun,
  NOTHING_TOLD,
  nextOrderSyncNotice,
  type OrderSyncNotice,
} from '../../../lib/sync/notice';
import { ordersSetup } from '../orders/harness';

const tokenExpired: LocalizedText = { key: 'nhanh.err.reconnect' };
const rateLimited = (seconds: number): LocalizedText => ({
  key: 'nhanh.err.rateLimited',
  params: { seconds },
});

const done = (newlyBlocked = 0): FinishedRun => ({ kind: 'done', error: null, newlyBlocked });
const failed = (error: LocalizedText | null, newlyBlocked = 0): FinishedRun => ({
  kind: 'failed',
  error,
  newlyBlocked,
});

/** The notices a series of runs of one shop gives, each run judged against what the ones before told. */
function notices(runs: FinishedRun[]): (OrderSyncNotice | null)[] {
  let told = NOTHING_TOLD;
  return runs.map((run) => {
    const decision = decideOrderSyncNotice(run, told);
    told = decision.told;
    return decision.notice;
  });
}

describe('when an order sync notifies the seller', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should tell a lasting failure once, not on every auto-sync run', () => {
    expect(notices([failed(tokenExpired), failed(tokenExpired), failed(tokenExpired)])).toEqual([
      { kind: 'failed' },
      null,
      null,
    ]);
  });

  it('should tell a failure different from the last one, and any failure after a success', () => {
    expect(
      notices([
        failed(tokenExpired),
        failed(rateLimited(30)),
        failed(rateLimited(30)),
        done(),
        failed(rateLimited(30)),
      ]),
    ).toEqual([{ kind: 'failed' }, { kind: 'failed' }, null, null, { kind: 'failed' }]);
  });

  it('should take one problem reported with other details (seconds to wait) as the same failure', () => {
    expect(notices([failed(rateLimited(30)), failed(rateLimited(12))])).toEqual([{ kind: 'failed' }, null]);
  });

  it('should tell newly blocked orders, also during a failure already told, and stay quiet without them', () => {
    expect(
      notices([done(3), done(0), done(2), failed(tokenExpired, 1), failed(tokenExpired, 4), done(0)]),
    ).toEqual([
      { kind: 'blocked', count: 3 },
      null,
      { kind: 'blocked', count: 2 },
      { kind: 'failed' },
      { kind: 'blocked', count: 4 },
      null,
    ]);
  });

  it('should remember per shop, across service workers, and start afresh from unreadable storage', async () => {
    expect(await nextOrderSyncNotice('s1', failed(tokenExpired))).toEqual({ kind: 'failed' });
    expect(await nextOrderSyncNotice('s2', failed(tokenExpired))).toEqual({ kind: 'failed' });
    expect(await nextOrderSyncNotice('s1', failed(tokenExpired))).toBeNull();

    await fakeBrowser.storage.local.set({ orderSyncTold: { s1: { failure: 42 } } });
    expect(await nextOrderSyncNotice('s1', failed(tokenExpired))).toEqual({ kind: 'failed' });
    expect(await nextOrderSyncNotice('s1', failed(tokenExpired))).toBeNull();
  });

  it('should notify once for a shop whose orders stay blocked through auto-sync runs and a manual import', async () => {
    const setup = await ordersSetup();
    const told: (OrderSyncNotice | null)[] = [];
    const runs = [
      { kind: 'resume-or-auto', groups: ['new'] },
      { kind: 'resume-or-auto', groups: ['new'] },
      { kind: 'start', trigger: 'manual', groups: ['new'] },
      { kind: 'resume-or-auto', groups: ['new'] },
    ] as const;
    let blocked = 0;
    for (const request of runs) {
      setup.clock.advance(15 * 60_000);
      const result = await setup.run(request);
      if (result.kind !== 'done') throw new Error(`run ended ${result.kind}`);
      blocked = Math.max(blocked, result.cursor.counts.blocked);
      const { newlyBlocked, error } = result.cursor;
      told.push(await nextOrderSyncNotice('shop-1', { kind: 'done', error, newlyBlocked }));
    }
    // Nothing is paired: every new order in the window is blocked, and stays so.
    expect(blocked).toBeGreaterThan(10);
    expect(told).toEqual([{ kind: 'blocked', count: blocked }, null, null, null]);
  });
});
