import { ApiError, type ApiErrorInit } from '../http/api-error';
import type { MessageKey } from '../i18n';
import {
  isPausedAnswer,
  TIKI_PERMISSION_DENIED,
  tikiErrorBodySchema,
  tikiLegacyMessageSchema,
  tikiOAuthErrorSchema,
} from './contract';

/**
 * A Tiki failure: `ApiError` plus Tiki's own `errors[]` (shown per product by the stock push) and the wait a 429
 * asked for in `Retry-After`, when it sent one.
 */
export class TikiApiError extends ApiError {
  /** Tiki's `errors[]` as sent (OT-err), empty when the answer had none. */
  readonly tikiErrors: readonly string[];
  /** From a 429's `Retry-After` header (seconds or an HTTP date), in milliseconds; undefined when absent. */
  readonly retryAfterMs?: number;

  constructor(init: ApiErrorInit & { tikiErrors?: readonly string[]; retryAfterMs?: number }) {
    super(init);
    this.name = 'TikiApiError';
    this.tikiErrors = init.tikiErrors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Tiki's `errors[]` of an answer, or none. */
export function tikiErrorsOf(body: unknown): string[] {
  const errors = tikiErrorBodySchema.safeParse(body);
  return errors.success ? errors.data.errors : [];
}

/** Tiki's own words about a failure, shortened; Tiki's texts carry no keys or tokens. */
function describeBody(body: unknown): string {
  const errors = tikiErrorBodySchema.safeParse(body);
  if (errors.success && errors.data.errors.length) return errors.data.errors.join('; ').slice(0, 300);
  const legacy = tikiLegacyMessageSchema.safeParse(body);
  if (legacy.success) return legacy.data.msg.slice(0, 300);
  const oauth = tikiOAuthErrorSchema.safeParse(body);
  if (oauth.success) return (oauth.data.error_description ?? oauth.data.error).slice(0, 300);
  return '(không có nội dung)';
}

function tikiError(
  code: string,
  key: MessageKey,
  endpoint: string,
  status: number | undefined,
  retryable: boolean,
  body?: unknown,
  retryAfterMs?: number,
): TikiApiError {
  const params = { endpoint, status: status ?? 0, detail: describeBody(body) };
  return new TikiApiError({
    api: 'tiki',
    code,
    endpoint,
    status,
    text: { key, params },
    retryable,
    tikiErrors: tikiErrorsOf(body),
    retryAfterMs,
  });
}

/**
 * `Retry-After` as RFC 9110 §10.2.3 allows it: delay-seconds or an HTTP date (against `now`). Tiki documents no
 * such header (OT-err); it is honoured when present. Undefined when absent or unreadable.
 */
export function readRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Turns a Tiki answer into a typed error, or undefined when it is a real success. The paused connection
 * answers HTTP 200 (SC-legacy), so success is decided by the body too, not by the status alone.
 */
export function tikiErrorFromAnswer(
  endpoint: string,
  status: number,
  body: unknown,
  retryAfterMs?: number,
): TikiApiError | undefined {
  if (status >= 200 && status < 300) {
    const legacy = tikiLegacyMessageSchema.safeParse(body);
    if (legacy.success && isPausedAnswer(legacy.data))
      return tikiError('paused_by_seller', 'tiki.error.pausedBySeller', endpoint, status, false, body);
    return undefined;
  }
  const legacy = tikiLegacyMessageSchema.safeParse(body);
  if (status === 403 && legacy.success && legacy.data.msg === TIKI_PERMISSION_DENIED)
    return tikiError('wrong_key', 'tiki.error.wrongKey', endpoint, status, false, body);
  if (status === 401)
    return tikiError('unauthorized', 'tiki.error.unauthorized', endpoint, status, false, body);
  if (status === 403)
    return tikiError('forbidden_scope', 'tiki.error.forbiddenScope', endpoint, status, false, body);
  if (status === 404) return tikiError('not_found', 'tiki.error.notFound', endpoint, status, false, body);
  if (status === 429)
    return tikiError('rate_limited', 'tiki.error.rateLimited', endpoint, status, true, body, retryAfterMs);
  if (status >= 500) return tikiError('server_error', 'tiki.error.serverError', endpoint, status, true, body);
  // OT-err: 400, 405, 406 and any other 4xx: the request itself is wrong; retrying cannot help.
  return tikiError('bad_request', 'tiki.error.badRequest', endpoint, status, false, body);
}

/** The token endpoint's failures: wrong app credentials are their own case, the rest as for any call. */
export function tikiTokenErrorFromAnswer(
  endpoint: string,
  status: number,
  body: unknown,
): TikiApiError | undefined {
  const oauth = tikiOAuthErrorSchema.safeParse(body);
  if (status >= 400 && status < 500 && oauth.success && oauth.data.error === 'invalid_client')
    return tikiError('invalid_client', 'tiki.error.invalidClient', endpoint, status, false, body);
  return tikiErrorFromAnswer(endpoint, status, body);
}

/** No answer at all (DNS, offline, connection reset): worth retrying. */
export function tikiNetworkError(endpoint: string, cause: unknown): TikiApiError {
  return new TikiApiError({
    api: 'tiki',
    code: 'network',
    endpoint,
    text: { key: 'api.network', params: { api: 'Tiki' } },
    retryable: true,
    cause,
  });
}

/**
 * How Tiki answers a stock/price update refused to the caller (the key, a token without the `product` scope, a
 * seller whose `can_update_product` is 0): 403, or 401 for the connection key, which Tiki documents on
 * `sellers/me` only [OFF §7]. One code, so the stock push can say "connect your own Tiki app".
 */
export const TIKI_UPDATE_REFUSED = 'update_refused';
/** One product's update refused by Tiki for its data (unknown warehouse or product, FBT…), with Tiki's text. */
export const TIKI_UPDATE_REJECTED = 'update_rejected';

/** An update's failure in the words the stock push shows: refused to the caller, or rejected for the product. */
export function tikiUpdateErrorFromAnswer(
  endpoint: string,
  status: number,
  body: unknown,
  viaConnectionKey: boolean,
  retryAfterMs?: number,
): TikiApiError | undefined {
  if (status === 403 || (status === 401 && viaConnectionKey))
    return tikiError(TIKI_UPDATE_REFUSED, 'tiki.error.updateRefused', endpoint, status, false, body);
  if (status === 400 || status === 404 || status === 422)
    return tikiError(TIKI_UPDATE_REJECTED, 'tiki.error.updateRejected', endpoint, status, false, body);
  return tikiErrorFromAnswer(endpoint, status, body, retryAfterMs);
}

/** A product Tiki did not approve in a 2xx answer (a per-item `errors[]`, or a state other than `approved`). */
export function tikiUpdateRejected(
  endpoint: string,
  status: number,
  errors: readonly string[],
): TikiApiError {
  return tikiError(TIKI_UPDATE_REJECTED, 'tiki.error.updateRejected', endpoint, status, false, { errors });
}

/** True for the refusal of an update to the auth in use: the seller must connect an app of their own. */
export function isTikiUpdateRefused(error: unknown): error is TikiApiError {
  return error instanceof TikiApiError && error.code === TIKI_UPDATE_REFUSED;
}
