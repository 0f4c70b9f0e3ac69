import { createNhanhClient } from '../lib/nhanh/client';
import { NHANH_RATE_LIMIT } from '../lib/nhanh/contract';
import { createNhanhRateLimiter } from '../lib/nhanh/rate-limiter';
import { systemClock } from '../lib/time/clock';
import type { NhanhSnapshot } from '../sandbox/nhanh/index';
import { startSandboxServer } from '../sandbox/server';
import { peakInWindow, sustainedPerWindow } from './rate-window';

const CALLS = 2000;
/**
 * 30 s windows become 1.2 s: the run takes ~15 s, and the client, the server and their sockets (one process,
 * ~2 ms of CPU per call here) stay well below saturation, so the figure measures the limiter, not the CPU.
 */
const TIME_SCALE = 25;
const TARGET_RATIO = 0.9;

/**
 * How close the Nhanh client runs to the 150 requests / 30 s limit: a sustained run of 2,000 calls to one URL
 * over real HTTP against the sandbox, with windows and locks scaled by TIME_SCALE on both sides.
 *
 * Sustained throughput is the send rate after the first window, normalised to a 30 s window: the first
 * window starts empty, so its burst would flatter the figure. The peak count in any sliding window is printed
 * too, as the server counts it (it must stay ≤ 150).
 */
export default async function benchNhanhRateLimit(): Promise<void> {
  const running = await startSandboxServer({ faults: { timeScale: TIME_SCALE } });
  try {
    const { appId, businessId, accessToken } = running.sandbox.seed.nhanh;
    const sentAt: number[] = [];
    const timedFetch: typeof fetch = (input, init) => {
      sentAt.push(performance.now());
      return fetch(input, init);
    };
    const client = createNhanhClient({
      baseUrl: `${running.origin}/nhanh`,
      appId,
      businessId,
      accessToken,
      fetch: timedFetch,
      clock: systemClock,
      limiter: createNhanhRateLimiter({ clock: systemClock, timeScale: TIME_SCALE }),
    });

    const started = performance.now();
    const outcomes = await Promise.allSettled(Array.from({ length: CALLS }, () => client.listProducts()));
    const elapsedMs = performance.now() - started;

    const windowMs = NHANH_RATE_LIMIT.windowMs / TIME_SCALE;
    const perWindow = sustainedPerWindow(sentAt, windowMs);
    const peak = peakInWindow(sentAt, windowMs);
    const { rateLimit } = running.sandbox.nhanh.snapshot() as NhanhSnapshot;
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length;
    const ratio = perWindow / NHANH_RATE_LIMIT.requests;

    console.log(
      `calls: ${CALLS} to one URL over HTTP, timeScale ${TIME_SCALE} (30 s window = ${windowMs} ms)`,
    );
    console.log(
      `elapsed: ${(elapsedMs / 1000).toFixed(2)} s real = ${((elapsedMs * TIME_SCALE) / 60_000).toFixed(1)} min of Nhanh time`,
    );
    console.log(`requests sent: ${sentAt.length}, failed calls: ${failed}`);
    console.log(
      `sustained requests per 30 s (normalised): ${perWindow.toFixed(1)} / ${NHANH_RATE_LIMIT.requests}`,
    );
    console.log(
      `ratio to the limit: ${ratio.toFixed(3)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
    );
    console.log(`peak sends in any 30 s window (client side): ${peak}`);
    console.log(
      `lock-outs: ${rateLimit.locks} (ERR_429 answers: ${rateLimit.refused}) (target 0) ${rateLimit.locks === 0 && rateLimit.refused === 0 ? 'OK' : 'FAILED'}`,
    );
  } finally {
    await running.close();
  }
}
