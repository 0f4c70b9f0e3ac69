import { ApiError } from '../http/api-error';
import {
  accessTokenDataSchema,
  endpointName,
  NHANH_API_BASE,
  NHANH_ERROR,
  NHANH_OAUTH_URL,
  NHANH_PATHS,
  v3Url,
} from './contract';
import { httpError, interpretEnvelope, networkError } from './errors';

/** What a successful grant gives: store all of it (`expiredAt` drives the popup's expiry warning). */
export interface NhanhGrant {
  businessId: number;
  accessToken: string;
  /** Unix seconds. */
  expiredAt: number;
  depotIds: number[];
}

/**
 * The Nhanh login page URL for this app: `https://nhanh.vn/oauth?appId=…&returnLink=…` [OFF-v3 §2.2: no
 * `version` parameter; `returnLink` https and registered among the app's Redirect URLs]. `oauthUrl` is the
 * page itself so the sandbox's `/nhanh-oauth` can stand in.
 */
export function buildAuthorizeUrl(input: { oauthUrl?: string; appId: string; returnLink: string }): string {
  const url = new URL(input.oauthUrl ?? NHANH_OAUTH_URL);
  url.searchParams.set('appId', input.appId);
  url.searchParams.set('returnLink', input.returnLink);
  return url.toString();
}

/**
 * `POST /v3.0/app/getaccesstoken?appId=` with `{accessCode, secretKey}` [3P S16]. Not retried: a code works
 * once, so a lost answer cannot be replayed; the user connects again.
 */
export async function exchangeAccessCode(input: {
  apiBase?: string;
  appId: string;
  secretKey: string;
  accessCode: string;
  fetch: typeof fetch;
}): Promise<NhanhGrant> {
  const path = NHANH_PATHS.getAccessToken;
  const endpoint = endpointName(path);
  let status: number;
  let text: string;
  try {
    const response = await input.fetch(v3Url(input.apiBase ?? NHANH_API_BASE, path, input.appId), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ accessCode: input.accessCode, secretKey: input.secretKey }),
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    throw networkError(endpoint, cause);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw httpError(endpoint, status);
  }
  try {
    const { data } = interpretEnvelope(body, endpoint, status, accessTokenDataSchema);
    return {
      businessId: data.businessId,
      accessToken: data.accessToken,
      expiredAt: data.expiredAt,
      depotIds: data.depotIds,
    };
  } catch (error) {
    // Only a refused code or secret gets the "connect again" text; a wrong appId keeps its own.
    if (!(error instanceof ApiError) || error.code !== NHANH_ERROR.invalidFormFields) throw error;
    throw new ApiError({
      api: 'nhanh',
      code: error.code,
      endpoint,
      status,
      text: { key: 'nhanh.oauth.codeRefused' },
      retryable: false,
      fieldMessages: error.fieldMessages,
      cause: error,
    });
  }
}

/** The login window's failures: closed or refused by the user, or back without an access code. */
function oauthError(
  code: 'oauth_cancelled' | 'oauth_no_code',
  key: 'nhanh.oauth.cancelled' | 'nhanh.oauth.noCode',
  cause?: unknown,
): ApiError {
  return new ApiError({ api: 'nhanh', code, endpoint: 'GET /oauth', text: { key }, retryable: false, cause });
}

/**
 * The whole OAuth connection: opens Nhanh's login page through `launchWebAuthFlow` (the extension passes
 * `browser.identity.launchWebAuthFlow` with `interactive: true`, and `browser.identity.getRedirectURL()` as
 * `redirectUrl`), reads `accessCode` from the redirect, and exchanges it for a token.
 */
export async function connectWithOAuth(input: {
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  redirectUrl: string;
  oauthUrl?: string;
  apiBase?: string;
  appId: string;
  secretKey: string;
  fetch: typeof fetch;
}): Promise<NhanhGrant> {
  const authorizeUrl = buildAuthorizeUrl({
    oauthUrl: input.oauthUrl,
    appId: input.appId,
    returnLink: input.redirectUrl,
  });
  let redirected: string | undefined;
  try {
    redirected = await input.launchWebAuthFlow(authorizeUrl);
  } catch (cause) {
    // Chrome rejects with "The user did not approve access." when the window is closed.
    throw oauthError('oauth_cancelled', 'nhanh.oauth.cancelled', cause);
  }
  if (!redirected) throw oauthError('oauth_cancelled', 'nhanh.oauth.cancelled');
  let accessCode: string | null = null;
  try {
    accessCode = new URL(redirected).searchParams.get('accessCode');
  } catch {
    accessCode = null;
  }
  if (!accessCode) throw oauthError('oauth_no_code', 'nhanh.oauth.noCode');
  return exchangeAccessCode({
    apiBase: input.apiBase,
    appId: input.appId,
    secretKey: input.secretKey,
    accessCode,
    fetch: input.fetch,
  });
}
