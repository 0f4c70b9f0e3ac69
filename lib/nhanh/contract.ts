import { z } from 'zod';
import { DOCUMENTED_API_BASE } from '../config/api-bases';
import { lenientInt, lenientNumber, lenientText, optionalField } from '../http/tolerant';

/**
 * Everything the Nhanh client assumes about Nhanh.vn Open API v3.0 (v2 is out of support since 30 Nov 2026
 * [OFF-v3 §1]: nothing here calls it), in one file: hosts, paths, the envelope, limits, status and error codes, and the zod schemas of every
 * answer. Sources are cited as in `docs/api-contracts.md` (S1…S18 of `nhanh-open-api.md`); `[INF]` marks an
 * inference where the public material is silent. A correction against the real API should touch this file only.
 */

/**
 * POS API host [OFF S1], kept with the other documented hosts in lib/config/api-bases.ts. The client takes the
 * base as a parameter so the sandbox can stand in.
 */
export const NHANH_API_BASE = DOCUMENTED_API_BASE.nhanh;
/** The login page that grants an app access to a business [OFF-v3 §2.2]. */
export const NHANH_OAUTH_URL = DOCUMENTED_API_BASE.nhanhOauth;

/** v3 paths, each `POST {base}{path}?appId=&businessId=` with a JSON body [OFF S1, S2]. */
export const NHANH_PATHS = {
  getAccessToken: '/v3.0/app/getaccesstoken',
  /** The token's expiry, grants and depots, for `{secretKey}` [OFF-v3 §2.5]; read by the compatibility check. */
  checkAccessToken: '/v3.0/app/checkaccesstoken',
  depots: '/v3.0/business/depot',
  productList: '/v3.0/product/list',
  /** Stock only, rows keyed `productId`, paged like product/list [OFF-v3 §7.5]; the coming stock push's source. */
  productInventory: '/v3.0/product/inventory',
  productAdd: '/v3.0/product/add',
  orderAdd: '/v3.0/order/add',
  orderList: '/v3.0/order/list',
  /** Status changes: `{"info": {"id", "status"}}` [OFF-v3 §8.3]. */
  orderEdit: '/v3.0/order/edit',
  /** Cancels the shipment of an order sent to a carrier [OFF-v3 §8.4]; only ever on the seller's click. */
  orderCancelCarrier: '/v3.0/order/cancelcarrier',
} as const;

export type NhanhPath = (typeof NHANH_PATHS)[keyof typeof NHANH_PATHS];

/** The list, detail and check endpoints: the only ones whose answers may be read as sent (none changes data). */
export const NHANH_READ_PATHS = [
  NHANH_PATHS.checkAccessToken,
  NHANH_PATHS.depots,
  NHANH_PATHS.productList,
  NHANH_PATHS.productInventory,
  NHANH_PATHS.orderList,
] as const;
export type NhanhReadPath = (typeof NHANH_READ_PATHS)[number];

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

/** Rate limit: 150 requests per 30 s per appId + businessId + URL unless an endpoint documents its own [OFF S2]. */
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
 * A second order with the same appId + appOrderId is refused ("NhanhAPI sẽ chặn trùng theo appId + appOrderId"
 * [OFF-v3 §8.2]), but the answer is not documented. Public clients recognise it by the field, an error code or
 * the wording [CE: a Python sync, a Java `isDuplicateResponse`], so all three count: ERR_INVALID_FORM_FIELDS
 * naming this field, an errorCode or a message matching the pattern below.
 */
export const DUPLICATE_APP_ORDER_FIELD = 'channel.appOrderId';
export const DUPLICATE_ORDER_PATTERN = /đã tồn tại|already exist|existed|duplicate|trùng/i;

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

/** Order statuses, v3 ints [OFF-v3 §5 Model Constant "Order Status"], named as the third-party clients do. */
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

/** Statuses an order may be created with [OFF-v3 §8.2: "Mới, Chờ xác nhận, Đang xác nhận, Đã xác nhận"]. */
export const NHANH_CREATE_STATUSES = [
  'New',
  'Confirming',
  'Confirmed',
] as const satisfies readonly NhanhOrderStatus[];

/**
 * Targets `order/edit` accepts: "Đã xác nhận, Khách hủy, Hệ thống hủy, Thành công, Đã hoàn" [OFF-v3 §8.3].
 * "Đã hoàn" has no int in the docs' status table; [INF] it is 72 "Đã chuyển hoàn", the nearest label (changelog
 * 2025-11-20 added it); the compatibility check cannot settle it read-only (`nhanh.order.returnedStatus`). A
 * refusal is shown on the order, never hidden.
 */
