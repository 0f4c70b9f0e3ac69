import { useState } from 'react';
import { useLocale } from '../locale';

export interface CheckOutcome {
  ok: boolean;
  text: string;
}

/**
 * A button that runs a connection check and shows its outcome beside it. `run` returns undefined when the
 * check could not start (e.g. the form must be saved first; the form shows why).
 */
export function ConnectionCheck({
  label,
  run,
}: {
  label: string;
  run: () => Promise<CheckOutcome | undefined>;
}) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  return (
    <div className="connection-check">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setOutcome(null);
          try {
            setOutcome((await run()) ?? null);
          } catch (error) {
            setOutcome({ ok: false, text: t('error.unexpected', { message: (error as Error).message }) });
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('connections.checking') : label}
      </button>
      {outcome && (
        <span className={outcome.ok ? 'check-ok' : 'check-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </span>
      )}
    </div>
  );
}
