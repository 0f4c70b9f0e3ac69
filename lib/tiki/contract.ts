import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { z } from 'zod';
import { DOCUMENTED_API_BASE } from '../config/api-bases';
import { wallTimeToEpoch } from '../time/wall-time';

/*
 * Everything this extension assumes about the Tiki Seller Open API, in one file, so a correction against the
 * real service touches only this file. Keys in comments (OT-x, MVC, QLK, SC-legacy, pmcp…) are the sources
 * of ../shared/reference/tiki-open-api.md; docs/api-contracts.md (## Tiki) lists the same assumptions.
 */

/** Production host (OT-x), kept with the other documented hosts; the sandbox serves the same paths below its `/tiki` mount. */
export const TIKI_PRODUCTION_BASE_URL = DOCUMENTED_API_BASE.tiki;

/** Paths below the base URL, and the endpoint names errors carry (method + template, never a real URL). */
export const TIKI_PATHS = {
  /** OT-cc: client_credentials token, form-urlencoded. */
  token: '/sc/oauth2/token',
  /** OT-seller: the connection check. */
  seller: '/integration/v2/sellers/me',
  /** MVC, Gobiz: v2.1 list with `include=inventory`. */
  products: '/integration/v2.1/products',
  product: (productId: number) => `/integration/v2.1/products/${productId}`,
  /** OT-ordapi. */
  orders: '/integration/v2/orders',
  order: (code: string) => `/integration/v2/orders/${encodeURIComponent(code)}`,
  /** OT-evq: event queues are v1. */
  queues: '/integration/v1/queues',
  subscriptions: (queueCode: string) =>
    `/integration/v1/queues/${encodeURIComponent(queueCode)}/subscriptions`,
  pullEvents: (queueCode: string) => `/integration/v1/queues/${encodeURIComponent(queueCode)}/events/pull`,
  /** tiki_ex (`#get-seller-warehouse`): the seller's own warehouses, `status` 1 active; the stock push's targets. */
  warehouses: '/integration/v2/sellers/me/warehouses',
  /** OFF §3.3: price, quantity and active of one product, approved automatically. */
  updateSku: '/integration/v2/products/updateSku',
  /** OFF §3.3: the batch of the same, `{data: […]}`, for `seller_simple` products only (OFF §3.1). */
  updateSkus: '/integration/v2.1/products/updateSkus',
} as const;

export const TIKI_ENDPOINTS = {
  token: 'POST /sc/oauth2/token',
  seller: 'GET /integration/v2/sellers/me',
  products: 'GET /integration/v2.1/products',
  product: 'GET /integration/v2.1/products/{id}',
  orders: 'GET /integration/v2/orders',
  order: 'GET /integration/v2/orders/{code}',
  listQueues: 'GET /integration/v1/queues',
  createQueue: 'POST /integration/v1/queues',
  subscribe: 'POST /integration/v1/queues/{code}/subscriptions',
  pullEvents: 'POST /integration/v1/queues/{code}/events/pull',
  warehouses: 'GET /integration/v2/sellers/me/warehouses',
  updateSku: 'PUT /integration/v2/products/updateSku',
  updateSkus: 'PUT /integration/v2.1/products/updateSkus',
} as const;

/** One GET whose answer is read as Tiki sent it: what the probes and the compatibility check inspect. */
export interface TikiRead {
  path: string;
  endpoint: string;
}

/** The reads the features rely on (and the warehouses the stock push will need). Each is a GET: none writes. */
export const TIKI_READS = {
  seller: { path: TIKI_PATHS.seller, endpoint: TIKI_ENDPOINTS.seller },
  orders: { path: TIKI_PATHS.orders, endpoint: TIKI_ENDPOINTS.orders },
  products: { path: TIKI_PATHS.products, endpoint: TIKI_ENDPOINTS.products },
  warehouses: { path: TIKI_PATHS.warehouses, endpoint: TIKI_ENDPOINTS.warehouses },
} as const satisfies Record<string, TikiRead>;
export type TikiReadName = keyof typeof TIKI_READS;

export function tikiProductRead(productId: number): TikiRead {
  return { path: TIKI_PATHS.product(productId), endpoint: TIKI_ENDPOINTS.product };
}

/**
 * How an in-house app proves itself at the token endpoint [OFF §1.4]: id and secret in an HTTP Basic header, or in
 * the form body. "The OAuth 2.0 Client has to be configured to allow either of the one": the other one fails.
 */
export const TIKI_TOKEN_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type TikiTokenAuthMethod = (typeof TIKI_TOKEN_AUTH_METHODS)[number];

/**
 * SC-legacy: the seller-center "Tham số kết nối" travels in this header. Assumption (🔶, unknown upstream):
 * the same key is accepted on the v2 paths, as Nhanh and Haravan use it for their Tiki connectors.
 */
