import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listActivity } from '../../../lib/activity-log';
import { type CompanionDatabase, openCompanionDb } from '../../../lib/db';
import { recordSellerCenterIssue, sellerCenterLocale } from '../../../lib/seller-center/background';
import { saveSettings } from '../../../lib/settings';

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
});
