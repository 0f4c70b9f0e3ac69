import { z } from 'zod';
import { describeZodIssue } from './api-error';

/*
 * Reading records the way real APIs drift: numbers sent as strings, fields dropped or nulled, unknown keys.
 * Schemas require only what the code uses; a record that still cannot be read is set aside with its reason
 * and the keys it had (never its values: they may hold a buyer's name or a secret), and the run goes on.
 */

/** A number, or a numeric string such as "12" or "409000.00". */
export const lenientNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/, 'expected a number'),
  ])
  .transform(Number);

/** A whole number, or its digits as a string. */
export const lenientInt = lenientNumber.pipe(z.int());

/** A text that may come as a number (a barcode, an id kept as text). */
export const lenientText = z.union([z.string(), z.number().transform(String)]);

/** An optional value that never fails its record: a wrong type reads as absent. */
export function optionalField<S extends z.ZodType>(schema: S) {
  return schema.nullish().catch(undefined);
}

export interface UnreadableRecord {
  /** Position in the answer's list. */
  index: number;
  /** The record's own identifier when that much could be read (an order code, a product id). */
  id: string | null;
  /** The first field that broke the contract and how: `items[0].qty: expected a number`. */
  reason: string;
  /** The keys the record had, to tell a renamed field from a missing one. */
  keys: string[];
}

export interface ReadRecords<T> {
  records: T[];
  unreadable: UnreadableRecord[];
}

/** Reads each row on its own; `idOf` names a row that failed, from whatever it carries. */
export function readRecords<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  idOf: (row: Record<string, unknown>) => unknown,
): ReadRecords<z.output<S>> {
  const records: z.output<S>[] = [];
  const unreadable: UnreadableRecord[] = [];
  rows.forEach((row, index) => {
    const result = schema.safeParse(row);
    if (result.success) {
      records.push(result.data);
      return;
    }
    const object = typeof row === 'object' && row !== null && !Array.isArray(row) ? row : {};
    const id = idOf(object as Record<string, unknown>);
    const { path, problem } = describeZodIssue(result.error);
    unreadable.push({
      index,
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
      reason: `${path}: ${problem}`,
      keys: Object.keys(object).sort(),
    });
  });
  return { records, unreadable };
}
