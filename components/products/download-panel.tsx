import { useEffect, useRef, useState } from 'react';
import type { LocalizedText } from '../../lib/i18n';
import { jobIdOf } from '../../lib/jobs/views';
import { sendMessage } from '../../lib/messaging';
import { catalogueSummaryOf, outcomeLines } from '../../lib/products/download-view';
import { nhanhConnected, type Settings, type Shop, tikiCredentialsOf } from '../../lib/settings';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';

/** One line of the outcome, each already a message to translate. */
export type Notice = { kind: 'success' | 'error'; lines: LocalizedText[] };

/**
 * "Tải sản phẩm": both catalogues, downloaded by the worker (it goes on with this tab closed and shares the
 * worker's Nhanh limiter); this panel starts it, follows its progress per source and offers to stop it.
 */
export function DownloadPanel({
  settings,
  shop,
  onNotice,
  onDone,
}: {
  settings: Settings;
  shop: Shop;
  onNotice: (notice: Notice) => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useLocale();
  const jobId = jobIdOf('catalogue-download', shop.id);
  const view = useJobViews()[jobId];
  const running = view?.state === 'running';
  const [starting, setStarting] = useState(false);
  // A run this panel saw running: its end is told once, when it comes.
  const watched = useRef<number | null>(null);

  useEffect(() => {
    if (!view) return;
    if (view.state === 'running') {
      watched.current = view.startedAt;
      return;
    }
    if (watched.current !== view.startedAt) return;
    watched.current = null;
    const summary = catalogueSummaryOf(view.summary);
    const lines: LocalizedText[] = [
      ...(summary?.tiki.outcome ? outcomeLines('tiki', summary.tiki.outcome) : []),
      ...(summary?.nhanh.outcome ? outcomeLines('nhanh', summary.nhanh.outcome) : []),
      ...(view.error ? [view.error] : []),
    ];
    const failed = view.state !== 'done' || lines.some((line) => line.key !== 'products.download.done');
    onNotice({ kind: failed ? 'error' : 'success', lines });
    void onDone();
  }, [view, onNotice, onDone]);

  if (!tikiCredentialsOf(shop))
    return <p className="warning">{t('products.noTikiKey', { shop: shop.name })}</p>;
  if (!nhanhConnected(settings)) return <p className="warning">{t('products.noNhanh')}</p>;

  const start = async () => {
    setStarting(true);
    try {
      const answer = await sendMessage('startCatalogueDownload', { shopId: shop.id });
      if (!answer.started) onNotice({ kind: 'error', lines: [answer.error] });
    } finally {
      setStarting(false);
    }
  };

  if (!running)
    return (
      <button type="button" className="primary" disabled={starting} onClick={() => void start()}>
        {t('products.download')}
      </button>
    );
  const summary = catalogueSummaryOf(view.summary);
  const tiki = summary?.tiki;
  const nhanh = summary?.nhanh;
  return (
    <div className="download-progress" aria-live="polite">
      <label>
        {t('products.progress.tiki', { done: tiki?.done ?? 0, total: tiki?.total ?? '…' })}
        <progress max={tiki?.total ?? undefined} value={tiki?.total ? tiki.done : undefined} />
      </label>
      <label>
        {t('products.progress.nhanh', { done: nhanh?.done ?? 0 })}
        <progress />
      </label>
      <p className="hint">{t('products.download.inWorker')}</p>
      <button type="button" className="danger" onClick={() => void sendMessage('cancelJob', { jobId })}>
        {t('products.cancelDownload')}
      </button>
    </div>
  );
}
