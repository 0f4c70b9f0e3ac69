/*
 * Reading answers as they were sent, for the compatibility check: what is there, under which key and of which
 * type. Nothing here keeps a value; the lines count and name.
 */

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of a list (anything else in it is skipped); none when it is not a list. */
export function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The kind of a JSON value, as a report can name it. */
export function typeName(
  value: unknown,
): 'absent' | 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : (typeof value as 'string' | 'number' | 'boolean');
}

/** The keys of an object, sorted; none for anything else. */
export function keysOf(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value).sort() : [];
}

/** The union of the keys of several objects, sorted. */
export function keysAcross(values: readonly unknown[]): string[] {
  return [...new Set(values.flatMap(keysOf))].sort();
}

/** A number, or a numeric string read as one; undefined for anything else. */
export function numberIn(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}
