import { useRef, useState } from 'react';
import { logActivity } from '../../lib/activity-log';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../../lib/api-clients';
import { systemClock } from '../../lib/clock';
import { getDb } from '../../lib/db';
import type { LocalizedText } from '../../lib/i18n';
import { refreshProductAttention } from '../../lib/products/catalogue';
import {
  type CatalogueSource,
  type DownloadProgress,
  downloadCatalogues,
  type SourceOutcome,
} from '../../lib/products/download';
import { type Settings, type Shop, secretsOf } from '../../lib/settings';
import { useLocale } from '../locale';

/** One line of the outcome, each already a message to translate. */
export type Notice = { kind: 'success' | 'error'; lines: LocalizedText[] };

function outcomeLines(source: CatalogueSource, outcome: SourceOutcome): LocalizedText[] {
  const sourceName = source === 'tiki' ? 'Tiki' : 'Nhanh';
  const params = { source: sourceName, count: outcome.count };
  if (outcome.state === 'cancelled') return [{ key: 'products.download.cancelled', params }];
  if (outcome.state === 'failed') return [{ key: 'products.download.failed', params }, outcome.error];
  const lines: LocalizedText[] = [{ key: 'products.download.done', params }];
  if (source === 'tiki' && outcome.markedDeleted > 0)
    lines.push({ key: 'products.download.deletedOnTiki', params: { count: outcome.markedDeleted } });
  return lines;
}

/**
 * "Tải sản phẩm": both catalogues, run in this page (the seller watches it and may cancel; the page has the
 * host permissions), with one progress bar per source and a cancel button.
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
  const [progress, setProgress] = useState<Partial<Record<CatalogueSource, DownloadProgress>> | null>(null);
  const controller = useRef<AbortController | null>(null);
  const tiki = createTikiClientForShop(settings, shop);
  const nhanh = createNhanhClientFromSettings(settings);

  async function run() {
    if (!tiki || !nhanh) return;
    controller.current = new AbortController();
    setProgress({});
    const db = await getDb();
    try {
      const result = await downloadCatalogues({ db, clock: systemClock, tiki, nhanh }, shop.id, {
        signal: controller.current.signal,
        onProgress: (step) => setProgress((current) => ({ ...current, [step.source]: step })),
      });
      const failed = result.tiki.state !== 'done' || result.nhanh.state !== 'done';
      const secrets = secretsOf(settings);
      await logActivity(
        db,
        {
          level: failed ? 'warn' : 'info',
          source: 'products',
          text: {
            key: 'products.log.downloaded',
            params: { shop: shop.name, tiki: result.tiki.count, nhanh: result.nhanh.count },
          },
        },
        { secrets },
      );
      for (const outcome of [result.tiki, result.nhanh])
        if (outcome.state === 'failed')
          await logActivity(db, { level: 'error', source: 'products', text: outcome.error }, { secrets });
      onNotice({
        kind: failed ? 'error' : 'success',
        lines: [...outcomeLines('tiki', result.tiki), ...outcomeLines('nhanh', result.nhanh)],
      });
      await refreshProductAttention(db);
      await onDone();
    } finally {
      setProgress(null);
      controller.current = null;
    }
  }

  if (!tiki) return <p className="warning">{t('products.noTikiKey', { shop: shop.name })}</p>;
  if (!nhanh) return <p className="warning">{t('products.noNhanh')}</p>;
  if (!progress)
    return (
      <button type="button" className="primary" onClick={() => void run()}>
        {t('products.download')}
      </button>
    );
  const tikiStep = progress.tiki;
  const nhanhStep = progress.nhanh;
  return (
    <div className="download-progress" aria-live="polite">
      <label>
        {t('products.progress.tiki', { done: tikiStep?.done ?? 0, total: tikiStep?.total ?? '…' })}
        <progress max={tikiStep?.total ?? undefined} value={tikiStep?.total ? tikiStep.done : undefined} />
      </label>
      <label>
        {t('products.progress.nhanh', { done: nhanhStep?.done ?? 0 })}
        <progress />
      </label>
      <button type="button" className="danger" onClick={() => controller.current?.abort()}>
        {t('products.cancelDownload')}
      </button>
    </div>
  );
}
