import { useDeferredValue, useMemo, useState } from 'react';
import type { NhanhProductRecord } from '../../lib/db';
import type { ProductRow } from '../../lib/products/rows';
import { searchNhanhProducts } from '../../lib/products/search';
import { useLocale } from '../locale';

/**
 * Pairing one Tiki product by hand: the Nhanh products the rules found (when ambiguous), the name suggestions,
 * then a search of the Nhanh catalogue by code, barcode or name.
 */
export function PairDialog({
  row,
  nhanhProducts,
  nhanhById,
  onPair,
  onClose,
}: {
  row: ProductRow;
  nhanhProducts: readonly NhanhProductRecord[];
  nhanhById: ReadonlyMap<number, NhanhProductRecord>;
  onPair: (nhanh: NhanhProductRecord) => void;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(
    () => searchNhanhProducts(nhanhProducts, deferredQuery),
    [nhanhProducts, deferredQuery],
  );
  const candidates = row.product.candidates.flatMap((candidate) => {
    const nhanh = nhanhById.get(candidate.nhanhProductId);
    return nhanh ? [{ nhanh, note: t(`products.method.${candidate.rule}`) }] : [];
  });
  const suggestions = row.product.suggestions.flatMap((suggestion) => {
    const nhanh = nhanhById.get(suggestion.nhanhProductId);
    return nhanh ? [{ nhanh, note: `${Math.round(suggestion.confidence * 100)}%` }] : [];
  });

  const list = (items: { nhanh: NhanhProductRecord; note?: string }[]) => (
    <ul className="pair-options">
      {items.map(({ nhanh, note }) => (
        <li key={nhanh.id}>
          <span>
            <strong>{t('products.nhanhLine', { code: nhanh.code, name: nhanh.name })}</strong>
            {nhanh.barcode && (
              <span className="muted"> · {t('products.barcode', { barcode: nhanh.barcode })}</span>
            )}
            {note && <span className="muted"> · {note}</span>}
          </span>
          <button
            type="button"
            onClick={() => onPair(nhanh)}
            aria-label={`${t('products.pair')} ${nhanh.code}`}
          >
            {t('products.pair')}
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <section
      className="products-dialog"
      role="dialog"
      aria-label={t('products.pairPanel.title', { name: row.product.name })}
    >
      <h2>{t('products.pairPanel.title', { name: row.product.name })}</h2>
      {candidates.length > 0 && (
        <>
          <h3>{t('products.pairPanel.candidates')}</h3>
          {list(candidates)}
        </>
      )}
      {suggestions.length > 0 && (
        <>
          <h3>{t('products.pairPanel.suggestions')}</h3>
          {list(suggestions)}
        </>
      )}
      <label className="field">
        <span>{t('products.pairPanel.search')}</span>
        <input
          type="search"
          // biome-ignore lint/a11y/noAutofocus: the dialog opens to search; focus belongs in its one input.
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      {deferredQuery.trim() !== '' &&
        (results.length > 0 ? (
          <>
            <h3>{t('products.pairPanel.results')}</h3>
            {list(results.map((nhanh) => ({ nhanh })))}
          </>
        ) : (
          <p className="muted">{t('products.pairPanel.noResults')}</p>
        ))}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('products.pairPanel.close')}
        </button>
      </div>
    </section>
  );
}
