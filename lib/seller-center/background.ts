import { type CompanionDatabase, getDb } from '../db';
import { base64ToBytes } from '../files/base64';
import type { Locale, LocalizedText } from '../i18n';
import type { DashboardSection, SellerCenterIssue } from '../messaging';
import { putPendingStatement, requestStatementPicker } from '../reconcile/pending-file';
import { getSettings, secretsOf } from '../settings';
import { logActivity } from '../status/activity-log';
import { openDashboard } from '../ui-state/dashboard-tabs';

/**
 * What the background does for the seller-center helper besides key capture (`key-capture.ts`): tell the helper
 * the UI language, hand statements over to the Đối soát section, and log pages that changed too much for the
 * helper.
 */

export interface SellerCenterBackgroundDeps {
  db?: () => Promise<CompanionDatabase>;
  now?: () => number;
  openDashboard?: (section: DashboardSection) => Promise<void>;
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

/**
 * A statement the seller fetched in the seller center (size and encoding already checked by the message policy):
 * it waits in session storage for the Đối soát section, which is opened or focused to take it.
 */
export async function receiveStatementFile(
  file: { fileName: string; base64: string },
  deps: SellerCenterBackgroundDeps = {},
): Promise<void> {
  await putPendingStatement(
    { fileName: file.fileName, bytes: base64ToBytes(file.base64), source: 'seller-center' },
    deps.now,
  );
  await log(deps, 'info', { key: 'sellerCenter.log.statementDelivered', params: { name: file.fileName } });
  await (deps.openDashboard ?? openDashboard)('reconcile');
}

/** The statement comes by email: Đối soát opens with its file picker ready for it. */
export async function openStatementPickerForEmail(deps: SellerCenterBackgroundDeps = {}): Promise<void> {
  await requestStatementPicker(deps.now);
  await (deps.openDashboard ?? openDashboard)('reconcile');
}
