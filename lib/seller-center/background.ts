import { logActivity } from '../activity-log';
import { type CompanionDatabase, getDb } from '../db';
import type { Locale, LocalizedText } from '../i18n';
import type { SellerCenterIssue } from '../messaging';
import { getSettings, secretsOf } from '../settings';

/**
 * What the background does for the seller-center helper besides key capture (`key-capture.ts`): tell the helper
 * the UI language, and log pages that changed too much for the helper.
 */

export interface SellerCenterBackgroundDeps {
  db?: () => Promise<CompanionDatabase>;
  now?: () => number;
}

async function log(
  deps: SellerCenterBackgroundDeps,
  level: 'info' | 'warn',
  text: LocalizedText,
): Promise<void> {
  const settings = await getSettings();
  await logActivity(
    await (deps.db ?? getDb)(),
    { level, source: 'seller-center', text },
    { secrets: secretsOf(settings), now: (deps.now ?? Date.now)() },
  );
}

/** The UI language the seller chose, for the in-page helper (which gets nothing else from settings). */
export async function sellerCenterLocale(): Promise<Locale> {
  return (await getSettings()).language;
}

/** One activity-log line for a page whose anchor the helper could not find. */
export async function recordSellerCenterIssue(
  report: { issue: SellerCenterIssue; page: string },
  deps: SellerCenterBackgroundDeps = {},
): Promise<void> {
  await log(deps, 'warn', { key: `sellerCenter.log.${report.issue}`, params: { page: report.page } });
}
