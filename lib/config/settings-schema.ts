import { z } from 'zod';
import { LOCALES } from '../i18n/index';
import {
  type ApiName,
  allowedApiBases,
  apiBaseAllowed,
  type BuildMode,
  DOCUMENTED_API_BASE,
  isApiBaseUrl,
} from './api-bases';

/**
 * The settings model, one zod schema per build mode (they differ only in the API bases: `settingsSchemaFor`).
 * Issue messages are i18n keys (`settings.err.*`), so the form can show them in the UI's language next to the
 * field they concern (see `validateSettings`).
 */

/** The four order-status groups of the help page (Mới, Đã xác nhận, Đã hủy, Thành công). */
export const ORDER_STATUS_GROUPS = ['new', 'confirmed', 'canceled', 'success'] as const;
export type OrderStatusGroup = (typeof ORDER_STATUS_GROUPS)[number];

/** Vietnamese mobile numbers: 10 digits starting with 0 (the format Nhanh's customerMobile takes). */
const VN_PHONE = /^0\d{9}$/;
/**
 * The seller-center key is a UUID in every public sample (SC-legacy: `tiki-api: <uuid>`); we accept any run of
 * letters, digits and dashes of plausible length so a format change on Tiki's side does not lock sellers out.
 */
const TIKI_KEY = /^[A-Za-z0-9-]{16,128}$/;

const trimmed = z.string().trim();

/** An API base: the one the build allows (production: the documented host), else any API address. */
function apiBaseField(api: ApiName, mode: BuildMode) {
  const field =
    allowedApiBases(mode) === 'any'
      ? trimmed.refine(isApiBaseUrl, { error: 'settings.err.url' })
      : trimmed.refine((url) => apiBaseAllowed(api, url, mode), { error: 'settings.err.apiBaseFixed' });
  return field.default(DOCUMENTED_API_BASE[api]);
}

/** A wall time in Vietnam (Asia/Ho_Chi_Minh) as a `datetime-local` input gives it: `2026-12-12T20:00`. */
const VIETNAM_WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const stockCount = (error: 'settings.err.stockCount') =>
  z.number({ error }).int({ error }).min(0, { error }).max(1_000_000, { error });

/**
 * A check of the switch and one list that runs even while another field is wrong (zod skips refinements of an
 * object with any issue by default), so the seller sees every mistake of the form at once.
 */
function listReadable(list: 'nhanhDepotIds' | 'tikiWarehouseIds') {
  return ({ value }: { value: unknown }) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).enabled === 'boolean' &&
    Array.isArray((value as Record<string, unknown>)[list]);
}

/**
 * "Đồng bộ tồn kho lên Tiki" of one shop (issue 14), off by default. The rules run in this order: keep back a
 * buffer, push 0 at or below the threshold, never above the cap, never below 0 (`lib/stock/rules.ts`).
 */
export const stockPushSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** The Nhanh depots whose available stock counts, summed. */
    nhanhDepotIds: z
      .array(
        z
          .number({ error: 'settings.err.depot' })
          .int({ error: 'settings.err.depot' })
          .positive({ error: 'settings.err.depot' }),
      )
      .max(50, { error: 'settings.err.stockTooMany' })
      .default([]),
    /** The Tiki seller warehouses (`sellers/me/warehouses` ids) that receive it, split between them in this order. */
    tikiWarehouseIds: z
      .array(z.number().int().positive())
      .max(50, { error: 'settings.err.stockTooMany' })
      .default([]),
    /** Kept back from Tiki: N units, or P % of the available stock (rounded up, so never less is kept). */
    buffer: z
      .object({
        unit: z.enum(['units', 'percent']).default('units'),
        value: stockCount('settings.err.stockCount').default(0),
      })
      .refine((buffer) => buffer.unit !== 'percent' || buffer.value <= 100, {
        error: 'settings.err.stockPercent',
        path: ['value'],
      })
      .prefault({}),
    /** At or below this many available (after the buffer), Tiki gets 0. 0 = no threshold. */
    threshold: stockCount('settings.err.stockCount').default(0),
    /** Never more than this on Tiki; null = no cap. */
    cap: stockCount('settings.err.stockCount').nullable().default(null),
    /** "Flash sale": between these Vietnam wall times a push only lowers Tiki's quantities, never raises them. */
    freeze: z
      .object({
        from: z.string().regex(VIETNAM_WALL_TIME, { error: 'settings.err.stockFreezeTime' }),
        to: z.string().regex(VIETNAM_WALL_TIME, { error: 'settings.err.stockFreezeTime' }),
      })
      .refine((window) => window.from < window.to, { error: 'settings.err.stockFreezeOrder', path: ['to'] })
      .nullable()
      .default(null),
  })
  .refine((push) => !push.enabled || push.nhanhDepotIds.length > 0, {
    error: 'settings.err.stockDepots',
    path: ['nhanhDepotIds'],
    when: listReadable('nhanhDepotIds'),
  })
  .refine((push) => !push.enabled || push.tikiWarehouseIds.length > 0, {
    error: 'settings.err.stockWarehouses',
    path: ['tikiWarehouseIds'],
    when: listReadable('tikiWarehouseIds'),
  });

