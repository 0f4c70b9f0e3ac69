import { z } from 'zod';
import type { ActivityLevel, ActivityRecord, CompanionDatabase } from '../db';
import { isMessageKey } from '../i18n/index';
import { redactSecrets } from '../settings';

/** The log keeps the newest entries only, so a long-running install does not grow without bound. */
export const ACTIVITY_LOG_LIMIT = 5_000;

const activitySchema = z.object({
  id: z.number(),
  at: z.number(),
  level: z.enum(['info', 'warn', 'error']),
  source: z.string(),
  text: z.object({
    key: z.string().refine(isMessageKey),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
  detail: z.string().optional(),
});

export interface ActivityInput {
  level: ActivityLevel;
  source: string;
  text: ActivityRecord['text'];
  detail?: string;
}

/**
 * Appends one entry. Every string that reaches the log passes through `redactSecrets` first: a key or token
 * that slipped into an error message is masked before it is stored.
 */
export async function logActivity(
  db: CompanionDatabase,
  entry: ActivityInput,
  deps: { secrets: readonly string[]; now?: number },
): Promise<void> {
  const redact = (value: string) => redactSecrets(value, deps.secrets);
  const params = entry.text.params
    ? Object.fromEntries(
        Object.entries(entry.text.params).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : v]),
      )
    : undefined;
  const record: ActivityRecord = {
    at: deps.now ?? Date.now(),
    level: entry.level,
    source: entry.source,
    text: { key: entry.text.key, ...(params ? { params } : {}) },
    ...(entry.detail ? { detail: redact(entry.detail) } : {}),
  };
  const tx = db.transaction('activityLog', 'readwrite');
  void tx.store.add(record);
  const count = await tx.store.count();
  if (count > ACTIVITY_LOG_LIMIT) {
    let cursor = await tx.store.openCursor();
    for (let excess = count - ACTIVITY_LOG_LIMIT; cursor && excess > 0; excess--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

/** Newest first; entries that fail validation (from a damaged store) are skipped, not shown half-broken. */
export async function listActivity(db: CompanionDatabase, limit = 500): Promise<ActivityRecord[]> {
  const entries: ActivityRecord[] = [];
  let cursor = await db.transaction('activityLog').store.index('by-at').openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    const parsed = activitySchema.safeParse(cursor.value);
    if (parsed.success) entries.push(parsed.data as ActivityRecord);
    cursor = await cursor.continue();
  }
  return entries;
}

export async function clearActivity(db: CompanionDatabase): Promise<void> {
  await db.clear('activityLog');
}
