import { useEffect, useState } from 'react';
import { getDb } from '../../lib/db';
import { isMessageKey, type LocalizedText, translate } from '../../lib/i18n';
import { formatVnd } from '../../lib/i18n/format';
import { jobIdOf } from '../../lib/jobs/views';
import { sendMessage } from '../../lib/messaging';
import { type CreateResultView, createResultsOf } from '../../lib/products/download-view';
import { creatableOf, nhanhDraftOf } from '../../lib/products/nhanh-draft';
import type { ProductRow } from '../../lib/products/rows';
import { nhanhConnected, type Settings, type Shop } from '../../lib/settings';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';

/**
 * "Tạo trên Nhanh": shows exactly what will be sent for each selected unpaired product (name, code, barcode,
 * price, variant); the worker then creates them in batches (it goes on if this tab closes); each refused product
 * gets Nhanh's per-field message beside it.
 */
export function CreatePreview({
  settings,
  shop,
  rows,
  skipped,
  onClose,
  onDone,
}: {
  settings: Settings;
  shop: Shop;
  rows: ProductRow[];
  /** Selected products that are not unpaired and so are left out. */
  skipped: number;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t, locale } = useLocale();
  const jobId = jobIdOf('create-products', shop.id);
  const view = useJobViews()[jobId];
  /** When this dialog started its job: only that job's results belong here. */
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [results, setResults] = useState<Map<number, CreateResultView> | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const drafts = rows.map((row) => ({ row, draft: nhanhDraftOf(creatableOf(row.product)) }));
  const mine = view && startedAt !== null && view.startedAt >= startedAt;
  const running = mine ? view.state === 'running' : startedAt !== null;

  useEffect(() => {
    if (!mine || view.state === 'running' || results) return;
    void getDb()
      .then((db) => db.get('jobs', jobId))
      .then((job) => {
        setResults(createResultsOf(job?.cursor));
        if (view.error) setError(view.error);
        void onDone();
      });
  }, [mine, view, jobId, results, onDone]);

  async function create() {
    setError(null);
    const now = Date.now();
    const answer = await sendMessage('startCreateProducts', {
      shopId: shop.id,
      tikiProductIds: rows.map((row) => row.product.id),
    });
    if (answer.started) setStartedAt(now);
    else setError(answer.error);
  }

  const fieldLabel = (field: string) => {
    const key = `products.field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  const resultCell = (tikiProductId: number) => {
    const result = results?.get(tikiProductId);
    if (!result) return null;
    if (result.ok)
      return <span className="check-ok">{t('products.create.ok', { id: result.nhanhProductId })}</span>;
    return (
      <span className="check-error" role="alert">
        {Object.entries(result.fieldMessages)
          .map(([field, message]) => `${fieldLabel(field)}: ${message}`)
          .join('; ')}
      </span>
    );
  };
  const createdCount = results ? [...results.values()].filter((result) => result.ok).length : 0;

  return (
    <section className="products-dialog" role="dialog" aria-label={t('products.create.title')}>
      <h2>{t('products.create.title')}</h2>
      <p className="hint">{t('products.create.note')}</p>
      {skipped > 0 && <p className="warning">{t('products.create.skipped', { count: skipped })}</p>}
      <div className="create-table-wrap">
        <table className="log-table create-table">
          <thead>
            <tr>
              <th>{t('products.create.col.name')}</th>
              <th>{t('products.create.col.code')}</th>
              <th>{t('products.create.col.barcode')}</th>
              <th>{t('products.create.col.price')}</th>
              <th>{t('products.create.col.variant')}</th>
              <th>{t('products.create.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map(({ row, draft }) => (
              <tr key={row.product.id}>
                <td>{draft.name}</td>
                <td>{draft.code}</td>
                <td>{draft.barcode ?? '—'}</td>
                <td>{formatVnd(draft.price ?? 0)}</td>
                <td>{row.product.optionLabel || '—'}</td>
                <td>{resultCell(row.product.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {translate(locale, error)}
        </p>
      )}
      {results && (
        <p className="notice notice-success" role="status">
          {t('products.create.summary', { created: createdCount, failed: results.size - createdCount })}
        </p>
      )}
      <div className="actions">
        {!results && (
          <button
            type="button"
            className="primary"
            disabled={running || rows.length === 0 || !nhanhConnected(settings)}
            onClick={() => void create()}
          >
            {running
              ? t('products.create.running', {
                  done: mine ? view.progress.done : 0,
                  total: mine ? (view.progress.total ?? rows.length) : rows.length,
                })
              : t('products.create.run', { count: rows.length })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('products.create.close')}
        </button>
      </div>
    </section>
  );
}
