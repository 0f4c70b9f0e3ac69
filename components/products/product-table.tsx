import { useCallback, useEffect, useRef } from 'react';
import type { NhanhProductRecord } from '../../lib/db';
import { formatDateTime, formatVnd } from '../../lib/i18n/format';
import type { RepairTarget } from '../../lib/products/pairing';
import type { ProductRow } from '../../lib/products/rows';
import { useRowWindow } from '../common/virtual-rows';
import { useLocale } from '../locale';

const ROW_HEIGHT = 76;
const TABLE_HEIGHT = 560;

export interface RowActions {
  pairByHand: (row: ProductRow) => void;
  confirmSuggestion: (row: ProductRow) => void;
  repair: (row: ProductRow, target: RepairTarget) => void;
  unpair: (row: ProductRow) => void;
}

/** The Sản phẩm table: windowed rows, one per sellable Tiki product, with its pairing and actions. */
export function ProductTable({
  rows,
  focusedId,
  nhanhById,
  repairTargetOf,
  selected,
  onToggle,
  onToggleAll,
  actions,
}: {
  rows: readonly ProductRow[];
  /** A product a link pointed at: scrolled to, marked, and its one-click re-pair focused when it has one. */
  focusedId?: number;
  nhanhById: ReadonlyMap<number, NhanhProductRecord>;
  repairTargetOf: (row: ProductRow) => RepairTarget | undefined;
  selected: ReadonlySet<number>;
  onToggle: (row: ProductRow) => void;
  onToggleAll: (select: boolean) => void;
  actions: RowActions;
}) {
  const { t, locale } = useLocale();
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.product.id));

  function nhanhCell(row: ProductRow) {
    const { product, mapping, nhanh } = row;
    if (mapping) {
      const how = t('products.pairedHow', {
        method: t(`products.method.${mapping.method}`),
        date: formatDateTime(mapping.pairedAt, locale),
      });
      return (
        <>
          <div className="cell-main">
            {nhanh
              ? t('products.nhanhLine', { code: nhanh.code, name: nhanh.name })
              : `#${mapping.nhanhProductId}`}
          </div>
          <div className="muted">{how}</div>
          {row.state === 'needs-repair' && (
            <div className="warning">{nhanh ? t('products.changedOnTiki') : t('products.nhanhMissing')}</div>
          )}
        </>
      );
    }
    if (row.state === 'ambiguous') {
      const codes = product.candidates.map(
        (candidate) => nhanhById.get(candidate.nhanhProductId)?.code ?? '?',
      );
      return (
        <div className="warning">
          {t('products.candidates', { count: codes.length, codes: codes.join(', ') })}
        </div>
      );
    }
    const best = product.suggestions[0];
    const suggested = best && nhanhById.get(best.nhanhProductId);
    if (suggested)
      return (
        <div className="muted">
          {t('products.suggestion', {
            code: suggested.code,
            name: suggested.name,
            percent: Math.round(best.confidence * 100),
          })}
        </div>
      );
    return null;
  }

  function actionCell(row: ProductRow) {
    const target = row.state === 'needs-repair' ? repairTargetOf(row) : undefined;
    const targetCode = target && nhanhById.get(target.nhanhProductId)?.code;
    const hasSuggestion = !row.mapping && row.product.suggestions.length > 0;
    return (
      <div className="row-actions">
        {target && targetCode && (
          <button type="button" className="primary" onClick={() => actions.repair(row, target)}>
            {t('products.repairTo', { code: targetCode })}
          </button>
        )}
        {hasSuggestion && row.state === 'unpaired' && (
          <button type="button" onClick={() => actions.confirmSuggestion(row)}>
            {t('products.confirmSuggestion')}
          </button>
        )}
        {row.state !== 'deleted' && row.state !== 'paired' && (
          <button type="button" onClick={() => actions.pairByHand(row)}>
            {t('products.pairByHand')}
          </button>
        )}
        {row.mapping && (
          <button type="button" className="danger" onClick={() => actions.unpair(row)}>
            {t('products.unpair')}
          </button>
        )}
      </div>
    );
  }

  const visible = useRowWindow(rows.length, ROW_HEIGHT, TABLE_HEIGHT);
  const scrollBox = useRef<HTMLDivElement>(null);
  const focusedIndex = focusedId === undefined ? -1 : rows.findIndex((row) => row.product.id === focusedId);
  // The windowed table draws the row only once its box is scrolled there; the row then reveals itself.
  useEffect(() => {
    if (focusedIndex >= 0 && scrollBox.current)
      scrollBox.current.scrollTop = Math.max(0, (focusedIndex + 0.5) * ROW_HEIGHT - TABLE_HEIGHT / 2);
  }, [focusedIndex]);
  const revealRow = useCallback((element: HTMLTableRowElement | null) => {
    if (!element) return;
    element.scrollIntoView({ block: 'nearest' });
    element.querySelector<HTMLButtonElement>('.row-actions button.primary')?.focus({ preventScroll: true });
  }, []);

  return (
    <div
      ref={scrollBox}
      className="virtual-table-scroll"
      style={{ maxHeight: TABLE_HEIGHT }}
      onScroll={visible.onScroll}
    >
      <table className="virtual-table product-table">
        <thead>
          <tr>
            <th className="col-select">
              <input
                type="checkbox"
                aria-label={t('products.selectAll')}
                checked={allSelected}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </th>
            <th>{t('products.col.tiki')}</th>
            <th className="col-price">{t('products.col.price')}</th>
            <th className="col-state">{t('products.col.state')}</th>
            <th>{t('products.col.nhanh')}</th>
            <th className="col-actions">{t('products.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {visible.spaceAbove > 0 && <tr className="spacer" style={{ height: visible.spaceAbove }} />}
          {rows.slice(visible.first, visible.last).map((row) => (
            <tr
              key={row.product.id}
              ref={row.product.id === focusedId ? revealRow : undefined}
              className={`state-${row.state}${row.product.id === focusedId ? ' focused' : ''}`}
              aria-current={row.product.id === focusedId ? 'true' : undefined}
              data-tiki-id={row.product.id}
              style={{ height: ROW_HEIGHT }}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={t('products.select', { name: row.product.name })}
                  checked={selected.has(row.product.id)}
                  onChange={() => onToggle(row)}
                />
              </td>
              <td>
                <div className="cell-box">
                  <div className="cell-main" title={row.product.name}>
                    {row.product.name}
                  </div>
                  <div className="muted">
                    {t('products.tikiSku', { sku: row.product.sku })} ·{' '}
                    {row.product.originalSku
                      ? t('products.sellerSku', { sku: row.product.originalSku })
                      : t('products.noSellerSku')}
                    {!row.product.active && ` · ${t('products.inactive')}`}
                  </div>
                </div>
              </td>
              <td>{formatVnd(row.product.price)}</td>
              <td>
                <span className={`badge badge-state-${row.state}`}>{t(`products.filter.${row.state}`)}</span>
              </td>
              <td>
                <div className="cell-box">{nhanhCell(row)}</div>
              </td>
              <td>{actionCell(row)}</td>
            </tr>
          ))}
          {visible.spaceBelow > 0 && <tr className="spacer" style={{ height: visible.spaceBelow }} />}
        </tbody>
      </table>
    </div>
  );
}
