import { z } from 'zod';

/**
 * Everything the Nhanh client assumes about Nhanh.vn Open API v3.0 (and the one v2 call it still needs),
 * in one file: hosts, paths, the envelope, limits, status and error codes, and the zod schemas of every
 * answer. Sources are cited as in `docs/api-contracts.md` (S1…S18 of `nhanh-open-api.md`); `[INF]` marks an
 * inference where the public material is silent. A correction against the real API should touch this file only.
 */

/** POS API host [OFF S1]. The client takes the base as a parameter so the sandbox can stand in. */
export const NHANH_API_BASE = 'https://pos.open.nhanh.vn';
/** The login page that grants an app access to a business [OFF S4; `version=3.0` from 3P S6/S16]. */
export const NHANH_OAUTH_BASE = 'https://nhanh.vn';
export const NHANH_OAUTH_VERSION = '3.0';

/** v3 paths, each `POST {base}{path}?appId=&businessId=` with a JSON body [OFF S1, S2]. */
export const NHANH_PATHS = {
  getAccessToken: '/v3.0/app/getaccesstoken',
  depots: '/v3.0/business/depot',
  productList: '/v3.0/product/list',
  productAdd: '/v3.0/product/add',
  orderAdd: '/v3.0/order/add',
  orderList: '/v3.0/order/list',
  /**
   * v2 fallback for status changes: the v3 `order/edit` request schema is not public and the only third-party
   * client using it sends `info`/`carrier`/`payment` with no status, while v2 `order/update` documents
   * `status` (Confirmed|Success|Canceled|Aborted) [OFF-v1 S7; 3P S6].
   */
  orderUpdateV2: '/api/order/update',
} as const;

export type NhanhPath = (typeof NHANH_PATHS)[keyof typeof NHANH_PATHS];

/** `Method path` as errors and logs name an endpoint: no host, no query (which carries ids). */
export function endpointName(path: NhanhPath): string {
  return `POST ${path}`;
}

/** The v3 query string: `appId` and `businessId` in the URL, the token in a header [OFF S2]. */
export function v3Url(base: string, path: NhanhPath, appId: string, businessId?: number): string {
  const url = new URL(`${base.replace(/\/$/, '')}${path}`);
  url.searchParams.set('appId', appId);
  if (businessId !== undefined) url.searchParams.set('businessId', String(businessId));
  return url.toString();
}

/** v3 headers: the raw token, NO `Bearer ` prefix [OFF S1 curl; 3P S18]. */
export function v3Headers(accessToken: string): Record<string, string> {
  return { Authorization: accessToken, 'Content-Type': 'application/json' };
}

/**
 * The v2 envelope of `order/update`: form fields `version=2.0`, `appId`, `businessId`, `accessToken` and
 * `data` = a JSON string [OFF S3]. [INF] a v3 token is accepted by v2 calls (the docs only say the reverse,
 * a v2 token on v3, fails with ERR_INVALID_VERSION); if the real API refuses it, status changes need v3
 * `order/edit` once its schema is published, and only this function and the path above change.
 */
export function v2FormBody(appId: string, businessId: number, accessToken: string, data: unknown): FormData {
  const form = new FormData();
  form.set('version', '2.0');
  form.set('appId', appId);
  form.set('businessId', String(businessId));
  form.set('accessToken', accessToken);
  form.set('data', JSON.stringify(data));
  return form;
}

/**
 * Rate limit: 150 requests per 30 s per appId + businessId + URL unless an endpoint documents its own
 * [OFF S2]. [INF] the same for the v2 path (no v2 figure was found).
 */
export const NHANH_RATE_LIMIT = { requests: 150, windowMs: 30_000 } as const;
/** Lock the sandbox applies on a breach, and adds per call during a lock (the docs' example shows 10 s) [OFF S2]. */
export const NHANH_LOCK_SECONDS = 10;

/** Sizes [OFF S2]: paginator size ≤ 100, product/add ≤ 100 items, order/list windows ≤ 31 days. */
export const NHANH_MAX_PAGE_SIZE = 100;
export const NHANH_MAX_PRODUCTS_PER_ADD = 100;
export const NHANH_MAX_IDS_PER_FILTER = 100;
export const NHANH_ORDER_WINDOW_SECONDS = 31 * 24 * 3600;

/** Common v3 error codes [OFF S2]. */
export const NHANH_ERROR = {
  invalidAppId: 'ERR_INVALID_APP_ID',
  invalidBusinessId: 'ERR_INVALID_BUSINESS_ID',
  invalidAccessToken: 'ERR_INVALID_ACCESS_TOKEN',
  invalidVersion: 'ERR_INVALID_VERSION',
  businessNotEnabled: 'ERR_BUSINESS_NOT_ENABLE_API',
  forbidden: 'ERR_403',
  invalidFormFields: 'ERR_INVALID_FORM_FIELDS',
  invalidData: 'ERR_INVALID_DATA',
  rateLimited: 'ERR_429',
  exceededRateLimit: 'ERR_EXCEEDED_RATE_LIMIT',
} as const;

