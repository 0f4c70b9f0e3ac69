import { translate } from '../../lib/i18n';
import type { StockPreviewRow } from '../../lib/stock/types';
import { allShownSelected, isPushable } from '../../lib/ui-state/stock-table';
import { useRowWindow } from '../common/virtual-rows';
import { useLocale } from '../locale';

const ROW_HEIGHT = 60;
const TABLE_HEIGHT = 560;

const quantity = (value: number | null) => (value === null ? '—' : String(value));

/**
 * The "Tồn kho" preview: windowed rows (50,000 scroll as smoothly as 50), one per product of the shop, with what
 * Nhanh has, the rules that changed it, what Tiki shows and what a push sends; why a row is blocked and what Tiki
 * answered to its last push sit under its name. Only rows a push would change can be ticked.
 */
export function StockTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
}: {
  rows: readonly StockPreviewRow[];
  selected: ReadonlySet<number>;
  onToggle: (row: StockPreviewRow) => void;
  onToggleAll: (select: boolean) => void;
}) {
  const { t, locale } = useLocale();
  const visible = useRowWindow(rows.length, ROW_HEIGHT, TABLE_HEIGHT);

  /** Why a row is refused or blocked, on one line; the whole text on hover. */
  function productNote(row: StockPreviewRow) {
    const [text, tone] = row.lastError
      ? [t('stock.page.tikiError', { text: translate(locale, row.lastError) }), 'check-error']
      : row.reason
        ? [t(`stock.reason.${row.reason}`), 'warning']
        : [null, ''];
    return (
      text && (
        <div className={`stock-note ${tone}`} title={text}>
          {text}
        </div>
      )
    );
  }

  return (
    <div className="virtual-table-scroll" style={{ maxHeight: TABLE_HEIGHT }} onScroll={visible.onScroll}>
      <table className="virtual-table stock-table">
        <thead>
          <tr>
            <th className="col-select">
              <input
                type="checkbox"
                aria-label={t('stock.page.selectAll')}
                checked={allShownSelected(selected, rows)}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </th>
            <th>{t('stock.col.product')}</th>
            <th className="col-number">{t('stock.col.nhanh')}</th>
            <th className="col-rules">{t('stock.col.rules')}</th>
            <th className="col-number">{t('stock.col.tiki')}</th>
            <th className="col-push">{t('stock.col.push')}</th>
          </tr>
        </thead>
        <tbody>
          {visible.spaceAbove > 0 && <tr className="spacer" style={{ height: visible.spaceAbove }} />}
          {rows.slice(visible.first, visible.last).map((row) => (
            <tr
              key={row.tikiProductId}
              className={`stock-${row.state}${row.lastError ? ' stock-failed' : ''}`}
              data-tiki-id={row.tikiProductId}
              style={{ height: ROW_HEIGHT }}
            >
              <td>
                <input
                  type="checkbox"
                  aria-label={t('stock.page.select', { name: row.name })}
                  disabled={!isPushable(row)}
                  checked={selected.has(row.tikiProductId)}
                  onChange={() => onToggle(row)}
                />
              </td>
              <td>
                <div className="cell-box">
                  <div className="cell-main" title={row.name}>
                    {row.name}
                  </div>
                  <div className="cell-main muted">
                    {t('stock.page.sku', { sku: row.originalSku || row.sku })}
                  </div>
                  {productNote(row)}
                </div>
              </td>
              <td className="col-number" data-col="nhanh">
                {quantity(row.nhanhAvailable)}
              </td>
              <td>
                <div className="cell-box" data-col="rules">
                  {row.rules.length === 0
                    ? '—'
                    : row.rules.map((rule) => t(`stock.rule.${rule}`)).join(' → ')}
                </div>
              </td>
              <td className="col-number" data-col="tiki">
                {quantity(row.tikiNow)}
              </td>
              <td data-col="push">
                <span className="stock-to-push">{quantity(row.toPush)}</span>{' '}
                <span className={`badge badge-stock-${row.state}`}>{t(`stock.state.${row.state}`)}</span>
              </td>
            </tr>
          ))}
          {visible.spaceBelow > 0 && <tr className="spacer" style={{ height: visible.spaceBelow }} />}
        </tbody>
      </table>
    </div>
  );
}
