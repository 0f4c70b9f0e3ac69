import { getSettings, type Settings } from '../settings';
import { recordEventQueueStatus } from '../status/event-queue';
import { autoSyncShops, EVENT_PULL_ALARM, scheduleEventPull } from './alarms';
import { depsFor, notify, runOnAlarm } from './background-sync';
import { type PullResult, pullShopEvents } from './event-queue';
import { refreshOrderAttention } from './progress';
import { shopLanes } from './shop-lanes';

/*
 * The service worker's side of the event queue (./event-queue.ts): the one-minute alarm, and the asks of open
 * dashboard and seller-center tabs (./page-pull.ts). Every shop with automatic sync is pulled, each in its lane.
 */

/** Asks closer together than this are answered by the pull already made (several tabs ask every 15 s each). */
const MIN_PULL_GAP_MS = 10_000;

let pulling: Promise<void> | null = null;
let lastPullAt = 0;

/** One pull of every shop with automatic sync; a pull already under way is joined, not repeated. */
export function pullOrderEvents(): Promise<void> {
  pulling ??= (async () => {
    lastPullAt = Date.now();
    const settings = await getSettings();
    for (const shop of autoSyncShops(settings)) {
      try {
        await shopLanes.tryNow(shop.id, () => pullShop(settings, shop.id));
      } catch {
        // A storage failure mid-pull: nothing was acknowledged, the next pull starts from the stored cursor.
      }
    }
  })().finally(() => {
    pulling = null;
  });
  return pulling;
}

async function pullShop(settings: Settings, shopId: string): Promise<PullResult> {
  const deps = await depsFor(settings, shopId);
  const result = await pullShopEvents({ ...deps, onStatus: recordEventQueueStatus }, shopId);
  if (result.kind === 'pulled' && result.orders > 0) {
    await refreshOrderAttention(deps.db);
    if (result.newlyBlocked > 0)
      await notify(settings, shopId, { kind: 'blocked', count: result.newlyBlocked }, `events:${Date.now()}`);
  }
  return result;
}

/** `pullOrderEvents`: an open tab's ask; asks closer together than `MIN_PULL_GAP_MS` share one pull. */
export function askForOrderEvents(): void {
  if (Date.now() - lastPullAt >= MIN_PULL_GAP_MS) void pullOrderEvents();
}

/** Registers the alarm; called synchronously when the worker starts. */
export function startEventQueueInBackground(): void {
  runOnAlarm(EVENT_PULL_ALARM, scheduleEventPull, pullOrderEvents);
}
