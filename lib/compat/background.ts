import { browser } from 'wxt/browser';
import { getDb } from '../db';
import type { LocalizedText } from '../i18n';
import { publishJobView } from '../jobs/view-item';
import { runningHere, workerLease } from '../jobs/worker';
import { getSettings, type Settings, secretsOf } from '../settings';
import { systemClock } from '../time/clock';
import {
  type ApiDeps,
  createNhanhClientFromSettings,
  createTikiClientForShop,
  createTikiClientWithAuth,
  tikiAppTokenRequester,
} from '../worker/api-clients';
import { type CompatCheckDeps, compatJobId, runCompatCheck } from './job';

/*
 * The worker's side of "Kiểm tra tương thích API": what the check reads with (the shop's key alone, its app, the
 * shop as the features read it, the Nhanh business), built from the saved settings, and the start and resume of
 * its job.
 */

/**
 * Everything a check of `shopId` needs but its database and lease. The worker passes no `api`, so the check's
 * calls share the worker's Tiki pace and Nhanh limiter; tests pass their own fetch and clock.
 */
export function compatSourcesOf(
  settings: Settings,
  shopId: string,
  api: ApiDeps = {},
): Pick<CompatCheckDeps, 'shop' | 'tiki' | 'nhanh' | 'secrets'> {
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  const clock = api.clock ?? systemClock;
  return {
    shop: shop && { id: shop.id, name: shop.name },
    tiki: {
      key: shop?.connectionKey
        ? createTikiClientWithAuth(settings, { connectionKey: shop.connectionKey }, api)
        : null,
      requestAppToken: shop ? tikiAppTokenRequester(settings, shop, api) : null,
      reader: shop ? createTikiClientForShop(settings, shop, api) : null,
      clock,
    },
    nhanh: {
      nhanh: createNhanhClientFromSettings(settings, api),
      secretKey: settings.nhanh.secretKey,
      storedExpiredAt: settings.nhanh.expiredAt,
      clock,
    },
    secrets: secretsOf(settings),
  };
}

async function workerDeps(shopId: string): Promise<CompatCheckDeps> {
  return {
    ...compatSourcesOf(await getSettings(), shopId),
    db: await getDb(),
    clock: systemClock,
    lease: workerLease,
    onProgress: publishJobView,
    extensionVersion: browser.runtime.getManifest().version,
  };
}

/** `startCompatCheck`: answers at once; the check then runs in the worker, its progress in the job view. */
export async function startCompatCheck(
  shopId: string,
): Promise<{ started: true } | { started: false; error: LocalizedText }> {
  const deps = await workerDeps(shopId);
  if (!deps.shop) return { started: false, error: { key: 'orders.err.noShop' } };
  if (await runningHere(compatJobId(shopId))) return { started: false, error: { key: 'compat.err.busy' } };
  void runCompatCheck(deps, { shopId, kind: 'start' });
  return { started: true };
}

export async function resumeCompatCheck(job: { shopId: string | null }): Promise<void> {
  if (!job.shopId) return;
  await runCompatCheck(await workerDeps(job.shopId), { shopId: job.shopId, kind: 'resume' });
}
