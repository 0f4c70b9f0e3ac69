import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import type { CompatCheckId, CompatLine, Facts, Verdict } from './lines';

/** One line: the verdict, what the seller reads as evidence, and the facts it rests on. */
export function judged(
  id: CompatCheckId,
  verdict: Verdict,
  evidence: LocalizedText,
  facts: Facts = {},
): CompatLine {
  return { id, verdict, evidence, facts };
}

/** A read that failed, as the facts of a line: the client's error code and Tiki's or Nhanh's HTTP status. */
export function errorFacts(error: ApiError): Facts {
  return { errorCode: error.code, httpStatus: error.status ?? null };
}

/** A line that cannot be judged because the read it rests on failed (network, 5xx, an odd answer…). */
export function unreadLine(id: CompatCheckId, error: ApiError): CompatLine {
  return judged(
    id,
    'unclear',
    { key: 'compat.ev.readFailed', params: { endpoint: error.endpoint, code: error.code } },
    errorFacts(error),
  );
}

export function unreadLines(ids: readonly CompatCheckId[], error: ApiError): CompatLine[] {
  return ids.map((id) => unreadLine(id, error));
}

/** Lines that cannot be judged for a reason said once (no key saved, Nhanh not connected…). */
export function unjudgedLines(ids: readonly CompatCheckId[], evidence: LocalizedText): CompatLine[] {
  return ids.map((id) => judged(id, 'unclear', evidence));
}

export type Read<T> = { ok: true; answer: T } | { ok: false; error: ApiError };

/** A read whose API failure is an observation, not a reason to stop the check. Other errors are bugs: thrown. */
export async function tryRead<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, answer: await read() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    throw error;
  }
}