/** Codes after which nothing works until the user connects Nhanh again (a new grant, a v3 token). */
export const NHANH_RECONNECT_CODES: readonly string[] = [
  NHANH_ERROR.invalidAccessToken,
  NHANH_ERROR.invalidVersion,
];
/** Both rate-limit codes of the table [OFF S2]; the example answer uses ERR_429. */
export const NHANH_RATE_LIMIT_CODES: readonly string[] = [
  NHANH_ERROR.rateLimited,
  NHANH_ERROR.exceededRateLimit,
];

/**
 * [INF] The message key of a duplicate `channel.appOrderId` (3P S18 says Nhanh rejects a second order with the
 * same appId + appOrderId; the exact answer is unknown): ERR_INVALID_FORM_FIELDS with this field.
 */
export const DUPLICATE_APP_ORDER_FIELD = 'channel.appOrderId';

/**
 * [INF] Per-item validation keys of array bodies use the dot notation of the docs' `customer.mobile`
 * example: `"3.name"` for item 3 of product/add. Also reads `[3].name`. Undefined for a key naming no item.
 */
export function splitItemField(key: string): { index: number; field: string } | undefined {
  const match = /^\[?(\d+)\]?(?:\.(.*))?$/.exec(key);
  return match ? { index: Number(match[1]), field: match[2] ?? '' } : undefined;
}

/** `channel.appOrderId` is at most 36 characters (v2 `id` string(36) [OFF-v1 S7]; INF the same in v3). */
export const NHANH_APP_ORDER_ID_MAX = 36;

/**
 * Order statuses: v2 names and v3 ints [3P S16; the official modelconstant page was not found]. The v3
 * `order/list` answers ints; v2 `order/update` takes names.
 */
export const NHANH_ORDER_STATUS = {
  New: 54,
  Confirming: 55,
  Confirmed: 56,
  CustomerConfirming: 57,
  CarrierCanceled: 58,
  Shipping: 59,
  Success: 60,
  Failed: 61,
  Canceled: 63,
  Aborted: 64,
  SoldOut: 68,
  Returning: 71,
  Returned: 72,
  ChangeDepot: 73,
  ConfirmReturned: 74,
  Packing: 42,
  Pickup: 43,
  Packed: 40,
} as const;
export type NhanhOrderStatus = keyof typeof NHANH_ORDER_STATUS;

/** Statuses an order may be created with [3P S6 validation: New/Confirming/Confirmed]. */
export const NHANH_CREATE_STATUSES = [
  'New',
  'Confirming',
  'Confirmed',
] as const satisfies readonly NhanhOrderStatus[];
/** The only statuses `order/update` can set [OFF-v1 S7; `Success` from 3P S6]. */
export const NHANH_SETTABLE_STATUSES = [
  'Confirmed',
  'Success',
  'Canceled',
  'Aborted',
] as const satisfies readonly NhanhOrderStatus[];
export type NhanhSettableStatus = (typeof NHANH_SETTABLE_STATUSES)[number];
/** Canceled/Aborted only while the order is still one of these [OFF-v1 S7]. */
export const NHANH_CANCELABLE_FROM = [
  'New',
  'Confirming',
  'Confirmed',
] as const satisfies readonly NhanhOrderStatus[];

export function orderStatusName(code: number): NhanhOrderStatus | undefined {
  return (Object.keys(NHANH_ORDER_STATUS) as NhanhOrderStatus[]).find(
    (name) => NHANH_ORDER_STATUS[name] === code,
  );
}

/** v3 `info.type` of order/add [INF from the v3 example `type:1` and v2 Shipping/Shopping]: 1 shipping, 2 at the shop. */
export const NHANH_ORDER_TYPE = { shipping: 1, shopping: 2 } as const;

/**
 * Product `parentId` codes, taken from the v3 product/list filter (-1 independent, -2 parent) [OFF S2]; a
 * variant carries its parent's id. [INF] that answers use the same codes.
 */
export const NHANH_PARENT_ID = { independent: -1, parent: -2 } as const;
export type NhanhProductKind = 'independent' | 'parent' | 'variant';

export function productKind(parentId: number): NhanhProductKind {
  if (parentId === NHANH_PARENT_ID.parent) return 'parent';
  if (parentId > 0) return 'variant';
  return 'independent';
}

// ---------------------------------------------------------------------------------------------------------
// Answers. `code` decides success (1) or failure (0) [OFF S2]; [INF] the HTTP status is 200 for both, as
// third-party clients branch on `code` only. Unknown extra fields are allowed (zod strips them).
// ---------------------------------------------------------------------------------------------------------

