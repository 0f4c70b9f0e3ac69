import { requestFromWorker, WorkerFailure } from '../files/worker-request';
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
export async function parseInWorker(
  request: ParseRequest,
): Promise<{ fileId: string; parsed: ParsedStatement }> {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  let reply: ParseReply;
  try {
    reply = await requestFromWorker<ParseReply>(worker, request, [request.bytes.buffer], WORKER_TIMEOUT_MS);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    throw new StatementFileError({ key: 'reconcile.err.worker', params: { detail: error.reason } });
  }
  if (!reply.ok) throw new StatementFileError(reply.text);
  return { fileId: reply.fileId, parsed: reply.parsed };
}