export const CONNECTION_KEY_HEADER = 'tiki-api';

/**
 * OT-x: timestamps are `yyyy-MM-dd HH:mm:ss` without an offset. Assumption (pmcp ◐): they are Vietnam wall
 * time, Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
 */
export const TIKI_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const TIKI_DATE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const TIKI_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Epoch milliseconds → the wall time Tiki filters take (`updated_from_date` …). Sub-second parts are dropped. */
export function formatTikiDateTime(epochMs: number): string {
  return format(new TZDate(epochMs, TIKI_TIME_ZONE), TIKI_DATE_TIME_FORMAT);
}

/** A Tiki timestamp (Vietnam wall time) → epoch milliseconds; NaN when it is not in Tiki's format. */
export function parseTikiDateTime(text: string): number {
  return TIKI_DATE_TIME_PATTERN.test(text) ? wallTimeToEpoch(text, TIKI_TIME_ZONE) : Number.NaN;
}

export const tikiDateTimeSchema = z.string().regex(TIKI_DATE_TIME_PATTERN, 'expected yyyy-MM-dd HH:mm:ss');

/**
 * Paging (QLK real response): page is 1-based; `last_page` is 0 when nothing matches (MVC ◐). Maximum
 * `limit` is 100 (MVC, pmcp ◐); lists are walked with 50 a page to stay well inside it.
 */
export const TIKI_PAGE_LIMIT = 50;
/** The largest `limit` (MVC, pmcp ◐): used only to read one tied second in as few calls as possible. */
export const TIKI_MAX_PAGE_LIMIT = 100;

/** True when `paging` describes the last page (or an empty result). */
export function isLastTikiPage(paging: { current_page: number; last_page: number }): boolean {
  return paging.current_page >= paging.last_page;
}

/** OT-status: the order statuses (delivered and successful_delivery are one documented row). */
export const TIKI_ORDER_STATUSES = [
  'queueing',
  'processing',
  'waiting_payment',
  'payment_review',
  'paid',
  'picking',
  'packaging',
  'finished_packing',
  'ready_to_ship',
  'handover_to_partner',
  'shipping',
  'holded',
  'delivered',
  'successful_delivery',
  'complete',
  'canceled',
  'closed',
  'returned',
] as const;
export type TikiOrderStatus = (typeof TIKI_ORDER_STATUSES)[number];

/** OT-ordapi: `fulfillment_type` values. */
export const TIKI_FULFILLMENT_TYPES = [
  'tiki_delivery',
  'seller_delivery',
  'cross_border',
  'dropship',
  'instant_delivery',
] as const;
export type TikiFulfillmentType = (typeof TIKI_FULFILLMENT_TYPES)[number];

/**
 * Tiki's inventory type for goods it stores and ships itself (FBT): `instock` [CE: tiki-theory/inventory-type];
 * `backorder`, `seller_backorder`, `dropship`, `cross_border` are the seller's. [INF] An order is Tiki's when
 * its `fulfillment_type` says so or every line's `inventory_type` does (Tiki splits orders by warehouse).
 */
export const TIKI_FULFILLED_INVENTORY_TYPE = 'instock';

/**
 * `include` values of the order endpoints (tiki_ex, QLK). One Python client spells it `items.fees`; the
 * documented `item.fees` is used.
 */
export const TIKI_ORDER_INCLUDES = ['status_histories', 'item.fees'] as const;
export type TikiOrderInclude = (typeof TIKI_ORDER_INCLUDES)[number];

/**
 * The product detail takes `includes` in OT-prod and `include` in the v2.1 list (MVC); which one v2.1 detail
 * reads is not captured, so the client sends both with the same value.
 */
export const TIKI_PRODUCT_INCLUDE = 'inventory,attributes';

/**
 * The v2.1 list takes `include` with `attributes` among its values (MVC): asked for, so a change of a product's
 * attributes (a variant's option values) is seen at download. A list that ignores it simply carries none.
 */
export const TIKI_PRODUCT_LIST_INCLUDE = 'inventory,attributes';

/** OT-ordapi: `in|a,b` or `nin|a,b` (the pipe is encoded as %7C by the URL encoder). */
export type TikiSetExpression<T extends string> = { in: readonly T[] } | { nin: readonly T[] };

export function formatSetExpression<T extends string>(expression: TikiSetExpression<T>): string {
  return 'in' in expression ? `in|${expression.in.join(',')}` : `nin|${expression.nin.join(',')}`;
}

/** OT-ordapi: `order_by=column|direction`. */
export interface TikiOrderBy {
  column: 'created_at' | 'updated_at';
  direction: 'asc' | 'desc';
}

