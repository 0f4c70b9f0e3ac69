import { type CompanionDatabase, getDb, type OrderRecord } from '../db';
import { ApiError } from '../http/api-error';
import { type Locale, type LocalizedText, translate } from '../i18n';
import { NHANH_STATUS_LABEL } from '../orders/status-map';
import { getSettings, type Settings } from '../settings';
import type { ImportByCodeResult } from '../sync/import-by-code';
import { productHash, settingHash } from '../ui-state/dashboard-location';
import { openDashboardAt } from '../ui-state/dashboard-tabs';

/**
 * Background side of the order chips of the seller center: what the extension has stored of each order code,
 * answered from IndexedDB (never an API call per chip), in the seller's language, holding only what the chip
 * shows: no shop, no settings, no product ids.
 */

export type OrderChipState =
  /** In Nhanh: its id there and its status in Nhanh's own words ('' before the first status was read). */
  | { kind: 'imported'; nhanhOrderId: number; nhanhStatus: string }
  /** Kept out of Nhanh by a product line the seller must pair (or let the extension fetch). */
  | { kind: 'blocked'; reason: string }
  /** Nhanh refused it, or Tiki's record could not be read: the message says which. */
  | { kind: 'failed'; message: string }
  /** Never created in Nhanh on purpose (a return, a payment under review, an FBT order the shop skips). */
  | { kind: 'excluded'; reason: string }
  /** No sync has handled it yet. */
  | { kind: 'notSynced' };

export type PushOrderAnswer = { ok: true; state: OrderChipState } | { ok: false; message: string };

export interface OrderStatesDeps {
  db?: () => Promise<CompanionDatabase>;
  settings?: () => Promise<Settings>;
  openDashboardAt?: (hash: string) => Promise<void>;
}

/**
 * The stored record of each code, from the first shop that has one. A Tiki order code belongs to one seller, so
 * at most one shop holds it; shops are looked at in the settings' order.
 */
export async function storedOrdersByCode(
  db: CompanionDatabase,
  shopIds: readonly string[],
  codes: readonly string[],
): Promise<Map<string, OrderRecord>> {
  const tx = db.transaction('orders');
  const pairs = codes.flatMap((code) => shopIds.map((shopId) => [shopId, code] as [string, string]));
  const records = await Promise.all(pairs.map((key) => tx.store.get(key)));
  await tx.done;
  const found = new Map<string, OrderRecord>();
  for (const record of records) if (record && !found.has(record.code)) found.set(record.code, record);
  return found;
}

/** The chip of a stored order (or of none) in `locale`. */
export function chipStateOf(record: OrderRecord | undefined, locale: Locale): OrderChipState {
  if (!record) return { kind: 'notSynced' };
  if (record.nhanhOrderId !== null) {
    const status = record.nhanhStatus ?? '';
    const label = Object.hasOwn(NHANH_STATUS_LABEL, status)
      ? NHANH_STATUS_LABEL[status as keyof typeof NHANH_STATUS_LABEL]
      : status;
    return { kind: 'imported', nhanhOrderId: record.nhanhOrderId, nhanhStatus: label };
  }
  const reason = record.reason ? translate(locale, record.reason) : '';
  switch (record.syncState) {
    case 'blocked':
      return { kind: 'blocked', reason };
    case 'failed':
    case 'unreadable':
      return { kind: 'failed', message: reason };
    case 'excluded':
      return { kind: 'excluded', reason };
    default:
      return { kind: 'notSynced' };
  }
}

/** `getOrderChipStates`: one chip state per asked code. */
export async function readOrderChipStates(
  codes: readonly string[],
  deps: OrderStatesDeps = {},
): Promise<Record<string, OrderChipState>> {
  const settings = await (deps.settings ?? getSettings)();
  const records = await storedOrdersByCode(
    await (deps.db ?? getDb)(),
    settings.shops.map((shop) => shop.id),
    codes,
  );
  return Object.fromEntries(codes.map((code) => [code, chipStateOf(records.get(code), settings.language)]));
}