export const NHANH_SETTABLE_STATUSES = [
  'Confirmed',
  'Success',
  'Canceled',
  'Aborted',
  'Returned',
] as const satisfies readonly NhanhOrderStatus[];
export type NhanhSettableStatus = (typeof NHANH_SETTABLE_STATUSES)[number];

/**
 * "Đơn hàng đã gửi sang hãng vận chuyển hoặc trạng thái Thành công, Đã hoàn không được phép sửa"
 * [OFF-v3 §8.3]: the only source-state rule of `order/edit`. Success and Đã hoàn are final.
 */
export const NHANH_UNEDITABLE_STATUSES = [
  'Success',
  'Returned',
] as const satisfies readonly NhanhOrderStatus[];

/**
 * Statuses that only exist once a carrier has the parcel: "Chờ thu gom", "Đang chuyển", "Đang chuyển hoàn"
 * [OFF-v3 §5]. [INF] Together with `carrier.sendCarrierAt` / `carrier.carrierCode` of order/list
 * [OFF-v3 §8.1], they tell an order sent to a carrier through Nhanh.
 */
export const NHANH_CARRIER_STATUSES = [
  'Pickup',
  'Shipping',
  'Returning',
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

/** `data` of `app/getaccesstoken` [OFF-v3 §2.4]; `token_type`-like extras are ignored. */
export const accessTokenDataSchema = z.object({
  accessToken: z.string().min(1),
  businessId: lenientInt.pipe(z.int().positive()),
  expiredAt: lenientInt.pipe(z.int().nonnegative()),
  depotIds: z
    .array(lenientInt)
    .nullish()
    .catch(undefined)
    .transform((ids) => ids ?? []),
  permissions: z.unknown().optional(),
});

/** `data` of `business/depot` [OFF-v3 §6.1: `{id, code, name, mobile, location}`, paged by `paginator.next`]. */
export const depotSchema = z.object({
  id: lenientInt,
  name: optionalField(z.string()),
  code: optionalField(lenientText),
});

/** A depot's stock [OFF-v3 §7.1]; every count optional: a missing one is unknown, not 0. */
const stockSchema = z.object({
  remain: optionalField(lenientNumber),
  holding: optionalField(lenientNumber),
  available: optionalField(lenientNumber),
});

/**
 * `inventory` of product/list [OFF-v3 §7.1]: `depots` is an ARRAY of objects with their own `id`; the v2 map
 * keyed by depot id is read too. A product without the block has unknown stock.
 */
const inventorySchema = stockSchema.extend({
  depots: optionalField(
    z.union([
      z.array(stockSchema.extend({ id: lenientInt })),
      z
        .record(z.string(), stockSchema)
        .transform((byId) => Object.entries(byId).map(([id, stock]) => ({ ...stock, id: Number(id) }))),
    ]),
  ),
});

/**
 * One product of `product/list` [OFF-v3 §7.1]. Only `id` is required: a product without a barcode, prices or
 * an inventory block is still a product.
 */
export const productSchema = z.object({
  id: lenientInt,
  parentId: optionalField(lenientInt),
  code: optionalField(lenientText),
  barcode: optionalField(lenientText),
  name: optionalField(z.string()),
  status: optionalField(lenientInt),
  prices: optionalField(z.object({ retail: optionalField(lenientNumber) })),
  inventory: optionalField(inventorySchema),
});

/** `data` of `product/add`: one row per item [OFF-v3 §7.2]. */
export const productAddDataSchema = z.array(
  z.object({
    appProductId: lenientText,
    id: lenientInt,
    barcode: optionalField(lenientText).transform((value) => value ?? null),
  }),
);

/**
 * `data` of `order/add`: `{id, trackingUrl, carrierCode}` [OFF-v3 §8.2]; one public client reads a list
 * `[{id}]` [CE], and `data` may be empty when the order already exists [CE, 3P]: all three are read.
 */
const addedOrderSchema = z.union([
  z.object({ id: lenientInt }),
  z
    .array(z.object({ id: lenientInt }))
    .min(1)
    .transform((rows) => rows[0]!),
]);
export const orderAddDataSchema = z
  .unknown()
  .optional()
  .transform((data) => {
    const added = addedOrderSchema.safeParse(data);
    return added.success ? { id: added.data.id } : null;
  });

/** One line of an order: `productId` [OFF-v3 §8.1] or `id` [OFF-v3 §9.5 webhooks]. */
const orderLineSchema = z
  .object({
    productId: optionalField(lenientInt),
    id: optionalField(lenientInt),
    price: lenientNumber,
    discount: optionalField(lenientNumber),
    quantity: lenientNumber,
  })
  .transform((line, context) => {
    const id = line.productId ?? line.id;
    if (id === undefined || id === null) {
      context.addIssue({ code: 'custom', path: ['productId'], message: 'productId is missing' });
      return z.NEVER;
    }
    return { id, price: line.price, discount: line.discount ?? 0, quantity: line.quantity };
  });

/**
 * One order of `order/list` [OFF-v3 §8.1]. Only `info.id` is required; a status Nhanh's table does not name, or
 * lines that cannot be read, are kept as unknown (`status` undefined, `products` null) for the caller to judge.
 */
export const orderSchema = z.object({
  info: z.object({
    id: lenientInt,
    status: optionalField(lenientInt),
    depotId: optionalField(lenientInt),
    createdAt: optionalField(lenientInt),
    updatedAt: optionalField(lenientInt),
  }),
  channel: optionalField(z.object({ appOrderId: optionalField(lenientText) })),
  products: z.array(orderLineSchema).nullish().catch(null),
  carrier: optionalField(
    z.object({ sendCarrierAt: optionalField(lenientInt), carrierCode: optionalField(lenientText) }),
  ),
  /** `payment.transfer {amount, accountId, name}` [OFF-v3 §8.1]: what the order holds as transferred. */
  payment: optionalField(
    z.object({ transfer: optionalField(z.object({ amount: optionalField(lenientNumber) })) }),
  ),
});

/** `data` of `order/edit`: `{id, trackingUrl, carrierCode}` [OFF-v3 §8.3]; nothing of it is needed. */
export const orderEditDataSchema = z.unknown().optional();

// ---------------------------------------------------------------------------------------------------------
// Requests and the plain shapes callers see: the version-specific field names stop here.
// ---------------------------------------------------------------------------------------------------------

export interface NhanhDepot {
  id: number;
  name: string;
}

export function toDepot(raw: z.output<typeof depotSchema>): NhanhDepot {
  return { id: raw.id, name: raw.name?.trim() || `#${raw.id}` };
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
  /** 0 when Nhanh sent no retail price. */
  price: number;
  status: number | null;
  /** Null when the answer had no inventory block. */
  stock: NhanhProductStock | null;
}

/** A product's stock: totals over every depot, and per depot id. */
export type NhanhProductStock = NhanhStock & { byDepot: Record<number, NhanhStock> };

/** [OFF-v3 §7.1] `available` is what can be sold; [INF] remain − holding when only those are sent. */
function toStock(raw: z.output<typeof stockSchema>): NhanhStock {
  const remain = raw.remain ?? 0;
  const holding = raw.holding ?? 0;
  return { remain, holding, available: raw.available ?? remain - holding };
}

export function toProduct(raw: z.output<typeof productSchema>): NhanhProduct {
  const parentId = raw.parentId ?? NHANH_PARENT_ID.independent;
  return {
    id: raw.id,
    kind: productKind(parentId),
    parentId: parentId > 0 ? parentId : undefined,
    code: raw.code ?? '',
    barcode: raw.barcode?.trim() || null,
    name: raw.name ?? '',
    price: raw.prices?.retail ?? 0,
    status: raw.status ?? null,
    stock: toStockBlock(raw.inventory),
  };
}

/** An `inventory` block as totals plus per-depot stock; null when the answer had none (unknown, not 0). */
function toStockBlock(
  inventory: z.output<typeof inventorySchema> | null | undefined,
): NhanhProductStock | null {
  if (!inventory) return null;
  return {
    ...toStock(inventory),
    byDepot: Object.fromEntries((inventory.depots ?? []).map((depot) => [depot.id, toStock(depot)])),
  };
}

/**
 * One row of `product/inventory` [OFF-v3 §7.5]: keyed `productId` (not `id`), no `code`; only the id is
 * required, a row without an inventory block has unknown stock.
 */
export const inventoryRowSchema = z.object({
  productId: lenientInt,
  inventory: optionalField(inventorySchema),
});

export interface NhanhInventoryRow {
  productId: number;
  /** Null when the row had no inventory block. */
  stock: NhanhProductStock | null;
}

export function toInventoryRow(raw: z.output<typeof inventoryRowSchema>): NhanhInventoryRow {
  return { productId: raw.productId, stock: toStockBlock(raw.inventory) };
}

/**
 * `filters` of product/inventory [OFF-v3 §7.5]. `updatedAtFrom`/`updatedAtTo` are unix seconds; the page says
 * this endpoint filters by the time stock changed ("lọc theo thời gian thay đổi số tồn"), while a note copied from
 * product/list says `updatedAt` excludes stock: unresolved (docs/api-contracts.md "Stock push"), so callers keep
 * a daily full pass.
 */
export interface NhanhInventoryFilters {
  /** At most {@link NHANH_MAX_IDS_PER_FILTER}. */
  ids?: number[];
  depotIds?: number[];
  updatedAtFrom?: number;
  updatedAtTo?: number;
}

/** The body of product/inventory: no `sort` (the default, `productId` desc), the cursor sent back as received. */
export function inventoryBody(filters: NhanhInventoryFilters, size: number, next: unknown) {
  return { filters, paginator: { size, ...(next !== undefined ? { next } : {}) } };
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
  /** Free-text source, e.g. "Tiki" (no saleChannel input exists [OFF-v3 §8.2]). */
  sourceName?: string;
  description?: string;
  customer: { name: string; mobile: string; address?: string };
  /** By Nhanh product id; price and discount in VND per unit. */
  products: { id: number; price: number; quantity: number; discount?: number }[];
  payment?: { transferAmount?: number; depositAmount?: number };
}

/** The v3 order/add body [OFF-v3 §8.2 example]. */
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
  /** Undefined for an int not in the status table (or none sent): shown as `statusCode`. */
  status: NhanhOrderStatus | undefined;
  statusCode: number | null;
  depotId: number | null;
  /** Unix seconds; null when not sent. */
  createdAt: number | null;
  updatedAt: number | null;
  /** Null when Nhanh's lines could not be read: the order's value is then unknown. */
  products: { id: number; price: number; discount: number; quantity: number }[] | null;
  /** Sent to a carrier through Nhanh: `order/edit` can no longer change it [OFF-v3 §8.3]. */
  sentToCarrier: boolean;
  /** What the order holds as paid by transfer; 0 when Nhanh sent no transfer block. */
  transferAmount: number;
}

