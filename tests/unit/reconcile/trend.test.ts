import { describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../../lib/db';
import { periodTrend } from '../../../lib/reconcile/trend';

function statement(
  id: string,
  from: number | null,
  gross: number,
  feeTotal: number,
  payout: number,
): StatementRecord {
  return {
    id,
    fileName: `${id}.xlsx`,
    importedAt: 0,
    periodFrom: from,
    periodTo: from === null ? null : from + 14 * 86_400_000,
    payout,
    lineCount: 1,
    detail: { totals: { gross, feeTotal } } as StatementRecord['detail'],
  };
}

describe('fees across statement periods', () => {
  it('should order periods, give each its fee rate and show a rate creeping up', () => {
    const points = periodTrend([
      statement('b', 2_000_000_000_000, 1_000_000, -120_000, 880_000),
      statement('a', 1_000_000_000_000, 1_000_000, -100_000, 900_000),
      statement('undated', null, 1_000_000, -500_000, 500_000),
      statement('c', 3_000_000_000_000, 0, 0, 0),
    ]);
    expect(points.map((point) => point.statementId)).toEqual(['a', 'b', 'c']);
    expect(points[0]).toMatchObject({ feeRate: 10, rateChange: null, payout: 900_000 });
    expect(points[1]!.feeRate).toBeCloseTo(12);
    expect(points[1]!.rateChange).toBeCloseTo(2);
    // A period without sales has no rate, and nothing to compare with.
    expect(points[2]).toMatchObject({ feeRate: null, rateChange: null });
  });
});
