import { browser } from 'wxt/browser';
import type { DashboardSection } from '../messaging';

/** The dashboard at `hash`: a section (`#orders`) or a place in one (`productHash`, `settingHash`). */
export function dashboardUrl(hash: string): string {
  return `${browser.runtime.getURL('/dashboard.html')}${hash}`;
}

/** Focuses an open dashboard tab at `hash`, or opens one: sellers should not collect duplicate tabs. */
export async function openDashboardAt(hash: string): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, url: dashboardUrl(hash) });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: dashboardUrl(hash) });
}

/** Focuses an open dashboard tab at `section`, or opens one. */
export function openDashboard(section: DashboardSection): Promise<void> {
  return openDashboardAt(`#${section}`);
}
