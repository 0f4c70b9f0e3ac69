import { translate } from '../../lib/i18n';
import type { StockCapability } from '../../lib/stock/types';
import { useLocale } from '../locale';

/** Where a seller creates the in-house app whose credentials let the extension update stock. */
const TIKI_CONSOLE = 'https://open.tiki.vn/console';

/**
 * Why a shop cannot push its stock (Tiki's `can_update_product` is 0, or Tiki refused an update with the auth in
 * use), in plain words, with the steps to create and connect an in-house app. Nothing when pushes can run.
 */
export function CapabilityNotice({ capability }: { capability: StockCapability }) {
  const { t, locale } = useLocale();
  if (capability.state !== 'cannotUpdate' && capability.state !== 'authRefused') return null;
  return (
    <div className="notice notice-error stock-capability" role="alert">
      <p>
        <strong>{t('stock.form.capabilityTitle')}</strong>
      </p>
      <p>{translate(locale, capability.text)}</p>
      <p>{t('stock.capability.steps')}</p>
      <a className="button" href={TIKI_CONSOLE} target="_blank" rel="noreferrer">
        {t('stock.form.openConsole')}
      </a>
    </div>
  );
}
