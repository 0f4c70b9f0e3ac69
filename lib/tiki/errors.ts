import { ApiError } from '../http/api-error';
import type { MessageKey } from '../i18n';
import {
  isPausedAnswer,
  TIKI_PERMISSION_DENIED,
  tikiErrorBodySchema,
  tikiLegacyMessageSchema,
  tikiOAuthErrorSchema,
} from './contract';

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
): ApiError {
  const params = { endpoint, status: status ?? 0, detail: describeBody(body) };
  return new ApiError({ api: 'tiki', code, endpoint, status, text: { key, params }, retryable });
}

/**
 * Turns a Tiki answer into a typed error, or undefined when it is a real success. The paused connection
 * answers HTTP 200 (SC-legacy), so success is decided by the body too, not by the status alone.
 */
export function tikiErrorFromAnswer(endpoint: string, status: number, body: unknown): ApiError | undefined {
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
    return tikiError('rate_limited', 'tiki.error.rateLimited', endpoint, status, true, body);
  if (status >= 500) return tikiError('server_error', 'tiki.error.serverError', endpoint, status, true, body);
  // OT-err: 400, 405, 406 and any other 4xx: the request itself is wrong; retrying cannot help.
  return tikiError('bad_request', 'tiki.error.badRequest', endpoint, status, false, body);
}

/** The token endpoint's failures: wrong app credentials are their own case, the rest as for any call. */
export function tikiTokenErrorFromAnswer(
  endpoint: string,
  status: number,
  body: unknown,
): ApiError | undefined {
  const oauth = tikiOAuthErrorSchema.safeParse(body);
  if (status >= 400 && status < 500 && oauth.success && oauth.data.error === 'invalid_client')
    return tikiError('invalid_client', 'tiki.error.invalidClient', endpoint, status, false, body);
  return tikiErrorFromAnswer(endpoint, status, body);
}

/** No answer at all (DNS, offline, connection reset): worth retrying. */
export function tikiNetworkError(endpoint: string, cause: unknown): ApiError {
  return new ApiError({
    api: 'tiki',
    code: 'network',
    endpoint,
    text: { key: 'api.network', params: { api: 'Tiki' } },
    retryable: true,
    cause,
  });
}
