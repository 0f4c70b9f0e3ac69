import { sha256Hex } from './hash';
import { parseStatement } from './parse';
import type { ParseReply, ParseRequest } from './parse-in-worker';
import { StatementFileError } from './statement-error';

/** Parses a statement off the page's thread: a 100,000-line file takes seconds and must not freeze the page. */
self.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { fileName, bytes } = event.data;
  let reply: ParseReply;
  try {
    const parsed = parseStatement(bytes, fileName);
    reply = { ok: true, fileId: await sha256Hex(bytes), parsed };
  } catch (error) {
    reply =
      error instanceof StatementFileError
        ? { ok: false, text: error.text }
        : {
            ok: false,
            text: {
              key: 'reconcile.err.worker',
              params: { detail: error instanceof Error ? error.name : 'Error' },
            },
          };
  }
  self.postMessage(reply);
};
