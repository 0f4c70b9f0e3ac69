import type { MessageKey } from '../../lib/i18n';
import { useLocale } from '../locale';

/** A section whose feature has not landed yet: says what will be here and where to start. */
export function EmptySection({ message }: { message: MessageKey }) {
  const { t } = useLocale();
  return (
    <div className="empty-state" role="status">
      <p>{t(message)}</p>
      <p className="muted">{t('empty.comingSoon')}</p>
      <a className="button" href="#settings">
        {t('empty.goToSettings')}
      </a>
    </div>
  );
}
