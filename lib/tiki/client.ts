import { z } from 'zod';
import { ApiError, invalidResponse, parseResponse } from '../http/api-error';
import { type RetryDecision, type RetryPolicy, withRetry } from '../http/retry';
import { readRecords, type UnreadableRecord } from '../http/tolerant';
import type { Clock } from '../time/clock';
import {
  CONNECTION_KEY_HEADER,
  formatSetExpression,
  formatTikiDateTime,
  isLastTikiPage,
  skuUpdateBody,
  TIKI_ENDPOINTS,
  TIKI_MAX_RETRY_AFTER_MS,
  TIKI_MAX_SKUS_PER_BATCH,
  TIKI_ORDER_INCLUDES,
  TIKI_PAGE_LIMIT,
  TIKI_PATHS,
  TIKI_PRODUCT_INCLUDE,
  TIKI_PRODUCT_LIST_INCLUDE,
  TIKI_UPDATE_APPROVED,
  TIKI_WAREHOUSE_TYPES,
  type TikiFulfillmentType,
  type TikiOrderBy,
  type TikiOrderInclude,
  type TikiOrderStatus,
  type TikiRead,
  type TikiSetExpression,
  type TikiSkuUpdate,
  type TikiWarehouseType,
} from './contract';
import {
  readRetryAfter,
  TIKI_UPDATE_REJECTED,
  TikiApiError,
  tikiErrorFromAnswer,
  tikiNetworkError,
  tikiUpdateErrorFromAnswer,
  tikiUpdateRejected,
} from './errors';
import { readBody } from './read-body';
import {
  type TikiEventBatch,
  type TikiOrder,
  type TikiPage,
  type TikiProduct,
  type TikiProductSummary,
  type TikiQueue,
  type TikiSeller,
  type TikiSellerWarehouse,
  type TikiSubscription,
  tikiBatchAnswerSchema,
  tikiEventBatchSchema,
  tikiListSchema,
  tikiOrderCodeOf,
  tikiOrderSchema,
  tikiProductSchema,
  tikiProductSummarySchema,
  tikiQueueSchema,
  tikiSellerSchema,
  tikiSellerWarehouseSchema,
  tikiSubscriptionSchema,
  tikiUpdateAnswerSchema,
  tikiWarehouseListSchema,
} from './schemas';
import { createTikiTokenSource, type TikiTokenCache } from './token';

/** How one shop authenticates: the seller-center connection key, or an in-house app's client credentials. */
export type TikiAuth = { connectionKey: string } | { clientId: string; clientSecret: string };

export interface TikiClientOptions {
  /** `https://api.tiki.vn` in production, the sandbox's `/tiki` URL in development and tests. */
  baseUrl: string;
  auth: TikiAuth;
  fetch: typeof fetch;
  clock: Clock;
  /** Jitter source of the backoff; Math.random by default. */
  random?: () => number;
  retryPolicy?: RetryPolicy;
  tokenCache?: TikiTokenCache;
  /** Awaited before every request: the seller's shared pace (`TIKI_RATE_LIMIT`). */
  pace?: () => Promise<void>;
}

/** Filters of `GET /integration/v2/orders`; times are epoch milliseconds, sent as Vietnam wall time. */
export interface TikiOrderFilters {
  statuses?: TikiSetExpression<TikiOrderStatus>;
  fulfillmentTypes?: TikiSetExpression<TikiFulfillmentType>;
  updatedFrom?: number;
  updatedTo?: number;
  createdFrom?: number;
  createdTo?: number;
  orderBy?: TikiOrderBy;
  /** Defaults to both `status_histories` and `item.fees`. */
  include?: readonly TikiOrderInclude[];
  /** Orders per page, 50 unless said otherwise. */
  limit?: number;
}

export interface TikiProductListOptions {
  limit?: number;
  /** Where `iterateProducts` starts (a download resumed after the worker was stopped); 1 by default. */
  fromPage?: number;
  /** Only products updated from this instant (epoch ms; Tiki's products filter is `>=` [OFF §3.2]). */
  updatedFrom?: number;
  /** Only active (true) or only inactive (false) products; all when absent. */
  active?: boolean;
}

