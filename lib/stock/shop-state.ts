import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { localizedTextSchema } from '../i18n/text-schema';
import { type Shop, tikiCredentialsOf } from '../settings';
import { STOCK_FAILURES_KEPT, type StockCapability, type StockRunSummary } from './types';

/*
 * Each shop's stock-push state in storage.local (small; pages watch it): whether Tiki lets the shop update stock,
 * the seller's approval of the first push, the last run, how far Nhanh was read, and which failures the seller was
 * already notified of. Written only by the worker, one write after the other.
 */

const capabilitySchema: z.ZodType<StockCapability> = z.union([
  z.object({ state: z.literal('unknown') }),
  z.object({ state: z.literal('ok'), checkedAt: z.number() }),
  z.object({
    state: z.enum(['cannotUpdate', 'authRefused']),
    checkedAt: z.number(),
    text: localizedTextSchema,
  }),
]);

const runSummarySchema: z.ZodType<StockRunSummary> = z.object({
  runId: z.string(),
  trigger: z.enum(['manual', 'auto']),
  startedAt: z.number(),
  finishedAt: z.number(),
  ok: z.boolean(),
  sent: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  blocked: z.number().int(),
  failures: z
    .array(z.object({ tikiProductId: z.number(), name: z.string(), text: localizedTextSchema }))
    .max(STOCK_FAILURES_KEPT),
  error: localizedTextSchema.nullable(),
});

const shopStateSchema = z.object({
  capability: capabilitySchema.catch({ state: 'unknown' }).default({ state: 'unknown' }),
  approvedAt: z.number().nullable().catch(null).default(null),
  lastRun: runSummarySchema.nullable().catch(null).default(null),
  /** The start of the last Nhanh read that reached its end: the next incremental read starts before it. */
  nhanhReadFrom: z.number().nullable().catch(null).default(null),
  /** When the last full read of Nhanh and Tiki ended: a full pass runs again a day later. */
  lastFullReadAt: z.number().nullable().catch(null).default(null),
  /**
   * Which auth Tiki refused (`app:<client id>` or `key`, never a secret): the refusal holds only while the shop
   * still uses it, so connecting an in-house app lifts it at once (`forgetRefusedAuth`).
   */
  refusedAuth: z.string().nullable().catch(null).default(null),
  /** Products whose failure the seller was notified of; a notification goes out only for others. */
  toldFailures: z.array(z.number()).catch([]).default([]),
});
export type StockShopState = z.output<typeof shopStateSchema>;

const stockShopsItem = storage.defineItem<unknown>('local:stockPush', { fallback: {} });

function parseAll(raw: unknown): Record<string, StockShopState> {
  const entries = z.record(z.string(), z.unknown()).catch({}).parse(raw);
  return Object.fromEntries(
    Object.entries(entries).map(([shopId, value]) => [shopId, shopStateSchema.parse(value ?? {})]),
  );
}

/** Every shop's state, by shop id (the popup's last push per shop). */
export async function readStockShopStates(): Promise<Record<string, StockShopState>> {
  return parseAll(await stockShopsItem.getValue());
}

/** A shop's state (the defaults for a shop never pushed). */
export async function readStockShopState(shopId: string): Promise<StockShopState> {
  return parseAll(await stockShopsItem.getValue())[shopId] ?? shopStateSchema.parse({});
}

let writes: Promise<unknown> = Promise.resolve();

/** Changes a shop's state; changes are chained so two runs ending together never drop each other's. */
export function updateStockShopState(
  shopId: string,
  change: (state: StockShopState) => Partial<StockShopState>,
): Promise<StockShopState> {
  const write = writes.then(async () => {
    const all = parseAll(await stockShopsItem.getValue());
    const current = all[shopId] ?? shopStateSchema.parse({});
    const next = { ...current, ...change(current) };
    await stockShopsItem.setValue({ ...all, [shopId]: next });
    return next;
  });
  writes = write.catch(() => undefined);
  return write;
}

/** Calls back whenever any shop's state changes (the settings section and the popup). */
export function watchStockShopStates(callback: () => void): () => void {
  return stockShopsItem.watch(callback);
}

/** The auth a shop uses, named without its secret: its in-house app's client id, or its connection key. */
export function authIdOf(shop: Pick<Shop, 'connectionKey' | 'clientId' | 'clientSecret'>): string | null {
  const auth = tikiCredentialsOf(shop);
  if (!auth) return null;
  return 'clientId' in auth ? `app:${auth.clientId}` : 'key';
}

/** Lifts Tiki's refusal of a shop whose auth changed since (the seller connected an in-house app). */
export async function forgetRefusedAuth(shops: readonly Shop[]): Promise<void> {
  const states = await readStockShopStates();
  for (const shop of shops) {
    const state = states[shop.id];
    if (state?.capability.state !== 'authRefused' || state.refusedAuth === authIdOf(shop)) continue;
    await updateStockShopState(shop.id, () => ({ capability: { state: 'unknown' }, refusedAuth: null }));
  }
}
