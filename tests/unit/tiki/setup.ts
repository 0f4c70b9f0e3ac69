import { expect } from 'vitest';
import type { RetryPolicy } from '../../../lib/http/retry';
import { createTikiClient, type TikiAuth, type TikiClientOptions } from '../../../lib/tiki/client';
import { TikiApiError } from '../../../lib/tiki/errors';
import { createManualClock } from '../../../lib/time/clock';
import { createSandbox, type SandboxOptions } from '../../../sandbox/index';
import type { Faults } from '../../../sandbox/types';

export const BASE_URL = 'http://sandbox.test/tiki';
/** Small waits so a capped retry run is quick to reason about: backoff ceilings 100, 200, 400… ms. */
export const FAST_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

/** One answer the fetch under test gave, for asserting how many calls a client made and to where. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
}

/**
 * A sandbox on a manual clock and a recording fetch in front of it. `intercept` may answer instead of the
 * sandbox (a doctored body, a 503, a thrown network error) to drive the paths the sandbox cannot.
 */
export function createHarness(
  options: {
    faults?: Partial<Faults>;
    intercept?: (url: URL, init?: RequestInit) => Response | undefined;
    extendSeed?: SandboxOptions['extendSeed'];
  } = {},
) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, faults: options.faults, extendSeed: options.extendSeed });
  const exchanges: Exchange[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const response = options.intercept?.(url, init) ?? (await sandbox.fetch(input, init));
    exchanges.push({ method, path: url.pathname.replace(/^\/tiki/, ''), status: response.status });
    return response;
  };
  const [main, small] = sandbox.seed.tiki.shops as [
    (typeof sandbox.seed.tiki.shops)[number],
    (typeof sandbox.seed.tiki.shops)[number],
  ];
  const client = (auth: TikiAuth, extra: Partial<TikiClientOptions> = {}) =>
    createTikiClient({
      baseUrl: BASE_URL,
      auth,
      fetch,
      clock,
      random: () => 0.5,
      retryPolicy: FAST_RETRY,
      ...extra,
    });
  return {
    clock,
    sandbox,
    exchanges,
    main,
    small,
    fetch,
    keyClient: () => client({ connectionKey: main.connectionKey }),
    appClient: () => client({ clientId: main.clientId, clientSecret: main.clientSecret }),
    client,
    /** How many calls went to `path` (below the Tiki mount). */
    callsTo: (path: string) => exchanges.filter((exchange) => exchange.path === path).length,
  };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The typed error a call failed with (Tiki's answers and network failures are `TikiApiError`s); fails on success. */
export async function failure(promise: Promise<unknown>): Promise<TikiApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TikiApiError);
  return error as TikiApiError;
}