/**
 * Where the dashboard shows the way out of a blocked order, as Đơn hàng's shortcuts do: the product to pair in
 * Sản phẩm, or "Luôn lấy sản phẩm về" in Cài đặt; Đơn hàng itself for anything else.
 */
export function fixHashOf(record: OrderRecord | undefined): string {
  const blocker = record?.syncState === 'blocked' ? record.blockers[0] : undefined;
  if (!record || !blocker) return '#orders';
  if (blocker.fix === 'always-fetch') return settingHash({ field: 'alwaysFetchProducts' });
  return productHash({ shop: record.shopId, tiki: blocker.tikiProductId });
}

/** `openOrderFix`: the dashboard opens (or is focused) at the fix of that order. */
export async function openOrderFix(code: string, deps: OrderStatesDeps = {}): Promise<void> {
  const settings = await (deps.settings ?? getSettings)();
  const records = await storedOrdersByCode(
    await (deps.db ?? getDb)(),
    settings.shops.map((shop) => shop.id),
    [code],
  );
  await (deps.openDashboardAt ?? openDashboardAt)(fixHashOf(records.get(code)));
}

export interface PushOrderDeps extends OrderStatesDeps {
  /** Imports these orders of a shop now, under its lease (`importOrdersNow` in `lib/sync/background-sync.ts`). */
  importOrders(shopId: string, codes: readonly string[]): Promise<ImportByCodeResult>;
  /** Whether this shop's Tiki has the order: Tiki answers "not found" for another seller's order. */
  tikiHasOrder(shopId: string, code: string): Promise<boolean>;
}

/**
 * The shop an order belongs to: the one that stored it already (its sync saw it); else the only shop; else the
 * first shop, in the settings' order, whose Tiki knows the code. The seller center's page names its shop too,
 * but only as a display name, which need not match the name the seller gave the shop here.
 */
async function ownerOf(
  code: string,
  stored: OrderRecord | undefined,
  settings: Settings,
  deps: PushOrderDeps,
): Promise<string | null> {
  if (stored) return stored.shopId;
  const [only, ...others] = settings.shops;
  if (only && others.length === 0) return only.id;
  for (const shop of settings.shops) if (await deps.tikiHasOrder(shop.id, code)) return shop.id;
  return null;
}

/**
 * `pushOrderToNhanh`: the seller's "Đẩy sang Nhanh ngay" on one order. It is imported now, by the sync's own
 * rules (re-read on Tiki, the shop's status filter, products, idempotency), and answered as its new chip: in
 * Nhanh, or blocked, or failed. A refusal (no shop knows it, a sync holds the shop, Tiki left it out) is a
 * message in the seller's language.
 */
export async function pushOrderNow(code: string, deps: PushOrderDeps): Promise<PushOrderAnswer> {
  const settings = await (deps.settings ?? getSettings)();
  const db = await (deps.db ?? getDb)();
  const shopIds = settings.shops.map((shop) => shop.id);
  const refuse = (text: LocalizedText): PushOrderAnswer => ({
    ok: false,
    message: translate(settings.language, text),
  });
  try {
    const shopId = await ownerOf(
      code,
      (await storedOrdersByCode(db, shopIds, [code])).get(code),
      settings,
      deps,
    );
    if (!shopId) return refuse({ key: 'sellerCenter.push.noShop', params: { code } });
    const result = await deps.importOrders(shopId, [code]);
    if (result.kind === 'busy') return refuse({ key: 'sellerCenter.push.busy' });
    if (result.kind === 'failed') return refuse(result.error);
    const outcome = result.outcomes[code];
    if (outcome === 'missing') return refuse({ key: 'sellerCenter.push.missing', params: { code } });
    if (outcome === 'skipped') return refuse({ key: 'sellerCenter.push.skipped', params: { code } });
    const record = (await storedOrdersByCode(db, [shopId], [code])).get(code);
    return { ok: true, state: chipStateOf(record, settings.language) };
  } catch (error) {
    // Tiki could not be asked whose order it is (network, a key Tiki refuses): the seller reads why.
    if (error instanceof ApiError) return refuse(error.text);
    throw error;
  }
}
