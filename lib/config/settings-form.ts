import { ORDER_STATUS_GROUPS, type OrderStatusGroup, type Settings } from './settings-schema';

/**
 * The settings form edits text, not typed values: a half-typed depot id must stay on screen as typed. These
 * two functions convert between what the form holds and what the schema validates.
 */

export interface ShopDraft {
  id: string;
  name: string;
  connectionKey: string;
  clientId: string;
  clientSecret: string;
  tikiSellerId: number | null;
  nhanhDepotId: string;
  nhanhTransferAccountId: string;
  defaultCustomerName: string;
  defaultCustomerPhone: string;
  autoSync: boolean;
  fbtOrders: 'skip' | 'import';
  fbtDepotId: string;
  stockPush: StockPushDraft;
}

/** "Đồng bộ tồn kho lên Tiki" as the form edits it: numbers stay text until saved, the flash sale has its own switch. */
export interface StockPushDraft {
  enabled: boolean;
  /** Nhanh depot ids, comma-separated as typed ("12, 15"). */
  nhanhDepotIds: string;
  /** Tiki seller warehouses ticked, in the order they were ticked (the push splits the total in this order). */
  tikiWarehouseIds: number[];
  bufferUnit: 'units' | 'percent';
  bufferValue: string;
  threshold: string;
  /** '' = no cap. */
  cap: string;
  freezeOn: boolean;
  /** Vietnam wall times, as a `datetime-local` input gives them. */
  freezeFrom: string;
  freezeTo: string;
}

export interface SettingsDraft {
  language: Settings['language'];
  shops: ShopDraft[];
  nhanh: {
    mode: Settings['nhanh']['mode'];
    appId: string;
    secretKey: string;
    businessId: string;
    accessToken: string;
    expiredAt: number | null;
  };
  orderStatusFilter: OrderStatusGroup[];
  autoSync: { enabled: boolean; intervalMinutes: string };
  alwaysFetchProducts: boolean;
  apiBase: Settings['apiBase'];
}

const text = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export function newStockPushDraft(): StockPushDraft {
  return {
    enabled: false,
    nhanhDepotIds: '',
    tikiWarehouseIds: [],
    bufferUnit: 'units',
    bufferValue: '0',
    threshold: '0',
    cap: '',
    freezeOn: false,
    freezeFrom: '',
    freezeTo: '',
  };
}

function stockPushDraftOf(stored: unknown): StockPushDraft {
  const push = record(stored);
  const buffer = record(push.buffer);
  const freeze = push.freeze === null ? null : record(push.freeze);
  const fresh = newStockPushDraft();
  const ids = (value: unknown) =>
    Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
  return {
    enabled: bool(push.enabled, fresh.enabled),
    nhanhDepotIds: ids(push.nhanhDepotIds).join(', '),
    tikiWarehouseIds: ids(push.tikiWarehouseIds),
    bufferUnit: buffer.unit === 'percent' ? 'percent' : 'units',
    bufferValue: text(buffer.value, fresh.bufferValue),
    threshold: text(push.threshold, fresh.threshold),
    cap: text(push.cap),
    freezeOn: freeze !== null && Object.keys(freeze).length > 0,
    freezeFrom: text(freeze?.from),
    freezeTo: text(freeze?.to),
  };
}

export function newShopDraft(id: string): ShopDraft {
  return {
    id,
    name: '',
    connectionKey: '',
    clientId: '',
    clientSecret: '',
    tikiSellerId: null,
    nhanhDepotId: '',
    nhanhTransferAccountId: '',
    defaultCustomerName: 'Khách Tiki',
    defaultCustomerPhone: '',
    autoSync: true,
    fbtOrders: 'skip',
    fbtDepotId: '',
    stockPush: newStockPushDraft(),
  };
}