/** Filters of `GET /integration/v2/sellers/me/warehouses` (tiki_ex: `status` 1/0, `type` 1 pickup / 0 return). */
export interface TikiWarehouseFilter {
  active?: boolean;
  type?: TikiWarehouseType;
}

export interface TikiSellerWarehouses {
  warehouses: TikiSellerWarehouse[];
  /** Rows that could not be read, with their reason (the others are still returned). */
  unreadable: UnreadableRecord[];
}

/**
 * What Tiki did with one product of a batch. `ok: false` is a product-level rejection (`update_rejected`, Tiki's
 * `errors[]` in `tikiErrors`) or no result for it in Tiki's answer (`invalid_response`); whole-call failures
 * (refused auth, 429/5xx/network at the retry cap) are thrown instead.
 */
export type TikiSkuUpdateResult =
  | { product_id: number; ok: true }
  | { product_id: number; ok: false; error: ApiError; tikiErrors: readonly string[] };

interface CallSpec<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  endpoint: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  schema: S;
  /** A stock/price update: refusals and rejections get their own codes (`update_refused`, `update_rejected`). */
  update?: boolean;
}

/**
 * The Tiki Seller Open API client for one shop. Every answer is validated; every failure is an `ApiError`
 * (api 'tiki'). 4xx answers are not retried (Tiki: "DO NOT RETRY on 4xx") except one token renewal on 401;
 * 429, 5xx and network failures are retried with jittered backoff up to the policy's cap.
 */
