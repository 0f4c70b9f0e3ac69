import { NHANH_LOCK_SECONDS, NHANH_RATE_LIMIT } from '../../lib/nhanh/contract';
import type { Clock } from '../../lib/time/clock';
import type { Faults } from '../types';

/** What the limiter says about one request. */
export type RateDecision = { allowed: true } | { allowed: false; lockedSeconds: number; unlockedAt: number };

interface UrlState {
  /** Acceptance times (ms) inside the current window, oldest first. */
  accepted: number[];
  lockedUntil: number;
}

/**
 * Nhanh's limit as documented [OFF S2]: 150 requests per 30 s per appId + businessId + URL, a strict sliding
 * window. A breach locks the URL for 10 s; every call during the lock EXTENDS it by another 10 s (the docs:
 * "lockedSeconds và unlockedAt sẽ bị tăng lên"). Windows and locks are divided by `faults().timeScale`.
 * `rateLimitStorm` locks each URL on its first call while the fault is on.
 */
export function createUrlRateLimit(clock: Clock, faults: () => Faults) {
  const urls = new Map<string, UrlState>();
  const stormLocked = new Set<string>();
  const counts = { accepted: 0, refused: 0, locks: 0 };

  function lockAnswer(state: UrlState, now: number): RateDecision {
    counts.refused++;
    return {
      allowed: false,
      lockedSeconds: Math.round(state.lockedUntil - now) / 1000,
      // The real answer carries whole unix seconds; round up so a client that honours it never comes early.
      unlockedAt: Math.ceil(state.lockedUntil / 1000),
    };
  }

  function check(key: string): RateDecision {
    const { timeScale, rateLimitStorm } = faults();
    const now = clock.now();
    const windowMs = NHANH_RATE_LIMIT.windowMs / timeScale;
    const lockMs = (NHANH_LOCK_SECONDS * 1000) / timeScale;
    let state = urls.get(key);
    if (!state) {
      state = { accepted: [], lockedUntil: 0 };
      urls.set(key, state);
    }
    if (!rateLimitStorm) stormLocked.clear();

    if (now < state.lockedUntil) {
      state.lockedUntil += lockMs;
      return lockAnswer(state, now);
    }
    while (state.accepted.length > 0 && state.accepted[0]! <= now - windowMs) state.accepted.shift();
    const stormHits = rateLimitStorm && !stormLocked.has(key);
    if (stormHits || state.accepted.length >= NHANH_RATE_LIMIT.requests) {
      if (stormHits) stormLocked.add(key);
      state.lockedUntil = now + lockMs;
      counts.locks++;
      return lockAnswer(state, now);
    }
    state.accepted.push(now);
    counts.accepted++;
    return { allowed: true };
  }

  return {
    check,
    /** Totals since start: requests let through, ERR_429 answers, and locks begun (not extensions). */
    counts: () => ({ ...counts }),
  };
}

export type UrlRateLimit = ReturnType<typeof createUrlRateLimit>;
