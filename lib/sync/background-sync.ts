import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { ApiError } from '../http/api-error';
import { type LocalizedText, translate } from '../i18n';
import { publishJobView } from '../jobs/view-item';
import { runningHere, workerLease } from '../jobs/worker';
import { createOrderProductLinks } from '../orders/product-links';
import { type CancelShipmentResult, cancelShipment } from '../orders/returns';
import type { OrderGroup } from '../orders/status-map';
import { refreshCatalogues } from '../products/refresh';
import { getSettings, type Settings, secretsOf, watchSettings } from '../settings';
import { attentionTotal, readAttention, watchAttention } from '../status/attention';
import { recordLastSync, recordSyncHealth } from '../status/status';
import type { TikiClient } from '../tiki/client';
import { systemClock } from '../time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../worker/api-clients';
import { type AlarmsApi, autoSyncShops, ORDER_SYNC_ALARM, scheduleOrderSync } from './alarms';
import { type ImportByCodeResult, importOrdersByCode } from './import-by-code';
import { nextOrderSyncNotice, type OrderSyncNotice } from './notice';
import {
  type OrderSyncDeps,
  orderSyncJobId,
  runOrderSync,
  type SyncRequest,
  type SyncResult,
  shopProblem,
} from './order-sync';
import { refreshOrderAttention } from './progress';
import { shopLanes } from './shop-lanes';

/*
 * The service worker's side of the order sync: alarms, manual imports sent from the dashboard, resuming a run
 * the browser interrupted, and telling the seller (last sync, badge, notification). The logic lives in
 * ./order-sync.ts; this file only binds it to the browser.
 */

/** What a sync, a pull of the event queue or an import of named orders of one shop needs, in the worker. */
export async function depsFor(
  settings: Settings,
  shopId: string,
): Promise<OrderSyncDeps & { tiki: TikiClient | null }> {
  const db = await getDb();
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  const nhanh = createNhanhClientFromSettings(settings);
  const tiki = shop ? createTikiClientForShop(settings, shop) : null;
  return {
    db,
    clock: systemClock,
    settings,
    tiki,
    nhanh,
    // Without Nhanh nothing is created; the run stops on `shopProblem` before any product is asked for.
    products: createOrderProductLinks({
      db,
      nhanh: nhanh ?? { addProducts: () => Promise.reject(new Error('Nhanh is not connected')) },
      tiki: tiki ?? undefined,
      clock: systemClock,
      shopId,
    }),
    refreshCatalogues:
      tiki && nhanh ? () => refreshCatalogues({ db, clock: systemClock, tiki, nhanh }, shopId) : undefined,
    lease: workerLease,
    newRunId: () => crypto.randomUUID(),
    onProgress: publishJobView,
  };
}

/**
 * One run in the shop's lane: after a pull of its event queue, never beside one. An alarm or a resume arriving
 * while a sync of the shop runs or waits joins it: queued behind it, it would start a second full run at once.
 */
function run(settings: Settings, request: SyncRequest): Promise<SyncResult> {
  const { shopId } = request;
  return shopLanes.queueOnce(
    shopId,
    'order-sync',
    async () => {
      const result = await runOrderSync(await depsFor(settings, shopId), request);
      if (result.kind === 'done' || result.kind === 'failed') await tell(settings, shopId, result);
      return result;
    },
    request.kind !== 'start',
  );
}

/** After a run: the popup's last sync, the attention count, and a notification when something new needs the seller. */
async function tell(settings: Settings, shopId: string, result: Extract<SyncResult, { job: unknown }>) {
  const { counts, newlyBlocked, error } = result.cursor;
  await recordLastSync(shopId, {
    at: result.job.updatedAt,
    ok: result.kind === 'done',
    created: counts.created,
    updated: counts.updated,
    blocked: counts.blocked,
    failed: counts.failed + counts.conflict,
  });
  await recordSyncHealth(shopId, {
    at: result.job.updatedAt,
    ok: result.kind === 'done',
    api: result.cursor.errorApi ?? null,
    error,
  });
  await refreshOrderAttention(await getDb());
  const kind = result.kind === 'failed' ? 'failed' : 'done';
  const notice = await nextOrderSyncNotice(shopId, { kind, error, newlyBlocked });
  if (notice) await notify(settings, shopId, notice, result.cursor.runId);
}

