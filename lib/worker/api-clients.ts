import { storage } from 'wxt/utils/storage';
import { type ApiBases, apiBasesInForce, currentBuildMode } from '../config/api-bases';
import { createPacer, type Pacer } from '../http/pacer';
import { createNhanhClient, type NhanhClient } from '../nhanh/client';
import { createNhanhRateLimiter, type NhanhRateLimiter } from '../nhanh/rate-limiter';
import { nhanhConnected, type Settings, type Shop, tikiCredentialsOf } from '../settings';
import { createTikiClient, type TikiAuth, type TikiClient } from '../tiki/client';
import { TIKI_RATE_LIMIT, type TikiTokenAuthMethod } from '../tiki/contract';
import type { TikiTokenAnswer } from '../tiki/schemas';
import { requestTikiToken, type TikiToken, type TikiTokenCache } from '../tiki/token';
import { type Clock, systemClock } from '../time/clock';

/**
 * The one place that turns settings into API clients, so every feature talks to Tiki and Nhanh the same
 * way (same base URLs, same limiter, same token cache). Tests pass their own `fetch` and `clock`.
 */
export interface ApiDeps {
  fetch?: typeof fetch;
  clock?: Clock;
}

/**
 * Tiki OAuth tokens in `storage.session`: they survive the worker being stopped (no new token per wake-up),
 * vanish when the browser closes, and that area is closed to content scripts by default.
 */
function sessionTokenCache(clientId: string): TikiTokenCache {
  const key = `session:tikiToken:${clientId}` as const;
  return {
    load: async () => (await storage.getItem<TikiToken>(key)) ?? undefined,
    save: (token) => storage.setItem(key, token),
  };
}

/**
 * Where requests go: the settings' API bases as this build allows them. Settings are already read that way
 * (lib/settings.ts); asking again here means no client of a production build is ever built against another host.
 */
export function apiBasesOf(settings: Pick<Settings, 'apiBase'>): ApiBases {
  return apiBasesInForce(settings.apiBase, currentBuildMode());
}

/** One pace per seller credential for the whole worker: Tiki counts 200 requests per second per seller. */
const tikiPacers = new Map<string, Pacer>();

function sellerPacer(auth: TikiAuth): Pacer {
  const key = 'clientId' in auth ? `app:${auth.clientId}` : `key:${auth.connectionKey}`;
  let pacer = tikiPacers.get(key);
  if (!pacer) {
    pacer = createPacer({ ...TIKI_RATE_LIMIT, clock: systemClock });
    tikiPacers.set(key, pacer);
  }
  return pacer;
}

/** How the features reach a shop: its in-house app when it has one, else its connection key. */
export function createTikiClientForShop(
  settings: Settings,
  shop: Pick<Shop, 'connectionKey' | 'clientId' | 'clientSecret'>,
  deps: ApiDeps = {},
): TikiClient | null {
  const auth: TikiAuth | null = tikiCredentialsOf(shop);
  return auth && createTikiClientWithAuth(settings, auth, deps);
}

/** A client with exactly this credential (the compatibility check tries the key and the app apart). */
export function createTikiClientWithAuth(settings: Settings, auth: TikiAuth, deps: ApiDeps = {}): TikiClient {
  return createTikiClient({
    baseUrl: apiBasesOf(settings).tiki,
    auth,
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    clock: deps.clock ?? systemClock,
    tokenCache: 'clientId' in auth && !deps.fetch ? sessionTokenCache(auth.clientId) : undefined,
    // Tests bring their own clock and fetch: their calls are not paced with the worker's.
    pace: deps.clock ? undefined : sellerPacer(auth),
  });
}

/** Asks Tiki for a token with the shop's in-house app and the client authentication given; null without an app. */
export function tikiAppTokenRequester(
  settings: Settings,
  shop: Pick<Shop, 'clientId' | 'clientSecret'>,
  deps: ApiDeps = {},
): ((method: TikiTokenAuthMethod) => Promise<TikiTokenAnswer>) | null {
  const { clientId, clientSecret } = shop;
  if (!clientId || !clientSecret) return null;
  const app = {
    baseUrl: settings.apiBase.tiki.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
  };
  return (method) => requestTikiToken(app, method);
}

let sharedNhanhLimiter: NhanhRateLimiter | undefined;

/** Nhanh counts its limit per app + business + URL: one limiter for the whole worker keeps every feature under it. */
function sharedLimiter(): NhanhRateLimiter {
  sharedNhanhLimiter ??= createNhanhRateLimiter({ clock: systemClock });
  return sharedNhanhLimiter;
}

export function createNhanhClientFromSettings(settings: Settings, deps: ApiDeps = {}): NhanhClient | null {
  const { appId, businessId, accessToken } = settings.nhanh;
  if (!nhanhConnected(settings) || businessId === null) return null;
  const clock = deps.clock ?? systemClock;
  const limiter = deps.clock ? createNhanhRateLimiter({ clock }) : sharedLimiter();
  return createNhanhClient({
    baseUrl: apiBasesOf(settings).nhanh,
    appId,
    businessId,
    accessToken,
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    clock,
    limiter,
  });
}
