import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { DEFAULT_LOCALE, type Locale, type MessageKey, type MessageParams, t } from '../lib/i18n';
import { getSettings, watchSettings } from '../lib/settings';

interface LocaleValue {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
}

const LocaleContext = createContext<LocaleValue>({
  locale: DEFAULT_LOCALE,
  t: (key, params) => t(DEFAULT_LOCALE, key, params),
});

/** Follows the language chosen in settings, live: saving English re-renders every open page in English. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(DEFAULT_LOCALE);
  useEffect(() => {
    void getSettings().then((settings) => setLocale(settings.language));
    return watchSettings((settings) => setLocale(settings.language));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, t: (key, params) => t(locale, key, params) }}>
      {children}
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}
