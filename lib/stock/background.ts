import { browser } from 'wxt/browser';
import { getDb } from '../db';
import { type LocalizedText, translate } from '../i18n';
import { publishJobView } from '../jobs/view-item';
import { runningHere, workerLease } from '../jobs/worker';
import { getSettings, type Settings, secretsOf, watchSettings } from '../settings';
import { systemClock } from '../time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../worker/api-clients';
import { runStockJob, type StockJobDeps, type StockJobKind, type StockRunRequest, stockJobId } from './job';
import { recordStockRun } from './outcome';
import {
  needsFullPass,
  pushesAutomatically,
  STOCK_PUSH_ALARM,
  scheduleStockPush,
  stockPushShops,
} from './schedule';
import { forgetRefusedAuth, readStockShopState, updateStockShopState } from './shop-state';
import type { StockPushSetup } from './types';

/*
 * The service worker's side of the stock push: the settings section's and the preview's messages, the alarm,
 * resuming a run the browser interrupted, and telling the seller. The logic lives in ./job.ts and ./outcome.ts.
 */

type Started = { started: true } | { started: false; error: LocalizedText };

async function depsFor(settings: Settings, shopId: string): Promise<StockJobDeps> {
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  return {
    db: await getDb(),
    clock: systemClock,
    lease: workerLease,
    onProgress: publishJobView,
    shop,
    tiki: shop ? createTikiClientForShop(settings, shop) : null,
    nhanh: createNhanhClientFromSettings(settings),
    newRunId: () => crypto.randomUUID(),
  };
}

/** Why a shop's stock cannot be read or pushed, before anything is asked of Tiki or Nhanh. */
function stockProblem(deps: StockJobDeps): LocalizedText | null {
  if (!deps.shop) return { key: 'stock.err.noShop' };
  if (!deps.shop.stockPush.enabled) return { key: 'stock.err.disabled' };
  if (!deps.tiki) return { key: 'stock.err.noTiki' };
  if (!deps.nhanh) return { key: 'stock.err.noNhanh' };
  return null;
}

async function run(settings: Settings, request: StockRunRequest): Promise<void> {
  const deps = await depsFor(settings, request.shopId);
  const result = await runStockJob(deps, request);
  if (!deps.shop) return;
  await recordStockRun(
    {
      db: deps.db,
      now: () => Date.now(),
      secrets: secretsOf(settings),
      locale: settings.language,
      notify: async ({ id, title, message }) => {
        await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: translate(settings.language, title),
          message: translate(settings.language, message),
        });
      },
    },
    deps.shop,
    request.kind,
    result,
  );
}

/** Neither run of a shop starts while one of them runs in this worker. */
async function busy(shopId: string): Promise<boolean> {
  const kinds: StockJobKind[] = ['stock-preview', 'stock-push'];
  return (await Promise.all(kinds.map((kind) => runningHere(stockJobId(kind, shopId))))).some(Boolean);
}

/** `getStockPushSetup`: the seller's pickup warehouses (read from Tiki now) and the shop's stock-push state. */
export async function getStockPushSetup(shopId: string): Promise<StockPushSetup> {
  const settings = await getSettings();
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  if (!shop) return { ok: false, error: { key: 'stock.err.noShop' } };
  const tiki = createTikiClientForShop(settings, shop);
  if (!tiki) return { ok: false, error: { key: 'stock.err.noTiki' } };
  try {
    const [{ warehouses }, seller] = await Promise.all([
      tiki.sellerWarehouses({ active: true, type: 'requisition' }),
      tiki.getSeller(),
    ]);
    const checkedAt = Date.now();
    const state = await updateStockShopState(shopId, (current) =>
      seller.can_update_product === false
        ? { capability: { state: 'cannotUpdate', checkedAt, text: { key: 'stock.capability.cannotUpdate' } } }
        : // A refusal seen by a push stays until a push succeeds: sellers/me cannot tell it.
          current.capability.state === 'authRefused'
          ? {}
          : { capability: { state: 'ok', checkedAt } },
    );
    return {
      ok: true,
      warehouses: warehouses.map((warehouse) => ({
        id: warehouse.id,
        name: warehouse.name,
        isPrimary: warehouse.is_primary,
      })),
      capability: state.capability,
      approvedAt: state.approvedAt,
      lastRun: state.lastRun,
    };
  } catch (error) {
    const text = (error as { text?: LocalizedText }).text;
    return { ok: false, error: text ?? { key: 'error.unexpected', params: { message: String(error) } } };
  }
}

/** `startStockPreview`: a full read of both sides, nothing sent. */
export async function startStockPreview(shopId: string): Promise<Started> {
  const settings = await getSettings();
  const problem = stockProblem(await depsFor(settings, shopId));
  if (problem) return { started: false, error: problem };
  if (await busy(shopId)) return { started: false, error: { key: 'stock.err.busy' } };
  const state = await readStockShopState(shopId);
  void run(settings, {
    kind: 'stock-preview',
    shopId,
    start: 'start',
    trigger: 'manual',
    full: true,
    only: null,
    state,
  });
  return { started: true };
}

/** `startStockPush`: the seller's push from the preview, which approves the shop's automatic pushes. */
export async function startStockPush(shopId: string, tikiProductIds: number[] | null): Promise<Started> {
  const settings = await getSettings();
  const problem = stockProblem(await depsFor(settings, shopId));
  if (problem) return { started: false, error: problem };
  const state = await readStockShopState(shopId);
  if (state.lastFullReadAt === null) return { started: false, error: { key: 'stock.err.notPreviewed' } };
  if (await busy(shopId)) return { started: false, error: { key: 'stock.err.busy' } };
  await updateStockShopState(shopId, (current) => ({ approvedAt: current.approvedAt ?? Date.now() }));
  void run(settings, {
    kind: 'stock-push',
    shopId,
    start: 'start',
    trigger: 'manual',
    full: false,
    only: tikiProductIds,
    state,
  });
  return { started: true };
}

/** The alarm: every approved shop, one after the other (they share Nhanh's limit). */
export async function runAutoStockPush(): Promise<void> {
  const settings = await getSettings();
  for (const shop of stockPushShops(settings)) {
    const state = await readStockShopState(shop.id);
    if (!pushesAutomatically(state) || (await busy(shop.id))) continue;
    await run(settings, {
      kind: 'stock-push',
      shopId: shop.id,
      start: 'start',
      trigger: 'auto',
      full: needsFullPass(state, Date.now()),
      only: null,
      state,
    });
  }
}

/** A run the browser stopped mid-way continues from its cursor (the request's other fields are in the cursor). */
function resumer(kind: StockJobKind) {
  return async (job: { shopId: string | null }): Promise<void> => {
    if (!job.shopId) return;
    const state = await readStockShopState(job.shopId);
    await run(await getSettings(), {
      kind,
      shopId: job.shopId,
      start: 'resume',
      trigger: 'auto',
      full: false,
      only: null,
      state,
    });
  };
}

export const resumeStockPreview = resumer('stock-preview');
export const resumeStockPush = resumer('stock-push');

/** Registers the alarm's listener; called synchronously from `startBackground`. */
export function startStockPushInBackground(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === STOCK_PUSH_ALARM) void runAutoStockPush();
  });
  const follow = (settings: Settings) => {
    void scheduleStockPush(browser.alarms, settings);
    void forgetRefusedAuth(settings.shops);
  };
  void getSettings().then(follow);
  watchSettings(follow);
}
