import type { Clock } from '../time/clock';

/** How a failed attempt should be handled. */
export type RetryDecision =
  /** Give up and rethrow. */
  | { retry: false }
  /** Back off (exponential with full jitter) and try again. */
  | { retry: true }
  /** The server said when to come back (Nhanh's `unlockedAt`): wait exactly that long, no jitter. */
  | { retry: true; afterMs: number };

export interface RetryPolicy {
  /** Hard cap on attempts, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Full-jitter exponential backoff: a random delay in [0, min(max, base·2^attempt)). Jitter spreads the
 * retries of many shops so they do not hit a recovering server in lock-step.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Runs `attempt` until it succeeds, `decide` says stop, or `policy.maxAttempts` is reached; the last error
 * is rethrown as is, so callers see the typed API error, not a wrapper.
 */
export async function withRetry<T>(
  attempt: (attemptIndex: number) => Promise<T>,
  decide: (error: unknown, attemptIndex: number) => RetryDecision,
  deps: { clock: Clock; policy?: RetryPolicy; random?: () => number; signal?: AbortSignal },
): Promise<T> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      const decision = decide(error, index);
      if (!decision.retry || index + 1 >= policy.maxAttempts) throw error;
      const wait = 'afterMs' in decision ? decision.afterMs : backoffDelay(index, policy, deps.random);
      await deps.clock.sleep(wait, deps.signal);
    }
  }
}
