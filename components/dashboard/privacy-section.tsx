import { PRIVACY_SECTIONS, PRIVACY_SUMMARY } from '../../lib/privacy';
import { useLocale } from '../locale';

/** "Quyền riêng tư": what the extension reads, where it keeps it, where it sends it, and why each permission. */
export function PrivacySection() {
  const { t } = useLocale();
  return (
    <div className="privacy">
      <p>{t(PRIVACY_SUMMARY)}</p>
      {PRIVACY_SECTIONS.map(({ heading, items }) => (
        <section key={heading} aria-label={t(heading)}>
          <h2>{t(heading)}</h2>
          <ul>
            {items.map((item) => (
              <li key={item}>{t(item)}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
