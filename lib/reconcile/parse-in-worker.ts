import type { LocalizedText } from '../i18n';
import type { ParsedStatement } from './parse';
import { StatementFileError } from './statement-error';

export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
}
export type ParseReply =
  | { ok: true; fileId: string; parsed: ParsedStatement }
  | { ok: false; text: LocalizedText };

/** A worker that has not answered by then is stuck (the largest allowed file parses in well under a minute). */
const WORKER_TIMEOUT_MS = 120_000;

/** Parses a statement in a Web Worker and hashes it; rejects with `StatementFileError` for a refused file. */
export function parseInWorker(request: ParseRequest): Promise<{ fileId: string; parsed: ParsedStatement }> {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<{ fileId: string; parsed: ParsedStatement }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new StatementFileError({ key: 'reconcile.err.worker', params: { detail: 'timeout' } })),
      WORKER_TIMEOUT_MS,
    );
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      clearTimeout(timer);
      const reply = event.data;
      if (reply.ok) resolve({ fileId: reply.fileId, parsed: reply.parsed });
      else reject(new StatementFileError(reply.text));
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      event.preventDefault();
      reject(new StatementFileError({ key: 'reconcile.err.worker', params: { detail: 'worker' } }));
    };
    worker.postMessage(request, [request.bytes.buffer]);
  }).finally(() => worker.terminate());
}
