import { ApiError, parseResponse } from '../http/api-error';
import type { LocalizedText } from '../i18n/index';
import type { NhanhDepot } from '../nhanh/contract';
import { connectWithOAuth } from '../nhanh/oauth';
import { getSettings, type Settings, type Shop, saveSettings, tikiCredentialsOf } from '../settings';
import { type ConnectionHealth, setNhanhHealth, setTikiHealth } from '../status/status';
import type { TikiClient } from '../tiki/client';
import { TIKI_ENDPOINTS } from '../tiki/contract';
import { probeTikiRead, TIKI_FEATURE_READS, type TikiProbe } from '../tiki/probes';
import { tikiSellerSchema } from '../tiki/schemas';
import {
  type ApiDeps,
  apiBasesOf,
  createNhanhClientFromSettings,
  createTikiClientForShop,
} from './api-clients';

/**
 * Checking and establishing the connections, for the settings page and the popup. Each check records its
 * outcome as connection health, which the popup shows.
 */

export type ConnectionDeps = ApiDeps & { now?: () => number };

function errorText(error: unknown): LocalizedText {
  if (error instanceof ApiError) return error.text;
  return {
    key: 'error.unexpected',
    params: { message: error instanceof Error ? error.message : String(error) },
  };
}

function failed(error: LocalizedText, now: number): ConnectionHealth {
  return { state: 'error', checkedAt: now, remoteName: null, error };
}

/**
 * What the seller reads when the credential reads the shop but Tiki refuses it an endpoint a feature needs, by
 * credential (the connection key or the in-house app) and by what is refused.
 */
const REFUSED_TEXT = {
  key: {
    orders: 'connections.keyRefused.orders',
    products: 'connections.keyRefused.products',
    both: 'connections.keyRefused.ordersAndProducts',
  },
  app: {
    orders: 'connections.appRefused.orders',
    products: 'connections.appRefused.products',
    both: 'connections.appRefused.ordersAndProducts',
  },
} as const;

type UnansweredProbe = Exclude<TikiProbe, { state: 'answered' }>;

/** After `sellers/me` answered: the other reads the features rely on (orders, products), each probed once. */
async function featureReadsHealth(
  client: TikiClient,
  shop: Shop,
  sellerName: string,
  now: number,
): Promise<ConnectionHealth> {
  const unanswered: UnansweredProbe[] = [];
  for (const read of TIKI_FEATURE_READS) {
    if (read === 'seller') continue;
    const probe = await probeTikiRead(client, read);
    if (probe.state !== 'answered') unanswered.push(probe);
  }
  const refused = unanswered.filter((probe) => probe.state === 'refused');
  const auth = tikiCredentialsOf(shop);
  const credential = auth && 'clientId' in auth ? 'app' : 'key';
  if (refused.length > 0) {
    const which = refused.length > 1 ? 'both' : (refused[0]!.read as 'orders' | 'products');
    const status = refused[0]!.error.status ?? 0;
    return failed({ key: REFUSED_TEXT[credential][which], params: { name: sellerName, status } }, now);
  }
  if (unanswered[0]) return failed(unanswered[0].error.text, now);
  return { state: 'ok', checkedAt: now, remoteName: sellerName, error: null };
}

/**
 * `GET sellers/me` with the shop's credentials, then one row of orders and of products (what the features read),
 * so a credential Tiki lets read the shop but not its orders is told apart; remembers Tiki's seller id to
 * recognise the shop later.
 */
export async function checkTikiShop(shopId: string, deps: ConnectionDeps = {}): Promise<ConnectionHealth> {
  const now = (deps.now ?? Date.now)();
  const settings = await getSettings();
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  if (!shop) return failed({ key: 'connections.shopMissing' }, now);
  const client = createTikiClientForShop(settings, shop, deps);
  let health: ConnectionHealth;
  if (!client) health = failed({ key: 'connections.noTikiCredentials', params: { shop: shop.name } }, now);
  else {
    try {
      const probe = await probeTikiRead(client, 'seller');
      if (probe.state !== 'answered') health = failed(probe.error.text, now);
      else {
        const seller = parseResponse('tiki', TIKI_ENDPOINTS.seller, tikiSellerSchema, probe.answer);
        if (shop.tikiSellerId !== seller.id) await rememberSellerId(shopId, seller.id, settings.language);
        health = await featureReadsHealth(client, shop, seller.name, now);
      }
    } catch (error) {
      health = failed(errorText(error), now);
    }
  }
  await setTikiHealth(shopId, health);
  return health;
}

async function rememberSellerId(
  shopId: string,
  sellerId: number,
  locale: Settings['language'],
): Promise<void> {
  const latest = await getSettings();
  const shops = latest.shops.map((shop) => (shop.id === shopId ? { ...shop, tikiSellerId: sellerId } : shop));
  await saveSettings({ ...latest, shops }, locale);
}

/** Lists Nhanh depots (the lightest authenticated call), which also feeds the depot choice in settings. */
export async function checkNhanh(
  deps: ConnectionDeps = {},
): Promise<{ health: ConnectionHealth; depots: NhanhDepot[] }> {
  const now = (deps.now ?? Date.now)();
  const client = createNhanhClientFromSettings(await getSettings(), deps);
  let result: { health: ConnectionHealth; depots: NhanhDepot[] };
  if (!client) result = { health: failed({ key: 'connections.nhanhMissing' }, now), depots: [] };
  else {
    try {
      const depots = await client.listDepots();
      result = { health: { state: 'ok', checkedAt: now, remoteName: null, error: null }, depots };
    } catch (error) {
      result = { health: failed(errorText(error), now), depots: [] };
    }
  }
  await setNhanhHealth(result.health);
  return result;
}

export interface OAuthDeps extends ConnectionDeps {
  launchWebAuthFlow: (url: string) => Promise<string | undefined>;
  redirectUrl: string;
}

/**
 * Signs in to Nhanh in a browser window (OAuth, API v3) and stores the token, its business and expiry. Needs the
 * App ID and Secret key saved first.
 */
export async function connectNhanh(
  deps: OAuthDeps,
): Promise<{ ok: true; health: ConnectionHealth } | { ok: false; error: LocalizedText }> {
  const settings = await getSettings();
  const { appId, secretKey } = settings.nhanh;
  if (!appId || !secretKey) return { ok: false, error: { key: 'connections.nhanhAppMissing' } };
  const apiBase = apiBasesOf(settings);
  try {
    const grant = await connectWithOAuth({
      launchWebAuthFlow: deps.launchWebAuthFlow,
      redirectUrl: deps.redirectUrl,
      oauthUrl: apiBase.nhanhOauth,
      apiBase: apiBase.nhanh,
      appId,
      secretKey,
      fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    });
    const latest = await getSettings();
    const nhanh = { ...latest.nhanh, mode: 'oauth' as const, ...grant };
    const saved = await saveSettings({ ...latest, nhanh }, latest.language);
    if (!saved.ok)
      return {
        ok: false,
        error: { key: 'error.unexpected', params: { message: saved.errors[0]?.message ?? '' } },
      };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
  const { health } = await checkNhanh(deps);
  return { ok: true, health };
}
