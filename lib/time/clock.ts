/**
 * Time as a dependency: production code gets {@link systemClock}; tests and the sandbox pass a clock they
 * control, so waits (backoff, rate-limit locks) run without real sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A clock whose time only moves when something sleeps on it or `advance` is called: sleeping jumps the
 * time forward at once. Deterministic, for tests and benchmarks of waits.
 */
export function createManualClock(
  start = Date.UTC(2026, 10, 28, 3, 0, 0),
): Clock & { advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      current += Math.max(0, ms);
    },
  };
}
