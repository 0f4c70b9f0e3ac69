/** Why a worker gave no answer: it took longer than allowed, or it failed to load or crashed. */
export class WorkerFailure extends Error {
  constructor(readonly reason: 'timeout' | 'worker') {
    super(`worker gave no answer (${reason})`);
    this.name = 'WorkerFailure';
  }
}

/**
 * Sends one request to a fresh worker and resolves with its one reply, so heavy parsing never holds up the
 * page. The worker is ended either way; `transfer` moves large buffers instead of copying them.
 */
export function requestFromWorker<Reply>(
  worker: Worker,
  request: unknown,
  transfer: Transferable[],
  timeoutMs: number,
): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WorkerFailure('timeout')), timeoutMs);
    worker.onmessage = (event: MessageEvent<Reply>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      event.preventDefault();
      reject(new WorkerFailure('worker'));
    };
    worker.postMessage(request, transfer);
  }).finally(() => worker.terminate());
}
