import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type JobRecord, openCompanionDb } from '../../../lib/db';
import { acquireJob, cancelJob, checkpointJob, finishJob, LEASE_MS } from '../../../lib/jobs/lease';
import { settingsSchemaFor } from '../../../lib/settings';
import { ORDER_SYNC_ALARM, scheduleOrderSync } from '../../../lib/sync/alarms';

const shop = { id: 's1', name: 'Shop', connectionKey: '12345678-1234-4123-a123-123456789012' };

describe('the order-sync alarm', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should follow the settings: created at the interval, kept, re-made on a new interval, cleared when off', async () => {
    const alarms = fakeBrowser.alarms;
    const on = settingsSchemaFor('development').parse({ shops: [shop], autoSync: { enabled: true } });
    expect(await scheduleOrderSync(alarms, on)).toBe('created');
    expect((await alarms.get(ORDER_SYNC_ALARM))?.periodInMinutes).toBe(15);
    expect(await scheduleOrderSync(alarms, on)).toBe('kept');

    const every30 = settingsSchemaFor('development').parse({
      shops: [shop],
      autoSync: { enabled: true, intervalMinutes: 30 },
    });
    expect(await scheduleOrderSync(alarms, every30)).toBe('created');
    expect((await alarms.get(ORDER_SYNC_ALARM))?.periodInMinutes).toBe(30);

    const shopOff = settingsSchemaFor('development').parse({
      shops: [{ ...shop, autoSync: false }],
      autoSync: { enabled: true },
    });
    expect(await scheduleOrderSync(alarms, shopOff)).toBe('cleared');
    expect(await alarms.get(ORDER_SYNC_ALARM)).toBeUndefined();
    await scheduleOrderSync(alarms, on);
    expect(await scheduleOrderSync(alarms, settingsSchemaFor('development').parse({ shops: [shop] }))).toBe(
      'cleared',
    );
    expect(await alarms.get(ORDER_SYNC_ALARM)).toBeUndefined();
  });
});

describe('job leases', () => {
  let counter = 0;
  const job = (now: number): JobRecord => ({
    id: 'order-sync:s1',
    kind: 'order-sync',
    shopId: 's1',
    state: 'running',
    cursor: { page: 1 },
    lease: null,
    progress: { done: 0, total: null },
    startedAt: now,
    updatedAt: now,
  });

  it('should let one holder run at a time, until its lease expires or it is known dead', async () => {
    const db = await openCompanionDb(`sync-test-${++counter}`);
    const now = 1_000_000;
    const first = await acquireJob(db, 'order-sync:s1', { holder: 'a', now }, () => job(now));
    expect(first.acquired).toBe(true);

    const second = await acquireJob(
      db,
      'order-sync:s1',
      { holder: 'b', now: now + 1000 },
      (existing) => existing!,
    );
    expect(second).toEqual({ acquired: false, busy: true });
    // Nor does the holder itself run the same job twice at once (an alarm and a wake in one worker).
    const twice = await acquireJob(
      db,
      'order-sync:s1',
      { holder: 'a', now: now + 1000 },
      (existing) => existing!,
    );
    expect(twice).toEqual({ acquired: false, busy: true });

    const afterExpiry = await acquireJob(
      db,
      'order-sync:s1',
      { holder: 'b', now: now + LEASE_MS + 1 },
      (existing) => existing!,
    );
    expect(afterExpiry.acquired).toBe(true);
    // The old holder has lost it: its next checkpoint writes nothing.
    expect(await checkpointJob(db, job(now), { holder: 'a', now: now + LEASE_MS + 2 })).toBe('lost');

    const dead = await acquireJob(
      db,
      'order-sync:s1',
      { holder: 'c', now: now + LEASE_MS + 3, isDeadHolder: (holder) => holder === 'b' },
      (existing) => existing!,
    );
    expect(dead.acquired).toBe(true);
  });

  it('should stop a cancelled job at its next checkpoint and have nothing to resume', async () => {
    const db = await openCompanionDb(`sync-test-${++counter}`);
    const now = 2_000_000;
    await acquireJob(db, 'order-sync:s1', { holder: 'a', now }, () => job(now));
    expect(await cancelJob(db, 'order-sync:s1', now + 1)).toBe(true);
    expect(await checkpointJob(db, job(now), { holder: 'a', now: now + 2 })).toBe('cancelled');
    expect(await finishJob(db, job(now), 'cancelled', { holder: 'a', now: now + 2 })).toBe(true);
    const resume = await acquireJob(db, 'order-sync:s1', { holder: 'a', now: now + 3 }, (existing) =>
      existing?.state === 'running' ? existing : null,
    );
    expect(resume).toEqual({ acquired: false, busy: false });
  });
});
