import { translate } from '../../lib/i18n';
import type { StockCapability } from '../../lib/stock/types';
import { useLocale } from '../locale';

/** Where a seller creates the in-house app whose credentials let the extension update stock. */
const TIKI_CONSOLE = 'https://open.tiki.vn/console';

/** The steps to create the in-house app on open.tiki.vn and connect it, with the way there. */
function InHouseAppSteps() {
  const { t } = useLocale();
  return (
    <>
      <p>{t('stock.capability.steps')}</p>
      <a className="button" href={TIKI_CONSOLE} target="_blank" rel="noreferrer">
        {t('stock.form.openConsole')}
      </a>
    </>
  );
}

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
      <InHouseAppSteps />
    </div>
  );
}

/**
 * A shop connected by its seller-center key only: Tiki documents stock updates for the seller's own app, so the
 * steps are offered before a push is refused.
 */
export function InHouseAppHint() {
  const { t } = useLocale();
  return (
    <div className="notice stock-capability" role="note">
      <p>{t('stock.form.needsApp')}</p>
      <InHouseAppSteps />
    </div>
  );
}