export type StockPushSettings = z.output<typeof stockPushSchema>;

export const shopSchema = z
  .object({
    id: z.string().min(1),
    name: trimmed.min(1, { error: 'settings.err.required' }).max(120, { error: 'settings.err.tooLong' }),
    /** "Tham số kết nối" from the seller center; may be empty when the shop uses an in-house app. */
    connectionKey: trimmed
      .refine((v) => v === '' || TIKI_KEY.test(v), { error: 'settings.err.tikiKey' })
      .default(''),
    clientId: trimmed.max(200, { error: 'settings.err.tooLong' }).default(''),
    clientSecret: trimmed.max(200, { error: 'settings.err.tooLong' }).default(''),
    /** Tiki's seller id, filled when the connection is checked (sellers/me); used to match captured keys. */
    tikiSellerId: z.number().int().positive().nullable().default(null),
    nhanhDepotId: z
      .number({ error: 'settings.err.depot' })
      .int({ error: 'settings.err.depot' })
      .positive({ error: 'settings.err.depot' })
      .nullable()
      .default(null),
    /** The Nhanh bank account Tiki's payouts land in: where "Ghi nhận thanh toán vào Nhanh" records them. */
    nhanhTransferAccountId: z
      .number({ error: 'settings.err.transferAccount' })
      .int({ error: 'settings.err.transferAccount' })
      .positive({ error: 'settings.err.transferAccount' })
      .nullable()
      .default(null),
    defaultCustomerName: trimmed
      .min(1, { error: 'settings.err.required' })
      .max(100, { error: 'settings.err.tooLong' })
      .default('Khách Tiki'),
    defaultCustomerPhone: trimmed
      .refine((v) => v === '' || VN_PHONE.test(v), { error: 'settings.err.phone' })
      .default(''),
    autoSync: z.boolean().default(true),
    /**
     * Orders Tiki delivers from its own warehouse (FBT, `instock`) sell Tiki's stock, not the seller's depot:
     * skipped by default; or imported into a depot of their own (e.g. one that mirrors the stock at Tiki).
     */
    fbtOrders: z.enum(['skip', 'import']).default('skip'),
    fbtDepotId: z
      .number({ error: 'settings.err.depot' })
      .int({ error: 'settings.err.depot' })
      .positive({ error: 'settings.err.depot' })
      .nullable()
      .default(null),
    stockPush: stockPushSchema.prefault({}),
  })
  .superRefine((shop, ctx) => {
    if (shop.fbtOrders === 'import' && shop.fbtDepotId === null)
      ctx.addIssue({ code: 'custom', path: ['fbtDepotId'], message: 'settings.err.fbtDepot' });
    const hasApp = shop.clientId !== '' || shop.clientSecret !== '';
    if (hasApp && shop.clientId === '')
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'settings.err.appPair' });
    if (hasApp && shop.clientSecret === '')
      ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: 'settings.err.appPair' });
    if (!hasApp && shop.connectionKey === '')
      ctx.addIssue({ code: 'custom', path: ['connectionKey'], message: 'settings.err.noCredentials' });
  });

export type Shop = z.output<typeof shopSchema>;
export type ShopInput = z.input<typeof shopSchema>;

export const nhanhConnectionSchema = z.object({
  /** How the token was obtained: the OAuth flow or pasted by hand. */
  mode: z.enum(['oauth', 'manual']).default('oauth'),
  appId: trimmed
    .refine((v) => v === '' || /^\d{1,12}$/.test(v), { error: 'settings.err.digits' })
    .default(''),
  secretKey: trimmed.max(300, { error: 'settings.err.tooLong' }).default(''),
  businessId: z
    .number({ error: 'settings.err.digits' })
    .int({ error: 'settings.err.digits' })
    .positive({ error: 'settings.err.digits' })
    .nullable()
    .default(null),
  accessToken: trimmed.max(2000, { error: 'settings.err.tooLong' }).default(''),
  /** Unix seconds, as Nhanh returns it. */
  expiredAt: z.number().int().positive().nullable().default(null),
});

export type NhanhConnection = z.output<typeof nhanhConnectionSchema>;