const unixSeconds = z.number().int().nonnegative();

export const envelopeCodeSchema = z.object({ code: z.union([z.literal(0), z.literal(1)]) });

/**
 * A failure [OFF S2]: `messages` is a string or a per-field map; the v2 envelope [OFF S3] sends an array or a
 * map keyed by error code; the ERR_429 example uses `message` (singular). All are accepted.
 */
export const failureSchema = z.object({
  code: z.literal(0),
  errorCode: z.string().optional(),
  messages: z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]).optional(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});
export type NhanhFailure = z.output<typeof failureSchema>;

/** `data` of ERR_429 [OFF S2]. */
export const rateLimitDataSchema = z.object({
  lockedSeconds: z.number().nonnegative(),
  unlockedAt: unixSeconds,
});

/**
 * The cursor: an opaque value sent back exactly as received; absent or null means the last page [OFF S2].
 * [INF] `totalItems` rides in `paginator` on the first page only.
 */
export const paginatorSchema = z.object({
  next: z.unknown().optional(),
  totalItems: z.number().int().nonnegative().optional(),
});

export function successSchema<D extends z.ZodType>(data: D) {
  return z.object({ code: z.literal(1), data, paginator: paginatorSchema.optional() });
}

/** `data` of `app/getaccesstoken` [3P S16, several independent clients]. */
export const accessTokenDataSchema = z.object({
  accessToken: z.string().min(1),
  businessId: z.number().int().positive(),
  expiredAt: unixSeconds,
  depotIds: z.array(z.number().int()).default([]),
  permissions: z.unknown().optional(),
});

/** `data` of `business/depot` [OFF S2 lists the endpoint; fields INF]. */
export const depotsDataSchema = z.array(z.object({ id: z.number().int(), name: z.string() }));

const stockSchema = z.object({
  remain: z.number(),
  holding: z.number(),
  available: z.number(),
});

/**
 * One product of `product/list` [field names from v3 product/detail OFF S10 and v2 inventory OFF-v1 S7].
 * [INF] `inventory.depots` is keyed by depot id as in v2.
 */
export const productSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int(),
  code: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  status: z.number().int(),
  prices: z.object({ retail: z.number() }),
  inventory: stockSchema.extend({ depots: z.record(z.string(), stockSchema) }),
});
export const productListDataSchema = z.array(productSchema);

/** `data` of `product/add`: one row per item [OFF S2/S9]. */
export const productAddDataSchema = z.array(
  z.object({ appProductId: z.string(), id: z.number().int(), barcode: z.string().nullable() }),
);

/** `data` of `order/add`: the Nhanh order id [3P S18 reads `data.id`]. */
export const orderAddDataSchema = z.object({
  id: z.number().int(),
  trackingUrl: z.string().nullable().optional(),
});

/** One order of `order/list`, in the v3 blocks [OFF S13 v3; 3P S16]. */
export const orderSchema = z.object({
  info: z.object({
    id: z.number().int(),
    type: z.number().int(),
    status: z.number().int(),
    depotId: z.number().int().nullable(),
    createdAt: unixSeconds,
    updatedAt: unixSeconds,
    description: z.string().nullable().optional(),
  }),
  channel: z.object({
    saleChannel: z.number().int(),
    appOrderId: z.string().nullable(),
    sourceName: z.string().nullable().optional(),
  }),
  products: z.array(
    z.object({
      id: z.number().int(),
      price: z.number(),
      discount: z.number().default(0),
      quantity: z.number(),
    }),
  ),
});
export const orderListDataSchema = z.array(orderSchema);

/** `data` of v2 `order/update` [OFF-v1 S7; 3P S6]. */
export const orderUpdateDataSchema = z.object({
  orderId: z.union([z.number().int(), z.string()]),
  status: z.string(),
});

// ---------------------------------------------------------------------------------------------------------
// Requests and the plain shapes callers see: the version-specific field names stop here.
// ---------------------------------------------------------------------------------------------------------

export interface NhanhDepot {
  id: number;
  name: string;
}

export interface NhanhStock {
  remain: number;
  holding: number;
  /** Sellable quantity, the number to show and to block out-of-stock orders with [OFF S13]. */
  available: number;
}

export interface NhanhProduct {
  id: number;
  kind: NhanhProductKind;
  /** The parent's id for a variant, otherwise undefined. */
  parentId?: number;
  code: string;
  barcode: string | null;
  name: string;
  price: number;
  status: number;
  stock: NhanhStock & { byDepot: Record<number, NhanhStock> };
}

