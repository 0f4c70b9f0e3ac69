import type { Clock } from '../time/clock';

/**
 * At most `requests` calls start in any `windowMs` (a sliding window of start times): the pace of an API that
 * counts requests per second and answers 429 beyond. Calls wait their turn in the order they asked.
 */
export function createPacer(options: { requests: number; windowMs: number; clock: Clock }) {
  const { requests, windowMs, clock } = options;
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();
  return function pace(): Promise<void> {
    const turn = queue.then(async () => {
      for (;;) {
        const now = clock.now();
        while (starts.length > 0 && starts[0]! <= now - windowMs) starts.shift();
        if (starts.length < requests) {
          starts.push(now);
          return;
        }
        await clock.sleep(starts[0]! + windowMs - now);
      }
    });
    queue = turn.catch(() => {});
    return turn;
  };
}

export type Pacer = ReturnType<typeof createPacer>;
