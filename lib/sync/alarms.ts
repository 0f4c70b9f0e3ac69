import type { Settings } from '../settings';

/** One alarm for every shop: each firing syncs, one after the other, the shops with auto-sync on. */
export const ORDER_SYNC_ALARM = 'order-sync';

/** The part of `chrome.alarms` this module uses (the fake browser in tests, the real one in the worker). */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** Shops the automatic sync covers: the global switch and the shop's own switch both on. */
export function autoSyncShops(settings: Settings): Settings['shops'] {
  return settings.autoSync.enabled ? settings.shops.filter((shop) => shop.autoSync) : [];
}

/**
 * Makes the alarm match the settings: present at the chosen interval when any shop syncs automatically,
 * absent otherwise. An alarm already at the right interval is kept, so a worker restart or an unrelated
 * settings change does not push the next sync further away.
 */
export function scheduleOrderSync(
  alarms: AlarmsApi,
  settings: Settings,
): Promise<'created' | 'kept' | 'cleared'> {
  return keepAlarm(
    alarms,
    ORDER_SYNC_ALARM,
    autoSyncShops(settings).length > 0,
    settings.autoSync.intervalMinutes,
  );
}

/** The event queue's pull: every minute (Chrome's shortest alarm period) while any shop syncs automatically. */
export const EVENT_PULL_ALARM = 'order-events';
export const EVENT_PULL_MINUTES = 1;

export function scheduleEventPull(
  alarms: AlarmsApi,
  settings: Settings,
): Promise<'created' | 'kept' | 'cleared'> {
  return keepAlarm(alarms, EVENT_PULL_ALARM, autoSyncShops(settings).length > 0, EVENT_PULL_MINUTES);
}

async function keepAlarm(
  alarms: AlarmsApi,
  name: string,
  wanted: boolean,
  period: number,
): Promise<'created' | 'kept' | 'cleared'> {
  if (!wanted) {
    await alarms.clear(name);
    return 'cleared';
  }
  const existing = await alarms.get(name);
  if (existing?.periodInMinutes === period) return 'kept';
  await alarms.create(name, { periodInMinutes: period, delayInMinutes: period });
  return 'created';
}
