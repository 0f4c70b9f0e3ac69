import type { Clock } from '../time/clock';
import { NHANH_RATE_LIMIT } from './contract';

export interface NhanhRateLimiterOptions {
  clock: Clock;
  /** Server limit per window and URL (default 150). */
  requests?: number;
  /** Server window in ms (default 30 s), before `timeScale`. */
  windowMs?: number;
  /** Divides the window and the time margin, to match a sandbox started with the same `timeScale`. */
  timeScale?: number;
  /** Requests kept in reserve below the limit (default 3 → 147 of 150). */
  spareRequests?: number;
  /** Extra time a request stays counted after the window (default 500 ms), before `timeScale`. */
  spareMs?: number;
  /**
   * Calls that may start back to back (default 10); beyond that, starts are spread evenly over the window.
   * Spreading keeps a long run from firing 147 requests at once every window, whose queueing would
   * stretch each window by the time the whole burst takes to settle.
   */
  burst?: number;
}

/** Paces calls per key (appId + businessId + URL) below Nhanh's limit and honours its locks. */
export interface NhanhRateLimiter {
  /** Runs `task` once the key has room and is not locked; it counts as in flight until it settles. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** The server locked `key` until `untilMs` (client clock): nothing is sent to it before then. */
  lockUntil(key: string, untilMs: number): void;
}

/**
 * Waits are whole milliseconds, at least one: a fraction added to an epoch-ms clock can round away to
 * nothing, and a wait that never moves the clock would spin forever.
 */
function wholeMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}

interface Lane {
  /** When each recent request settled (ms), oldest first. */
  settled: number[];
  inFlight: number;
  lockedUntil: number;
  /**
   * One request alone until one succeeds: at the start (a new worker cannot know of a lock an earlier one
   * met) and after every lock, since each request that reaches Nhanh during a lock extends it.
   */
  probing: boolean;
  /** Counts locks met, so a success sent before the latest lock does not end its probe. */
  locks: number;
  /** Token bucket of the even spreading: tokens left, and when they were last topped up. */
  tokens: number;
  toppedUpAt: number;
  /** Callers waiting for a slot, first come first served. */
  waiting: (() => void)[];
  pumping: boolean;
  /** Wakes the pump when every slot is in flight and one settles. */
  wake?: () => void;
}

/**
 * A sliding-window limiter per URL. A request is counted from when it is sent until `window + spare` after
 * it SETTLED: the server saw it somewhere in between, so however long the network took, the server's own
 * window (of arrivals) never holds more than we allow. Within that hard bound a token bucket lets `burst`
 * calls go at once and spreads the rest evenly. One pump per key hands out slots in order and sleeps on the
 * clock only once per wait, so a manual clock in tests is not advanced once per queued caller.
 */
export function createNhanhRateLimiter(options: NhanhRateLimiterOptions): NhanhRateLimiter {
  const { clock } = options;
  const timeScale = options.timeScale ?? 1;
  const capacity = (options.requests ?? NHANH_RATE_LIMIT.requests) - (options.spareRequests ?? 3);
  const windowMs = ((options.windowMs ?? NHANH_RATE_LIMIT.windowMs) + (options.spareMs ?? 500)) / timeScale;
  if (capacity < 1) throw new Error('spareRequests must leave room for at least one request');
  const burst = Math.max(1, options.burst ?? 10);
  const spacingMs = windowMs / capacity;
  const lanes = new Map<string, Lane>();

  function lane(key: string): Lane {
    let found = lanes.get(key);
    if (!found) {
      found = {
        settled: [],
        inFlight: 0,
        lockedUntil: 0,
        probing: true,
        locks: 0,
        tokens: burst,
        toppedUpAt: clock.now(),
        waiting: [],
        pumping: false,
      };
      lanes.set(key, found);
    }
    return found;
  }

  function topUp(current: Lane, now: number): void {
    current.tokens = Math.min(burst, current.tokens + (now - current.toppedUpAt) / spacingMs);
    current.toppedUpAt = now;
  }

  async function pump(current: Lane): Promise<void> {
    if (current.pumping) return;
    current.pumping = true;
    try {
      while (current.waiting.length > 0) {
        const now = clock.now();
        if (now < current.lockedUntil) {
          await clock.sleep(wholeMs(current.lockedUntil - now));
          continue;
        }
        if (current.probing && current.inFlight > 0) {
          await new Promise<void>((resolve) => {
            current.wake = resolve;
          });
          continue;
        }
        while (current.settled.length > 0 && current.settled[0]! <= now - windowMs) current.settled.shift();
        topUp(current, now);
        const roomInWindow = current.settled.length + current.inFlight < capacity;
        if (roomInWindow && current.tokens >= 1) {
          current.tokens -= 1;
          current.inFlight++;
          current.waiting.shift()!();
        } else if (roomInWindow) {
          await clock.sleep(wholeMs((1 - current.tokens) * spacingMs));
        } else if (current.settled.length > 0) {
          await clock.sleep(wholeMs(current.settled[0]! + windowMs - now));
        } else {
          await new Promise<void>((resolve) => {
            current.wake = resolve;
          });
        }
      }
    } finally {
      current.pumping = false;
    }
  }

  return {
    async run(key, task) {
      const current = lane(key);
      await new Promise<void>((resolve) => {
        current.waiting.push(resolve);
        void pump(current);
      });
      const locksBefore = current.locks;
      try {
        const result = await task();
        if (current.locks === locksBefore) current.probing = false;
        return result;
      } finally {
        current.inFlight--;
        current.settled.push(clock.now());
        current.wake?.();
        current.wake = undefined;
      }
    },
    lockUntil(key, untilMs) {
      const current = lane(key);
      current.lockedUntil = Math.max(current.lockedUntil, untilMs);
      current.locks++;
      current.probing = true;
    },
  };
}
