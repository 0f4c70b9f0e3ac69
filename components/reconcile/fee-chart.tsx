import { formatVnd } from '../../lib/i18n/format';
import type { FeeType } from '../../lib/reconcile/columns';
import { feeColumnsOf, feeLabel } from '../../lib/reconcile/export';
import { useLocale } from '../locale';

/** Fees of a statement by type, as horizontal bars (plain SVG: no chart library). */
export function FeeChart({ fees, gross }: { fees: Partial<Record<FeeType, number>>; gross: number }) {
  const { t, locale } = useLocale();
  const bars = feeColumnsOf([fees])
    .map((fee) => ({ fee, amount: fees[fee] ?? 0 }))
    .filter((bar) => bar.amount !== 0);
  if (bars.length === 0) return <p className="muted">{t('reconcile.chart.empty')}</p>;
  const largest = Math.max(...bars.map((bar) => Math.abs(bar.amount)));
  const rowHeight = 28;
  return (
    <figure className="reconcile-chart">
      <figcaption>{t('reconcile.chart.title')}</figcaption>
      <svg
        role="img"
        aria-label={t('reconcile.chart.title')}
        width="100%"
        height={bars.length * rowHeight}
        viewBox={`0 0 100 ${bars.length * rowHeight}`}
        preserveAspectRatio="none"
      >
        {bars.map((bar, index) => (
          <rect
            key={bar.fee}
            className={`fee-bar fee-${bar.fee.startsWith('other:') ? 'other' : bar.fee}`}
            x={0}
            y={index * rowHeight + 6}
            width={Math.max(0.5, (Math.abs(bar.amount) / largest) * 100)}
            height={rowHeight - 12}
          />
        ))}
      </svg>
      <ul className="fee-legend">
        {bars.map((bar) => (
          <li key={bar.fee} data-fee={bar.fee}>
            <span className="fee-name">{feeLabel(locale, bar.fee)}</span>
            <span className="fee-amount">{formatVnd(bar.amount)}</span>
            {gross > 0 && <span className="muted">{((bar.amount / gross) * 100).toFixed(2)}%</span>}
          </li>
        ))}
      </ul>
    </figure>
  );
}
