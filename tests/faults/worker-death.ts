/** A stopped worker: the call never comes back, and nothing after it in that worker runs. */
export const never = () => new Promise<never>(() => {});

/** The lease of one service-worker instance: any other `worker:` holder is a worker the browser has stopped. */
export function lease(holder: string) {
  return { holder, isDeadHolder: (other: string) => other.startsWith('worker:') && other !== holder };
}
