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
export async function scheduleOrderSync(
  alarms: AlarmsApi,
  settings: Settings,
): Promise<'created' | 'kept' | 'cleared'> {
  const period = settings.autoSync.intervalMinutes;
  if (autoSyncShops(settings).length === 0) {
    await alarms.clear(ORDER_SYNC_ALARM);
    return 'cleared';
  }
  const existing = await alarms.get(ORDER_SYNC_ALARM);
  if (existing?.periodInMinutes === period) return 'kept';
  await alarms.create(ORDER_SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period });
  return 'created';
}
