import { parseResponse } from '../http/api-error';
import type { Clock } from '../time/clock';
import { TIKI_ENDPOINTS, TIKI_PATHS, TIKI_TOKEN_RENEWAL_MARGIN_MS } from './contract';
import { tikiNetworkError, tikiTokenErrorFromAnswer } from './errors';
import { readBody } from './read-body';
import { tikiTokenSchema } from './schemas';

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

export interface TikiTokenSourceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
  clock: Clock;
  cache?: TikiTokenCache;
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

  async function requestToken(): Promise<TikiToken> {
    const endpoint = TIKI_ENDPOINTS.token;
    const requestedAt = clock.now();
    let response: Response;
    let body: unknown;
    try {
      response = await options.fetch(`${options.baseUrl}${TIKI_PATHS.token}`, {
        method: 'POST',
        headers: {
          // OT-cc / Samples: HTTP Basic with the url-encoded id and secret (RFC 6749 §2.3.1).
          authorization: `Basic ${btoa(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      });
      body = await readBody(response);
    } catch (cause) {
      throw tikiNetworkError(endpoint, cause);
    }
    const failure = tikiTokenErrorFromAnswer(endpoint, response.status, body);
    if (failure) throw failure;
    const token = parseResponse('tiki', endpoint, tikiTokenSchema, body);
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
