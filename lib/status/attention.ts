import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * How many things the seller must act on, per part of the extension: the popup's count and the badge. Each
 * part is counted by its own module (products, order sync, reconciliation) and kept under its own storage key,
 * so two parts written at the same time, e.g. by the worker after a sync and by the dashboard after a pairing,
 * never overwrite each other, as a read-merge-write of one shared record from two contexts could.
 */

export const ATTENTION_PARTS = ['products', 'orders', 'reconcile'] as const;
export type AttentionPart = (typeof ATTENTION_PARTS)[number];
export type Attention = Record<AttentionPart, number>;

const countSchema = z.number().int().nonnegative();

const keyOf = (part: AttentionPart) => `local:attention.${part}` as const;

/** The record that held every part before each had its own key: still read for a part not written since. */
const LEGACY_KEY = 'local:attention';
const legacySchema = z.object({
  products: countSchema.catch(0),
  orders: countSchema.catch(0),
  reconcile: countSchema.catch(0),
});

/** Stores the count of `part`, leaving the others as their modules wrote them. */
export async function recordAttention(part: AttentionPart, count: number): Promise<void> {
  await storage.setItem(keyOf(part), count);
}

/** Every part's count; a part never written, or stored in a shape this version cannot read, counts 0. */
export async function readAttention(): Promise<Attention> {
  const [legacyRaw, ...partsRaw] = await Promise.all([
    storage.getItem<unknown>(LEGACY_KEY),
    ...ATTENTION_PARTS.map((part) => storage.getItem<unknown>(keyOf(part))),
  ]);
  const legacy = legacySchema.safeParse(legacyRaw);
  const countOf = (part: AttentionPart, raw: unknown) => {
    const own = countSchema.safeParse(raw);
    if (own.success) return own.data;
    return legacy.success ? legacy.data[part] : 0;
  };
  return Object.fromEntries(
    ATTENTION_PARTS.map((part, i) => [part, countOf(part, partsRaw[i])]),
  ) as Attention;
}

export function attentionTotal(attention: Attention): number {
  return ATTENTION_PARTS.reduce((sum, part) => sum + attention[part], 0);
}

/** Calls back whenever a part's count changes. */
export function watchAttention(callback: () => void): () => void {
  const stops = ATTENTION_PARTS.map((part) => storage.watch(keyOf(part), callback));
  return () => {
    for (const stop of stops) stop();
  };
}
