/*
 * One lane per shop in the worker: the order sync, the event queue's pulls and imports of named orders run one
 * after another for a shop. The shop's order-sync lease already keeps two of them from running together; the lane
 * makes the loser wait its turn instead of being refused (a seller's import started during a pull still runs).
 */

export const LANE_BUSY = Symbol('lane busy');

export function createShopLanes() {
  /** Per shop: the end of its last task (never rejected), and how many tasks run or wait. */
  const tails = new Map<string, Promise<unknown>>();
  const pending = new Map<string, number>();
  /** Per shop and kind of task, the one running or waiting (see `queueOnce`). */
  const onceTasks = new Map<string, Promise<unknown>>();

  function queue<T>(shopId: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(shopId) ?? Promise.resolve();
    pending.set(shopId, (pending.get(shopId) ?? 0) + 1);
    const run = previous
      .then(() => task())
      .finally(() => {
        const left = pending.get(shopId)! - 1;
        if (left > 0) return void pending.set(shopId, left);
        pending.delete(shopId);
        tails.delete(shopId);
      });
    tails.set(
      shopId,
      run.catch(() => {}),
    );
    return run;
  }

  /**
   * Like `queue`, but a task of this `kind` already running or waiting for the shop is joined (its result answered)
   * instead of queueing a second one, unless `join` is false: then this task runs after it and is the one to join.
   */
  function queueOnce<T>(shopId: string, kind: string, task: () => Promise<T>, join = true): Promise<T> {
    const key = `${shopId}\n${kind}`;
    const existing = onceTasks.get(key) as Promise<T> | undefined;
    if (existing && join) return existing;
    const run = queue(shopId, task);
    onceTasks.set(key, run);
    const forget = () => {
      if (onceTasks.get(key) === run) onceTasks.delete(key);
    };
    run.then(forget, forget);
    return run;
  }

  return {
    /** Runs `task` once everything queued before it for this shop has ended. */
    queue,
    queueOnce,
    /** Runs `task` now if nothing runs or waits for this shop, else answers `LANE_BUSY` (a pull that can wait a tick). */
    tryNow<T>(shopId: string, task: () => Promise<T>): Promise<T | typeof LANE_BUSY> {
      return pending.has(shopId) ? Promise.resolve(LANE_BUSY) : queue(shopId, task);
    },
  };
}

/** The worker's lanes. */
export const shopLanes = createShopLanes();