/** The browser notification of a sync's notice (`./notice.ts`); `tag` keeps two of them apart. */
export async function notify(settings: Settings, shopId: string, notice: OrderSyncNotice, tag: string) {
  const shop = settings.shops.find((candidate) => candidate.id === shopId)?.name ?? shopId;
  const message: LocalizedText =
    notice.kind === 'failed'
      ? { key: 'orders.notify.failed', params: { shop } }
      : { key: 'orders.notify.blocked', params: { shop, count: notice.count } };
  await browser.notifications.create(`order-sync:${shopId}:${tag}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: translate(settings.language, { key: 'orders.notify.title' }),
    message: translate(settings.language, message),
  });
}

/**
 * `startOrderImport`: checks what can be checked at once (answered to the page), then runs in the worker, so
 * closing the dashboard does not stop it; the page follows the job through its view (`lib/jobs/views.ts`).
 */
export async function startOrderImport(
  shopId: string,
  groups: readonly OrderGroup[],
): Promise<{ started: true } | { started: false; error: LocalizedText }> {
  const settings = await getSettings();
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  const problem = shopProblem(shop, {
    tiki: shop && createTikiClientForShop(settings, shop),
    nhanh: createNhanhClientFromSettings(settings),
  });
  if (problem) return { started: false, error: problem };
  // This worker is running it now (a lease of a stopped worker is no obstacle: the new run replaces it).
  if (await runningHere(orderSyncJobId(shopId))) return { started: false, error: { key: 'orders.err.busy' } };
  void run(settings, { shopId, kind: 'start', trigger: 'manual', groups });
  return { started: true };
}

/**
 * Imports these Tiki orders of the shop now (re-read, then the sync's own rules), in the shop's lane: after a sync
 * or pull already under way. For the seller center's "Đẩy sang Nhanh ngay".
 */
export async function importOrdersNow(shopId: string, codes: readonly string[]): Promise<ImportByCodeResult> {
  const settings = await getSettings();
  return shopLanes.queue(shopId, async () => {
    const result = await importOrdersByCode(await depsFor(settings, shopId), shopId, codes);
    if (result.kind === 'done') await refreshOrderAttention(await getDb());
    return result;
  });
}

/** `cancelNhanhShipment`: the seller's explicit click on an order stuck with a carrier. */
export async function cancelNhanhShipment(shopId: string, code: string): Promise<CancelShipmentResult> {
  const settings = await getSettings();
  const nhanh = createNhanhClientFromSettings(settings);
  if (!nhanh) return { ok: false, error: { key: 'orders.err.noNhanh' } };
  const result = await cancelShipment(
    { db: await getDb(), nhanh, now: () => Date.now(), secrets: secretsOf(settings) },
    shopId,
    code,
  );
  if (result.ok) await refreshOrderAttention(await getDb());
  return result;
}

/** Whether a shop's Tiki has this order: Tiki answers "not found" for an order of another seller. */
export async function tikiHasOrder(shopId: string, code: string): Promise<boolean> {
  const settings = await getSettings();
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  const tiki = shop ? createTikiClientForShop(settings, shop) : null;
  if (!tiki) return false;
  try {
    await tiki.getOrder(code, []);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return false;
    throw error;
  }
}

/** The alarm: every shop with auto-sync on, one after the other (they share Nhanh's per-URL limit). */
export async function runAutoSync(): Promise<void> {
  const settings = await getSettings();
  for (const shop of autoSyncShops(settings))
    await run(settings, { shopId: shop.id, kind: 'resume-or-auto', groups: settings.orderStatusFilter });
}

/** A run the browser stopped mid-way continues from its cursor. */
export async function resumeOrderSync(job: { shopId: string | null }): Promise<void> {
  if (!job.shopId) return;
  await run(await getSettings(), { shopId: job.shopId, kind: 'resume' });
}

async function showAttentionOnBadge() {
  const total = attentionTotal(await readAttention());
  void browser.action.setBadgeText({ text: total > 0 ? String(total) : '' });
  void browser.action.setBadgeBackgroundColor({ color: '#c62828' });
}

/**
 * Registers the sync's listeners; called synchronously from `startBackground` so an alarm that wakes the
 * worker finds its listener on the first turn.
 */
export function startOrderSyncInBackground(): void {
  runOnAlarm(ORDER_SYNC_ALARM, scheduleOrderSync, runAutoSync);
  void showAttentionOnBadge();
  watchAttention(() => void showAttentionOnBadge());
}

/** Runs `task` when alarm `name` fires, the alarm kept as the settings want it (`schedule`), now and on every change. */
export function runOnAlarm(
  name: string,
  schedule: (alarms: AlarmsApi, settings: Settings) => Promise<unknown>,
  task: () => Promise<unknown>,
): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) void task();
  });
  const keep = (settings: Settings) => void schedule(browser.alarms, settings);
  void getSettings().then(keep);
  watchSettings(keep);
}