export function toOrder(raw: z.output<typeof orderSchema>): NhanhOrder {
  const statusCode = raw.info.status ?? null;
  const status = statusCode === null ? undefined : orderStatusName(statusCode);
  const carrier = raw.carrier;
  return {
    id: raw.info.id,
    appOrderId: raw.channel?.appOrderId ?? null,
    status,
    statusCode,
    depotId: raw.info.depotId ?? null,
    createdAt: raw.info.createdAt ?? null,
    updatedAt: raw.info.updatedAt ?? null,
    products: raw.products ?? null,
    sentToCarrier:
      (carrier?.sendCarrierAt ?? 0) > 0 ||
      Boolean(carrier?.carrierCode?.trim()) ||
      (status !== undefined && (NHANH_CARRIER_STATUSES as readonly string[]).includes(status)),
    transferAmount: raw.payment?.transfer?.amount ?? 0,
  };
}

export type NhanhOrderDateField = 'createdAt' | 'updatedAt';

/**
 * order/list filters [OFF-v3 §8.1]: a ≤ 31-day window of one date field, or `ids` (which lifts the date
 * requirement). `appOrderIds` is NOT documented: sent only as a first try whose answer the client checks.
 */
export type NhanhOrderListFilter =
  | { window: { field: NhanhOrderDateField; from: number; to: number }; appOrderIds?: string[] }
  | { ids: number[] };

