import { useMemo, useState } from 'react';
import type { ReconciliationRecord } from '../../lib/db';
import { translate } from '../../lib/i18n';
import { formatDateTime, formatVnd } from '../../lib/i18n/format';
import { stateLabel } from '../../lib/reconcile/export';
import { RECONCILIATION_STATES, type ReconciliationState } from '../../lib/reconcile/match';
import { useRowWindow } from '../common/virtual-rows';
import { useLocale } from '../locale';

const ROW_HEIGHT = 44;
const VIEWPORT_HEIGHT = 520;

type Filter = ReconciliationState | 'all';

function money(amount: number | null): string {
  return amount === null ? '—' : formatVnd(amount);
}

/** The orders of a statement with state filters, selection and "đánh dấu đã đối soát" (one or many). */
export function OrderTable({
  findings,
  onMark,
}: {
  findings: readonly ReconciliationRecord[];
  onMark: (orderCodes: string[], reconciled: boolean) => Promise<void>;
}) {
  const { t, locale } = useLocale();
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const counts = useMemo(() => {
    const byState = new Map<ReconciliationState, number>();
    for (const finding of findings) byState.set(finding.state, (byState.get(finding.state) ?? 0) + 1);
    return byState;
  }, [findings]);
  const rows = useMemo(
    () => (filter === 'all' ? findings : findings.filter((finding) => finding.state === filter)),
    [findings, filter],
  );
  const window = useRowWindow(rows.length, ROW_HEIGHT, VIEWPORT_HEIGHT);
  const chosen = rows.filter((row) => selected.has(row.orderCode));
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  const toggle = (code: string) => {
    const next = new Set(selected);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setSelected(next);
  };
  const mark = async (reconciled: boolean) => {
    const codes = chosen
      .filter((row) => (row.reconciledAt !== null) !== reconciled)
      .map((row) => row.orderCode);
    await onMark(codes, reconciled);
    setSelected(new Set());
  };

  return (
    <div className="reconcile-orders">
      <fieldset className="reconcile-filters">
        <legend className="visually-hidden">{t('reconcile.col.state')}</legend>
        {(['all', ...RECONCILIATION_STATES] as Filter[]).map((state) => {
          const count = state === 'all' ? findings.length : (counts.get(state) ?? 0);
          if (state !== 'all' && count === 0) return null;
          return (
            <button
              key={state}
              type="button"
              className={`chip state-${state}`}
              aria-pressed={filter === state}
              onClick={() => {
                setFilter(state);
                setSelected(new Set());
              }}
            >
              {state === 'all' ? t('reconcile.filter.all') : stateLabel(locale, state)}{' '}
              <span className="count">{count}</span>
            </button>
          );
        })}
      </fieldset>
      <div className="actions">
        <button type="button" disabled={chosen.length === 0} onClick={() => void mark(true)}>
          {t('reconcile.markSelected', { count: chosen.filter((row) => row.reconciledAt === null).length })}
        </button>
        <button type="button" disabled={chosen.length === 0} onClick={() => void mark(false)}>
          {t('reconcile.unmarkSelected', { count: chosen.filter((row) => row.reconciledAt !== null).length })}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('reconcile.table.empty')}</p>
      ) : (
        <div className="reconcile-scroll" style={{ maxHeight: VIEWPORT_HEIGHT }} onScroll={window.onScroll}>
          <table className="log-table reconcile-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('reconcile.table.selectAll')}
                    checked={allChosen}
                    onChange={() =>
                      setSelected(allChosen ? new Set() : new Set(rows.map((row) => row.orderCode)))
                    }
                  />
                </th>
                <th>{t('reconcile.col.orderCode')}</th>
                <th>{t('reconcile.col.state')}</th>
                <th className="number">{t('reconcile.col.expected')}</th>
                <th className="number">{t('reconcile.col.paid')}</th>
                <th className="number">{t('reconcile.col.difference')}</th>
                <th className="number">{t('reconcile.col.feeTotal')}</th>
                <th className="number">{t('reconcile.col.feeRate')}</th>
                <th className="number">{t('reconcile.col.nhanhAmount')}</th>
                <th className="number">{t('reconcile.col.nhanhDifference')}</th>
                <th>{t('reconcile.col.reason')}</th>
                <th>{t('reconcile.reconciledBadge')}</th>
              </tr>
            </thead>
            <tbody>
              {window.spaceAbove > 0 && <tr style={{ height: window.spaceAbove }} />}
              {rows.slice(window.first, window.last).map((row) => {
                const marked = row.reconciledAt !== null;
                const words = [
                  row.reason ? translate(locale, row.reason) : '',
                  row.daysOutstanding !== null ? t('reconcile.days', { days: row.daysOutstanding }) : '',
                  // The Nhanh finding is already the reason when it made the order "cần kiểm tra".
                  row.nhanhFinding && row.nhanhFinding.key !== row.reason?.key
                    ? translate(locale, row.nhanhFinding)
                    : '',
                ]
                  .filter((text) => text !== '')
                  .join(' · ');
                return (
                  <tr
                    key={row.orderCode}
                    className={`state-${row.state}`}
                    style={{ height: ROW_HEIGHT }}
                    data-order={row.orderCode}
                  >
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('reconcile.table.select', { code: row.orderCode })}
                        checked={selected.has(row.orderCode)}
                        onChange={() => toggle(row.orderCode)}
                      />
                    </td>
                    <td>
                      {row.orderCode}
                      {row.nhanhOrderId !== null && (
                        <span className="muted"> · Nhanh {row.nhanhOrderId}</span>
                      )}
                    </td>
                    <td>
                      <span className={`badge state-badge state-${row.state}`}>
                        {stateLabel(locale, row.state)}
                      </span>
                      {marked && (
                        <span className="badge badge-ok" title={formatDateTime(row.reconciledAt!, locale)}>
                          {t('reconcile.reconciledBadge')}
                        </span>
                      )}
                    </td>
                    <td className="number">{money(row.expected)}</td>
                    <td className="number">{money(row.paid)}</td>
                    <td className={`number${row.difference ? ' attention' : ''}`}>{money(row.difference)}</td>
                    <td className="number">{formatVnd(row.feeTotal)}</td>
                    <td className="number">
                      {row.feeRate === null ? '—' : `${(row.feeRate * 100).toFixed(2)}%`}
                    </td>
                    <td className="number" title={row.nhanhStatus ?? undefined}>
                      {money(row.nhanhAmount)}
                    </td>
                    <td className={`number${row.nhanhFinding && row.nhanhDifference ? ' attention' : ''}`}>
                      {money(row.nhanhDifference)}
                    </td>
                    <td className="reason">
                      <div className="clamp" title={words}>
                        {words}
                      </div>
                    </td>
                    <td>
                      <button
                        type="button"
                        role="switch"
                        className="row-mark"
                        aria-checked={marked}
                        aria-label={t('reconcile.table.markOne', { code: row.orderCode })}
                        title={t('reconcile.table.mark')}
                        onClick={() => void onMark([row.orderCode], !marked)}
                      >
                        <span className="knob" />
                      </button>
                    </td>
                  </tr>
                );
              })}
              {window.spaceBelow > 0 && <tr style={{ height: window.spaceBelow }} />}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
