import { MAX_STATEMENT_BYTES } from './limits';
import type { StatementDownload } from './selectors';
import type { HelperText } from './texts';

/**
 * Fetching the statement the page offers, in the content script: the request leaves from the seller center's
 * own origin with the seller's cookies (`credentials: 'same-origin'`), so it gets exactly the bytes the page's own
 * link would. Then the bytes cross to the background as base64 (extension messages carry JSON only).
 */

export type FetchedStatement =
  | { ok: true; fileName: string; bytes: Uint8Array }
  | { ok: false; text: HelperText };

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** An Excel workbook (xlsx zip, legacy xls) or a CSV; an HTML page (a login redirect, an error page) is not. */
function looksLikeStatement(bytes: Uint8Array, fileName: string): boolean {
  if (startsWith(bytes, XLSX_MAGIC) || startsWith(bytes, XLS_MAGIC)) return true;
  if (!/\.csv$/i.test(fileName)) return false;
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.length > 0 && !head.startsWith('<');
}

/** The file name a `Content-Disposition` header gives (RFC 6266: `filename*` wins over `filename`), or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  return name || null;
}

/** A file name safe to show and store: no folders, no control characters. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'sao-ke-tiki.xlsx';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The body, or null as soon as it grows past `maxBytes` (a missing or wrong Content-Length cannot fool the cap). */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Fetches the offered statement with the seller's session; refuses non-statements and files over the cap. */
export async function fetchStatementFile(
  download: StatementDownload,
  deps: { fetch: typeof fetch; maxBytes?: number },
): Promise<FetchedStatement> {
  const maxBytes = deps.maxBytes ?? MAX_STATEMENT_BYTES;
  const tooLarge = (size: string): FetchedStatement => ({
    ok: false,
    text: { key: 'sellerCenter.statement.tooLarge', params: { size, max: megabytes(maxBytes) } },
  });
  let response: Response;
  try {
    // Cookies go only to the seller center itself: a signed file URL on another host (a CDN) answers CORS with
    // `*`, which a credentialed request would fail.
    response = await deps.fetch(download.url, { credentials: 'same-origin' });
  } catch {
    return { ok: false, text: { key: 'sellerCenter.statement.network' } };
  }
  if (!response.ok)
    return {
      ok: false,
      text: { key: 'sellerCenter.statement.downloadFailed', params: { status: response.status } },
    };
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return tooLarge(megabytes(declared));
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readAtMost(response, maxBytes);
  } catch {
    // The connection dropped in the middle of the file.
    return { ok: false, text: { key: 'sellerCenter.statement.network' } };
  }
  if (!bytes) return tooLarge(`> ${megabytes(maxBytes)}`);
  const fileName = safeFileName(
    fileNameFromDisposition(response.headers.get('content-disposition')) ?? download.fileName,
  );
  if (!looksLikeStatement(bytes, fileName))
    return { ok: false, text: { key: 'sellerCenter.statement.notAFile' } };
  return { ok: true, fileName, bytes };
}
