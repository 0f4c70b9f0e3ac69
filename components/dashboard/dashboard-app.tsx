import { useEffect, useState } from 'react';
import { DASHBOARD_SECTIONS, type DashboardSection } from '../../lib/messaging';
import { useLocale } from '../locale';
import { OrdersSection } from '../orders/orders-section';
import { ProductsSection } from '../products/products-section';
import { ReconcileSection } from '../reconcile/reconcile-section';
import { SettingsSection } from '../settings/settings-section';
import { ActivityLogSection } from './activity-log-section';

function sectionFromHash(hash: string): DashboardSection {
  const name = hash.replace(/^#/, '');
  return (DASHBOARD_SECTIONS as readonly string[]).includes(name) ? (name as DashboardSection) : 'settings';
}

/** The full-tab dashboard: one section at a time, addressed by the URL hash so the popup can link to it. */
export function DashboardApp() {
  const { t } = useLocale();
  const [section, setSection] = useState<DashboardSection>(() => sectionFromHash(location.hash));

  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

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
        <h1>{t(`section.${section}`)}</h1>
        {section === 'settings' && <SettingsSection />}
        {section === 'products' && <ProductsSection />}
        {section === 'orders' && <OrdersSection />}
        {section === 'reconcile' && <ReconcileSection />}
        {section === 'log' && <ActivityLogSection />}
      </main>
    </div>
  );
}
