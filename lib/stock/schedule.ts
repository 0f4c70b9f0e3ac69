import type { Settings } from '../config/settings-schema';
import { type AlarmsApi, keepAlarm } from '../sync/alarms';
import { STOCK_FULL_PASS_MS } from './read';
import type { StockShopState } from './shop-state';

/*
 * When the stock push runs by itself: on the auto-sync interval (Cài đặt → Đồng bộ), for every shop that opted in,
 * whose seller approved a first push from the preview, and that Tiki has not refused. A full pass of both sides
 * runs once a day; the runs between read Nhanh's changes only.
 */

export const STOCK_PUSH_ALARM = 'stock-push';

/** Shops the alarm covers: auto-sync on and the shop's stock push on. */
export function stockPushShops(settings: Settings): Settings['shops'] {
  return settings.autoSync.enabled ? settings.shops.filter((shop) => shop.stockPush.enabled) : [];
}

export function scheduleStockPush(alarms: AlarmsApi, settings: Settings) {
  const period = stockPushShops(settings).length === 0 ? null : settings.autoSync.intervalMinutes;
  return keepAlarm(alarms, STOCK_PUSH_ALARM, period);
}

/** An automatic push waits for the seller's approval and stops while Tiki refuses the shop's updates. */
export function pushesAutomatically(state: Pick<StockShopState, 'approvedAt' | 'capability'>): boolean {
  return (
    state.approvedAt !== null && (state.capability.state === 'ok' || state.capability.state === 'unknown')
  );
}

/** Whether this run reads both sides in full (the daily pass, or never read before). */
export function needsFullPass(state: Pick<StockShopState, 'lastFullReadAt'>, now: number): boolean {
  return state.lastFullReadAt === null || now - state.lastFullReadAt >= STOCK_FULL_PASS_MS;
}
