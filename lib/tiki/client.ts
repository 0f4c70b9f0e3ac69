import { z } from 'zod';
import { ApiError, parseResponse } from '../http/api-error';
import { type RetryPolicy, withRetry } from '../http/retry';
import { readRecords } from '../http/tolerant';
import type { Clock } from '../time/clock';
import {
  CONNECTION_KEY_HEADER,
  formatSetExpression,
  formatTikiDateTime,
  isLastTikiPage,
  TIKI_ENDPOINTS,
  TIKI_ORDER_INCLUDES,
  TIKI_PAGE_LIMIT,
  TIKI_PATHS,
  TIKI_PRODUCT_INCLUDE,
  TIKI_PRODUCT_LIST_INCLUDE,
  type TikiFulfillmentType,
  type TikiOrderBy,
  type TikiOrderInclude,
  type TikiOrderStatus,
  type TikiRead,
  type TikiSetExpression,
} from './contract';
import { tikiErrorFromAnswer, tikiNetworkError } from './errors';
import { readBody } from './read-body';
import {
  type TikiEventBatch,
  type TikiOrder,
  type TikiPage,
  type TikiProduct,
  type TikiProductSummary,
  type TikiQueue,
  type TikiSeller,
  type TikiSubscription,
  tikiEventBatchSchema,
  tikiEventSchema,
  tikiListSchema,
  tikiOrderCodeOf,
  tikiOrderSchema,
  tikiProductSchema,
  tikiProductSummarySchema,
  tikiQueueSchema,
  tikiSellerSchema,
  tikiSubscriptionSchema,
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

interface CallSpec<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  endpoint: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  schema: S;
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
      const failure = tikiErrorFromAnswer(spec.endpoint, response.status, body);
      if (failure) throw failure;
      return parseResponse('tiki', spec.endpoint, spec.schema, body);
    }
  }

  function call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    return withRetry(
      () => attempt(spec),
      (error) => (error instanceof ApiError && error.retryable ? { retry: true } : { retry: false }),
      { clock, policy: options.retryPolicy, random: options.random },
    );
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
    /** The queues of whoever the credentials belong to (OT-evq: "Return list of all your queues"). */
    async listQueues(): Promise<TikiQueue[]> {
      const rows = await call({
        method: 'GET',
        path: TIKI_PATHS.queues,
        endpoint: TIKI_ENDPOINTS.listQueues,
        schema: z.array(z.unknown()),
      });
      return readRecords(tikiQueueSchema, rows, (row) => row.code).records;
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
     * a batch not acknowledged comes again, so handle events idempotently (by event id). An event that cannot be
     * read is set aside in `unreadable`; the batch's `ack_id` still acknowledges it.
     */
    async pullEvents(queueCode: string, ackId: string | null): Promise<TikiEventBatch> {
      const batch = await call({
        method: 'POST',
        path: TIKI_PATHS.pullEvents(queueCode),
        endpoint: TIKI_ENDPOINTS.pullEvents,
        body: { ack_id: ackId },
        schema: tikiEventBatchSchema,
      });
      const { records, unreadable } = readRecords(tikiEventSchema, batch.events, (row) => row.id);
      return { events: records, unreadable, ack_id: batch.ack_id };
    },
  };
}
export type TikiClient = ReturnType<typeof createTikiClient>;
