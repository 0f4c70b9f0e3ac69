import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LocaleProvider } from '../../components/locale';
import { PopupApp } from '../../components/popup/popup-app';
import '../../components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <PopupApp />
    </LocaleProvider>
  </StrictMode>,
);
