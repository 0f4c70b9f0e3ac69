import { useCallback, useEffect, useState } from 'react';
import type { ActivityRecord } from '../../lib/db';
import { getDb } from '../../lib/db';
import { translate } from '../../lib/i18n';
import { formatDateTime } from '../../lib/i18n/format';
import { clearActivity, listActivity } from '../../lib/status/activity-log';
import { useLocale } from '../locale';

/** "Nhật ký": every recorded event, newest first, in the current UI language. */
export function ActivityLogSection() {
  const { t, locale } = useLocale();
  const [entries, setEntries] = useState<ActivityRecord[] | null>(null);

  const refresh = useCallback(() => {
    void getDb()
      .then((db) => listActivity(db))
      .then(setEntries);
  }, []);
  useEffect(() => refresh(), [refresh]);

  if (!entries) return <p>{t('common.loading')}</p>;
  if (entries.length === 0)
    return (
      <div className="empty-state" role="status">
        <p>{t('empty.log')}</p>
        <a className="button" href="#orders">
          {t('empty.goToOrders')}
        </a>
      </div>
    );
  return (
    <>
      <table className="log-table">
        <thead>
          <tr>
            <th>{t('log.time')}</th>
            <th>{t('log.level')}</th>
            <th>{t('log.message')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={`level-${entry.level}`}>
              <td>{formatDateTime(entry.at, locale)}</td>
              <td>{t(`log.level.${entry.level}`)}</td>
              <td>
                {translate(locale, entry.text)}
                {entry.detail && <div className="muted log-detail">{entry.detail}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void getDb().then(clearActivity).then(refresh)}>
        {t('log.clear')}
      </button>
    </>
  );
}
