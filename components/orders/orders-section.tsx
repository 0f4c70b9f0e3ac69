import { useEffect, useState } from 'react';
import {
  ATTENTION_OUTCOMES,
  type CompanionDatabase,
  getDb,
  type OrderBlocker,
  type OrderOutcome,
  type OrderRecord,
} from '../../lib/db';
import { type LocalizedText, translate } from '../../lib/i18n';
import { formatDateTime } from '../../lib/i18n/format';
import { jobIdOf } from '../../lib/jobs/views';
import { sendMessage } from '../../lib/messaging';
import { markReturnHandled } from '../../lib/orders/returns';
import {
  groupOfStored,
  NHANH_STATUS_LABEL,
  type NhanhStatusName,
  nhanhOrderPageUrl,
  ORDER_GROUPS,
  type OrderGroup,
  tikiStatusesOf,
} from '../../lib/orders/status-map';
import { refreshProductAttention } from '../../lib/products/catalogue';
import { repairProducts } from '../../lib/products/pairing';
import { getSettings, type Settings, watchSettings } from '../../lib/settings';
import { refreshOrderAttention } from '../../lib/sync/progress';
import { type OrderSyncView, orderSyncViews } from '../../lib/sync/sync-view';
import { productHash, settingHash } from '../../lib/ui-state/dashboard-location';
import { NoShopState } from '../common/no-shop';
import { ShopPicker } from '../common/shop-picker';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';
import './orders.css';

/** Result groups, problems first: they are what the seller has to act on. */
const OUTCOMES: readonly OrderOutcome[] = [
  'blocked',
  'failed',
  'conflict',
  'returned',
  'unreadable',
  'excluded',
  'created',
  'updated',
  'present',
];
const OPEN_BY_DEFAULT = new Set<OrderOutcome>(ATTENTION_OUTCOMES);
/** Rows shown per group; the rest is counted (a full 30-day import can hold thousands of "already there"). */
const ROWS_PER_GROUP = 300;

function useOrderSyncView(shopId: string | null): OrderSyncView | null {
  const views = orderSyncViews(useJobViews());
  return shopId ? (views[shopId] ?? null) : null;
}

/** The orders the view's run handled, reloaded whenever the run reports a page. */
function useRunResults(shopId: string | null, view: OrderSyncView | null) {
  const [results, setResults] = useState<OrderRecord[]>([]);
  const [version, setVersion] = useState(0);
  const runId = view?.runId;
  const updatedAt = view?.updatedAt;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `updatedAt` and `version` are reload triggers.
  useEffect(() => {
    if (!shopId || !runId) return setResults([]);
    let current = true;
    void getDb()
      .then((db) => db.getAllFromIndex('orders', 'by-shop', shopId))
      .then((records) => {
        if (current) setResults(records.filter((record) => record.runId === runId));
      });
    return () => {
      current = false;
    };
  }, [shopId, runId, updatedAt, version]);
  return { results, reload: () => setVersion((value) => value + 1) };
}

