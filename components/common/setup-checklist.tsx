import { translate } from '../../lib/i18n';
import type { SetupStep } from '../../lib/status/setup';
import { setupComplete } from '../../lib/status/setup';
import { useLocale } from '../locale';

const MARK: Record<SetupStep['state'], string> = { done: '✓', todo: '○', broken: '!' };

/**
 * The guided setup: hidden once every step is done (and back if one breaks). Done steps collapse to one line;
 * the others say what stands and link to where it is done (`onGo` in the popup, a dashboard link elsewhere).
 */
export function SetupChecklist({
  steps,
  onGo,
}: {
  steps: readonly SetupStep[];
  /** The popup opens the dashboard at the step's section; the dashboard follows the link itself. */
  onGo?: (href: string) => void;
}) {
  const { t, locale } = useLocale();
  if (setupComplete(steps)) return null;
  const done = steps.filter((step) => step.state === 'done');
  return (
    <section className="setup-checklist" aria-labelledby="setup-title">
      <h2 id="setup-title">
        {t('setup.title')} <span className="muted">{t('setup.progress', { done: done.length })}</span>
      </h2>
      {done.length > 0 && (
        <p className="setup-done">
          {done.map((step) => (
            <span key={step.id} className="badge badge-ok">
              {MARK.done} {t(`setup.step.${step.id}`)}
            </span>
          ))}
        </p>
      )}
      <ol className="setup-steps">
        {steps
          .filter((step) => step.state !== 'done')
          .map((step) => (
            <li key={step.id} className={`setup-step setup-${step.state}`} data-step={step.id}>
              <span className="setup-mark" aria-hidden="true">
                {MARK[step.state]}
              </span>
              <strong>{t(`setup.step.${step.id}`)}</strong>
              <span>{translate(locale, step.detail)}</span>
              {onGo ? (
                <button type="button" onClick={() => onGo(step.href)}>
                  {t('setup.go')}
                </button>
              ) : (
                <a className="button" href={step.href}>
                  {t('setup.go')}
                </a>
              )}
            </li>
          ))}
      </ol>
    </section>
  );
}
