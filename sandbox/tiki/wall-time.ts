/**
 * Tiki writes timestamps as `yyyy-MM-dd HH:mm:ss` wall time without an offset; the sandbox takes it as
 * Asia/Ho_Chi_Minh, which has been UTC+7 all year since 1975 (no daylight saving), so a fixed offset is
 * exact. Deliberately independent of the client's date code, so a client bug cannot hide behind a shared one.
 */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Epoch milliseconds → `yyyy-MM-dd HH:mm:ss` in Vietnam. */
export function formatWallTime(epochMs: number): string {
  return new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-dd HH:mm:ss` in Vietnam → epoch milliseconds, or `undefined` when malformed or not a real date. */
export function parseWallTime(text: string): number | undefined {
  const match = WALL_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over to March; a real API rejects it, so compare back.
  if (formatWallTime(utc - VIETNAM_OFFSET_MS) !== text) return undefined;
  return utc - VIETNAM_OFFSET_MS;
}