/**
 * OAuth token lifetime is never hard-coded (❌ undocumented; `expires_in` is read from each answer). It is
 * renewed this long before it runs out (MVC renews at expires_in − 600 s), or at half its life if shorter.
 */
export const TIKI_TOKEN_RENEWAL_MARGIN_MS = 600_000;

/**
 * OT-err: 200 requests per second per seller, 429 beyond. The worker paces each seller a little under it, so one
 * seller's jobs together (orders, catalogue, stock) never meet a 429 of their own making.
 */
export const TIKI_RATE_LIMIT = { requests: 190, windowMs: 1_000 } as const;

/** OT-err: `{"errors":["…"]}` on 4xx and 5xx. */
export const tikiErrorBodySchema = z.object({ errors: z.array(z.string()) });

/**
 * SC-legacy: the legacy key's answers. A wrong key: 403 `{"msg":"Permission denied"}`. A connection the seller
 * paused: **HTTP 200** `{"msg":"Kết nối đang tạm ngưng bởi seller","integration_status":…}`.
 */
export const tikiLegacyMessageSchema = z.object({
  msg: z.string(),
  integration_status: z.unknown().optional(),
});
export const TIKI_PERMISSION_DENIED = 'Permission denied';
/** Recognises the paused answer by its documented wording or by the `integration_status` field it carries. */
export function isPausedAnswer(body: z.output<typeof tikiLegacyMessageSchema>): boolean {
  return body.integration_status !== undefined || /tạm ngưng/i.test(body.msg);
}

/** The OAuth2 server's error shape (RFC 6749 §5.2), e.g. `{"error":"invalid_client"}`. */
export const tikiOAuthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/*
 * Stock push (docs/api-contracts.md, "Stock push"). OFF §3.3 documents the request bodies; the answers come from
 * one public client (MVC: `{"state":"approved"}`, `{"errors":["update error [Warehouse '[15936811]' are not
 * found]"]}`); the batch answer, its size limit and "warehouses left out are set to 0" (pmcp ◐) are not in the
 * stored official text.
 */

/** The state of an accepted update (MVC real answer; OFF §3.3 "Your request will be approved automatically"). */
export const TIKI_UPDATE_APPROVED = 'approved';

/** The batch update takes only these products (OFF §3.1 "Batch update … for seller_simple products"). */
export const TIKI_BATCH_ENTITY_TYPE = 'seller_simple';

/**
 * Products per `updateSkus` call. ❌ Tiki documents no limit; 50 is the page size every list here is read with,
 * small enough that one request stays far below any plausible body limit and a refused batch re-sent product by
 * product costs at most 50 calls, large enough that 5,000 products need 100 calls (half a second of the
 * 200-per-second budget). The sandbox refuses larger batches with a 400.
 */
export const TIKI_MAX_SKUS_PER_BATCH = 50;

/**
 * The longest `Retry-After` a call waits out in place (Tiki documents no such header, OT-err). Asked to wait
 * longer, the call gives up with a retryable `rate_limited` and the job tries again on its next run.
 */
export const TIKI_MAX_RETRY_AFTER_MS = 60_000;

/** `warehouse_quantities[]` of an update (OFF §3.3): the quantity of one seller warehouse. */
export interface TikiWarehouseQuantity {
  warehouse_id: number;
  /** OFF §3.6 reads `quantity_available` as "actual number of items in stock" (sellable + reserved). */
  qty_available: number;
}

/** One product's update, keyed by `product_id` (OFF §3.3 also allows `original_sku`; the push never uses it). */
export interface TikiSkuUpdate {
  product_id: number;
  /**
   * Every seller warehouse of the product: Tiki sets a warehouse left out to 0 (pmcp ◐), so the push lists all.
   */
  warehouse_quantities: TikiWarehouseQuantity[];
}

/** `seller_warehouse` as the doc writes it: the warehouse ids joined by ", " ("1034, 1015", OFF §3.3). */
export function sellerWarehouseList(quantities: readonly TikiWarehouseQuantity[]): string {
  return quantities.map((quantity) => quantity.warehouse_id).join(', ');
}

/** The documented body of one product's update (OFF §3.3), without price or active: only stock changes. */
export function skuUpdateBody(update: TikiSkuUpdate) {
  return {
    product_id: update.product_id,
    seller_warehouse: sellerWarehouseList(update.warehouse_quantities),
    warehouse_quantities: update.warehouse_quantities.map(({ warehouse_id, qty_available }) => ({
      warehouse_id,
      qty_available,
    })),
  };
}

/** Seller warehouse `type` (OFF §4.2): pickup (`requisition`) or return (`withdrawal`); tiki_ex filters 1 / 0. */
export const TIKI_WAREHOUSE_TYPES = { requisition: 1, withdrawal: 0 } as const;
export type TikiWarehouseType = keyof typeof TIKI_WAREHOUSE_TYPES;
