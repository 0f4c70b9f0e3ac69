import { describe, expect, it } from 'vitest';
import { createPacer } from '../../../lib/http/pacer';
import { createManualClock } from '../../../lib/time/clock';

describe('the per-seller pace of Tiki calls', () => {
  it('should start at most N calls in any window, the rest as soon as the window lets them, in order', async () => {
    const clock = createManualClock();
    const pace = createPacer({ requests: 3, windowMs: 1_000, clock });
    const started: { call: number; at: number }[] = [];
    const calls = Array.from({ length: 7 }, (_, call) =>
      pace().then(() => started.push({ call, at: clock.now() })),
    );
    await Promise.all(calls);
    expect(started.map((entry) => entry.call)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const t0 = started[0]!.at;
    expect(started.map((entry) => entry.at - t0)).toEqual([0, 0, 0, 1_000, 1_000, 1_000, 2_000]);
    // Never more than 3 starts within any 1-second window.
    for (const entry of started)
      expect(
        started.filter((other) => other.at >= entry.at && other.at < entry.at + 1_000).length,
      ).toBeLessThanOrEqual(3);
  });
});
