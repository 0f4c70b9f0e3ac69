import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { LocalizedText } from '../i18n';
import type { Settings } from '../settings';
import type { StatusSnapshot } from './status';

/*
 * The guided setup a new seller follows, from nothing to synced: five steps with their live state, each linking
 * to where it is done. Pure over what the popup already reads (status, settings, a small per-shop catalogue
 * summary), so the popup shows it without touching the catalogue. Done steps collapse; the list disappears when
 * every step is done and comes back when one breaks (a key refused, a token expired).
 */

/** Per shop: sellable products downloaded, how many are paired, how many need the seller's decision. */
export interface CatalogueSummary {
  total: number;
  paired: number;
  needsDecision: number;
}

const summariesSchema = z.record(
  z.string(),
  z.object({ total: z.number(), paired: z.number(), needsDecision: z.number() }),
);

const catalogueSummaryItem = storage.defineItem<Record<string, CatalogueSummary>>('local:catalogueSummary', {
  fallback: {},
});

export async function readCatalogueSummaries(): Promise<Record<string, CatalogueSummary>> {
  const read = summariesSchema.safeParse(await catalogueSummaryItem.getValue());
  return read.success ? read.data : {};
}

export function recordCatalogueSummaries(summaries: Record<string, CatalogueSummary>): Promise<void> {
  return catalogueSummaryItem.setValue(summaries);
}

export function watchCatalogueSummaries(callback: () => void): () => void {
  return catalogueSummaryItem.watch(callback);
}

export type SetupStepId = 'tiki' | 'nhanh' | 'products' | 'firstSync' | 'autoSync';

export interface SetupStep {
  id: SetupStepId;
  state: 'done' | 'todo' | 'broken';
  /** What stands, or what to do, in the seller's words. */
  detail: LocalizedText;
  /** Where it is done: a dashboard hash. */
  href: string;
}

type SetupSettings = Pick<Settings, 'shops' | 'autoSync'>;

export function setupChecklist(
  status: Pick<StatusSnapshot, 'shops' | 'nhanh'>,
  settings: SetupSettings,
  catalogues: Readonly<Record<string, CatalogueSummary>>,
): SetupStep[] {
  const { shops } = status;
  const step = (
    id: SetupStepId,
    state: SetupStep['state'],
    detail: LocalizedText,
    href: string,
  ): SetupStep => ({
    id,
    state,
    detail,
    href,
  });

  const refused = shops.find((shop) => shop.health.state === 'error');
  const tiki =
    shops.length === 0
      ? step('tiki', 'todo', { key: 'setup.tiki.none' }, '#settings')
      : refused
        ? step('tiki', 'broken', { key: 'setup.tiki.refused', params: { shop: refused.name } }, '#settings')
        : shops.every((shop) => shop.health.state === 'ok')
          ? step('tiki', 'done', { key: 'setup.tiki.done', params: { count: shops.length } }, '#settings')
          : step('tiki', 'todo', { key: 'setup.tiki.check' }, '#settings');

  const { nhanh } = status;
  const withoutDepot = settings.shops.filter((shop) => shop.nhanhDepotId === null);
  const nhanhStep = !nhanh.configured
    ? step('nhanh', 'todo', { key: 'setup.nhanh.none' }, '#settings')
    : nhanh.expiry === 'expired' || nhanh.health.state === 'error'
      ? step('nhanh', 'broken', { key: 'setup.nhanh.refused' }, '#settings')
      : withoutDepot.length > 0
        ? step(
            'nhanh',
            'todo',
            { key: 'setup.nhanh.depot', params: { shop: withoutDepot[0]!.name } },
            '#settings',
          )
        : step('nhanh', 'done', { key: 'setup.nhanh.done' }, '#settings');

  const summaries = shops.map((shop) => catalogues[shop.id]).filter((summary) => summary !== undefined);
  const total = summaries.reduce((sum, summary) => sum + summary.total, 0);
  const paired = summaries.reduce((sum, summary) => sum + summary.paired, 0);
  const needsDecision = summaries.reduce((sum, summary) => sum + summary.needsDecision, 0);
  const products =
    shops.length === 0 || summaries.length < shops.length || total === 0
      ? step('products', 'todo', { key: 'setup.products.none' }, '#products')
      : step(
          'products',
          needsDecision === 0 ? 'done' : 'todo',
          { key: 'setup.products.state', params: { paired, total, needsDecision } },
          '#products',
        );

  const synced = shops.filter((shop) => shop.lastSync !== null);
  const failed = synced.find((shop) => shop.lastSync?.ok === false);
  const firstSync =
    synced.length === 0
      ? step('firstSync', 'todo', { key: 'setup.sync.none' }, '#orders')
      : failed
        ? step('firstSync', 'broken', { key: 'setup.sync.failed', params: { shop: failed.name } }, '#orders')
        : step('firstSync', 'done', { key: 'setup.sync.done' }, '#orders');

  const autoSync =
    settings.autoSync.enabled && settings.shops.some((shop) => shop.autoSync)
      ? step(
          'autoSync',
          'done',
          { key: 'setup.auto.done', params: { minutes: settings.autoSync.intervalMinutes } },
          '#settings',
        )
      : step('autoSync', 'todo', { key: 'setup.auto.off' }, '#settings');

  return [tiki, nhanhStep, products, firstSync, autoSync];
}

/** The list is shown until every step is done; a step that breaks later brings it back. */
export function setupComplete(steps: readonly SetupStep[]): boolean {
  return steps.every((candidate) => candidate.state === 'done');
}
