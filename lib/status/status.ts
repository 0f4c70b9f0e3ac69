import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { LocalizedText } from '../i18n/index';
import { localizedTextSchema } from '../i18n/text-schema';
import { getSettings, type Settings } from '../settings';
import { readStockShopStates, type StockShopState, watchStockShopStates } from '../stock/shop-state';
import type { StockRunSummary } from '../stock/types';
import { type Attention, attentionTotal, readAttention, watchAttention } from './attention';
import {
  type CatalogueSummary,
  readCatalogueSummaries,
  type SetupStep,
  setupChecklist,
  watchCatalogueSummaries,
} from './setup';

/**
 * What the popup shows: connection health and the last sync per shop, Nhanh's health and what needs attention.
 * Health is written by the code that talks to the APIs; this module only stores and reads it.
 */

export const connectionHealthSchema = z.object({
  state: z.enum(['unchecked', 'ok', 'error']),
  checkedAt: z.number().nullable().default(null),
  /** The name the API reported (Tiki seller name), when the check succeeded. */
  remoteName: z.string().nullable().default(null),
  error: localizedTextSchema.nullable().default(null),
});
export type ConnectionHealth = z.output<typeof connectionHealthSchema>;

const UNCHECKED: ConnectionHealth = { state: 'unchecked', checkedAt: null, remoteName: null, error: null };

const healthSchema = z.object({
  tiki: z.record(z.string(), connectionHealthSchema).default({}),
  nhanh: connectionHealthSchema.default(UNCHECKED),
});
export type Health = z.output<typeof healthSchema>;

/** A shop's last finished order sync: when, whether it went through, and what it did. */
const lastSyncSchema = z.object({
  at: z.number(),
  ok: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  blocked: z.number().int(),
  failed: z.number().int(),
});
export type LastSync = z.output<typeof lastSyncSchema>;

export const healthItem = storage.defineItem<unknown>('local:health', { fallback: {} });
/** Each shop's last sync by shop id; versions before kept a single `LastSync` of whichever shop synced last. */
const lastSyncItem = storage.defineItem<unknown>('local:lastSync', { fallback: null });

export async function getHealth(): Promise<Health> {
  const parsed = healthSchema.safeParse(await healthItem.getValue());
  return parsed.success ? parsed.data : healthSchema.parse({});
}

export async function setTikiHealth(shopId: string, health: ConnectionHealth): Promise<void> {
  const current = await getHealth();
  await healthItem.setValue({ ...current, tiki: { ...current.tiki, [shopId]: health } });
}

export async function setNhanhHealth(health: ConnectionHealth): Promise<void> {
  const current = await getHealth();
  await healthItem.setValue({ ...current, nhanh: health });
}

/**
 * What an order sync proved about the connections: a finished run reached both APIs; a run stopped by an API
 * (key refused or paused, token expired, the API unreachable) marks that one with the reason. Other failures
 * (a full disk, missing settings) say nothing about the connections and leave their health as it was.
 */
export async function recordSyncHealth(
  shopId: string,
  outcome: { at: number; ok: boolean; api: 'tiki' | 'nhanh' | null; error: LocalizedText | null },
): Promise<void> {
  const current = await getHealth();
  const previousTiki = current.tiki[shopId] ?? UNCHECKED;
  const ok = (previous: ConnectionHealth): ConnectionHealth => ({
    state: 'ok',
    checkedAt: outcome.at,
    remoteName: previous.remoteName,
    error: null,
  });
  const refused = (previous: ConnectionHealth): ConnectionHealth => ({
    ...previous,
    state: 'error',
    checkedAt: outcome.at,
    error: outcome.error,
  });
  if (outcome.ok)
    await healthItem.setValue({
      tiki: { ...current.tiki, [shopId]: ok(previousTiki) },
      nhanh: ok(current.nhanh),
    });
  else if (outcome.api === 'tiki')
    await healthItem.setValue({ ...current, tiki: { ...current.tiki, [shopId]: refused(previousTiki) } });
  else if (outcome.api === 'nhanh') await healthItem.setValue({ ...current, nhanh: refused(current.nhanh) });
}

/**
 * The stored last syncs by shop id, leaving out an entry it cannot read; `single`: a record of the older form,
 * the last sync of whichever shop synced last.
 */
function parseLastSyncs(raw: unknown): { byShop: Map<string, LastSync>; single: LastSync | null } {
  const single = lastSyncSchema.safeParse(raw);
  if (single.success) return { byShop: new Map(), single: single.data };
  const byShop = new Map<string, LastSync>();
  for (const [shopId, entry] of Object.entries(z.record(z.string(), z.unknown()).catch({}).parse(raw))) {
    const parsed = lastSyncSchema.safeParse(entry);
    if (parsed.success) byShop.set(shopId, parsed.data);
  }
  return { byShop, single: null };
}

/** The service worker's runs for two shops may end together: their writes wait for each other. */
let lastSyncWrites: Promise<void> = Promise.resolve();

