/**
 * Cell values of a statement: amounts into integer VND and dates into epoch ms. Statements come typed,
 * pasted or exported, so the same column can hold numbers and text ("1.234.567", "1,234,567 ₫", "(12.000)",
 * "-12.000 đ") and dates as Excel serials, "dd/mm/yyyy", "dd/mm/yyyy HH:mm" or ISO.
 */

/** Vietnam has no daylight saving time: wall time is always UTC+7. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, after its 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

const CURRENCY = /(₫|vnđ|vnd|đồng|dong|đ)/giu;

/**
 * An amount in integer VND, or null for a cell that holds no amount (empty, "-", or text that is not a number).
 * A separator followed by exactly three digits groups thousands (VND has no cents); a lone separator followed
 * by one or two digits is a decimal mark, and the amount is rounded.
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  let text = value.replace(CURRENCY, '').replace(/[\s\u00a0\u202f']/g, '');
  if (text === '' || text === '-') return null;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  } else if (text.startsWith('+')) text = text.slice(1);
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const separators = text.match(/[.,]/g) ?? [];
  let integer: string;
  let fraction = '';
  if (separators.length === 0) integer = text;
  else {
    const last = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
    const tail = text.slice(last + 1);
    const lastSeparator = text[last];
    const lastIsDecimal =
      tail.length !== 3 && tail.length > 0 && separators.filter((s) => s === lastSeparator).length === 1;
    if (lastIsDecimal) {
      integer = text.slice(0, last);
      fraction = tail;
    } else integer = text;
    integer = integer.replace(/[.,]/g, '');
  }
  if (integer === '' && fraction === '') return null;
  const amount = Math.round(Number(`${integer || '0'}.${fraction || '0'}`));
  if (!Number.isFinite(amount)) return null;
  return negative ? -amount : amount;
}

/** A quantity: like an amount but never negative (a count of items), null when absent. */
export function parseQuantity(value: unknown): number | null {
  const amount = parseAmount(value);
  return amount === null ? null : Math.abs(amount);
}

/** Epoch ms of a Vietnamese wall-clock time given as matched digits (year, month, day[, h, m, s]); null if invalid. */
function vietnamWallTime(parts: readonly (string | undefined)[]): number | null {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts.map((part) =>
    Number(part ?? 0),
  );
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return utc - VIETNAM_OFFSET_MS;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Epoch ms of a statement date, or null. Excel serials and times without an offset are Vietnamese wall time
 * (Asia/Ho_Chi_Minh); "dd/mm/yyyy" is day first, as Vietnamese sheets write it; ISO with an offset keeps it.
 */
export function parseStatementDate(value: unknown): number | null {
  if (typeof value === 'number') {
    // Serials between 1990 and 2100: anything else in a date column is not a date.
    if (!Number.isFinite(value) || value < 32_874 || value > 73_051) return null;
    return Math.round((value - EXCEL_EPOCH_DAYS) * DAY_MS) - VIETNAM_OFFSET_MS;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dmy = DMY.exec(text);
  if (dmy) {
    const [, day, month, year, hour, minute, second] = dmy;
    return vietnamWallTime([year, month, day, hour, minute, second]);
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    const wall = vietnamWallTime([year, month, day, hour, minute, second]);
    if (wall === null || !zone) return wall;
    if (zone === 'Z') return wall + VIETNAM_OFFSET_MS;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    return wall + VIETNAM_OFFSET_MS - offset;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return parseStatementDate(Number(text));
  return null;
}

/** Every "dd/mm/yyyy" date in a text, in order (a title row's "Kỳ sao kê: 01/03/2025 - 07/03/2025"). */
export function datesInText(text: string): number[] {
  const dates: number[] = [];
  for (const match of text.matchAll(/(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/g)) {
    const date = vietnamWallTime([match[3], match[2], match[1]]);
    if (date !== null) dates.push(date);
  }
  return dates;
}
