import type { StatementRecord } from '../../lib/db';
import { formatVnd } from '../../lib/i18n/format';
import { periodTrend } from '../../lib/reconcile/trend';
import { useLocale } from '../locale';
import { periodText } from './statement-list';

/** A change of the fee rate this large (percentage points) is pointed out. */
const NOTABLE_RATE_CHANGE = 0.1;

/** Once two or more statements exist: payout, fees and fee rate per period, so a fee creeping up shows. */
export function PeriodTrend({ statements }: { statements: readonly StatementRecord[] }) {
  const { t } = useLocale();
  const points = periodTrend(statements);
  if (points.length < 2) return null;
  const highest = Math.max(...points.map((point) => point.feeRate ?? 0), 0.01);
  return (
    <section className="period-trend" aria-labelledby="period-trend-title">
      <h3 id="period-trend-title">{t('reconcile.trend.title')}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('reconcile.trend.period')}</th>
            <th>{t('reconcile.col.payout')}</th>
            <th>{t('reconcile.trend.fees')}</th>
            <th>{t('reconcile.trend.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.statementId}>
              <td>{periodText(point.from, point.to)}</td>
              <td>{formatVnd(point.payout)}</td>
              <td>{formatVnd(point.fees)}</td>
              <td>
                <span className="rate-track" aria-hidden="true">
                  <span
                    className="rate-bar"
                    style={{ width: `${((point.feeRate ?? 0) / highest) * 100}%` }}
                  />
                </span>
                {point.feeRate === null ? '—' : `${point.feeRate.toFixed(2)}%`}
                {point.rateChange !== null && Math.abs(point.rateChange) >= NOTABLE_RATE_CHANGE && (
                  <span className={point.rateChange > 0 ? 'warning' : 'muted'}>
                    {' '}
                    {t(point.rateChange > 0 ? 'reconcile.trend.up' : 'reconcile.trend.down', {
                      points: Math.abs(point.rateChange).toFixed(2),
                    })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