/** Stores the outcome of a shop's sync as its last sync, keeping every other shop's. */
export function recordLastSync(shopId: string, sync: LastSync): Promise<void> {
  const write = lastSyncWrites.then(async () => {
    const { byShop } = parseLastSyncs(await lastSyncItem.getValue());
    await lastSyncItem.setValue({ ...Object.fromEntries(byShop), [shopId]: sync });
  });
  lastSyncWrites = write.catch(() => undefined);
  return write;
}

/** How many days before `expiredAt` the popup starts warning. */
export const TOKEN_WARNING_DAYS = 7;

/** `expiredAt` (unix s) against `now` (epoch ms): the popup warns a week ahead and asks to reconnect after. */
export function tokenExpiryState(expiredAt: number, now: number): 'ok' | 'expiring_soon' | 'expired' {
  const remainingMs = expiredAt * 1000 - now;
  if (remainingMs <= 0) return 'expired';
  return remainingMs <= TOKEN_WARNING_DAYS * 86_400_000 ? 'expiring_soon' : 'ok';
}

export type TokenExpiry = 'unknown' | ReturnType<typeof tokenExpiryState>;

/** A shop's stock push as the popup tells it: on or off, whether Tiki refuses it, and its last run (issue 14). */
export interface StockPushStatus {
  enabled: boolean;
  /** Tiki does not let the shop update stock (Cài đặt says how to fix it). */
  cannotPush: boolean;
  lastRun: Pick<StockRunSummary, 'finishedAt' | 'ok' | 'sent' | 'unchanged' | 'failed' | 'failures'> | null;
}

export interface StatusSnapshot {
  shops: {
    id: string;
    name: string;
    health: ConnectionHealth;
    lastSync: LastSync | null;
    stockPush: StockPushStatus;
  }[];
  nhanh: { configured: boolean; health: ConnectionHealth; expiredAt: number | null; expiry: TokenExpiry };
  attention: Attention;
  attentionTotal: number;
  autoSync: Settings['autoSync'];
  language: Settings['language'];
  /** The guided setup's five steps, live (`./setup.ts`). */
  setup: SetupStep[];
}

export function buildStatus(
  settings: Settings,
  health: Health,
  lastSyncs: ReadonlyMap<string, LastSync>,
  attention: Attention,
  now: number,
  catalogues: Readonly<Record<string, CatalogueSummary>> = {},
  stockStates: Readonly<Record<string, Pick<StockShopState, 'lastRun' | 'capability'>>> = {},
): StatusSnapshot {
  const status = {
    shops: settings.shops.map((shop) => {
      const stock = stockStates[shop.id];
      const run = stock?.lastRun ?? null;
      return {
        id: shop.id,
        name: shop.name,
        health: health.tiki[shop.id] ?? UNCHECKED,
        lastSync: lastSyncs.get(shop.id) ?? null,
        stockPush: {
          enabled: shop.stockPush.enabled,
          cannotPush: stock?.capability.state === 'cannotUpdate' || stock?.capability.state === 'authRefused',
          lastRun: run && {
            finishedAt: run.finishedAt,
            ok: run.ok,
            sent: run.sent,
            unchanged: run.unchanged,
            failed: run.failed,
            failures: run.failures,
          },
        },
      };
    }),
    nhanh: {
      configured: settings.nhanh.accessToken !== '' && settings.nhanh.businessId !== null,
      health: health.nhanh,
      expiredAt: settings.nhanh.expiredAt,
      expiry: settings.nhanh.expiredAt === null ? 'unknown' : tokenExpiryState(settings.nhanh.expiredAt, now),
    },
    attention,
    attentionTotal: attentionTotal(attention),
    autoSync: settings.autoSync,
    language: settings.language,
  } satisfies Omit<StatusSnapshot, 'setup'>;
  return { ...status, setup: setupChecklist(status, settings, catalogues) };
}

/** Reads everything the popup needs from storage (no service worker round trip, so the popup opens fast). */
export async function readStatus(now = Date.now()): Promise<StatusSnapshot> {
  const [settings, health, lastSyncRaw, attention, catalogues, stockStates] = await Promise.all([
    getSettings(),
    getHealth(),
    lastSyncItem.getValue(),
    readAttention(),
    readCatalogueSummaries(),
    readStockShopStates(),
  ]);
  const { byShop, single } = parseLastSyncs(lastSyncRaw);
  // An older version's single record: the only shop's; with several shops, whose it was is unknown.
  if (single && settings.shops.length === 1) byShop.set(settings.shops[0]!.id, single);
  return buildStatus(settings, health, byShop, attention, now, catalogues, stockStates);
}

/** Calls back whenever anything the status is made of changes. */
export function watchStatus(callback: () => void): () => void {
  const stops = [
    ...[healthItem, lastSyncItem].map((item) => item.watch(callback)),
    watchAttention(callback),
    watchCatalogueSummaries(callback),
    watchStockShopStates(callback),
    storage.watch('local:settings', callback),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