function buildSettingsSchema(mode: BuildMode) {
  return z.object({
    language: z.enum(LOCALES).default('vi'),
    shops: z.array(shopSchema).max(50, { error: 'settings.err.tooManyShops' }).default([]),
    nhanh: nhanhConnectionSchema.prefault({}),
    /** Statuses downloaded when the seller picks none: only "Mới", as the help page says. */
    orderStatusFilter: z
      .array(z.enum(ORDER_STATUS_GROUPS))
      .min(1, { error: 'settings.err.statusRequired' })
      .default(['new']),
    autoSync: z
      .object({
        enabled: z.boolean().default(false),
        intervalMinutes: z
          .number({ error: 'settings.err.interval' })
          .int({ error: 'settings.err.interval' })
          .min(5, { error: 'settings.err.interval' })
          .max(1440, { error: 'settings.err.interval' })
          .default(15),
      })
      .prefault({}),
    /** "Luôn lấy sản phẩm về": import orders of products deleted on Tiki by creating them in Nhanh. */
    alwaysFetchProducts: z.boolean().default(false),
    apiBase: z
      .object({
        tiki: apiBaseField('tiki', mode),
        nhanh: apiBaseField('nhanh', mode),
        nhanhOauth: apiBaseField('nhanhOauth', mode),
      })
      .prefault({}),
  });
}

type SettingsSchema = ReturnType<typeof buildSettingsSchema>;
const settingsSchemas = new Map<BuildMode, SettingsSchema>();

/** The settings schema of a build: the two differ only in the API bases they accept (see `allowedApiBases`). */
export function settingsSchemaFor(mode: BuildMode): SettingsSchema {
  let schema = settingsSchemas.get(mode);
  if (!schema) {
    schema = buildSettingsSchema(mode);
    settingsSchemas.set(mode, schema);
  }
  return schema;
}

export type Settings = z.output<SettingsSchema>;
export type SettingsInput = z.input<SettingsSchema>;

export const SETTINGS_VERSION = 2;

/**
 * Version 1 was the single-shop layout of the first prototype, mirroring Nhanh's own Tiki form (one
 * "Client key", one depot, one default customer). Kept so files exported then still import.
 */
export const settingsV1Schema = z.object({
  clientKey: z.string().default(''),
  shopName: z.string().default(''),
  depotId: z.number().nullable().default(null),
  customerName: z.string().default(''),
  customerMobile: z.string().default(''),
  orderStatuses: z.array(z.string()).default([]),
  autoSync: z.boolean().default(false),
  syncMinutes: z.number().default(15),
  alwaysFetchProducts: z.boolean().default(false),
  nhanh: z
    .object({
      appId: z.string().default(''),
      secretKey: z.string().default(''),
      businessId: z.number().nullable().default(null),
      accessToken: z.string().default(''),
      expiredAt: z.number().nullable().default(null),
    })
    .prefault({}),
});

const V1_STATUS_NAMES: Record<string, OrderStatusGroup> = {
  Mới: 'new',
  'Đã xác nhận': 'confirmed',
  'Đã hủy': 'canceled',
  'Thành công': 'success',
};

/** v1 → v2: the single shop becomes the first entry of `shops`; Vietnamese status names become groups. */
export function migrateSettingsV1(raw: unknown, newId: () => string): SettingsInput {
  const v1 = settingsV1Schema.parse(raw ?? {});
  const statuses = v1.orderStatuses
    .map((name) => V1_STATUS_NAMES[name.trim()])
    .filter((s) => s !== undefined);
  const hasShop = v1.clientKey.trim() !== '' || v1.shopName.trim() !== '';
  return {
    shops: hasShop
      ? [
          {
            id: newId(),
            name: v1.shopName.trim() || 'Tiki',
            connectionKey: v1.clientKey,
            nhanhDepotId: v1.depotId,
            defaultCustomerName: v1.customerName.trim() || 'Khách Tiki',
            defaultCustomerPhone: v1.customerMobile,
          },
        ]
      : [],
    nhanh: {
      mode: v1.nhanh.accessToken && !v1.nhanh.secretKey ? 'manual' : 'oauth',
      appId: v1.nhanh.appId,
      secretKey: v1.nhanh.secretKey,
      businessId: v1.nhanh.businessId,
      accessToken: v1.nhanh.accessToken,
      expiredAt: v1.nhanh.expiredAt,
    },
    orderStatusFilter: statuses.length > 0 ? [...new Set(statuses)] : ['new'],
    autoSync: {
      enabled: v1.autoSync,
      intervalMinutes: Math.min(1440, Math.max(5, Math.round(v1.syncMinutes))),
    },
    alwaysFetchProducts: v1.alwaysFetchProducts,
  };
}
