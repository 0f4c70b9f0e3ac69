import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { StockPushSettings } from '../../lib/config/settings-schema';
import { getDb } from '../../lib/db';
import { type LocalizedText, translate } from '../../lib/i18n';
import { formatDateTime } from '../../lib/i18n/format';
import { sendMessage } from '../../lib/messaging';
import { getSettings, type Settings, watchSettings } from '../../lib/settings';
import { countStockRows, readStockPreview } from '../../lib/stock/preview';
import { vietnamWallTime } from '../../lib/stock/rules';
import { readStockShopState, type StockShopState, watchStockShopStates } from '../../lib/stock/shop-state';
import type { StockPreviewRow, StockRowFilter, StockRunSummary } from '../../lib/stock/types';
import { type StockJobView, stockJobView } from '../../lib/ui-state/stock-job-view';
import {
  isPushable,
  pushableCount,
  STOCK_FILTERS,
  searchIndex,
  selectedToPush,
  shownStockRows,
  toggleShown,
} from '../../lib/ui-state/stock-table';
import { FilterBar, SelectionBar } from '../common/filter-bar';
import { NoShopState } from '../common/no-shop';
import { ShopPicker } from '../common/shop-picker';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';
import { CapabilityNotice } from './capability-notice';
import { StockTable } from './stock-table';
import './stock.css';

/** Failures listed under the last run; the rest are one filter away. */
const FAILURES_LISTED = 10;

/** A job's reload mark: it changes when the job ends (a running job's steps do not reload 50,000 rows). */
const settledMark = (job: StockJobView | null) =>
  job ? `${job.view.id}:${job.view.state}:${job.view.state === 'running' ? '' : job.view.updatedAt}` : '';

/** The shop's preview rows, read again when the settings change or a run ends. */
function useStockRows(shopId: string, push: StockPushSettings, reloadMark: string) {
  const [rows, setRows] = useState<{ shopId: string; rows: StockPreviewRow[] } | null>(null);
  const settingsMark = JSON.stringify(push);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the marks stand for `push` and the runs.
  useEffect(() => {
    let current = true;
    void getDb()
      .then((db) => readStockPreview(db, shopId, push))
      .then((read) => {
        if (current) setRows({ shopId, rows: read });
      });
    return () => {
      current = false;
    };
  }, [shopId, settingsMark, reloadMark]);
  return rows?.shopId === shopId ? rows.rows : null;
}

function useStockShopState(shopId: string): StockShopState | null {
  const [state, setState] = useState<{ shopId: string; state: StockShopState } | null>(null);
  useEffect(() => {
    const read = () => void readStockShopState(shopId).then((next) => setState({ shopId, state: next }));
    read();
    return watchStockShopStates(read);
  }, [shopId]);
  return state?.shopId === shopId ? state.state : null;
}

/** "Tồn kho": preview what a push would send to Tiki, approve it (all or selected), follow the run and its result. */
export function StockSection() {
  const { t } = useLocale();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shopId, setShopId] = useState<string | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const shop = settings?.shops.find((candidate) => candidate.id === shopId) ?? settings?.shops[0] ?? null;

  if (!settings) return <p>{t('common.loading')}</p>;
  if (!shop) return <NoShopState message="stock.page.noShop" />;
  return (
    <div className="stock">
      <ShopPicker label={t('stock.page.shop')} shops={settings.shops} value={shop.id} onChange={setShopId} />
      {shop.stockPush.enabled ? (
        <ShopStock key={shop.id} shopId={shop.id} push={shop.stockPush} />
      ) : (
        <div className="empty-state">
          <p>{t('stock.page.disabled', { shop: shop.name })}</p>
          <a className="button" href="#settings">
            {t('stock.page.goToSettings')}
          </a>
        </div>
      )}
    </div>
  );
}

