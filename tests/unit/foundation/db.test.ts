import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCompanionDb } from '../../../lib/db';
import { clearActivity, listActivity, logActivity } from '../../../lib/status/activity-log';

let dbCounter = 0;
const freshDb = () => openCompanionDb(`test-db-${++dbCounter}-${Date.now()}`);

const EXPECTED_INDEXES: Record<string, string[]> = {
  orders: ['by-shop', 'by-sync-state', 'by-tiki-updated'],
  statements: ['by-imported'],
  statementLines: ['by-content-hash', 'by-order-code', 'by-statement'],
  reconciliations: ['by-order-code', 'by-state'],
  activityLog: ['by-at'],
  jobs: [],
  tikiProductChunks: ['by-shop'],
  nhanhProductChunks: [],
  productMappingChunks: ['by-shop'],
  stockTiki: ['by-shop'],
  stockNhanh: [],
};

describe('database upgrade', () => {
  it('should create every store with its indexes', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(Object.keys(EXPECTED_INDEXES).sort());
    const tx = db.transaction([...db.objectStoreNames]);
    for (const [store, indexes] of Object.entries(EXPECTED_INDEXES)) {
      expect([...tx.objectStore(store as 'jobs').indexNames].sort(), store).toEqual(indexes);
    }
    db.close();
  });
});

describe('activity log', () => {
  it('should mask secrets and list the newest entry first', async () => {
    const db = await freshDb();
    const secret = 'c0ffee00-1234-4bcd-9abc-def012345678';
    await logActivity(
      db,
      { level: 'info', source: 'settings', text: { key: 'settings.saved' } },
      { secrets: [], now: 1 },
    );
    await logActivity(
      db,
      {
        level: 'error',
        source: 'tiki',
        text: { key: 'error.unexpected', params: { message: `key ${secret} refused` } },
        detail: `header tiki-api: ${secret}`,
      },
      { secrets: [secret], now: 2 },
    );
    const entries = await listActivity(db);
    expect(entries.map((e) => e.level)).toEqual(['error', 'info']);
    expect(JSON.stringify(entries)).not.toContain(secret);
    expect(entries[0]?.text.params?.message).toBe('key •••• refused');
    await clearActivity(db);
    expect(await listActivity(db)).toEqual([]);
    db.close();
  });
});