export function toProduct(raw: z.output<typeof productSchema>): NhanhProduct {
  const { depots, ...total } = raw.inventory;
  return {
    id: raw.id,
    kind: productKind(raw.parentId),
    parentId: raw.parentId > 0 ? raw.parentId : undefined,
    code: raw.code,
    barcode: raw.barcode,
    name: raw.name,
    price: raw.prices.retail,
    status: raw.status,
    stock: {
      ...total,
      byDepot: Object.fromEntries(Object.entries(depots).map(([id, stock]) => [Number(id), stock])),
    },
  };
}

export interface NhanhProductFilters {
  ids?: number[];
  /** Matches name, code or barcode [OFF S8, v2 wording; INF the same in v3]. */
  name?: string;
  kind?: 'independent' | 'parent';
  /** Only the variants of this parent. */
  parentId?: number;
  /** Unix seconds. */
  updatedAtFrom?: number;
  updatedAtTo?: number;
}

export function productListBody(filters: NhanhProductFilters, size: number, next: unknown) {
  const { kind, parentId, ...rest } = filters;
  const parent = kind ? NHANH_PARENT_ID[kind] : parentId;
  return {
    filters: { ...rest, ...(parent !== undefined ? { parentId: parent } : {}) },
    paginator: { size, sort: { id: 'asc' }, ...(next !== undefined ? { next } : {}) },
  };
}

/** One product for `product/add`; `appProductId` is our id and the idempotency key. */
export interface NhanhProductInput {
  appProductId: string;
  name: string;
  code?: string;
  barcode?: string;
  price?: number;
}

export interface NhanhOrderInput {
  /** The Tiki order code: `channel.appOrderId`, Nhanh refuses a second order with it. */
  appOrderId: string;
  depotId: number;
  status?: (typeof NHANH_CREATE_STATUSES)[number];
  type?: keyof typeof NHANH_ORDER_TYPE;
  /** Free-text source, e.g. "Tiki" (no saleChannel input exists [INF from S12/S14]). */
  sourceName?: string;
  description?: string;
  customer: { name: string; mobile: string; address?: string };
  /** By Nhanh product id; price and discount in VND per unit. */
  products: { id: number; price: number; quantity: number; discount?: number }[];
  payment?: { transferAmount?: number; depositAmount?: number };
}

/** The v3 order/add body [OFF S12 example]. */
export function orderAddBody(order: NhanhOrderInput) {
  return {
    info: {
      type: NHANH_ORDER_TYPE[order.type ?? 'shipping'],
      depotId: order.depotId,
      status: NHANH_ORDER_STATUS[order.status ?? 'New'],
      ...(order.description !== undefined ? { description: order.description } : {}),
    },
    channel: { appOrderId: order.appOrderId, ...(order.sourceName ? { sourceName: order.sourceName } : {}) },
    shippingAddress: {
      name: order.customer.name,
      mobile: order.customer.mobile,
      ...(order.customer.address ? { address: order.customer.address } : {}),
    },
    products: order.products.map((line) => ({ ...line, discount: line.discount ?? 0 })),
    ...(order.payment ? { payment: order.payment } : {}),
  };
}

export interface NhanhOrder {
  id: number;
  appOrderId: string | null;
  /** Undefined for an int not in the (third-party) table: shown as `statusCode`. */
  status: NhanhOrderStatus | undefined;
  statusCode: number;
  depotId: number | null;
  /** Unix seconds. */
  createdAt: number;
  updatedAt: number;
  products: { id: number; price: number; discount: number; quantity: number }[];
}

export function toOrder(raw: z.output<typeof orderSchema>): NhanhOrder {
  return {
    id: raw.info.id,
    appOrderId: raw.channel.appOrderId,
    status: orderStatusName(raw.info.status),
    statusCode: raw.info.status,
    depotId: raw.info.depotId,
    createdAt: raw.info.createdAt,
    updatedAt: raw.info.updatedAt,
    products: raw.products,
  };
}

export type NhanhOrderDateField = 'createdAt' | 'updatedAt';

/** One ≤ 31-day window of order/list (unix s, both ends inclusive). [INF] `appOrderIds` filter, see docs. */
export function orderListBody(
  window: { field: NhanhOrderDateField; from: number; to: number },
  appOrderIds: string[] | undefined,
  size: number,
  next: unknown,
) {
  return {
    filters: {
      [`${window.field}From`]: window.from,
      [`${window.field}To`]: window.to,
      ...(appOrderIds ? { appOrderIds } : {}),
    },
    paginator: { size, sort: { id: 'asc' }, ...(next !== undefined ? { next } : {}) },
  };
}

/** The `data` JSON of v2 order/update: by Nhanh order id [OFF-v1 S7]. */
export function orderUpdateV2Data(orderId: number, status: NhanhSettableStatus) {
  return { orderId, status };
}