/** "Đơn hàng": download a shop's Tiki orders into Nhanh and see what happened to each. */
export function OrdersSection() {
  const { t, locale } = useLocale();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shopId, setShopId] = useState<string | null>(null);
  const [groups, setGroups] = useState<Set<OrderGroup> | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: LocalizedText } | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const shop = settings?.shops.find((candidate) => candidate.id === shopId) ?? settings?.shops[0] ?? null;
  const view = useOrderSyncView(shop?.id ?? null);
  const { results, reload } = useRunResults(shop?.id ?? null, view);

  if (!settings) return <p>{t('common.loading')}</p>;
  if (!shop) return <NoShopState message="orders.noShop" />;
  const chosen = groups ?? new Set<OrderGroup>(settings.orderStatusFilter);
  const running = view?.state === 'running';

  const toggle = (group: OrderGroup) => {
    const next = new Set(chosen);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    setGroups(next);
  };

  const start = async () => {
    setNotice(null);
    const answer = await sendMessage('startOrderImport', { shopId: shop.id, statuses: [...chosen] });
    if (!answer.started) setNotice({ kind: 'error', text: answer.error });
  };

  const repair = async (tikiProductId: number) => {
    const db: CompanionDatabase = await getDb();
    const left = await repairProducts(db, shop.id, [tikiProductId], Date.now());
    await refreshProductAttention(db);
    setNotice(
      left.length === 0
        ? { kind: 'success', text: { key: 'orders.repaired', params: { count: 1 } } }
        : { kind: 'error', text: { key: 'orders.repairByHand' } },
    );
    reload();
  };

  const cancelShipment = async (code: string) => {
    if (!window.confirm(t('orders.cancelShipment.confirm', { code }))) return;
    const answer = await sendMessage('cancelNhanhShipment', { shopId: shop.id, code });
    setNotice(
      answer.ok
        ? {
            kind: 'success',
            text: { key: 'orders.cancelShipment.done', params: { code, id: answer.nhanhOrderId } },
          }
        : { kind: 'error', text: answer.error },
    );
    reload();
  };

  return (
    <div className="orders">
      <div className="orders-toolbar">
        <ShopPicker label={t('orders.shop')} shops={settings.shops} value={shop.id} onChange={setShopId} />
        <fieldset className="inline-group orders-statuses">
          <legend>{t('orders.statuses')}</legend>
          {ORDER_GROUPS.map((group) => (
            <label key={group} className="checkbox" title={tikiStatusesOf(group).join(', ')}>
              <input
                type="checkbox"
                checked={chosen.has(group)}
                disabled={running}
                onChange={() => toggle(group)}
              />
              {t(`orders.group.${group}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" disabled={running || chosen.size === 0} onClick={() => void start()}>
          {t('orders.download')}
        </button>
        {running && (
          <button
            type="button"
            onClick={() => void sendMessage('cancelJob', { jobId: jobIdOf('order-sync', shop.id) })}
          >
            {t('orders.cancel')}
          </button>
        )}
      </div>
      <p className="hint">{t('orders.window')}</p>

      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {translate(locale, notice.text)}
        </div>
      )}

      {view && <RunStatus view={view} />}

      <ReturnsPanel shopId={shop.id} reloadKey={view?.updatedAt ?? 0} onChanged={reload} />

      {!view ? (
        <p className="empty-state">{t('orders.noResults')}</p>
      ) : (
        OUTCOMES.map((outcome) => {
          const rows = results.filter((record) => record.outcome === outcome);
          if (rows.length === 0) return null;
          return (
            <details
              key={`${view.runId}-${outcome}`}
              className={`orders-group outcome-${outcome}`}
              open={OPEN_BY_DEFAULT.has(outcome)}
            >
              <summary>
                {t(`orders.outcome.${outcome}`)} <span className="count">{rows.length}</span>
              </summary>
              <ResultTable
                shopId={shop.id}
                rows={rows.slice(0, ROWS_PER_GROUP)}
                onRepair={(id) => void repair(id)}
                onCancelShipment={(code) => void cancelShipment(code)}
              />
              {rows.length > ROWS_PER_GROUP && <p className="muted">… +{rows.length - ROWS_PER_GROUP}</p>}
            </details>
          );
        })
      )}
    </div>
  );
}

function RunStatus({ view }: { view: OrderSyncView }) {
  const { t, locale } = useLocale();
  const { done, total } = view.progress;
  const trigger = t(`orders.trigger.${view.trigger}`);
  const time = formatDateTime(view.updatedAt, locale);
  if (view.state === 'running')
    return (
      <div className="orders-progress" role="status">
        <span>{t('orders.running')}</span>
        <progress value={done} max={total ?? undefined} />
        <span>
          {total === null ? t('orders.progressUnknown', { done }) : t('orders.progress', { done, total })}
        </span>
      </div>
    );
  const state = view.state === 'failed' ? 'failed' : view.state === 'cancelled' ? 'cancelled' : 'done';
  return (
    <div className={`orders-last-run state-${state}`} role={state === 'failed' ? 'alert' : 'status'}>
      <p>
        {t(`orders.lastRun.${state}`, { trigger, time })}
        {view.error && <> {translate(locale, view.error)}</>}
      </p>
      <p className="orders-counts">
        {OUTCOMES.map((outcome) => (
          <span key={outcome} className={`outcome-${outcome}`}>
            {t(`orders.outcome.${outcome}`)}: <strong>{view.counts[outcome]}</strong>
          </span>
        ))}
      </p>
    </div>
  );
}

/** The way out of one blocked line: to the product in Sản phẩm, or to "Luôn lấy sản phẩm về" in Cài đặt. */
/** A Tiki status in the seller's words (its group), with Tiki's own value beside it for support questions. */
function TikiStatus({ status }: { status: string }) {
  const { t } = useLocale();
  const group = groupOfStored(status);
  if (!group) return <>{status}</>;
  return (
    <>
      {t(`orders.group.${group}`)} <span className="muted">({status})</span>
    </>
  );
}

function BlockerFix({
  shopId,
  blocker,
  onRepair,
}: {
  shopId: string;
  blocker: OrderBlocker;
  onRepair: (tikiProductId: number) => void;
}) {
  const { t } = useLocale();
  if (blocker.fix === 'always-fetch')
    return (
      <a className="button" href={settingHash({ field: 'alwaysFetchProducts' })}>
        {t('orders.fix.settings')}
      </a>
    );
  const toProduct = productHash({ shop: shopId, tiki: blocker.tikiProductId });
  if (blocker.fix === 'pair')
    return (
      <a className="button" href={toProduct}>
        {t('orders.fix.pair')}
      </a>
    );
  return (
    <>
      <button type="button" onClick={() => onRepair(blocker.tikiProductId)}>
        {t('orders.fix.repair')}
      </button>{' '}
      <a className="button" href={toProduct}>
        {t('orders.fix.openProduct')}
      </a>
    </>
  );
}

/** The Nhanh side of an order: a link to it in Nhanh, its status there, and who drives it now. */
function NhanhOrderCell({ record }: { record: OrderRecord }) {
  const { t } = useLocale();
  if (record.nhanhOrderId === null) return null;
  const status = record.nhanhStatus as NhanhStatusName | null;
  return (
    <>
      <a href={nhanhOrderPageUrl(record.nhanhOrderId)} target="_blank" rel="noreferrer">
        #{record.nhanhOrderId}
      </a>
      {status && Object.hasOwn(NHANH_STATUS_LABEL, status) && <> · {NHANH_STATUS_LABEL[status]}</>}
      {record.nhanhSentToCarrier && <div className="muted">{t('orders.nhanhCarrier')}</div>}
    </>
  );
}

/** Returns Nhanh could not record, across runs, until the seller says each was handled in Nhanh. */
function ReturnsPanel({
  shopId,
  reloadKey,
  onChanged,
}: {
  shopId: string;
  reloadKey: number;
  onChanged: () => void;
}) {
  const { t, locale } = useLocale();
  const [returns, setReturns] = useState<OrderRecord[]>([]);
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloadKey` and `version` are reload triggers.
  useEffect(() => {
    let current = true;
    void getDb()
      .then((db) => db.getAllFromIndex('orders', 'by-shop', shopId))
      .then((records) => {
        if (current) setReturns(records.filter((record) => record.outcome === 'returned'));
      });
    return () => {
      current = false;
    };
  }, [shopId, reloadKey, version]);
  if (returns.length === 0) return null;

  const handled = async (code: string) => {
    const db = await getDb();
    await markReturnHandled(db, shopId, code, Date.now());
    await refreshOrderAttention(db);
    setVersion((value) => value + 1);
    onChanged();
  };

  return (
    <section className="orders-returns" aria-labelledby="orders-returns-title">
      <h3 id="orders-returns-title">
        {t('orders.returns.title')} <span className="count">{returns.length}</span>
      </h3>
      <p className="hint">{t('orders.returns.hint')}</p>
      <table className="orders-table">
        <thead>
          <tr>
            <th>{t('orders.col.code')}</th>
            <th>{t('orders.col.nhanh')}</th>
            <th>{t('orders.returns.lines')}</th>
            <th>{t('orders.col.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {returns.map((record) => (
            <tr key={record.code} data-code={record.code}>
              <td>{record.code}</td>
              <td>
                <NhanhOrderCell record={record} />
              </td>
              <td>
                <ul className="orders-blockers">
                  {(record.returnLines ?? []).map((line) => (
                    <li key={`${line.sku}-${line.name}`}>
                      {line.qty} × {line.name} <span className="muted">({line.sku})</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {record.reason && translate(locale, record.reason)}{' '}
                <button type="button" onClick={() => void handled(record.code)}>
                  {t('orders.returns.handled')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ResultTable({
  shopId,
  rows,
  onRepair,
  onCancelShipment,
}: {
  shopId: string;
  rows: OrderRecord[];
  onRepair: (tikiProductId: number) => void;
  onCancelShipment: (code: string) => void;
}) {
  const { t, locale } = useLocale();
  return (
    <table className="orders-table">
      <thead>
        <tr>
          <th>{t('orders.col.code')}</th>
          <th>{t('orders.col.tikiStatus')}</th>
          <th>{t('orders.col.nhanh')}</th>
          <th>{t('orders.col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((record) => (
          <tr key={record.code} data-code={record.code}>
            <td>{record.code}</td>
            <td>
              <TikiStatus status={record.tikiStatus} />
            </td>
            <td>
              <NhanhOrderCell record={record} />
            </td>
            <td>
              {record.blockers.length > 0 ? (
                <ul className="orders-blockers">
                  {record.blockers.map((blocker) => (
                    <li key={blocker.tikiProductId}>
                      {translate(locale, blocker.text)}{' '}
                      <BlockerFix shopId={shopId} blocker={blocker} onRepair={onRepair} />
                    </li>
                  ))}
                </ul>
              ) : (
                record.reason && translate(locale, record.reason)
              )}
              {record.reason?.key === 'orders.conflict.carrier' && record.nhanhSentToCarrier && (
                <>
                  {' '}
                  <button type="button" onClick={() => onCancelShipment(record.code)}>
                    {t('orders.cancelShipment')}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
