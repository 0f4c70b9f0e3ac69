import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/http/api-error';
import { t } from '../../../lib/i18n';
import { createNhanhClient } from '../../../lib/nhanh/client';
import { buildAuthorizeUrl, connectWithOAuth, exchangeAccessCode } from '../../../lib/nhanh/oauth';
import { tokenExpiryState } from '../../../lib/status/status';
import { NHANH_BASE, setup } from './harness';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/nhanh';
const OAUTH_PAGE = 'http://sandbox.test/nhanh-oauth';

/**
 * Plays `browser.identity.launchWebAuthFlow`: opens the page, follows its redirect, and resolves with the
 * redirect URL once it reaches the extension's chromiumapp.org address. A page that never gets there leaves
 * the user closing the window, which Chrome reports as a rejection.
 */
function fakeLaunchWebAuthFlow(fetch: typeof globalThis.fetch) {
  return async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status !== 302 || !location?.startsWith(REDIRECT))
      throw new Error('The user did not approve access.');
    return location;
  };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('Nhanh OAuth', () => {
  it('should build the login URL as Nhanh documents it: the appId and the return link, no version', () => {
    const url = new URL(buildAuthorizeUrl({ appId: '74821', returnLink: REDIRECT }));
    expect(`${url.origin}${url.pathname}`).toBe('https://nhanh.vn/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({ appId: '74821', returnLink: REDIRECT });
  });

  it('should connect through the login page and get a token that works', async () => {
    const { sandbox, seed, clock } = setup();
    const grant = await connectWithOAuth({
      launchWebAuthFlow: fakeLaunchWebAuthFlow(sandbox.fetch),
      redirectUrl: REDIRECT,
      oauthUrl: OAUTH_PAGE,
      apiBase: NHANH_BASE,
      appId: seed.appId,
      secretKey: seed.secretKey,
      fetch: sandbox.fetch,
    });
    expect(grant.businessId).toBe(seed.businessId);
    expect(grant.depotIds).toEqual(seed.depots.map((depot) => depot.id));
    expect(tokenExpiryState(grant.expiredAt, clock.now())).toBe('ok');
    const client = createNhanhClient({
      ...grant,
      baseUrl: NHANH_BASE,
      appId: seed.appId,
      fetch: sandbox.fetch,
      clock,
    });
    expect(await client.listDepots()).toHaveLength(seed.depots.length);
  });

  it('should report a closed login window clearly', async () => {
    const { sandbox, seed } = setup();
    const error = await failureOf(
      connectWithOAuth({
        launchWebAuthFlow: fakeLaunchWebAuthFlow(sandbox.fetch),
        redirectUrl: REDIRECT,
        oauthUrl: OAUTH_PAGE,
        apiBase: NHANH_BASE,
        appId: 'not-our-app',
        secretKey: seed.secretKey,
        fetch: sandbox.fetch,
      }),
    );
    expect(error.code).toBe('oauth_cancelled');
    expect(t('vi', error.text.key)).toContain('Kết nối Nhanh');
  });

  it('should report a redirect without an access code', async () => {
    const { sandbox, seed } = setup();
    const error = await failureOf(
      connectWithOAuth({
        launchWebAuthFlow: async () => `${REDIRECT}?error=denied`,
        redirectUrl: REDIRECT,
        apiBase: NHANH_BASE,
        appId: seed.appId,
        secretKey: seed.secretKey,
        fetch: sandbox.fetch,
      }),
    );
    expect(error.code).toBe('oauth_no_code');
  });

  it('should refuse an access code used twice, a stale one, and a wrong secret key', async () => {
    const { sandbox, seed, clock } = setup();
    const codeFromLogin = async () => {
      const redirect = await fakeLaunchWebAuthFlow(sandbox.fetch)(
        buildAuthorizeUrl({ oauthUrl: OAUTH_PAGE, appId: seed.appId, returnLink: REDIRECT }),
      );
      return new URL(redirect).searchParams.get('accessCode')!;
    };
    const exchange = (accessCode: string, secretKey = seed.secretKey) =>
      exchangeAccessCode({
        apiBase: NHANH_BASE,
        appId: seed.appId,
        secretKey,
        accessCode,
        fetch: sandbox.fetch,
      });

    const once = await codeFromLogin();
    await exchange(once);
    const reused = await failureOf(exchange(once));
    expect(reused.text.key).toBe('nhanh.oauth.codeRefused');
    expect(Object.keys(reused.fieldMessages ?? {})).toEqual(['accessCode']);

    const stale = await codeFromLogin();
    clock.advance(6 * 60_000);
    expect((await failureOf(exchange(stale))).fieldMessages).toHaveProperty('accessCode');

    const fresh = await codeFromLogin();
    expect((await failureOf(exchange(fresh, 'wrong-secret'))).fieldMessages).toHaveProperty('secretKey');
  });

  it('should send the login page to an error page for a return link that is not https', async () => {
    const { sandbox, seed } = setup();
    const url = new URL(
      buildAuthorizeUrl({ oauthUrl: OAUTH_PAGE, appId: seed.appId, returnLink: 'http://example.org/back' }),
    );
    const response = await sandbox.fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('https');
  });
});

describe('tokenExpiryState', () => {
  const now = Date.UTC(2026, 10, 28);
  const inDays = (days: number) => Math.floor(now / 1000) + days * 86_400;

  it('should warn from a week before expiry and ask to reconnect after it', () => {
    expect(tokenExpiryState(inDays(30), now)).toBe('ok');
    expect(tokenExpiryState(inDays(8), now)).toBe('ok');
    expect(tokenExpiryState(inDays(7), now)).toBe('expiring_soon');
    expect(tokenExpiryState(inDays(1), now)).toBe('expiring_soon');
    expect(tokenExpiryState(inDays(0), now)).toBe('expired');
    expect(tokenExpiryState(inDays(-3), now)).toBe('expired');
  });
});
