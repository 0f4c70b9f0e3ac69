import type { Locale } from './index';

export const SHOP_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const vndFormat = new Intl.NumberFormat('vi-VN', {
  style: 'currency',
  currency: 'VND',
  maximumFractionDigits: 0,
});

/** Money is always VND with Vietnamese grouping ("1.234.567 ₫"), whatever the UI language. */
export function formatVnd(amount: number): string {
  return vndFormat.format(amount);
}

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  // "02:42 01/12/2026": full year and two-digit day and month, as Vietnamese invoices write dates.
  vi: new Intl.DateTimeFormat('vi-VN', {
    timeZone: SHOP_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: SHOP_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
};

/** A moment shown in the shop's time zone (Asia/Ho_Chi_Minh), whatever the computer's zone. */
export function formatDateTime(epochMs: number, locale: Locale): string {
  return dateTimeFormats[locale].format(epochMs);
}
