import { useEffect, useState } from 'react';
import { formatDateTime } from '../../lib/i18n/format';
import { DASHBOARD_SECTIONS, type DashboardSection, sendMessage } from '../../lib/messaging';
import {
  type ConnectionHealth,
  type LastSync,
  readStatus,
  type StatusSnapshot,
  type StockPushStatus,
  watchStatus,
} from '../../lib/status/status';
import { type OrderSyncView, orderSyncViews } from '../../lib/sync/sync-view';
import { type StockJobView, stockJobView } from '../../lib/ui-state/stock-job-view';
import { SetupChecklist } from '../common/setup-checklist';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';

/** A step's link is a dashboard hash (`#settings`): the section it opens. */
function sectionOfHref(href: string): DashboardSection {
  const section = href.slice(1);
  return (DASHBOARD_SECTIONS as readonly string[]).includes(section)
    ? (section as DashboardSection)
    : 'settings';
}

const SECTION_BUTTONS: { section: DashboardSection; key: `section.${DashboardSection}` }[] = [
  { section: 'products', key: 'section.products' },
  { section: 'orders', key: 'section.orders' },
  { section: 'stock', key: 'section.stock' },
  { section: 'reconcile', key: 'section.reconcile' },
  { section: 'log', key: 'section.log' },
  { section: 'settings', key: 'section.settings' },
];

function HealthBadge({ health }: { health: ConnectionHealth }) {
  const { t } = useLocale();
  const label =
    health.state === 'ok'
      ? t('popup.connected')
      : health.state === 'error'
        ? t('popup.error')
        : t('popup.unchecked');
  return <span className={`badge badge-${health.state}`}>{label}</span>;
}

/** A shop's last finished sync: whether it went through, when, and what it did. */
function ShopLastSync({ name, sync }: { name: string; sync: LastSync | null }) {
  const { t, locale } = useLocale();
  if (!sync)
    return (
      <li>
        <span className="shop-name">{name}</span> <span className="muted">{t('popup.neverSynced')}</span>
      </li>
    );
  return (
    <li>
      <span className="shop-name">{name}</span>{' '}
      <span className={`badge badge-${sync.ok ? 'ok' : 'error'}`}>
        {t(sync.ok ? 'popup.syncOk' : 'popup.syncFailed')}
      </span>
      <br />
      <span className="muted">
        {formatDateTime(sync.at, locale)} ·{' '}
        {t('popup.syncCounts', {
          created: sync.created,
          updated: sync.updated,
          blocked: sync.blocked,
          failed: sync.failed,
        })}
      </span>
    </li>
  );
}

/** Refused products named in the popup; the rest are in Tồn kho. */
const FAILURES_NAMED = 3;

/** A shop's last stock push: when, what it sent, and the products Tiki refused, with the way to them. */
function ShopStockPush({
  name,
  push,
  onOpen,
}: {
  name: string;
  push: StockPushStatus;
  onOpen: (section: DashboardSection) => void;
}) {
  const { t, locale } = useLocale();
  const run = push.lastRun;
  const failed = run !== null && (!run.ok || run.failed > 0);
  return (
    <li>
      <span className="shop-name">{name}</span>{' '}
      {run ? (
        <span className={`badge badge-${failed ? 'error' : 'ok'}`}>
          {t(failed ? 'popup.syncFailed' : 'popup.syncOk')}
        </span>
      ) : (
        <span className="muted">{t('stock.popup.never')}</span>
      )}
      {run && (
        <>
          <br />
          <span className="muted">
            {run.ok
              ? t('stock.popup.lastPush', {
                  time: formatDateTime(run.finishedAt, locale),
                  sent: run.sent,
                  unchanged: run.unchanged,
                  failed: run.failed,
                })
              : t('stock.popup.stopped', { time: formatDateTime(run.finishedAt, locale) })}
          </span>
        </>
      )}
      {run && run.failures.length > 0 && (
        <p className="warning">
          {t('stock.popup.failures', {
            count: run.failed,
            names: `${run.failures
              .slice(0, FAILURES_NAMED)
              .map((failure) => failure.name)
              .join(', ')}${run.failed > FAILURES_NAMED ? '…' : ''}`,
          })}{' '}
          <button type="button" onClick={() => onOpen('stock')}>
            {t('stock.popup.open')}
          </button>
        </p>
      )}
      {push.cannotPush && (
        <p className="warning">
          {t('stock.popup.cannotPush')}{' '}
          <button type="button" onClick={() => onOpen('settings')}>
            {t('section.settings')}
          </button>
        </p>
      )}
    </li>
  );
}

/** The toolbar popup: health at a glance and the way into each dashboard section. */
export function PopupApp() {
  const { t } = useLocale();
  const [status, setStatus] = useState<StatusSnapshot | null>(null);
  const views = useJobViews();
  const orderSyncs = orderSyncViews(views);

  useEffect(() => {
    const refresh = () => void readStatus().then(setStatus);
    refresh();
    return watchStatus(refresh);
  }, []);

  const open = async (section: DashboardSection) => {
    await sendMessage('openDashboard', { section });
    window.close();
  };

  if (!status) return <main className="popup">{t('common.loading')}</main>;
  const stockPushes = Object.fromEntries(
    status.shops.flatMap((shop) => {
      const job = stockJobView(views, 'stock-push', shop.id);
      return job ? [[shop.id, job]] : [];
    }),
  );
  return (
    <PopupView
      status={status}
      orderSyncs={orderSyncs}
      stockPushes={stockPushes}
      onOpen={(section) => void open(section)}
    />
  );
}

