import type { StatementRecord } from '../db';

/**
 * Payout, fees and fee rate per statement period, oldest first, so a seller sees a fee creeping up. Only
 * statements with a known period count (their order is the period's); the rate is fees over gross sales, in
 * percent (fees are negative in the statement, shown as a positive share).
 */
export interface PeriodPoint {
  statementId: string;
  from: number;
  to: number;
  payout: number;
  fees: number;
  /** Null when the period had no sales to divide by. */
  feeRate: number | null;
  /** The change of the rate since the previous period, in percentage points (null for the first or unknown). */
  rateChange: number | null;
}

export function periodTrend(statements: readonly StatementRecord[]): PeriodPoint[] {
  const dated = statements
    .filter((statement) => statement.periodFrom !== null && statement.periodTo !== null)
    .sort((a, b) => a.periodFrom! - b.periodFrom! || a.importedAt - b.importedAt);
  const points: PeriodPoint[] = [];
  for (const statement of dated) {
    const { gross, feeTotal } = statement.detail.totals;
    const feeRate = gross > 0 ? (Math.abs(feeTotal) / gross) * 100 : null;
    const previous = points[points.length - 1]?.feeRate ?? null;
    points.push({
      statementId: statement.id,
      from: statement.periodFrom!,
      to: statement.periodTo!,
      payout: statement.payout ?? 0,
      fees: feeTotal,
      feeRate,
      rateChange: feeRate !== null && previous !== null ? feeRate - previous : null,
    });
  }
  return points;
}
