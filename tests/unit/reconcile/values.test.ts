import { describe, expect, it } from 'vitest';
import { parseAmount, parseStatementDate } from '../../../lib/reconcile/values';

const VN = 7 * 3_600_000;

describe('statement amounts', () => {
  it.each([
    [1234567, 1234567],
    [1234.6, 1235],
    ['1.234.567', 1234567],
    ['1,234,567 ₫', 1234567],
    ['(12.000)', -12000],
    ['-12.000 đ', -12000],
    ['12.000-', -12000],
    ['1 234 567 VND', 1234567],
    ['1.234,50', 1235],
    ['12.5', 13],
    ['+5.000', 5000],
    ['0', 0],
  ])('should read %j as %d VND', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each([[''], ['-'], ['abc'], [null], [undefined], [Number.NaN], ['12a']])(
    'should read %j as no amount',
    (input) => {
      expect(parseAmount(input)).toBeNull();
    },
  );
});

describe('statement dates (Vietnam time)', () => {
  it('should read an Excel serial as Vietnamese wall time', () => {
    // 46096 = 2026-03-15; .4375 = 10:30
    expect(parseStatementDate(46096.4375)).toBe(Date.UTC(2026, 2, 15, 10, 30) - VN);
  });

  it('should read dd/mm/yyyy day first', () => {
    expect(parseStatementDate('03/02/2026')).toBe(Date.UTC(2026, 1, 3) - VN);
  });

  it('should read dd/mm/yyyy HH:mm', () => {
    expect(parseStatementDate('15/03/2026 10:30')).toBe(Date.UTC(2026, 2, 15, 10, 30) - VN);
  });

  it('should read ISO with and without an offset', () => {
    expect(parseStatementDate('2026-03-15T10:30:00Z')).toBe(Date.UTC(2026, 2, 15, 10, 30));
    expect(parseStatementDate('2026-03-15 10:30:00')).toBe(Date.UTC(2026, 2, 15, 10, 30) - VN);
    expect(parseStatementDate('2026-03-15T10:30:00+07:00')).toBe(Date.UTC(2026, 2, 15, 3, 30));
  });

  it('should refuse impossible dates and stray numbers', () => {
    expect(parseStatementDate('31/02/2026')).toBeNull();
    expect(parseStatementDate(12)).toBeNull();
    expect(parseStatementDate('hôm qua')).toBeNull();
  });
});
