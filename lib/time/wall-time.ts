import { TZDate } from '@date-fns/tz';

/**
 * A wall time written `yyyy-MM-dd HH:mm[:ss]` (or with `T`, as a `datetime-local` input gives it) in `timeZone` →
 * epoch milliseconds. Callers check the format first: Tiki's timestamps, the flash-sale window of the stock push.
 */
export function wallTimeToEpoch(text: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = text.split(/[-T :]/).map(Number);
  return new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime();
}
