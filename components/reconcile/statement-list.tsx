import type { StatementRecord } from '../../lib/db';
import { formatDateTime, formatVnd, SHOP_TIME_ZONE } from '../../lib/i18n/format';
import { useLocale } from '../locale';

/** dd/mm/yyyy in the shop's time zone, as Vietnamese statements write periods. */
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SHOP_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function periodText(from: number | null, to: number | null): string {
  if (from === null || to === null) return '—';
  return `${dayFormat.format(from)} – ${dayFormat.format(to)}`;
}

/** Problems left in a statement: everything but "khớp", minus what the seller marked reconciled. */
export function openProblems(statement: StatementRecord): number {
  const { counts } = statement.detail;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return Math.max(0, total - counts.matched - statement.detail.reconciledCount);
}

/** Imported statements with period, payout and state; one is selected. */
export function StatementList({
  statements,
  selectedId,
  onSelect,
}: {
  statements: readonly StatementRecord[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, locale } = useLocale();
  if (statements.length === 0) return <p className="muted">{t('reconcile.list.empty')}</p>;
  return (
    <table className="log-table reconcile-statements">
      <caption>{t('reconcile.list.title')}</caption>
      <thead>
        <tr>
          <th>{t('reconcile.col.period')}</th>
          <th>{t('reconcile.list.file')}</th>
          <th className="number">{t('reconcile.col.payout')}</th>
          <th>{t('reconcile.col.state')}</th>
          <th>{t('reconcile.list.imported')}</th>
        </tr>
      </thead>
      <tbody>
        {statements.map((statement) => {
          const open = openProblems(statement);
          const total = Object.values(statement.detail.counts).reduce((sum, count) => sum + count, 0);
          const state =
            open > 0
              ? t('reconcile.list.state.open', { count: open })
              : statement.detail.reconciledCount > 0 && statement.detail.reconciledCount >= total
                ? t('reconcile.list.state.done')
                : t('reconcile.list.state.ok');
          return (
            <tr
              key={statement.id}
              aria-selected={statement.id === selectedId}
              className={statement.id === selectedId ? 'selected' : undefined}
            >
              <td>
                <button type="button" className="link" onClick={() => onSelect(statement.id)}>
                  {periodText(statement.periodFrom, statement.periodTo)}
                </button>
              </td>
              <td>{statement.fileName}</td>
              <td className="number">{statement.payout === null ? '—' : formatVnd(statement.payout)}</td>
              <td className={open > 0 ? 'attention' : undefined}>{state}</td>
              <td>{formatDateTime(statement.importedAt, locale)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
