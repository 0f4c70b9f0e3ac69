import type { SandboxResponse } from '../types';
import { parseWallTime } from './wall-time';

/** Tiki's error envelope (OT-err): `{"errors":["…"]}`. */
export function tikiErrors(status: number, ...messages: string[]): SandboxResponse {
  return { status, body: { errors: messages } };
}

/** A query value that failed validation; the router turns it into a 400 with Tiki's envelope. */
export class BadParameter extends Error {}

/** `page`/`limit` as the Open API takes them: page 1-based, limit 1..100 (default 20). */
export function readPaging(query: URLSearchParams): { page: number; limit: number } {
  const page = readInteger(query, 'page', 1);
  const limit = readInteger(query, 'limit', 20);
  if (page < 1) throw new BadParameter('page must be greater than or equal to 1');
  if (limit < 1 || limit > 100) throw new BadParameter('limit must be between 1 and 100');
  return { page, limit };
}

function readInteger(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new BadParameter(`${name} must be an integer`);
  return Number(raw);
}

/** Reads a `yyyy-MM-dd HH:mm:ss` (Asia/Ho_Chi_Minh) parameter; absent → undefined, malformed → 400. */
export function readWallTime(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const parsed = parseWallTime(raw);
  if (parsed === undefined)
    throw new BadParameter(`${name} must be a date in the format yyyy-MM-dd HH:mm:ss`);
  return parsed;
}

/**
 * A set expression (`in|a,b`, `nin|a,b`, or a bare `a,b` meaning `in`) over known values; returns a test,
 * or undefined when the parameter is absent.
 */
export function readSetExpression(
  query: URLSearchParams,
  name: string,
  known: readonly string[],
): ((value: string) => boolean) | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const match = /^(in|nin)\|(.*)$/.exec(raw);
  const negate = match?.[1] === 'nin';
  const values = (match ? match[2]! : raw).split(',').map((value) => value.trim());
  for (const value of values)
    if (!known.includes(value)) throw new BadParameter(`${name} has an invalid value "${value}"`);
  return (value) => values.includes(value) !== negate;
}

/** Only the dates within [from, to] (inclusive, second precision as Tiki stores them). */
export function withinRange(wallTime: string, from: number | undefined, to: number | undefined): boolean {
  // No bound: no need to read the time (parsing it for every product made a 7,500-product page cost 20 ms).
  if (from === undefined && to === undefined) return true;
  const at = parseWallTime(wallTime) ?? 0;
  return (from === undefined || at >= from) && (to === undefined || at <= to);
}

/** Laravel-style page of a list, the shape the Open API uses for products and orders. */
export function paginate<T>(items: T[], page: number, limit: number) {
  const start = (page - 1) * limit;
  const data = items.slice(start, start + limit);
  return {
    data,
    paging: {
      total: items.length,
      current_page: page,
      from: data.length ? start + 1 : null,
      to: data.length ? start + data.length : null,
      per_page: limit,
      // MVC: last_page is 0 when nothing matches.
      last_page: Math.ceil(items.length / limit),
    },
  };
}

/** The comma-separated `include` (and the detail endpoint's `includes`) values of a request. */
export function readIncludes(query: URLSearchParams): Set<string> {
  const values = [query.get('include'), query.get('includes')].flatMap((raw) => (raw ? raw.split(',') : []));
  return new Set(values.map((value) => value.trim()));
}
