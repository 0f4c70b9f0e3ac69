/*
 * Figures of a series of request times (ms, ascending) against a rate limit of N requests per sliding window.
 */

/**
 * The most requests in any window of `windowMs`, counted as Nhanh counts them: the window ending at a request
 * holds the requests after `time − windowMs`, up to and including it.
 */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/**
 * Sustained requests per window: the send rate after the first window, normalised to one window. The first
 * window starts empty, so its burst would flatter the figure.
 */
export function sustainedPerWindow(times: readonly number[], windowMs: number): number {
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? 0;
  const steady = times.filter((time) => time >= first + windowMs);
  return (steady.length / (last - (first + windowMs))) * windowMs;
}

/** Requests per window between `from` (included) and `to` (excluded), in ms. */
export function ratePerWindow(times: readonly number[], from: number, to: number, windowMs: number): number {
  if (to <= from) return 0;
  const inside = times.filter((time) => time >= from && time < to).length;
  return (inside / (to - from)) * windowMs;
}
