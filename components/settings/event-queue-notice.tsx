import { useEffect, useState } from 'react';
import {
  type EventQueueStatus,
  eventQueueStatusItem,
  readEventQueueStatuses,
} from '../../lib/status/event-queue';
import { useLocale } from '../locale';

/** In a shop's card: whether its new orders arrive through Tiki's event queue, or only with the automatic sync. */
export function EventQueueNotice({ shopId }: { shopId: string }) {
  const { t } = useLocale();
  const [status, setStatus] = useState<EventQueueStatus | undefined>();
  useEffect(() => {
    const show = (raw: unknown) => setStatus(readEventQueueStatuses(raw)[shopId]);
    void eventQueueStatusItem.getValue().then(show);
    return eventQueueStatusItem.watch(show);
  }, [shopId]);
  if (!status) return null;
  return status.state === 'refused' ? (
    <p className="hint event-queue-notice" role="status">
      {t(status.auth === 'key' ? 'eventQueue.status.refusedKey' : 'eventQueue.status.refusedApp', {
        status: status.status,
      })}
    </p>
  ) : (
    <p className="hint event-queue-notice">{t('eventQueue.status.active')}</p>
  );
}