/** What the popup shows of a status snapshot and the order syncs running now. */
export function PopupView({
  status,
  orderSyncs,
  stockPushes = {},
  onOpen,
}: {
  status: StatusSnapshot;
  orderSyncs: Readonly<Record<string, OrderSyncView>>;
  /** Each shop's stock push job, when there is one. */
  stockPushes?: Readonly<Record<string, StockJobView>>;
  onOpen: (section: DashboardSection) => void;
}) {
  const { t, locale } = useLocale();
  const { nhanh } = status;
  const pushingShops = status.shops.filter((shop) => shop.stockPush.enabled);

  return (
    <main className="popup">
      <h1>{t('popup.title')}</h1>
      <SetupChecklist steps={status.setup} onGo={(href) => onOpen(sectionOfHref(href))} />

      <section aria-label={t('popup.tiki')}>
        <h2>{t('popup.tiki')}</h2>
        {status.shops.length === 0 ? (
          <p className="muted">
            {t('popup.noShops')}{' '}
            <button type="button" onClick={() => onOpen('settings')}>
              {t('popup.addShop')}
            </button>
          </p>
        ) : (
          <ul className="health-list">
            {status.shops.map((shop) => (
              <li key={shop.id}>
                <span className="shop-name">{shop.name}</span> <HealthBadge health={shop.health} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label={t('popup.nhanh')}>
        <h2>{t('popup.nhanh')}</h2>
        {nhanh.configured ? (
          <p>
            <HealthBadge health={nhanh.health} />
            {nhanh.expiredAt !== null && nhanh.expiry === 'ok' && (
              <span className="muted">
                {' '}
                {t('popup.tokenExpires', { date: formatDateTime(nhanh.expiredAt * 1000, locale) })}
              </span>
            )}
          </p>
        ) : (
          <p className="muted">{t('popup.notConnected')}</p>
        )}
        {nhanh.expiry === 'expiring_soon' && nhanh.expiredAt !== null && (
          <p className="warning" role="alert">
            {t('popup.tokenExpiringSoon', { date: formatDateTime(nhanh.expiredAt * 1000, locale) })}
          </p>
        )}
        {nhanh.expiry === 'expired' && (
          <p className="warning" role="alert">
            {t('popup.tokenExpired')}
          </p>
        )}
      </section>

      <section aria-label={t('popup.lastSync')}>
        <h2>{t('popup.lastSync')}</h2>
        {status.shops.length === 0 ? (
          <p className="muted">{t('popup.neverSynced')}</p>
        ) : (
          <ul className="sync-list">
            {status.shops.map((shop) => (
              <ShopLastSync key={shop.id} name={shop.name} sync={shop.lastSync} />
            ))}
          </ul>
        )}
        {status.shops.map((shop) => {
          const sync = orderSyncs[shop.id];
          if (sync?.state !== 'running') return null;
          const { done, total } = sync.progress;
          return (
            <p key={shop.id} className="order-sync-running" role="status">
              {total === null
                ? t('orders.popup.runningUnknown', { shop: shop.name, done })
                : t('orders.popup.running', { shop: shop.name, done, total })}{' '}
              <progress value={done} max={total ?? undefined} />
            </p>
          );
        })}
        <p className="muted">
          {status.autoSync.enabled
            ? t('popup.autoSyncOn', { minutes: status.autoSync.intervalMinutes })
            : t('popup.autoSyncOff')}
        </p>
        {status.attentionTotal > 0 && (
          <p className="attention">{t('popup.attention', { count: status.attentionTotal })}</p>
        )}
      </section>

      {pushingShops.length > 0 && (
        <section aria-label={t('stock.popup.title')}>
          <h2>{t('stock.popup.title')}</h2>
          <ul className="sync-list">
            {pushingShops.map((shop) => (
              <ShopStockPush key={shop.id} name={shop.name} push={shop.stockPush} onOpen={onOpen} />
            ))}
          </ul>
          {pushingShops.map((shop) => {
            const job = stockPushes[shop.id];
            if (job?.view.state !== 'running') return null;
            return (
              <p key={shop.id} className="order-sync-running" role="status">
                {t('stock.popup.running', {
                  shop: shop.name,
                  done: job.summary.sent + job.summary.unchanged + job.summary.failed,
                })}{' '}
                <progress value={job.view.progress.done} max={job.view.progress.total ?? undefined} />
              </p>
            );
          })}
        </section>
      )}

      <nav className="popup-actions" aria-label={t('popup.openDashboard')}>
        {SECTION_BUTTONS.map(({ section, key }) => (
          <button key={section} type="button" onClick={() => onOpen(section)}>
            {t(key)}
          </button>
        ))}
      </nav>
    </main>
  );
}
