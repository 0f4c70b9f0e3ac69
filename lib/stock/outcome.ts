import type { Shop } from '../config/settings-schema';
import type { CompanionDatabase } from '../db';
import { type Locale, type LocalizedText, translate } from '../i18n';
import { logActivity } from '../status/activity-log';
import type { StockJobKind, StockRunResult } from './job';
import { authIdOf, type StockShopState, updateStockShopState } from './shop-state';
import type { StockRunSummary } from './types';

/*
 * After a stock run: the shop's state (capability, how far Nhanh was read, the last push), one Nhật ký line per
 * push run, and a notification only for what is new (`decideStockNotice`).
 */

export type StockNotice = { kind: 'failed'; count: number } | { kind: 'stopped' };

/**
 * A notification for products that fail now and did not at the last notice, or for a run stopped by a reason other
 * than the last run's (but not by the seller turning the push off). A product failing run after run, or a lasting outage, rings once.
 */
export function decideStockNotice(
  run: StockRunSummary,
  previous: Pick<StockShopState, 'toldFailures' | 'lastRun'>,
): { notice: StockNotice | null; toldFailures: number[] } {
  const failing = run.failures.map((failure) => failure.tikiProductId);
  const told = new Set(previous.toldFailures);
  const fresh = failing.filter((id) => !told.has(id)).length;
  // The seller turning the push off mid-run is their own act, not news.
  const stoppedAnew =
    run.error !== null &&
    run.error.key !== 'stock.err.disabled' &&
    run.error.key !== previous.lastRun?.error?.key;
  const notice: StockNotice | null = stoppedAnew
    ? { kind: 'stopped' }
    : fresh > 0
      ? { kind: 'failed', count: run.failed }
      : null;
  // A stopped run says nothing of the products it did not reach: what was told of them stays told.
  return { notice, toldFailures: run.error ? [...new Set([...told, ...failing])] : failing };
}

export interface StockOutcomeDeps {
  db: CompanionDatabase;
  now: () => number;
  secrets: string[];
  /** The seller's language: the Nhật ký detail is plain text, written in it. */
  locale: Locale;
  /** Shows a browser notification (the worker's `browser.notifications`; tests record them). */
  notify: (notice: { id: string; title: LocalizedText; message: LocalizedText }) => Promise<void>;
}

function summaryOf(
  result: Extract<StockRunResult, { cursor: unknown }>,
  finishedAt: number,
): StockRunSummary {
  const { cursor, job } = result;
  return {
    runId: cursor.runId,
    trigger: cursor.trigger,
    startedAt: job.startedAt,
    finishedAt,
    ok: result.kind === 'done',
    sent: cursor.counts.sent,
    unchanged: cursor.counts.unchanged,
    failed: cursor.counts.failed,
    blocked: cursor.counts.blocked,
    failures: cursor.failures,
    error: cursor.error ?? null,
  };
}

/** The Nhật ký detail of a run: one refused product a line, with what went wrong in the seller's words. */
export function failureLines(summary: Pick<StockRunSummary, 'failures'>, locale: Locale): string {
  return summary.failures
    .map((failure) => `#${failure.tikiProductId} ${failure.name}: ${translate(locale, failure.text)}`)
    .join('\n');
}

/** Records a finished run (a run another holder took over or that found nothing to do records nothing). */
export async function recordStockRun(
  deps: StockOutcomeDeps,
  shop: Pick<Shop, 'id' | 'name' | 'connectionKey' | 'clientId' | 'clientSecret'>,
  kind: StockJobKind,
  result: StockRunResult,
): Promise<StockRunSummary | null> {
  if (result.kind !== 'done' && result.kind !== 'failed' && result.kind !== 'cancelled') return null;
  const { cursor } = result;
  const at = deps.now();
  const readThrough = cursor.phase !== 'capability' && cursor.phase !== 'nhanh';
  const fullThrough = cursor.full && (cursor.phase === 'push' || cursor.phase === 'done');
  // A run whose Nhanh read reached its end moves the next incremental read's start (never backwards).
  const readFrom = readThrough ? cursor.nhanhReadStartedAt : null;
  const capability = cursor.capability;
  const base = (state: StockShopState): Partial<StockShopState> => ({
    ...(capability
      ? { capability, refusedAuth: capability.state === 'authRefused' ? authIdOf(shop) : null }
      : {}),
    ...(readFrom !== null ? { nhanhReadFrom: Math.max(state.nhanhReadFrom ?? 0, readFrom) } : {}),
    ...(fullThrough ? { lastFullReadAt: at } : {}),
  });
  if (kind === 'stock-preview') {
    await updateStockShopState(shop.id, base);
    return null;
  }
  const summary = summaryOf(result, at);
  let notice: StockNotice | null = null;
  await updateStockShopState(shop.id, (state) => {
    const decided = decideStockNotice(summary, state);
    notice = decided.notice;
    return { ...base(state), lastRun: summary, toldFailures: decided.toldFailures };
  });
  const detail = failureLines(summary, deps.locale);
  const log = (level: 'info' | 'warn' | 'error', text: LocalizedText, detail?: string) =>
    logActivity(
      deps.db,
      { level, source: 'stock', text, ...(detail ? { detail } : {}) },
      { secrets: deps.secrets, now: at },
    );
  const counts = {
    shop: shop.name,
    sent: summary.sent,
    unchanged: summary.unchanged,
    failed: summary.failed,
  };
  if (summary.error) {
    await log('error', { key: 'stock.log.runFailed', params: counts }, detail);
    await log('error', summary.error);
  } else await log(summary.failed > 0 ? 'warn' : 'info', { key: 'stock.log.run', params: counts }, detail);
  const told = notice as StockNotice | null;
  if (told)
    await deps.notify({
      id: `stock-push:${shop.id}:${summary.runId}`,
      title: { key: 'stock.notify.title' },
      message:
        told.kind === 'stopped'
          ? { key: 'stock.notify.stopped', params: { shop: shop.name } }
          : { key: 'stock.notify.failed', params: { shop: shop.name, count: told.count } },
    });
  return summary;
}