export function createTikiClient(options: TikiClientOptions) {
  const { auth, clock } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const tokens =
    'clientId' in auth
      ? createTikiTokenSource({
          baseUrl,
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          fetch: options.fetch,
          clock,
          cache: options.tokenCache,
        })
      : undefined;

  async function credentials(): Promise<{ header: Record<string, string>; token?: string }> {
    if (!tokens)
      return { header: { [CONNECTION_KEY_HEADER]: (auth as { connectionKey: string }).connectionKey } };
    const token = await tokens.accessToken();
    return { header: { authorization: `Bearer ${token}` }, token };
  }

  /** One attempt: sends, renews the token once on 401, and returns the body of a real success. */
  async function attempt<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const url = new URL(`${baseUrl}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {}))
      if (value !== undefined) url.searchParams.set(name, value);
    let { header, token } = await credentials();
    for (let renewed = false; ; renewed = true) {
      let response: Response;
      let body: unknown;
      try {
        await options.pace?.();
        response = await options.fetch(url, {
          method: spec.method,
          headers: {
            ...header,
            accept: 'application/json',
            ...(spec.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        });
        body = await readBody(response);
      } catch (cause) {
        throw tikiNetworkError(spec.endpoint, cause);
      }
      if (response.status === 401 && tokens && token && !renewed) {
        token = await tokens.renewAfterRejection(token);
        header = { authorization: `Bearer ${token}` };
        continue;
      }
      const retryAfterMs = readRetryAfter(response.headers.get('retry-after'), clock.now());
      const failure = spec.update
        ? tikiUpdateErrorFromAnswer(spec.endpoint, response.status, body, !tokens, retryAfterMs)
        : tikiErrorFromAnswer(spec.endpoint, response.status, body, retryAfterMs);
      if (failure) throw failure;
      return parseResponse('tiki', spec.endpoint, spec.schema, body);
    }
  }

  /** Retries what can succeed later; a 429 that says when (`Retry-After`) is waited out exactly, up to a cap. */
  function decide(error: unknown): RetryDecision {
    if (!(error instanceof ApiError) || !error.retryable) return { retry: false };
    const wait = error instanceof TikiApiError ? error.retryAfterMs : undefined;
    if (wait === undefined) return { retry: true };
    return wait > TIKI_MAX_RETRY_AFTER_MS ? { retry: false } : { retry: true, afterMs: wait };
  }

  function call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    return withRetry(() => attempt(spec), decide, {
      clock,
      policy: options.retryPolicy,
      random: options.random,
    });
  }

  /** One list page, its rows read one by one: an odd record is set aside, the others go on. */
  async function listPage<S extends z.ZodType>(
    spec: Omit<CallSpec<typeof tikiListSchema>, 'schema'>,
    item: S,
    idOf: (row: Record<string, unknown>) => unknown,
  ): Promise<TikiPage<z.output<S>>> {
    const { data, paging } = await call({ ...spec, schema: tikiListSchema });
    const { records, unreadable } = readRecords(item, data, idOf);
    return { data: records, unreadable, paging };
  }

  function listProducts(
    page: number,
    list: TikiProductListOptions = {},
  ): Promise<TikiPage<TikiProductSummary>> {
    return listPage(
      {
        method: 'GET',
        path: TIKI_PATHS.products,
        endpoint: TIKI_ENDPOINTS.products,
        query: {
          page: String(page),
          limit: String(list.limit ?? TIKI_PAGE_LIMIT),
          include: TIKI_PRODUCT_LIST_INCLUDE,
          active: list.active === undefined ? undefined : list.active ? '1' : '0',
          updated_from_date:
            list.updatedFrom === undefined ? undefined : formatTikiDateTime(list.updatedFrom),
        },
      },
      tikiProductSummarySchema,
      (row) => row.product_id ?? row.id,
    );
  }

  function orderQuery(filters: TikiOrderFilters, page: number): Record<string, string | undefined> {
    const time = (epochMs: number | undefined) =>
      epochMs === undefined ? undefined : formatTikiDateTime(epochMs);
    return {
      page: String(page),
      limit: String(filters.limit ?? TIKI_PAGE_LIMIT),
      status: filters.statuses && formatSetExpression(filters.statuses),
      fulfillment_type: filters.fulfillmentTypes && formatSetExpression(filters.fulfillmentTypes),
      updated_from_date: time(filters.updatedFrom),
      updated_to_date: time(filters.updatedTo),
      created_from_date: time(filters.createdFrom),
      created_to_date: time(filters.createdTo),
      order_by: filters.orderBy && `${filters.orderBy.column}|${filters.orderBy.direction}`,
      include: (filters.include ?? TIKI_ORDER_INCLUDES).join(',') || undefined,
    };
  }

  function listOrders(filters: TikiOrderFilters, page: number): Promise<TikiPage<TikiOrder>> {
    return listPage(
      {
        method: 'GET',
        path: TIKI_PATHS.orders,
        endpoint: TIKI_ENDPOINTS.orders,
        query: orderQuery(filters, page),
      },
      tikiOrderSchema,
      tikiOrderCodeOf,
    );
  }

  /** Pages from `from` until `last_page`; Tiki has no cursor, so callers de-duplicate by code/id. */
  async function* pages<Item>(
    load: (page: number) => Promise<TikiPage<Item>>,
    from = 1,
  ): AsyncGenerator<TikiPage<Item>> {
    for (let page = from; ; page++) {
      const result = await load(page);
      yield result;
      if (isLastTikiPage(result.paging) || result.data.length === 0) return;
    }
  }

  /** Every seller warehouse matching `filter`, page after page while Tiki answers with paging. */
  async function sellerWarehouses(filter: TikiWarehouseFilter = {}): Promise<TikiSellerWarehouses> {
    const warehouses: TikiSellerWarehouse[] = [];
    const unreadable: UnreadableRecord[] = [];
    for (let page = 1; ; page++) {
      const answer = await call({
        method: 'GET',
        path: TIKI_PATHS.warehouses,
        endpoint: TIKI_ENDPOINTS.warehouses,
        query: {
          page: String(page),
          limit: String(TIKI_PAGE_LIMIT),
          status: filter.active === undefined ? undefined : filter.active ? '1' : '0',
          type: filter.type === undefined ? undefined : String(TIKI_WAREHOUSE_TYPES[filter.type]),
        },
        schema: tikiWarehouseListSchema,
      });
      const read = readRecords(tikiSellerWarehouseSchema, answer.data, (row) => row.id);
      warehouses.push(...read.records);
      unreadable.push(...read.unreadable);
      // An answer without paging is the whole list (the envelope is not captured).
      if (!answer.paging || isLastTikiPage(answer.paging) || answer.data.length === 0)
        return { warehouses, unreadable };
    }
  }

  /**
   * One product's quantities (OFF §3.3 updateSku), keyed by `product_id`. Resolves when Tiki approved it; throws
   * a `TikiApiError`: `update_refused` (this auth may not update), `update_rejected` (Tiki's `errors[]` about
   * this product: unknown warehouse or product, FBT…), or the codes of every call.
   */
  async function updateSku(update: TikiSkuUpdate): Promise<void> {
    const endpoint = TIKI_ENDPOINTS.updateSku;
    const answer = await call({
      method: 'PUT',
      path: TIKI_PATHS.updateSku,
      endpoint,
      body: skuUpdateBody(update),
      schema: tikiUpdateAnswerSchema,
      update: true,
    });
    if (answer.errors?.length) throw tikiUpdateRejected(endpoint, 200, answer.errors);
    if (answer.state !== TIKI_UPDATE_APPROVED)
      throw tikiUpdateRejected(endpoint, 200, [`state: ${answer.state ?? '(none)'}`]);
  }

  /** Each product alone through updateSku: which ones of a refused batch Tiki rejects, and why. */
  async function updateOneByOne(updates: readonly TikiSkuUpdate[]): Promise<TikiSkuUpdateResult[]> {
    const results: TikiSkuUpdateResult[] = [];
    for (const update of updates) {
      try {
        await updateSku(update);
        results.push({ product_id: update.product_id, ok: true });
      } catch (error) {
        if (!(error instanceof TikiApiError) || error.code !== TIKI_UPDATE_REJECTED) throw error;
        results.push({ product_id: update.product_id, ok: false, error, tikiErrors: error.tikiErrors });
      }
    }
    return results;
  }

  /**
   * Up to `TIKI_MAX_SKUS_PER_BATCH` `seller_simple` products in one `PUT /integration/v2.1/products/updateSkus`
   * (OFF §3.3), one result per product in the order given. Both plausible answers are read (docs/api-contracts.md
   * "Stock push"): per-item rows, matched by `product_id` (or by position), or one envelope for the batch. A
   * batch Tiki rejects as a whole (`errors[]`) is sent again product by product through updateSku, so each
   * product gets its own result and Tiki's text; quantities are absolute, so sending one twice changes nothing.
   */
  async function updateSkus(updates: readonly TikiSkuUpdate[]): Promise<TikiSkuUpdateResult[]> {
    if (updates.length === 0) return [];
    if (updates.length > TIKI_MAX_SKUS_PER_BATCH)
      throw new RangeError(`updateSkus takes at most ${TIKI_MAX_SKUS_PER_BATCH} products per call`);
    const endpoint = TIKI_ENDPOINTS.updateSkus;
    let answer: z.output<typeof tikiBatchAnswerSchema>;
    try {
      answer = await call({
        method: 'PUT',
        path: TIKI_PATHS.updateSkus,
        endpoint,
        body: { data: updates.map(skuUpdateBody) },
        schema: tikiBatchAnswerSchema,
        update: true,
      });
    } catch (error) {
      if (!(error instanceof TikiApiError) || error.code !== TIKI_UPDATE_REJECTED) throw error;
      if (updates.length > 1) return updateOneByOne(updates);
      return [{ product_id: updates[0]!.product_id, ok: false, error, tikiErrors: error.tikiErrors }];
    }
    if (!('data' in answer)) {
      if (answer.errors?.length) {
        if (updates.length > 1) return updateOneByOne(updates);
        const error = tikiUpdateRejected(endpoint, 200, answer.errors);
        return [{ product_id: updates[0]!.product_id, ok: false, error, tikiErrors: error.tikiErrors }];
      }
      if (answer.state === TIKI_UPDATE_APPROVED)
        return updates.map((update) => ({ product_id: update.product_id, ok: true }));
      const error = tikiUpdateRejected(endpoint, 200, [`state: ${answer.state ?? '(none)'}`]);
      return updates.map((update) => ({
        product_id: update.product_id,
        ok: false,
        error,
        tikiErrors: error.tikiErrors,
      }));
    }
    const rows = answer.data;
    const byProduct = new Map(
      rows.flatMap((row) => {
        const id = row.product_id ?? row.id;
        return id === undefined || id === null ? [] : [[id, row] as const];
      }),
    );
    return updates.map((update, index): TikiSkuUpdateResult => {
      // A row that names no product is taken by its position, never one that names another product.
      const positional = rows.length === updates.length ? rows[index] : undefined;
      const row =
        byProduct.get(update.product_id) ??
        ((positional?.product_id ?? positional?.id ?? null) === null ? positional : undefined);
      if (row?.errors?.length) {
        const error = tikiUpdateRejected(endpoint, 200, row.errors);
        return { product_id: update.product_id, ok: false, error, tikiErrors: error.tikiErrors };
      }
      if (row?.state === TIKI_UPDATE_APPROVED) return { product_id: update.product_id, ok: true };
      const error = invalidResponse(
        'tiki',
        endpoint,
        `data[${index}]`,
        row
          ? `state ${row.state ?? '(none)'} for product ${update.product_id}`
          : `no row for product ${update.product_id}`,
      );
      return { product_id: update.product_id, ok: false, error, tikiErrors: [] };
    });
  }

  return {
    /**
     * One GET answered as Tiki sent it (failures typed as for every call): what the probes and the compatibility
     * check inspect. Only ever a GET, so nothing read this way changes anything at Tiki.
     */
    readAnswer(read: TikiRead, query: Record<string, string | undefined> = {}): Promise<unknown> {
      return call({ method: 'GET', path: read.path, endpoint: read.endpoint, query, schema: z.unknown() });
    },
    /** The connection check: who the key or token belongs to. */
    getSeller(): Promise<TikiSeller> {
      return call({
        method: 'GET',
        path: TIKI_PATHS.seller,
        endpoint: TIKI_ENDPOINTS.seller,
        schema: tikiSellerSchema,
      });
    },
    sellerWarehouses,
    updateSku,
    updateSkus,
    listProducts,
    /** Every product page (inventory included) until the last one. */
    iterateProducts(list: TikiProductListOptions = {}): AsyncGenerator<TikiPage<TikiProductSummary>> {
      return pages((page) => listProducts(page, list), list.fromPage);
    },
    getProduct(productId: number): Promise<TikiProduct> {
      return call({
        method: 'GET',
        path: TIKI_PATHS.product(productId),
        endpoint: TIKI_ENDPOINTS.product,
        query: { include: TIKI_PRODUCT_INCLUDE, includes: TIKI_PRODUCT_INCLUDE },
        schema: tikiProductSchema,
      });
    },
    listOrders,
    /** Every order page matching `filters` until the last one. */
    iterateOrders(filters: TikiOrderFilters): AsyncGenerator<TikiPage<TikiOrder>> {
      return pages((page) => listOrders(filters, page));
    },
    getOrder(code: string, include: readonly TikiOrderInclude[] = TIKI_ORDER_INCLUDES): Promise<TikiOrder> {
      return call({
        method: 'GET',
        path: TIKI_PATHS.order(code),
        endpoint: TIKI_ENDPOINTS.order,
        query: { include: include.join(',') || undefined },
        schema: tikiOrderSchema,
      });
    },
    createQueue(name: string): Promise<TikiQueue> {
      return call({
        method: 'POST',
        path: TIKI_PATHS.queues,
        endpoint: TIKI_ENDPOINTS.createQueue,
        body: { name },
        schema: tikiQueueSchema,
      });
    },
    subscribe(queueCode: string, eventType: string): Promise<TikiSubscription> {
      return call({
        method: 'POST',
        path: TIKI_PATHS.subscriptions(queueCode),
        endpoint: TIKI_ENDPOINTS.subscribe,
        body: { event_type: eventType },
        schema: tikiSubscriptionSchema,
      });
    },
    /**
     * Pulls the next batch; passing the previous batch's `ack_id` acknowledges it. Delivery is at least once:
     * a batch not acknowledged comes again, so handle events idempotently (by event id).
     */
    pullEvents(queueCode: string, ackId: string | null): Promise<TikiEventBatch> {
      return call({
        method: 'POST',
        path: TIKI_PATHS.pullEvents(queueCode),
        endpoint: TIKI_ENDPOINTS.pullEvents,
        body: { ack_id: ackId },
        schema: tikiEventBatchSchema,
      });
    },
  };
}
export type TikiClient = ReturnType<typeof createTikiClient>;
