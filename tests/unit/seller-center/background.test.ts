import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CompanionDatabase, openCompanionDb } from '../../../lib/db';
import type { DashboardSection } from '../../../lib/messaging';
import { takePendingStatement, takePickerRequest } from '../../../lib/reconcile/pending-file';
import {
  openStatementPickerForEmail,
  receiveStatementFile,
  recordSellerCenterIssue,
  sellerCenterLocale,
} from '../../../lib/seller-center/background';
import { saveSettings } from '../../../lib/settings';
import { listActivity } from '../../../lib/status/activity-log';

let db: CompanionDatabase;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openCompanionDb(`seller-center-bg-${Math.random()}`);
});

describe('seller-center background', () => {
  it('should tell the in-page helper the language the seller chose', async () => {
    expect(await sellerCenterLocale()).toBe('vi');
    await saveSettings({ language: 'en' }, 'vi');
    expect(await sellerCenterLocale()).toBe('en');
  });

  it('should log a page that lost its anchor as one warning naming the page', async () => {
    await recordSellerCenterIssue(
      { issue: 'keyTableMissing', page: '/new/#/seller-info' },
      { db: async () => db },
    );
    const entries = await listActivity(db);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 'warn',
      source: 'seller-center',
      text: { key: 'sellerCenter.log.keyTableMissing', params: { page: '/new/#/seller-info' } },
    });
  });

  it('should leave a delivered statement for Đối soát, log it, and open Đối soát to take it', async () => {
    const opened: DashboardSection[] = [];
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 128]);
    await receiveStatementFile(
      { fileName: 'Sao kê 10.xlsx', base64: Buffer.from(bytes).toString('base64') },
      { db: async () => db, openDashboard: async (section) => void opened.push(section) },
    );
    expect(opened).toEqual(['reconcile']);
    const pending = await takePendingStatement();
    expect(pending?.fileName).toBe('Sao kê 10.xlsx');
    expect([...(pending?.bytes ?? [])]).toEqual([...bytes]);
    expect(await takePendingStatement()).toBeUndefined();
    expect((await listActivity(db))[0]?.text).toEqual({
      key: 'sellerCenter.log.statementDelivered',
      params: { name: 'Sao kê 10.xlsx' },
    });
  });

  it('should open Đối soát with its picker requested when the statement comes by email', async () => {
    const opened: DashboardSection[] = [];
    await openStatementPickerForEmail({ openDashboard: async (section) => void opened.push(section) });
    expect(opened).toEqual(['reconcile']);
    expect(await takePickerRequest()).toBe(true);
    expect(await takePickerRequest()).toBe(false);
  });
});