/** Builds a draft from whatever is stored (valid settings, or an invalid object kept for repair). */
export function toDraft(stored: unknown, defaults: Settings, newId: () => string): SettingsDraft {
  const source = record(stored);
  const nhanh = record(source.nhanh);
  const autoSync = record(source.autoSync);
  const apiBase = record(source.apiBase);
  const shops = Array.isArray(source.shops) ? source.shops : [];
  const statuses = Array.isArray(source.orderStatusFilter)
    ? source.orderStatusFilter.filter((s): s is OrderStatusGroup => ORDER_STATUS_GROUPS.includes(s))
    : defaults.orderStatusFilter;
  return {
    language: source.language === 'en' ? 'en' : defaults.language,
    shops: shops.map((raw) => {
      const shop = record(raw);
      return {
        id: text(shop.id) || newId(),
        name: text(shop.name),
        connectionKey: text(shop.connectionKey),
        clientId: text(shop.clientId),
        clientSecret: text(shop.clientSecret),
        tikiSellerId: typeof shop.tikiSellerId === 'number' ? shop.tikiSellerId : null,
        nhanhDepotId: text(shop.nhanhDepotId),
        nhanhTransferAccountId: text(shop.nhanhTransferAccountId),
        defaultCustomerName: text(shop.defaultCustomerName, 'Khách Tiki'),
        defaultCustomerPhone: text(shop.defaultCustomerPhone),
        autoSync: bool(shop.autoSync, true),
        fbtOrders: shop.fbtOrders === 'import' ? 'import' : 'skip',
        fbtDepotId: text(shop.fbtDepotId),
        stockPush: stockPushDraftOf(shop.stockPush),
      };
    }),
    nhanh: {
      mode: nhanh.mode === 'manual' ? 'manual' : defaults.nhanh.mode,
      appId: text(nhanh.appId),
      secretKey: text(nhanh.secretKey),
      businessId: text(nhanh.businessId),
      accessToken: text(nhanh.accessToken),
      expiredAt: typeof nhanh.expiredAt === 'number' ? nhanh.expiredAt : null,
    },
    orderStatusFilter: statuses,
    autoSync: {
      enabled: bool(autoSync.enabled, defaults.autoSync.enabled),
      intervalMinutes: text(autoSync.intervalMinutes, String(defaults.autoSync.intervalMinutes)),
    },
    alwaysFetchProducts: bool(source.alwaysFetchProducts, defaults.alwaysFetchProducts),
    apiBase: {
      tiki: text(apiBase.tiki, defaults.apiBase.tiki),
      nhanh: text(apiBase.nhanh, defaults.apiBase.nhanh),
      nhanhOauth: text(apiBase.nhanhOauth, defaults.apiBase.nhanhOauth),
    },
  };
}

/** Empty → null, digits → number, anything else stays text so the schema names the field as wrong. */
function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** "12, 15" → [12, 15]; a part that is not digits stays text so the schema names the field as wrong. */
function idList(value: string): (number | string)[] {
  return value
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fromStockPushDraft(push: StockPushDraft): unknown {
  return {
    enabled: push.enabled,
    nhanhDepotIds: idList(push.nhanhDepotIds),
    tikiWarehouseIds: push.tikiWarehouseIds,
    buffer: { unit: push.bufferUnit, value: numberOrText(push.bufferValue) ?? 0 },
    threshold: numberOrText(push.threshold) ?? 0,
    cap: numberOrText(push.cap),
    freeze: push.freezeOn ? { from: push.freezeFrom, to: push.freezeTo } : null,
  };
}

/** The object handed to the schema. */
export function fromDraft(draft: SettingsDraft): unknown {
  return {
    ...draft,
    shops: draft.shops.map((shop) => ({
      ...shop,
      nhanhDepotId: numberOrText(shop.nhanhDepotId),
      nhanhTransferAccountId: numberOrText(shop.nhanhTransferAccountId),
      fbtDepotId: numberOrText(shop.fbtDepotId),
      stockPush: fromStockPushDraft(shop.stockPush),
    })),
    nhanh: { ...draft.nhanh, businessId: numberOrText(draft.nhanh.businessId) },
    autoSync: {
      enabled: draft.autoSync.enabled,
      intervalMinutes: numberOrText(draft.autoSync.intervalMinutes) ?? Number.NaN,
    },
  };
}
