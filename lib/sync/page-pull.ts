/*
 * While a dashboard or seller-center tab is open, new Tiki orders are pulled more often than the one-minute alarm
 * allows: the page asks the worker for a pull (`pullOrderEvents`) every `PAGE_PULL_MS`. The page's own timer
 * drives it, so the asks also wake a worker the browser stopped, and keep an idle one awake. Light on purpose:
 * the seller-center content script carries it.
 */

/** How often an open page asks for a pull. */
export const PAGE_PULL_MS = 15_000;

/**
 * Asks now and every `PAGE_PULL_MS`; returns what stops it (the page leaving). A refused or lost ask is only a
 * missed tick; once the extension context is gone (the extension was updated), the asks stop.
 */
export function keepOrderEventsFlowing(
  ask: () => Promise<unknown>,
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
): () => void {
  const tick = () => {
    try {
      ask().catch(() => {});
    } catch {
      stop();
    }
  };
  const timer = timers.setInterval(tick, PAGE_PULL_MS);
  function stop() {
    timers.clearInterval(timer);
  }
  tick();
  return stop;
}
