import { formatVnd } from '../../lib/i18n/format';
import type { FeeType } from '../../lib/reconcile/columns';
import { feeColumnsOf, feeLabel } from '../../lib/reconcile/export';
import { useLocale } from '../locale';

/**
 * Fees of a statement by type, as horizontal bars with each fee's name, amount and share of the sales beside its
 * bar (HTML and CSS: no chart library, and the numbers are text a screen reader reads).
 */
export function FeeChart({ fees, gross }: { fees: Partial<Record<FeeType, number>>; gross: number }) {
  const { t, locale } = useLocale();
  const bars = feeColumnsOf([fees])
    .map((fee) => ({ fee, amount: fees[fee] ?? 0 }))
    .filter((bar) => bar.amount !== 0);
  if (bars.length === 0) return <p className="muted">{t('reconcile.chart.empty')}</p>;
  const largest = Math.max(...bars.map((bar) => Math.abs(bar.amount)));
  return (
    <figure className="reconcile-chart">
      <figcaption>{t('reconcile.chart.title')}</figcaption>
      <ul className="fee-bars">
        {bars.map((bar) => (
          <li
            key={bar.fee}
            data-fee={bar.fee}
            className={`fee-${bar.fee.startsWith('other:') ? 'other' : bar.fee}`}
          >
            <span className="fee-name">{feeLabel(locale, bar.fee)}</span>
            <span className="fee-track" aria-hidden="true">
              <span
                className="fee-bar"
                style={{
                  display: 'block',
                  width: `${Math.max(0.5, (Math.abs(bar.amount) / largest) * 100)}%`,
                }}
              />
            </span>
            <span className="fee-amount">{formatVnd(bar.amount)}</span>
            <span className="fee-share muted">
              {gross > 0 ? `${((bar.amount / gross) * 100).toFixed(2)}%` : ''}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
