import type { z } from 'zod';
import { ApiError, type ApiErrorInit, parseResponse } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import {
  DUPLICATE_APP_ORDER_FIELD,
  DUPLICATE_ORDER_PATTERN,
  envelopeCodeSchema,
  failureSchema,
  NHANH_ERROR,
  NHANH_LOCK_SECONDS,
  NHANH_RATE_LIMIT_CODES,
  NHANH_RECONNECT_CODES,
  type NhanhFailure,
  type paginatorSchema,
  rateLimitDataSchema,
  successSchema,
} from './contract';

/** Code of a v2 refusal that names no error code (`messages` is a plain list). */
export const NHANH_REJECTED = 'rejected';

/** How many per-field messages the summary text shows; the full map stays in `fieldMessages`. */
const SUMMARY_FIELDS = 3;

function summarise(fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  const shown = entries.slice(0, SUMMARY_FIELDS).map(([field, message]) => `${field}: ${message}`);
  if (entries.length > SUMMARY_FIELDS) shown.push(`… (+${entries.length - SUMMARY_FIELDS})`);
  return shown.join('; ');
}

/** Splits a failure's `messages` into an error code (v2 keys by code), a text and per-field messages. */
function readFailure(failure: NhanhFailure): {
  code: string;
  message: string;
  fields?: Record<string, string>;
} {
  const { messages } = failure;
  if (typeof messages === 'string' || messages === undefined) {
    return { code: failure.errorCode ?? NHANH_REJECTED, message: messages ?? failure.message ?? '' };
  }
  if (Array.isArray(messages))
    return { code: failure.errorCode ?? NHANH_REJECTED, message: messages.join('; ') };
  const errorKey = Object.keys(messages).find((key) => key.startsWith('ERR_'));
  if (!failure.errorCode && errorKey) return { code: errorKey, message: messages[errorKey] ?? '' };
  return { code: failure.errorCode ?? NHANH_REJECTED, message: summarise(messages), fields: messages };
}

function textFor(
  code: string,
  message: string,
  endpoint: string,
  fields?: Record<string, string>,
): LocalizedText {
  if (NHANH_RECONNECT_CODES.includes(code)) return { key: 'nhanh.err.reconnect' };
  if (NHANH_RATE_LIMIT_CODES.includes(code))
    return { key: 'nhanh.err.rateLimited', params: { seconds: NHANH_LOCK_SECONDS } };
  switch (code) {
    case NHANH_ERROR.invalidAppId:
      return { key: 'nhanh.err.invalidAppId' };
    case NHANH_ERROR.invalidBusinessId:
      return { key: 'nhanh.err.invalidBusinessId' };
    case NHANH_ERROR.forbidden:
      return { key: 'nhanh.err.forbidden', params: { endpoint } };
    case NHANH_ERROR.businessNotEnabled:
      return { key: 'nhanh.err.notEnabled' };
    case NHANH_ERROR.invalidData:
      return { key: 'nhanh.err.invalidData', params: { endpoint } };
    case NHANH_ERROR.invalidFormFields:
      return { key: 'nhanh.err.formFields', params: { details: fields ? summarise(fields) : message } };
    case NHANH_REJECTED:
      return { key: 'nhanh.err.rejected', params: { message } };
    default:
      return { key: 'nhanh.err.unknown', params: { code, message } };
  }
}

/** `ApiError` plus, for ERR_429, the server's lock (`lockedSeconds`, `unlockedAt` in unix s). */
export class NhanhApiError extends ApiError {
  readonly lock?: { lockedSeconds: number; unlockedAt: number };

  constructor(init: ApiErrorInit & { lock?: { lockedSeconds: number; unlockedAt: number } }) {
    super(init);
    this.lock = init.lock;
  }
}

/**
 * Turns a `code:0` answer into the one error type. Rate limits are retryable and carry, in `lock`, when the
 * URL opens again; everything else is a business answer and is not retried.
 */
export function errorFromFailure(failure: NhanhFailure, endpoint: string, status: number): NhanhApiError {
  const { code, message, fields } = readFailure(failure);
  const rateLimited = NHANH_RATE_LIMIT_CODES.includes(code);
  const lock = rateLimited ? rateLimitDataSchema.safeParse(failure.data) : undefined;
  return new NhanhApiError({
    api: 'nhanh',
    code,
    endpoint,
    status,
    text: lock?.success
      ? { key: 'nhanh.err.rateLimited', params: { seconds: Math.ceil(lock.data.lockedSeconds) } }
      : textFor(code, message, endpoint, fields),
    retryable: rateLimited,
    fieldMessages: fields,
    lock: lock?.success ? lock.data : undefined,
  });
}

export function networkError(endpoint: string, cause: unknown): ApiError {
  return new ApiError({
    api: 'nhanh',
    code: 'network',
    endpoint,
    text: { key: 'api.network', params: { api: 'Nhanh' } },
    retryable: true,
    cause,
  });
}

/** A 5xx (retryable) or another status without a Nhanh envelope (not retryable). */
export function httpError(endpoint: string, status: number): ApiError {
  const server = status >= 500;
  return new ApiError({
    api: 'nhanh',
    code: server ? 'server_error' : 'http_error',
    endpoint,
    status,
    text: server
      ? { key: 'nhanh.err.server', params: { status } }
      : { key: 'nhanh.err.http', params: { status, endpoint } },
    retryable: server,
  });
}

/**
 * Reads one answer: `code` first, then the failure or the success shape. A body that fits neither becomes
 * `invalid_response` naming the endpoint and the field (via `parseResponse`).
 */
export function interpretEnvelope<D extends z.ZodType>(
  body: unknown,
  endpoint: string,
  status: number,
  data: D,
): { data: z.output<D>; paginator?: z.output<typeof paginatorSchema> } {
  const { code } = parseResponse('nhanh', endpoint, envelopeCodeSchema, body);
  if (code === 0)
    throw errorFromFailure(parseResponse('nhanh', endpoint, failureSchema, body), endpoint, status);
  return parseResponse('nhanh', endpoint, successSchema(data), body) as {
    data: z.output<D>;
    paginator?: z.output<typeof paginatorSchema>;
  };
}

/** The token is dead (expired, revoked, or a v2 token): stop syncing and ask the user to reconnect Nhanh. */
export function needsReconnect(error: unknown): boolean {
  return error instanceof ApiError && error.api === 'nhanh' && NHANH_RECONNECT_CODES.includes(error.code);
}

/**
 * Nhanh refused `order/add` because an order with this `channel.appOrderId` already exists. The answer is not
 * documented, so any of the signs public clients use counts (see `DUPLICATE_ORDER_PATTERN`): the field among
 * the per-field messages, or an error code or message text that says so. The client validates appOrderId before
 * sending, so no other complaint about that field can come back.
 */
export function isDuplicateOrderError(error: unknown): error is ApiError {
  if (!(error instanceof ApiError) || error.api !== 'nhanh' || error.retryable) return false;
  if (error.fieldMessages?.[DUPLICATE_APP_ORDER_FIELD] !== undefined) return true;
  const params = error.text.params ?? {};
  const said = [
    error.code,
    ...Object.values(error.fieldMessages ?? {}),
    ...Object.values(params).map(String),
  ];
  return said.some((text) => DUPLICATE_ORDER_PATTERN.test(text));
}
