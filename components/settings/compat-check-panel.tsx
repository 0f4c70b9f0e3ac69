import { useState } from 'react';
import type { Verdict } from '../../lib/compat/lines';
import { compatViewOf } from '../../lib/compat/view';
import { type MessageKey, translate } from '../../lib/i18n';
import type { JobView } from '../../lib/jobs/views';
import { jobIdOf } from '../../lib/jobs/views';
import { sendMessage } from '../../lib/messaging';
import { downloadBlob, fileDate } from '../common/download';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';

/** The verdict chip: đúng green, sai red, chưa rõ grey. */
const VERDICT_BADGE: Record<Verdict, string> = {
  right: 'badge badge-ok',
  wrong: 'badge badge-error',
  unclear: 'badge badge-unchecked',
};

/**
 * "Kiểm tra tương thích API": one check per shop, run by the worker (it goes on with this tab closed). Each
 * shop shows its last run: progress while it runs, then the table of lines and the report to download.
 */
export function CompatCheckPanel({
  shops,
  beforeStart,
}: {
  shops: { id: string; name: string }[];
  /** Saves the form first (the check reads the saved settings); false when it could not. */
  beforeStart: () => Promise<boolean>;
}) {
  const { t } = useLocale();
  const views = useJobViews();
  return (
    <fieldset className="compat-check">
      <legend>{t('compat.title')}</legend>
      <p className="hint">{t('compat.intro')}</p>
      {shops.map((shop, index) => (
        <ShopCompatCheck
          key={shop.id}
          shop={{ ...shop, name: shop.name || t('settings.shopN', { n: index + 1 }) }}
          view={views[jobIdOf('compat-check', shop.id)]}
          beforeStart={beforeStart}
        />
      ))}
    </fieldset>
  );
}

function ShopCompatCheck({
  shop,
  view,
  beforeStart,
}: {
  shop: { id: string; name: string };
  view: JobView | undefined;
  beforeStart: () => Promise<boolean>;
}) {
  const { t, locale } = useLocale();
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const running = view?.state === 'running';
  const result = view ? compatViewOf(view.summary) : null;

  const start = async () => {
    setStarting(true);
    setRefusal(null);
    try {
      if (!(await beforeStart())) return;
      const answer = await sendMessage('startCompatCheck', { shopId: shop.id });
      if (!answer.started) setRefusal(translate(locale, answer.error));
    } finally {
      setStarting(false);
    }
  };

  const download = () => {
    if (!result?.report) return;
    const json = JSON.stringify(result.report, null, 2);
    downloadBlob(
      new Blob([json], { type: 'application/json' }),
      `kiem-tra-tuong-thich-api-${fileDate()}.json`,
    );
  };

  return (
    <section className="compat-shop" aria-label={shop.name}>
      <h3>{shop.name}</h3>
      {running ? (
        <div aria-live="polite">
          <label>
            {t('compat.running', { done: view.progress.done, total: view.progress.total ?? '…' })}
            <progress max={view.progress.total ?? undefined} value={view.progress.done} />
          </label>
          <button
            type="button"
            className="danger"
            onClick={() => void sendMessage('cancelJob', { jobId: view.id })}
          >
            {t('compat.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" disabled={starting} onClick={() => void start()}>
          {t('compat.start')}
        </button>
      )}
      {refusal && (
        <p className="check-error" role="alert">
          {refusal}
        </p>
      )}
      {view && !running && view.state !== 'done' && (
        <p className="check-error" role="alert">
          {t(view.state === 'cancelled' ? 'compat.ended.cancelled' : 'compat.ended.failed')}
          {view.error ? ` ${translate(locale, view.error)}` : ''}
        </p>
      )}
      {result?.report && (
        <div className="compat-report">
          <p role="status">{t('compat.totals', result.report.totals)}</p>
          <button type="button" onClick={download}>
            {t('compat.download')}
          </button>
          <p className="hint">{t('compat.downloadHint')}</p>
        </div>
      )}
      {result && result.lines.length > 0 && (
        <table className="compat-table">
          <thead>
            <tr>
              <th scope="col">{t('compat.column.line')}</th>
              <th scope="col">{t('compat.column.verdict')}</th>
              <th scope="col">{t('compat.column.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((line) => {
              const statement: MessageKey = `compat.line.${line.id}`;
              return (
                <tr key={line.id} data-line={line.id}>
                  <td>
                    {t(statement)} <code className="compat-id">{line.id}</code>
                  </td>
                  <td>
                    <span className={VERDICT_BADGE[line.verdict]}>{t(`compat.verdict.${line.verdict}`)}</span>
                  </td>
                  <td>{translate(locale, line.evidence)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
