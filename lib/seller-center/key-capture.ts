import { type CompanionDatabase, getDb } from '../db';
import { ApiError } from '../http/api-error';
import { type LocalizedText, translate } from '../i18n';
import {
  newShopId,
  redactSecrets,
  type Settings,
  type Shop,
  type ShopInput,
  saveSettings,
  secretsOf,
  settingsItem,
  validateStoredSettings,
} from '../settings';
import { logActivity } from '../status/activity-log';
import { setTikiHealth } from '../status/status';
import type { TikiSeller } from '../tiki/schemas';
import { type ApiDeps, createTikiClientForShop } from '../worker/api-clients';
import { sellerCenterLocale } from './background';
import { normalizeLabel } from './selectors';

/**
 * Background side of "Lưu vào tiện ích Nhanh": a key the seller clicked beside in the seller center is checked
 * with Tiki (`sellers/me`), then stored on the shop it belongs to, or on a new shop. The answer goes back to the
 * page, so it carries the shop name and a message, never a key.
 */

export interface CapturedKeyInput {
  /** The shop name the page shows beside the key; '' when the page shows none. */
  shopName: string;
  key: string;
}

export type KeyCaptureResult =
  | { ok: true; outcome: 'created' | 'updated' | 'unchanged'; shopName: string; text: LocalizedText }
  | { ok: false; text: LocalizedText };

export interface KeyCaptureDeps extends ApiDeps {
  now?: () => number;
  db?: () => Promise<CompanionDatabase>;
  newId?: () => string;
}

/** What the seller reads in the page for a failed check: the in-page wording says what to do on that page. */
function failureText(error: unknown, secrets: readonly string[]): LocalizedText {
  if (error instanceof ApiError) {
    if (error.code === 'wrong_key' || error.code === 'unauthorized')
      return { key: 'sellerCenter.key.wrongKey' };
    if (error.code === 'paused_by_seller') return { key: 'sellerCenter.key.paused' };
    if (error.code === 'network') return { key: 'sellerCenter.key.network' };
    return error.text;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { key: 'error.unexpected', params: { message: redactSecrets(message, secrets) } };
}

/**
 * The shop this key belongs to: the one Tiki already identified as this seller, else the one holding this very
 * key, else one with the same name (on the page or at Tiki) that is not known to be another seller.
 */
function matchingShop(shops: readonly Shop[], seller: TikiSeller, input: CapturedKeyInput): Shop | undefined {
  const names = new Set([normalizeLabel(input.shopName), normalizeLabel(seller.name)].filter(Boolean));
  return (
    shops.find((shop) => shop.tikiSellerId === seller.id) ??
    shops.find((shop) => shop.connectionKey === input.key && shop.tikiSellerId === null) ??
    shops.find((shop) => shop.tikiSellerId === null && names.has(normalizeLabel(shop.name)))
  );
}

/** The shops with the key stored (the rest of a new shop takes the settings' defaults when saved). */
function storedShops(
  settings: Settings,
  seller: TikiSeller,
  input: CapturedKeyInput,
  newId: () => string,
): { shops: ShopInput[]; shop: ShopInput; outcome: 'created' | 'updated' | 'unchanged' } {
  const existing = matchingShop(settings.shops, seller, input);
  if (!existing) {
    const shop: ShopInput = {
      id: newId(),
      name: input.shopName || seller.name,
      connectionKey: input.key,
      tikiSellerId: seller.id,
    };
    return { shops: [...settings.shops, shop], shop, outcome: 'created' };
  }
  const unchanged = existing.connectionKey === input.key && existing.tikiSellerId === seller.id;
  const shop = { ...existing, connectionKey: input.key, tikiSellerId: seller.id };
  return {
    shops: settings.shops.map((candidate) => (candidate.id === existing.id ? shop : candidate)),
    shop,
    outcome: unchanged ? 'unchanged' : 'updated',
  };
}

async function capture(input: CapturedKeyInput, deps: KeyCaptureDeps): Promise<KeyCaptureResult> {
  const now = (deps.now ?? Date.now)();
  const openDb = deps.db ?? getDb;
  // Stored settings that do not validate would read as the defaults: saving on top of them would wipe the shops.
  const stored = validateStoredSettings(await settingsItem.getValue(), 'vi');
  if (!stored.ok) return { ok: false, text: { key: 'sellerCenter.key.settingsInvalid' } };
  const settings = stored.settings;
  const secrets = [...secretsOf(settings), input.key];
  const shopLabel = input.shopName || '?';
  const log = async (level: 'info' | 'warn', text: LocalizedText, detail?: string) =>
    logActivity(await openDb(), { level, source: 'seller-center', text, detail }, { secrets, now });

  const client = createTikiClientForShop(
    settings,
    { connectionKey: input.key, clientId: '', clientSecret: '' },
    deps,
  );
  if (!client) return { ok: false, text: { key: 'sellerCenter.key.unreadable' } };
  let seller: TikiSeller;
  try {
    seller = await client.getSeller();
  } catch (error) {
    const text = failureText(error, secrets);
    await log(
      'warn',
      { key: 'sellerCenter.log.keyRejected', params: { shop: shopLabel } },
      translate(settings.language, text),
    );
    return { ok: false, text };
  }

  const { shops, shop, outcome } = storedShops(settings, seller, input, deps.newId ?? newShopId);
  if (outcome !== 'unchanged') {
    const saved = await saveSettings({ ...settings, shops }, settings.language);
    if (!saved.ok) {
      const text: LocalizedText = {
        key: 'sellerCenter.key.notSaved',
        params: { reason: saved.errors[0]?.message ?? '' },
      };
      await log(
        'warn',
        { key: 'sellerCenter.log.keyRejected', params: { shop: shop.name } },
        translate(settings.language, text),
      );
      return { ok: false, text };
    }
  }
  await setTikiHealth(shop.id, { state: 'ok', checkedAt: now, remoteName: seller.name, error: null });
  if (outcome !== 'unchanged')
    await log('info', {
      key: outcome === 'created' ? 'sellerCenter.log.keyAdded' : 'sellerCenter.log.keySaved',
      params: { shop: shop.name },
    });
  const message = {
    created: 'sellerCenter.key.created',
    updated: 'sellerCenter.key.updated',
    unchanged: 'sellerCenter.key.unchanged',
  } as const;
  return {
    ok: true,
    outcome,
    shopName: shop.name,
    text: { key: message[outcome], params: { shop: shop.name } },
  };
}

/** Captures run one at a time: two clicks on two rows must not both read the settings and then overwrite each other. */
let queue: Promise<unknown> = Promise.resolve();

/** Checks a captured key with Tiki and stores it on its shop (or a new one); records health and a log line. */
export function captureTikiKey(
  input: CapturedKeyInput,
  deps: KeyCaptureDeps = {},
): Promise<KeyCaptureResult> {
  const trimmed = { shopName: input.shopName.trim(), key: input.key.trim() };
  const result = queue.then(() => capture(trimmed, deps));
  queue = result.catch(() => undefined);
  return result;
}

/**
 * What the in-page button shows: the outcome in the seller's language. Translated here because a failure may carry
 * any of the extension's messages (Tiki's errors), and the content script carries only its own.
 */
export interface KeyCaptureAnswer {
  ok: boolean;
  message: string;
}

export async function answerKeyCapture(
  input: CapturedKeyInput,
  deps: KeyCaptureDeps = {},
): Promise<KeyCaptureAnswer> {
  const result = await captureTikiKey(input, deps);
  return { ok: result.ok, message: translate(await sellerCenterLocale(), result.text) };
}
