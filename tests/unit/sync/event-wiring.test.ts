import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsSchemaFor } from '../../../lib/settings';
import { EVENT_PULL_ALARM, ORDER_SYNC_ALARM, scheduleEventPull } from '../../../lib/sync/alarms';
import { keepOrderEventsFlowing, PAGE_PULL_MS } from '../../../lib/sync/page-pull';
import { createShopLanes, LANE_BUSY } from '../../../lib/sync/shop-lanes';

const shop = { id: 's1', name: 'Shop', connectionKey: '12345678-1234-4123-a123-123456789012' };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('the event queue pull alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should pull every minute while a shop syncs automatically, whatever the sync interval, and stop when none does', async () => {
    const alarms = fakeBrowser.alarms;
    const on = settingsSchemaFor('development').parse({
      shops: [shop],
      autoSync: { enabled: true, intervalMinutes: 30 },
    });
    expect(await scheduleEventPull(alarms, on)).toBe('created');
    expect((await alarms.get(EVENT_PULL_ALARM))?.periodInMinutes).toBe(1);
    expect(await alarms.get(ORDER_SYNC_ALARM)).toBeUndefined();
    expect(await scheduleEventPull(alarms, on)).toBe('kept');

    const off = settingsSchemaFor('development').parse({ shops: [shop] });
    expect(await scheduleEventPull(alarms, off)).toBe('cleared');
    expect(await alarms.get(EVENT_PULL_ALARM)).toBeUndefined();
  });
});

describe('the lanes of the shops', () => {
  it('should run a shop sync after the pull under way, and skip a pull while the shop is busy', async () => {
    const lanes = createShopLanes();
    const order: string[] = [];
    const pull = deferred();
    const pulling = lanes.tryNow('s1', async () => {
      order.push('pull starts');
      await pull.promise;
      order.push('pull ends');
    });
    const sync = lanes.queue('s1', async () => {
      order.push('sync');
      return 'synced';
    });
    const otherShop = lanes.tryNow('s2', async () => 'other shop pulled');

    expect(await lanes.tryNow('s1', async () => 'second pull')).toBe(LANE_BUSY);
    expect(await otherShop).toBe('other shop pulled');
    pull.resolve();
    await pulling;
    expect(await sync).toBe('synced');
    expect(order).toEqual(['pull starts', 'pull ends', 'sync']);
    expect(await lanes.tryNow('s1', async () => 'pulled again')).toBe('pulled again');
  });

  it('should let an alarm that fires during a shop sync join it instead of starting a second sync right after', async () => {
    const lanes = createShopLanes();
    const sync = deferred();
    let syncs = 0;
    const runSync = () => {
      syncs++;
      return sync.promise.then(() => `run ${syncs}`);
    };
    const resumed = lanes.queueOnce('s1', 'order-sync', runSync);
    const alarm = lanes.queueOnce('s1', 'order-sync', runSync);
    const otherShop = lanes.queueOnce('s2', 'order-sync', async () => 'other shop synced');
    sync.resolve();
    expect(await resumed).toBe('run 1');
    expect(await alarm).toBe('run 1');
    expect(await otherShop).toBe('other shop synced');
    // Once it ended, the next alarm starts a new run; a seller's import never joins an automatic one.
    expect(await lanes.queueOnce('s1', 'order-sync', runSync)).toBe('run 2');
    const automatic = lanes.queueOnce('s1', 'order-sync', runSync);
    const sellers = lanes.queueOnce('s1', 'order-sync', runSync, false);
    expect([await automatic, await sellers]).toEqual(['run 3', 'run 4']);
    expect(syncs).toBe(4);
  });

  it('should keep the lane going after a task failed', async () => {
    const lanes = createShopLanes();
    const failing = lanes.queue('s1', () => Promise.reject(new Error('Nhanh down')));
    await expect(failing).rejects.toThrow('Nhanh down');
    expect(await lanes.queue('s1', async () => 'next')).toBe('next');
  });
});

describe('an open page asking for pulls', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should ask at once and every 15 s, through refused asks, until the page leaves', async () => {
    let asks = 0;
    const stop = keepOrderEventsFlowing(() => {
      asks++;
      return asks === 2 ? Promise.reject(new Error('worker restarting')) : Promise.resolve();
    });
    expect(asks).toBe(1);
    await vi.advanceTimersByTimeAsync(3 * PAGE_PULL_MS);
    expect(asks).toBe(4);
    stop();
    await vi.advanceTimersByTimeAsync(3 * PAGE_PULL_MS);
    expect(asks).toBe(4);
  });

  it('should stop asking once the extension context is gone', async () => {
    let asks = 0;
    keepOrderEventsFlowing(() => {
      asks++;
      throw new Error('Extension context invalidated.');
    });
    await vi.advanceTimersByTimeAsync(3 * PAGE_PULL_MS);
    expect(asks).toBe(1);
  });
});
