import type { MessageKey } from '../../lib/i18n';
import { useLocale } from '../locale';

/** A section that works per Tiki shop, before any shop is set up: says so and leads to Cài đặt. */
export function NoShopState({ message }: { message: MessageKey }) {
  const { t } = useLocale();
  return (
    <div className="empty-state" role="status">
      <p>{t(message)}</p>
      <a className="button" href="#settings">
        {t('empty.goToSettings')}
      </a>
    </div>
  );
}
