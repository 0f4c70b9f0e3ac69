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

/** The object handed to the schema. */
export function fromDraft(draft: SettingsDraft): unknown {
  return {
    ...draft,
    shops: draft.shops.map((shop) => ({
      ...shop,
      nhanhDepotId: numberOrText(shop.nhanhDepotId),
      nhanhTransferAccountId: numberOrText(shop.nhanhTransferAccountId),
      fbtDepotId: numberOrText(shop.fbtDepotId),
    })),
    nhanh: { ...draft.nhanh, businessId: numberOrText(draft.nhanh.businessId) },
    autoSync: {
      enabled: draft.autoSync.enabled,
      intervalMinutes: numberOrText(draft.autoSync.intervalMinutes) ?? Number.NaN,
    },
  };
}
