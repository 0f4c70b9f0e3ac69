import { getDb } from '../db';
import type { LocalizedText } from '../i18n';
import { publishJobView } from '../jobs/view-item';
import { runningHere, workerLease } from '../jobs/worker';
import { getSettings, type Settings, secretsOf } from '../settings';
import { systemClock } from '../time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../worker/api-clients';
import { catalogueJobId, runCatalogueDownload } from './catalogue-job';
import { createJobId, runCreateProducts } from './create-job';

/*
 * The worker's side of Sản phẩm: the catalogue download and "Tạo trên Nhanh" run here, not in the page, so they
 * share the worker's one Nhanh limiter, go on with the dashboard closed, and resume after the worker is stopped.
 * A start answers the page at once (what can be checked without a network call); the job then runs on.
 */

type Started = { started: true } | { started: false; error: LocalizedText };

async function common(settings: Settings, shopId: string) {
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  return {
    db: await getDb(),
    clock: systemClock,
    lease: workerLease,
    onProgress: publishJobView,
    shop: shop && { id: shop.id, name: shop.name },
    secrets: secretsOf(settings),
    tiki: shop ? createTikiClientForShop(settings, shop) : null,
    nhanh: createNhanhClientFromSettings(settings),
  };
}

async function catalogueDeps(settings: Settings, shopId: string) {
  return { ...(await common(settings, shopId)), newRunId: () => crypto.randomUUID() };
}

/** Why a shop's products cannot be downloaded or created, before anything is asked of Tiki or Nhanh. */
function productsProblem(deps: Awaited<ReturnType<typeof common>>, needsTiki: boolean): LocalizedText | null {
  if (!deps.shop) return { key: 'orders.err.noShop' };
  if (needsTiki && !deps.tiki) return { key: 'products.noTikiKey', params: { shop: deps.shop.name } };
  if (!deps.nhanh) return { key: 'products.noNhanh' };
  return null;
}

/** `startCatalogueDownload`: both catalogues of the shop, in the worker. */
export async function startCatalogueDownload(shopId: string): Promise<Started> {
  const settings = await getSettings();
  const deps = await catalogueDeps(settings, shopId);
  const problem = productsProblem(deps, true);
  if (problem) return { started: false, error: problem };
  if (await runningHere(catalogueJobId(shopId)))
    return { started: false, error: { key: 'products.err.busy' } };
  void runCatalogueDownload(deps, { shopId, kind: 'start' });
  return { started: true };
}

/** `startCreateProducts`: the chosen Tiki products created in Nhanh and paired, in the worker. */
export async function startCreateProducts(shopId: string, tikiProductIds: number[]): Promise<Started> {
  const settings = await getSettings();
  const deps = await common(settings, shopId);
  const problem = productsProblem(deps, false);
  if (problem) return { started: false, error: problem };
  if (await runningHere(createJobId(shopId))) return { started: false, error: { key: 'products.err.busy' } };
  void runCreateProducts(deps, { shopId, kind: 'start', tikiProductIds });
  return { started: true };
}

export async function resumeCatalogueDownload(job: { shopId: string | null }): Promise<void> {
  if (!job.shopId) return;
  await runCatalogueDownload(await catalogueDeps(await getSettings(), job.shopId), {
    shopId: job.shopId,
    kind: 'resume',
  });
}

export async function resumeCreateProducts(job: { shopId: string | null }): Promise<void> {
  if (!job.shopId) return;
  await runCreateProducts(await common(await getSettings(), job.shopId), {
    shopId: job.shopId,
    kind: 'resume',
  });
}
