import { requestFromWorker, WorkerFailure } from '../files/worker-request';
import type { PairingFileRead } from './pairing-file';

/** A file within the caps reads in seconds; one that has not answered by then is stuck. */
const WORKER_TIMEOUT_MS = 60_000;

/** `readPairingFile` in a Web Worker, so the dashboard stays responsive while a large table is parsed. */
export async function readPairingFileInWorker(bytes: ArrayBuffer): Promise<PairingFileRead> {
  const worker = new Worker(new URL('./pairing-file.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await requestFromWorker<PairingFileRead>(worker, bytes, [bytes], WORKER_TIMEOUT_MS);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    return { ok: false, errors: [{ key: 'products.import.unreadable' }] };
  }
}
