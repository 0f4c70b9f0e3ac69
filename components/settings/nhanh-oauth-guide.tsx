import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useLocale } from '../locale';

/**
 * What Nhanh's docs require before "Kết nối Nhanh" can work (OFF-v3 §2): this extension's redirect URL listed
 * among the app's Redirect URLs on open.nhanh.vn, and "Cho phép kết nối Open API" switched on by a Giám đốc
 * account. Shows the exact URL with a copy button, the steps, and what reconnecting does to the old token.
 */
export function NhanhOAuthGuide() {
  const { t } = useLocale();
  const redirectUrl = browser.identity?.getRedirectURL?.() ?? '';
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(redirectUrl);
    setCopied(true);
  };
  return (
    <div className="oauth-guide">
      <p>{t('oauth.guide.intro')}</p>
      <ol>
        <li>
          {t('oauth.guide.redirect')}
          <div className="oauth-redirect">
            <code data-testid="nhanh-redirect-url">{redirectUrl}</code>{' '}
            <button type="button" onClick={() => void copy()}>
              {copied ? t('oauth.guide.copied') : t('oauth.guide.copy')}
            </button>
          </div>
        </li>
        <li>{t('oauth.guide.enableApi')}</li>
        <li>{t('oauth.guide.connect')}</li>
      </ol>
      <p className="hint">{t('oauth.guide.reconnect')}</p>
    </div>
  );
}