function ShopStock({ shopId, push }: { shopId: string; push: StockPushSettings }) {
  const { t, locale } = useLocale();
  const views = useJobViews();
  const previewJob = stockJobView(views, 'stock-preview', shopId);
  const pushJob = stockJobView(views, 'stock-push', shopId);
  const running = [previewJob, pushJob].find((job) => job?.view.state === 'running') ?? null;
  const state = useStockShopState(shopId);
  const rows = useStockRows(
    shopId,
    push,
    `${settledMark(previewJob)}|${settledMark(pushJob)}|${state?.lastRun?.runId ?? ''}`,
  );

  const [filter, setFilter] = useState<StockRowFilter>('all');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<LocalizedText | null>(null);
  // Filtering 50,000 rows runs behind the typing: the input never waits for the table.
  const deferredFilter = useDeferredValue(filter);
  const deferredQuery = useDeferredValue(query);
  const all = rows ?? [];
  const index = useMemo(() => searchIndex(all), [all]);
  const shown = useMemo(
    () => shownStockRows(all, deferredFilter, deferredQuery, index),
    [all, deferredFilter, deferredQuery, index],
  );
  const counts = useMemo(() => countStockRows(all), [all]);
  const toPushAll = useMemo(() => pushableCount(all), [all]);
  const toPushSelected = selectedToPush(selected, all);
  const capability = state?.capability ?? { state: 'unknown' as const };
  const cannotPush = capability.state === 'cannotUpdate' || capability.state === 'authRefused';

  const answer = (result: { started: true } | { started: false; error: LocalizedText }) =>
    setNotice(result.started ? null : result.error);
  const preview = async () => answer(await sendMessage('startStockPreview', { shopId }));
  const pushProducts = async (tikiProductIds: number[] | null) => {
    answer(await sendMessage('startStockPush', { shopId, tikiProductIds }));
    setSelected(new Set());
  };

  return (
    <>
      {state && <CapabilityNotice capability={capability} />}

      <div className="stock-toolbar">
        <button type="button" disabled={running !== null} onClick={() => void preview()}>
          {t('stock.page.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={running !== null || cannotPush || toPushAll === 0}
          onClick={() => void pushProducts(null)}
        >
          {t('stock.page.pushAll', { count: toPushAll })}
        </button>
        {running && (
          <button type="button" onClick={() => void sendMessage('cancelJob', { jobId: running.view.id })}>
            {t('stock.page.cancel')}
          </button>
        )}
        <span className="hint">{t('stock.page.previewHint')}</span>
      </div>
      {state && (
        <p className="hint">
          {state.approvedAt === null
            ? t('stock.page.notApproved')
            : t('stock.page.approved', { time: formatDateTime(state.approvedAt, locale) })}
        </p>
      )}

      <FreezeNotice freeze={push.freeze} now={Date.now()} />
      {notice && (
        <p className="notice notice-error" role="alert">
          {translate(locale, notice)}
        </p>
      )}
      {running ? <RunProgress job={running} /> : <JobEnd jobs={[previewJob, pushJob]} />}
      {state?.lastRun && <LastRun run={state.lastRun} />}

      {rows === null ? (
        <p>{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty-state">{t('stock.page.neverPreviewed')}</p>
      ) : (
        <>
          <FilterBar
            label={t('stock.page.filterLabel')}
            filters={STOCK_FILTERS}
            active={filter}
            counts={counts}
            labelOf={(name) => t(`stock.filter.${name}`)}
            onFilter={setFilter}
            query={query}
            onQuery={setQuery}
            searchLabel={t('stock.page.search')}
          />

          {toPushSelected.length > 0 && (
            <SelectionBar label={t('stock.page.selected', { count: toPushSelected.length })}>
              <button
                type="button"
                className="primary"
                disabled={running !== null || cannotPush}
                onClick={() => void pushProducts(toPushSelected)}
              >
                {t('stock.page.pushSelected', { count: toPushSelected.length })}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('stock.page.clearSelection')}
              </button>
            </SelectionBar>
          )}

          <p className="muted" aria-live="polite">
            {t('stock.page.shown', { shown: shown.length, total: counts.all })}
          </p>
          {shown.length === 0 ? (
            <p className="empty-state">{t('stock.page.emptyFilter')}</p>
          ) : (
            <StockTable
              rows={shown}
              selected={selected}
              onToggle={(row) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (!next.delete(row.tikiProductId) && isPushable(row)) next.add(row.tikiProductId);
                  return next;
                })
              }
              onToggleAll={(select) => setSelected((current) => toggleShown(current, shown, select))}
            />
          )}
        </>
      )}
    </>
  );
}

