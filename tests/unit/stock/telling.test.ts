import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings, settingsSchemaFor } from '../../../lib/settings';
import { readStatus } from '../../../lib/status/status';
import { decideStockNotice, failureLines } from '../../../lib/stock/outcome';
import {
  needsFullPass,
  pushesAutomatically,
  STOCK_PUSH_ALARM,
  scheduleStockPush,
} from '../../../lib/stock/schedule';
import { updateStockShopState } from '../../../lib/stock/shop-state';
import type { StockRunSummary } from '../../../lib/stock/types';
import type { AlarmsApi } from '../../../lib/sync/alarms';
import { pushedShop } from './harness';

const rejected = { key: 'tiki.error.updateRejected' as const, params: { detail: 'x' } };

function run(input: Partial<StockRunSummary> = {}): StockRunSummary {
  return {
    runId: 'run-1',
    trigger: 'auto',
    startedAt: 1,
    finishedAt: 2,
    ok: true,
    sent: 3,
    unchanged: 4,
    failed: 0,
    blocked: 0,
    failures: [],
    error: null,
    ...input,
  };
}

const failing = (...ids: number[]) =>
  run({
    failed: ids.length,
    failures: ids.map((id) => ({ tikiProductId: id, name: `P${id}`, text: rejected })),
  });

describe('when the seller is told of a stock push', () => {
  it("should write each refused product in Nhật ký in words, with Tiki's own text when Tiki gave one", () => {
    const summary = run({
      failed: 2,
      failures: [
        {
          tikiProductId: 7,
          name: 'Áo thun',
          text: { key: 'tiki.error.updateRejected', params: { detail: 'Sai kho' } },
        },
        { tikiProductId: 8, name: 'Quần', text: { key: 'tiki.error.serverError', params: { status: 503 } } },
      ],
    });
    expect(failureLines(summary, 'vi').split('\n')).toEqual([
      '#7 Áo thun: Tiki không nhận thay đổi của sản phẩm này. Tiki báo: Sai kho',
      '#8 Quần: Máy chủ Tiki đang gặp sự cố (lỗi 503). Hãy thử lại sau ít phút.',
    ]);
    expect(failureLines(summary, 'en')).not.toContain('tiki.error');
  });

  it('should notify for products that newly fail, not for the same failures run after run', () => {
    const first = decideStockNotice(failing(1, 2), { toldFailures: [], lastRun: null });
    expect(first.notice).toEqual({ kind: 'failed', count: 2 });
    const again = decideStockNotice(failing(1, 2), {
      toldFailures: first.toldFailures,
      lastRun: failing(1, 2),
    });
    expect(again.notice).toBeNull();
    const more = decideStockNotice(failing(1, 3), {
      toldFailures: again.toldFailures,
      lastRun: failing(1, 2),
    });
    expect(more.notice).toEqual({ kind: 'failed', count: 2 });
    // A product that recovered and fails again is news again.
    const recovered = decideStockNotice(run(), { toldFailures: more.toldFailures, lastRun: failing(1, 3) });
    expect(recovered).toEqual({ notice: null, toldFailures: [] });
    expect(decideStockNotice(failing(1), { toldFailures: [], lastRun: run() }).notice).not.toBeNull();
  });

  it('should notify once for a run stopped by a new reason, not while the same outage lasts', () => {
    const outage = run({ ok: false, error: { key: 'tiki.error.serverError', params: { status: 503 } } });
    expect(decideStockNotice(outage, { toldFailures: [], lastRun: run() }).notice).toEqual({
      kind: 'stopped',
    });
    expect(decideStockNotice(outage, { toldFailures: [], lastRun: outage }).notice).toBeNull();
    const turnedOff = run({ ok: false, error: { key: 'stock.err.disabled' } });
    expect(decideStockNotice(turnedOff, { toldFailures: [], lastRun: run() }).notice).toBeNull();
  });
});

describe('when the stock push runs by itself', () => {
  const settings = (autoSync: boolean, stockPush: boolean) =>
    settingsSchemaFor('development').parse({
      autoSync: { enabled: autoSync, intervalMinutes: 20 },
      shops: [pushedShop(stockPush)],
    });

  function fakeAlarms() {
    const alarms = new Map<string, number>();
    const api: AlarmsApi = {
      get: async (name) => (alarms.has(name) ? { name, periodInMinutes: alarms.get(name) } : undefined),
      create: (name, info) => void alarms.set(name, info.periodInMinutes),
      clear: async (name) => alarms.delete(name),
    };
    return { alarms, api };
  }

  it('should keep an alarm on the auto-sync interval only while auto-sync and a shop’s push are on', async () => {
    const { alarms, api } = fakeAlarms();
    expect(await scheduleStockPush(api, settings(true, true))).toBe('created');
    expect(alarms.get(STOCK_PUSH_ALARM)).toBe(20);
    expect(await scheduleStockPush(api, settings(true, true))).toBe('kept');
    expect(await scheduleStockPush(api, settings(false, true))).toBe('cleared');
    expect(await scheduleStockPush(api, settings(true, false))).toBe('cleared');
    expect(alarms.has(STOCK_PUSH_ALARM)).toBe(false);
  });

  it('should wait for the approval from the preview and stop while Tiki refuses the shop', () => {
    const ok = { state: 'ok' as const, checkedAt: 1 };
    expect(pushesAutomatically({ approvedAt: null, capability: ok })).toBe(false);
    expect(pushesAutomatically({ approvedAt: 5, capability: ok })).toBe(true);
    expect(
      pushesAutomatically({
        approvedAt: 5,
        capability: { state: 'authRefused', checkedAt: 1, text: { key: 'stock.capability.authRefused' } },
      }),
    ).toBe(false);
  });

  it('should read both sides in full once a day and Nhanh’s changes in between', () => {
    expect(needsFullPass({ lastFullReadAt: null }, 10)).toBe(true);
    expect(needsFullPass({ lastFullReadAt: 0 }, 23 * 3_600_000)).toBe(false);
    expect(needsFullPass({ lastFullReadAt: 0 }, 24 * 3_600_000)).toBe(true);
  });
});

describe('the popup’s last push', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should show the last push of each shop with its failures', async () => {
    await saveSettings({ shops: [pushedShop(true)] }, 'vi');
    await updateStockShopState('shop-1', () => ({ lastRun: failing(1, 2) }));
    const status = await readStatus();
    expect(status.shops[0]?.stockPush).toMatchObject({
      enabled: true,
      cannotPush: false,
      lastRun: { finishedAt: 2, ok: true, sent: 3, failed: 2 },
    });
    expect(status.shops[0]?.stockPush.lastRun?.failures).toHaveLength(2);
  });
});
