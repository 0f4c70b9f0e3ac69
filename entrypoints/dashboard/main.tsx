import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/dashboard/dashboard-app';
import { LocaleProvider } from '../../components/locale';
import '../../components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <DashboardApp />
    </LocaleProvider>
  </StrictMode>,
);
