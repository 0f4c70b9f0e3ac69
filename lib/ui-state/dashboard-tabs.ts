import { browser } from 'wxt/browser';
import type { DashboardSection } from '../messaging';

export function dashboardUrl(section: DashboardSection): string {
  return `${browser.runtime.getURL('/dashboard.html')}#${section}`;
}

/** Focuses an open dashboard tab at `section`, or opens one: sellers should not collect duplicate tabs. */
export async function openDashboard(section: DashboardSection): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const [existing] = await browser.tabs.query({ url: `${base}*` });
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, url: dashboardUrl(section) });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: dashboardUrl(section) });
}