/** The flash-sale window, while it is ahead or on: Tiki's quantities then only go down. */
export function FreezeNotice({ freeze, now }: { freeze: StockPushSettings['freeze']; now: number }) {
  const { t, locale } = useLocale();
  if (!freeze) return null;
  const from = vietnamWallTime(freeze.from);
  const to = vietnamWallTime(freeze.to);
  if (now >= to) return null;
  const times = { from: formatDateTime(from, locale), to: formatDateTime(to, locale) };
  return (
    <p className="notice stock-freeze" role="status">
      {t(now >= from ? 'stock.page.frozenNow' : 'stock.page.frozenAhead', times)}
    </p>
  );
}

function RunProgress({ job }: { job: StockJobView }) {
  const { t } = useLocale();
  const { done, total } = job.view.progress;
  return (
    <div className="stock-progress" role="status">
      <span>
        {t(job.view.kind === 'stock-push' ? 'stock.page.running.push' : 'stock.page.running.preview')}{' '}
        <span className="muted">({t(`stock.phase.${job.summary.phase}`)})</span>
      </span>
      <progress value={done} max={total ?? undefined} />
      <span>{t('stock.page.progress', { ...job.summary })}</span>
    </div>
  );
}

/** How the latest finished preview or push ended, when it did not end well (a good end shows in the table). */
function JobEnd({ jobs }: { jobs: readonly (StockJobView | null)[] }) {
  const { t, locale } = useLocale();
  const latest = jobs
    .filter((job): job is StockJobView => job !== null)
    .sort((a, b) => b.view.updatedAt - a.view.updatedAt)[0];
  if (!latest || latest.view.state === 'done' || latest.view.state === 'running') return null;
  if (latest.view.state === 'cancelled')
    return (
      <p className="notice" role="status">
        {t('stock.page.jobCancelled')}
      </p>
    );
  return (
    <p className="notice notice-error" role="alert">
      {t('stock.page.jobFailed', {
        reason: latest.view.error ? translate(locale, latest.view.error) : '',
      })}
    </p>
  );
}

/** The last push: sent, unchanged, failed and blocked, and the products Tiki refused with its own words. */
function LastRun({ run }: { run: StockRunSummary }) {
  const { t, locale } = useLocale();
  const params = {
    trigger: t(`stock.trigger.${run.trigger}`),
    time: formatDateTime(run.finishedAt, locale),
    sent: run.sent,
    unchanged: run.unchanged,
    failed: run.failed,
    blocked: run.blocked,
  };
  return (
    <section
      className={`stock-last-run${run.ok ? '' : ' state-failed'}`}
      aria-label={t('stock.page.lastRunTitle')}
    >
      <p>
        {run.ok
          ? t('stock.page.lastRun', params)
          : t('stock.page.lastRunStopped', {
              ...params,
              reason: run.error ? translate(locale, run.error) : '',
            })}
      </p>
      {run.failures.length > 0 && (
        <details open>
          <summary>
            {t('stock.page.failures')} <span className="count">{run.failed}</span>
          </summary>
          <ul>
            {run.failures.slice(0, FAILURES_LISTED).map((failure) => (
              <li key={failure.tikiProductId}>
                <strong>{failure.name}</strong>: {translate(locale, failure.text)}
              </li>
            ))}
          </ul>
          {run.failed > FAILURES_LISTED && (
            <p className="muted">{t('stock.page.moreFailures', { count: run.failed - FAILURES_LISTED })}</p>
          )}
        </details>
      )}
    </section>
  );
}
