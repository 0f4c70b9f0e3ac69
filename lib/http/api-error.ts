import type { z } from 'zod';
import type { LocalizedText } from '../i18n';

export type ApiName = 'tiki' | 'nhanh';

export interface ApiErrorInit {
  api: ApiName;
  /** Stable machine code, e.g. `paused_by_seller`, `ERR_429`, `invalid_response`. */
  code: string;
  /** Method and path template, never a URL with query secrets: `GET /integration/v2/orders`. */
  endpoint: string;
  /** HTTP status when there was an answer. */
  status?: number;
  /** What a seller reads, translated at display time. */
  text: LocalizedText;
  /** Whether trying again later can help (network, 5xx, 429); false for wrong keys and bad input. */
  retryable: boolean;
  /** Per-field messages from the API (Nhanh `messages` map), kept for display next to the item. */
  fieldMessages?: Record<string, string>;
  cause?: unknown;
}

/**
 * Every failure of an API client surfaces as this one type, so callers branch on `code` and show `text`.
 * `message` is English, for logs; it never carries keys, tokens or secrets.
 */
export class ApiError extends Error {
  readonly api: ApiName;
  readonly code: string;
  readonly endpoint: string;
  readonly status?: number;
  readonly text: LocalizedText;
  readonly retryable: boolean;
  readonly fieldMessages?: Record<string, string>;

  constructor(init: ApiErrorInit) {
    super(`${init.api} ${init.endpoint}: ${init.code}${init.status ? ` (HTTP ${init.status})` : ''}`, {
      cause: init.cause,
    });
    this.name = 'ApiError';
    this.api = init.api;
    this.code = init.code;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.text = init.text;
    this.retryable = init.retryable;
    this.fieldMessages = init.fieldMessages;
  }
}

/** Names the first offending field as a dotted path, e.g. `data[3].invoice.total_seller_income`. */
export function describeZodIssue(error: z.ZodError): { path: string; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '(root)', problem: 'invalid' };
  const path = issue.path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
  return { path: path || '(root)', problem: issue.message };
}

/**
 * Validates an API answer at the boundary. A response that breaks the contract becomes an `ApiError` with
 * code `invalid_response` naming the endpoint and the field, instead of a crash deeper in the code.
 */
export function parseResponse<S extends z.ZodType>(
  api: ApiName,
  endpoint: string,
  schema: S,
  body: unknown,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const { path, problem } = describeZodIssue(result.error);
  throw invalidResponse(api, endpoint, path, problem, result.error);
}

/** An answer that breaks the contract: names the endpoint, the field and what is wrong with it. */
export function invalidResponse(
  api: ApiName,
  endpoint: string,
  field: string,
  problem: string,
  cause?: unknown,
): ApiError {
  return new ApiError({
    api,
    code: 'invalid_response',
    endpoint,
    text: {
      key: 'api.invalidResponse',
      params: { api: api === 'tiki' ? 'Tiki' : 'Nhanh', endpoint, field, problem },
    },
    retryable: false,
    cause,
  });
}