export function orderListBody(filter: NhanhOrderListFilter, size: number, next: unknown) {
  const filters =
    'ids' in filter
      ? { ids: filter.ids }
      : {
          [`${filter.window.field}From`]: filter.window.from,
          [`${filter.window.field}To`]: filter.window.to,
          ...(filter.appOrderIds ? { appOrderIds: filter.appOrderIds } : {}),
        };
  return { filters, paginator: { size, ...(next !== undefined ? { next } : {}) } };
}

/** The order/edit body of a status change: only the fields to change [OFF-v3 §8.3 example 1]. */
export function orderStatusEditBody(orderId: number, status: NhanhSettableStatus) {
  return { info: { id: orderId, status: NHANH_ORDER_STATUS[status] } };
}

/** A transfer to record on an order: VND, the bank account's id in Nhanh, and a reference the seller reads. */
export interface NhanhTransferInput {
  amount: number;
  accountId: number;
  code: string;
}

/** The order/edit body of a payment only: `payment {transferAmount, transferAccountId, code}` [OFF-v3 §8.3]. */
export function orderPaymentEditBody(orderId: number, transfer: NhanhTransferInput) {
  return {
    info: { id: orderId },
    payment: { transferAmount: transfer.amount, transferAccountId: transfer.accountId, code: transfer.code },
  };
}

/** The order/cancelcarrier body [OFF-v3 §8.4 example: `{"orderId": 14905641}`]. */
export function cancelCarrierBody(orderId: number) {
  return { orderId };
}
