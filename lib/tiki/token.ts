import { ApiError, parseResponse } from '../http/api-error';
import type { Clock } from '../time/clock';
import {
  TIKI_ENDPOINTS,
  TIKI_PATHS,
  TIKI_TOKEN_RENEWAL_MARGIN_MS,
  type TikiTokenAuthMethod,
} from './contract';
import { tikiNetworkError, tikiTokenErrorFromAnswer } from './errors';
import { readBody } from './read-body';
import { type TikiTokenAnswer, tikiTokenSchema } from './schemas';

/** An OAuth access token and when to stop using it (epoch ms, renewal margin already taken off). */
export interface TikiToken {
  accessToken: string;
  renewAt: number;
}

/** Where a token survives the service worker going to sleep (e.g. storage.session); memory by default. */
export interface TikiTokenCache {
  load(): Promise<TikiToken | undefined>;
  save(token: TikiToken): Promise<void>;
}

/** Where to ask for a token and the app's credentials. */
export interface TikiAppCredentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
}

export interface TikiTokenSourceOptions extends TikiAppCredentials {
  clock: Clock;
  cache?: TikiTokenCache;
}

/**
 * One client-credentials token request (OT-cc), the app authenticated by `method` [OFF §1.4]: HTTP Basic with the
 * url-encoded id and secret (RFC 6749 §2.3.1), or both in the form body. Asking for a token changes nothing at
 * Tiki. Wrong credentials, or the method the app is not configured for, fail as `invalid_client`.
 */
export async function requestTikiToken(
  app: TikiAppCredentials,
  method: TikiTokenAuthMethod,
): Promise<TikiTokenAnswer> {
  const endpoint = TIKI_ENDPOINTS.token;
  const { clientId, clientSecret } = app;
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (method === 'client_secret_basic')
    headers.authorization = `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`)}`;
  else {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  }
  let response: Response;
  let body: unknown;
  try {
    response = await app.fetch(`${app.baseUrl}${TIKI_PATHS.token}`, {
      method: 'POST',
      headers,
      body: form.toString(),
    });
    body = await readBody(response);
  } catch (cause) {
    throw tikiNetworkError(endpoint, cause);
  }
  const failure = tikiTokenErrorFromAnswer(endpoint, response.status, body);
  if (failure) throw failure;
  return parseResponse('tiki', endpoint, tikiTokenSchema, body);
}

/**
 * Client-credentials tokens of an in-house app (OT-cc): requested when missing or about to run out, and
 * shared, so concurrent calls wait for one token request instead of each sending their own.
 */
export function createTikiTokenSource(options: TikiTokenSourceOptions) {
  const { clock } = options;
  let current: TikiToken | undefined;
  let loaded = false;
  let pending: Promise<TikiToken> | undefined;

  /**
   * The app is set up for one client authentication only [OFF §1.4]: Basic first (the documented example), the
   * other one when Tiki answers `invalid_client` [CE], and from then on whichever worked.
   */
  let method: TikiTokenAuthMethod = 'client_secret_basic';

  async function requestToken(): Promise<TikiToken> {
    const requestedAt = clock.now();
    let token: TikiTokenAnswer;
    try {
      token = await requestTikiToken(options, method);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'invalid_client') throw error;
      const other = method === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic';
      token = await requestTikiToken(options, other);
      method = other;
    }
    const lifetimeMs = token.expires_in * 1000;
    const margin = Math.min(TIKI_TOKEN_RENEWAL_MARGIN_MS, lifetimeMs / 2);
    return { accessToken: token.access_token, renewAt: requestedAt + lifetimeMs - margin };
  }

  function renew(): Promise<TikiToken> {
    pending ??= requestToken()
      .then(async (token) => {
        current = token;
        await options.cache?.save(token);
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  return {
    /** A token valid for a while yet, renewed first when it is within the margin of running out. */
    async accessToken(): Promise<string> {
      if (!loaded) {
        loaded = true;
        current ??= await options.cache?.load();
      }
      if (current && clock.now() < current.renewAt) return current.accessToken;
      return (await renew()).accessToken;
    },
    /**
     * Tiki answered 401 to `rejected`: get another one, unless a concurrent call already did (then that one
     * is used, so a burst of 401s costs one token request).
     */
    async renewAfterRejection(rejected: string): Promise<string> {
      if (pending) return (await pending).accessToken;
      if (current && current.accessToken !== rejected) return current.accessToken;
      current = undefined;
      return (await renew()).accessToken;
    },
  };
}
export type TikiTokenSource = ReturnType<typeof createTikiTokenSource>;
