import type { SandboxResponse } from '../types';

/** v3 success [OFF S2]: `{"code":1,"data":…,"paginator":…}` with HTTP 200. */
export function ok(data: unknown, paginator?: Record<string, unknown>): SandboxResponse {
  return { status: 200, body: paginator ? { code: 1, data, paginator } : { code: 1, data } };
}

/** v3 failure [OFF S2]: HTTP 200 with `code:0`, an `errorCode` and `messages` (a string or a per-field map). */
export function fail(
  errorCode: string,
  messages: string | Record<string, string>,
  data?: unknown,
): SandboxResponse {
  return {
    status: 200,
    body: data === undefined ? { code: 0, errorCode, messages } : { code: 0, errorCode, messages, data },
  };
}

/** Thrown by validators; the router turns it into ERR_INVALID_FORM_FIELDS with the collected field messages. */
export class FormFieldsError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
  }
}

/** Collects per-field messages, so one answer lists every problem of a request, as Nhanh's form errors do. */
export function createFieldCollector() {
  const fields: Record<string, string> = {};
  return {
    fields,
    add(field: string, message: string) {
      fields[field] ??= message;
    },
    throwIfAny() {
      if (Object.keys(fields).length > 0) throw new FormFieldsError(fields);
    },
  };
}

export type FieldCollector = ReturnType<typeof createFieldCollector>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A positive integer, as ids in the JSON body must be (Nhanh answers "id must be integer" otherwise). */
export function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

export function isNonEmptyString(value: unknown, maxLength = Number.POSITIVE_INFINITY): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;
}
