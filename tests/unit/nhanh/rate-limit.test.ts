import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http/api-error';
import { createNhanhRateLimiter } from '../../../lib/nhanh/rate-limiter';
import { createManualClock } from '../../../lib/time/clock';
import { setup } from './harness';

describe('Nhanh rate limiting against the sandbox', () => {
  it('should complete a burst of 1,000 calls to one URL with zero ERR_429 answers', async () => {
    const { client, snapshot } = setup({ faults: { timeScale: 100 } });
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.listProducts()));
    expect(results).toHaveLength(1000);
    expect(snapshot().rateLimit).toEqual({ accepted: 1000, refused: 0, locks: 0 });
  });

  it('should be the limiter that prevents them: without pacing the same burst is locked out', async () => {
    const unpaced = setup({
      faults: { timeScale: 100 },
      limiter: { requests: 100_000 },
      client: { retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
    });
    await Promise.allSettled(Array.from({ length: 1000 }, () => unpaced.client.listProducts()));
    expect(unpaced.snapshot().rateLimit.refused).toBeGreaterThan(0);
  });

  it('should pace each URL separately', async () => {
    const { client, snapshot, clock } = setup();
    const start = clock.now();
    // 200 calls to one URL would need a second 30 s window; split over two URLs each fits in the first.
    await Promise.all([
      ...Array.from({ length: 100 }, () => client.listProducts()),
      ...Array.from({ length: 100 }, () => client.listOrdersByIds([1])),
    ]);
    expect(clock.now() - start).toBeLessThan(30_000);
    expect(snapshot().rateLimit.refused).toBe(0);
  });

  it('should wait out a lock and send nothing to the URL until unlockedAt', async () => {
    const { client, snapshot, sandbox, clock, sent } = setup({ faults: { rateLimitStorm: true } });
    const start = clock.now();
    await client.listProducts();
    const afterLock = snapshot().rateLimit;
    expect(afterLock).toEqual({ accepted: 1, refused: 1, locks: 1 });
    expect(clock.now() - start).toBeGreaterThanOrEqual(10_000);
    expect(sent).toHaveLength(2);
    sandbox.setFaults({ rateLimitStorm: false });
    await Promise.all(Array.from({ length: 20 }, () => client.listProducts()));
    expect(snapshot().rateLimit.refused).toBe(1);
  });

  it('should send one request alone until one succeeds, so no call lands during a lock and extends it', async () => {
    const { client, snapshot } = setup({ faults: { rateLimitStorm: true } });
    await Promise.all(Array.from({ length: 3 }, () => client.listProducts()));
    // Regression (faults suite): the three used to go together and the two behind the first extended its lock.
    expect(snapshot().rateLimit).toEqual({ accepted: 3, refused: 1, locks: 1 });
  });

  it('should give up on locks after the hard cap of attempts, with a retryable error', async () => {
    const { client, sandbox } = setup({
      faults: { rateLimitStorm: true },
      client: { retryPolicy: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 } },
    });
    const error = await client.listProducts().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('ERR_429');
    expect((error as ApiError).retryable).toBe(true);
    expect(sandbox.nhanh.snapshot()).toMatchObject({ rateLimit: { refused: 1 } });
  });
});

/** Like the manual clock, but a sleep lets the tasks already started read the time before it moves. */
function yieldingClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      now += ms;
    },
  };
}

describe('createNhanhRateLimiter', () => {
  it('should let the capacity through at once, then each further call a window after a slot settled', async () => {
    const clock = yieldingClock();
    const limiter = createNhanhRateLimiter({
      clock,
      requests: 5,
      spareRequests: 1,
      windowMs: 1000,
      spareMs: 100,
    });
    const startedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () => limiter.run('url', async () => startedAt.push(clock.now()))),
    );
    expect(startedAt).toEqual([0, 0, 0, 0, 1100, 1100]);
  });

  it('should let a burst go at once and spread the rest evenly over the window', async () => {
    const clock = yieldingClock();
    // Capacity 10 per 1 s: one start per 100 ms once the burst of 2 is spent.
    const limiter = createNhanhRateLimiter({
      clock,
      requests: 13,
      spareRequests: 3,
      windowMs: 1000,
      spareMs: 0,
      burst: 2,
    });
    const startedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () => limiter.run('url', async () => startedAt.push(clock.now()))),
    );
    expect(startedAt).toEqual([0, 0, 100, 200, 300]);
  });

  it('should start nothing on a locked key before the lock ends, while other keys go on', async () => {
    const clock = createManualClock(0);
    const limiter = createNhanhRateLimiter({ clock });
    limiter.lockUntil('locked', 5000);
    const other = await limiter.run('other', async () => clock.now());
    const locked = await limiter.run('locked', async () => clock.now());
    expect(other).toBe(0);
    expect(locked).toBe(5000);
  });

  it('should keep a lock that a shorter later lock would cut', async () => {
    const clock = createManualClock(0);
    const limiter = createNhanhRateLimiter({ clock });
    limiter.lockUntil('url', 9000);
    limiter.lockUntil('url', 3000);
    expect(await limiter.run('url', async () => clock.now())).toBe(9000);
  });
});
