import { useCallback, useEffect, useState } from 'react';
import { DASHBOARD_SECTIONS, sendMessage } from '../../lib/messaging';
import { readStatus, type StatusSnapshot, watchStatus } from '../../lib/status/status';
import { keepOrderEventsFlowing } from '../../lib/sync/page-pull';
import { type DashboardLocation, parseDashboardHash } from '../../lib/ui-state/dashboard-location';
import { SetupChecklist } from '../common/setup-checklist';
import { useLocale } from '../locale';
import { OrdersSection } from '../orders/orders-section';
import { ProductsSection } from '../products/products-section';
import { ReconcileSection } from '../reconcile/reconcile-section';
import { SettingsSection } from '../settings/settings-section';
import { ActivityLogSection } from './activity-log-section';
import { PrivacySection } from './privacy-section';

/**
 * The full-tab dashboard: one section at a time, addressed by the URL hash so the popup and the order results
 * can link to it (and to one product or setting in it, see lib/ui-state/dashboard-location.ts).
 */
export function DashboardApp() {
  const { t } = useLocale();
  const [place, setPlace] = useState<DashboardLocation>(() => parseDashboardHash(location.hash));
  const { section } = place;
  const [status, setStatus] = useState<StatusSnapshot | null>(null);
  useEffect(() => {
    const refresh = () => void readStatus().then(setStatus);
    refresh();
    return watchStatus(refresh);
  }, []);

  // While the dashboard is open, new Tiki orders are pulled every 15 s (lib/sync/page-pull.ts).
  useEffect(() => keepOrderEventsFlowing(() => sendMessage('pullOrderEvents', undefined)), []);

  useEffect(() => {
    const onHashChange = () => setPlace(parseDashboardHash(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  /**
   * A link's target is acted on once: the hash drops back to the bare section (no `hashchange`), so a reload
   * does not act again and the same shortcut clicked later does.
   */
  const targetHandled = useCallback(() => {
    history.replaceState(null, '', `#${section}`);
    setPlace({ section } as DashboardLocation);
  }, [section]);

  const setting = place.section === 'settings' ? place.setting : undefined;
  useEffect(() => {
    if (!setting) return;
    return revealWhenShown(`input[name="${setting.field}"]`, targetHandled);
  }, [setting, targetHandled]);

  useEffect(() => {
    document.title = `${t(`section.${section}`)} · ${t('app.name')}`;
  }, [section, t]);

  return (
    <div className="dashboard">
      <nav className="sidebar" aria-label={t('app.name')}>
        <div className="brand">{t('app.name')}</div>
        {DASHBOARD_SECTIONS.map((name) => (
          <a key={name} href={`#${name}`} aria-current={name === section ? 'page' : undefined}>
            {t(`section.${name}`)}
          </a>
        ))}
      </nav>
      <main className="content">
        {status && <SetupChecklist steps={status.setup} />}
        <h1>{t(`section.${section}`)}</h1>
        {section === 'settings' && <SettingsSection />}
        {place.section === 'products' && (
          <ProductsSection target={place.product} onTargetHandled={targetHandled} />
        )}
        {section === 'orders' && <OrdersSection />}
        {section === 'reconcile' && <ReconcileSection />}
        {section === 'log' && <ActivityLogSection />}
        {section === 'privacy' && <PrivacySection />}
      </main>
    </div>
  );
}

/** Scrolls to and focuses the element `selector` finds once the section has rendered it (settings load late). */
function revealWhenShown(selector: string, then: () => void): () => void {
  const reveal = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return false;
    element.scrollIntoView({ block: 'center' });
    element.focus();
    then();
    return true;
  };
  if (reveal()) return () => {};
  const observer = new MutationObserver(() => {
    if (reveal()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
