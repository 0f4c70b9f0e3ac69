import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { type Attention, attentionTotal, readAttention, watchAttention } from './attention';
import { isMessageKey, type LocalizedText } from './i18n';
import { tokenExpiryState } from './nhanh/oauth';
import { getSettings, type Settings } from './settings';

/**
 * What the popup shows: connection health per shop and for Nhanh, the last sync and what needs attention.
 * Health is written by the code that talks to the APIs; this module only stores and reads it.
 */

const localizedTextSchema = z.object({
  key: z.string().refine(isMessageKey),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) as z.ZodType<LocalizedText>;

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

export const lastSyncSchema = z.object({
  at: z.number(),
  ok: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  blocked: z.number().int(),
  failed: z.number().int(),
});
export type LastSync = z.output<typeof lastSyncSchema>;

export const healthItem = storage.defineItem<unknown>('local:health', { fallback: {} });
export const lastSyncItem = storage.defineItem<unknown>('local:lastSync', { fallback: null });

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

export type TokenExpiry = 'unknown' | ReturnType<typeof tokenExpiryState>;

export interface StatusSnapshot {
  shops: { id: string; name: string; health: ConnectionHealth }[];
  nhanh: { configured: boolean; health: ConnectionHealth; expiredAt: number | null; expiry: TokenExpiry };
  lastSync: LastSync | null;
  attention: Attention;
  attentionTotal: number;
  autoSync: Settings['autoSync'];
  language: Settings['language'];
}

export function buildStatus(
  settings: Settings,
  health: Health,
  lastSync: LastSync | null,
  attention: Attention,
  now: number,
): StatusSnapshot {
  return {
    shops: settings.shops.map((shop) => ({
      id: shop.id,
      name: shop.name,
      health: health.tiki[shop.id] ?? UNCHECKED,
    })),
    nhanh: {
      configured: settings.nhanh.accessToken !== '' && settings.nhanh.businessId !== null,
      health: health.nhanh,
      expiredAt: settings.nhanh.expiredAt,
      expiry: settings.nhanh.expiredAt === null ? 'unknown' : tokenExpiryState(settings.nhanh.expiredAt, now),
    },
    lastSync,
    attention,
    attentionTotal: attentionTotal(attention),
    autoSync: settings.autoSync,
    language: settings.language,
  };
}

/** Reads everything the popup needs from storage (no service worker round trip, so the popup opens fast). */
export async function readStatus(now = Date.now()): Promise<StatusSnapshot> {
  const [settings, health, lastSyncRaw, attention] = await Promise.all([
    getSettings(),
    getHealth(),
    lastSyncItem.getValue(),
    readAttention(),
  ]);
  const lastSync = lastSyncSchema.safeParse(lastSyncRaw);
  return buildStatus(settings, health, lastSync.success ? lastSync.data : null, attention, now);
}

/** Calls back whenever anything the status is made of changes. */
export function watchStatus(callback: () => void): () => void {
  const stops = [
    ...[healthItem, lastSyncItem].map((item) => item.watch(callback)),
    watchAttention(callback),
    storage.watch('local:settings', callback),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
