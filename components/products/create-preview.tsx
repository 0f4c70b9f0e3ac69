import { useState } from 'react';
import { logActivity } from '../../lib/activity-log';
import { createNhanhClientFromSettings } from '../../lib/api-clients';
import { systemClock } from '../../lib/clock';
import { getDb } from '../../lib/db';
import { ApiError } from '../../lib/http/api-error';
import { isMessageKey, translate } from '../../lib/i18n';
import { formatVnd } from '../../lib/i18n/format';
import { refreshProductAttention } from '../../lib/products/catalogue';
import {
  type CreateResult,
  creatableOf,
  createInNhanh,
  nhanhDraftOf,
} from '../../lib/products/create-in-nhanh';
import type { ProductRow } from '../../lib/products/rows';
import { type Settings, type Shop, secretsOf } from '../../lib/settings';
import { useLocale } from '../locale';

/**
 * "Tạo trên Nhanh": shows exactly what will be sent for each selected unpaired product (name, code, barcode,
 * price, variant), then creates them in batches; each refused product gets Nhanh's per-field message beside it.
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
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<Map<number, CreateResult> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nhanh = createNhanhClientFromSettings(settings);
  const drafts = rows.map((row) => ({ row, draft: nhanhDraftOf(creatableOf(row.product)) }));

  async function create() {
    if (!nhanh) return;
    setRunning({ done: 0, total: rows.length });
    setError(null);
    const db = await getDb();
    try {
      const created = await createInNhanh(
        { db, nhanh, clock: systemClock },
        shop.id,
        rows.map((row) => creatableOf(row.product)),
        (done, total) => setRunning({ done, total }),
      );
      setResults(new Map(created.map((result) => [result.tikiProductId, result])));
      const failed = created.filter((result) => !result.ok).length;
      await logActivity(
        db,
        {
          level: failed > 0 ? 'warn' : 'info',
          source: 'products',
          text: {
            key: 'products.log.created',
            params: { shop: shop.name, created: created.length - failed, failed },
          },
        },
        { secrets: secretsOf(settings) },
      );
    } catch (cause) {
      // The batches before the failure are created and paired; a retry is safe (same appProductId).
      setError(
        cause instanceof ApiError
          ? translate(locale, cause.text)
          : t('error.unexpected', { message: (cause as Error).message }),
      );
    } finally {
      setRunning(null);
      await refreshProductAttention(db);
      await onDone();
    }
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
          {error}
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
            disabled={running !== null || rows.length === 0}
            onClick={() => void create()}
          >
            {running
              ? t('products.create.running', { done: running.done, total: running.total })
              : t('products.create.run', { count: rows.length })}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={running !== null}>
          {t('products.create.close')}
        </button>
      </div>
    </section>
  );
}
