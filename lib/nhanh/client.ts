import { z } from 'zod';
import { ApiError, invalidResponse, parseResponse } from '../http/api-error';
import { DEFAULT_RETRY_POLICY, type RetryDecision, type RetryPolicy, withRetry } from '../http/retry';
import { readRecords, type UnreadableRecord } from '../http/tolerant';
import type { Clock } from '../time/clock';
import {
  cancelCarrierBody,
  depotSchema,
  endpointName,
  envelopeCodeSchema,
  inventoryBody,
  inventoryRowSchema,
  NHANH_API_BASE,
  NHANH_APP_ORDER_ID_MAX,
  NHANH_ERROR,
  NHANH_MAX_IDS_PER_FILTER,
  NHANH_MAX_PAGE_SIZE,
  NHANH_MAX_PRODUCTS_PER_ADD,
  NHANH_ORDER_WINDOW_SECONDS,
  NHANH_PATHS,
  NHANH_RATE_LIMIT_CODES,
  type NhanhDepot,
  type NhanhInventoryFilters,
  type NhanhInventoryRow,
  type NhanhOrder,
  type NhanhOrderDateField,
  type NhanhOrderInput,
  type NhanhOrderListFilter,
  type NhanhPath,
  type NhanhProduct,
  type NhanhProductFilters,
  type NhanhProductInput,
  type NhanhReadPath,
  type NhanhSettableStatus,
  type NhanhTransferInput,
  orderAddBody,
  orderAddDataSchema,
  orderEditDataSchema,
  orderListBody,
  orderPaymentEditBody,
  orderSchema,
  orderStatusEditBody,
  productAddDataSchema,
  productListBody,
  productSchema,
  splitItemField,
  toDepot,
  toInventoryRow,
  toOrder,
  toProduct,
  v3Headers,
  v3Url,
} from './contract';
import { httpError, interpretEnvelope, isDuplicateOrderError, NhanhApiError, networkError } from './errors';
import { createNhanhRateLimiter, type NhanhRateLimiter } from './rate-limiter';

export interface NhanhClientOptions {
  /** `https://pos.open.nhanh.vn` unless pointed at the sandbox (`…/nhanh`). */
  baseUrl?: string;
  appId: string;
  businessId: number;
  /** Raw v3 token; sent as `Authorization`, never logged nor put in an error. */
  accessToken: string;
  fetch: typeof fetch;
  clock: Clock;
  random?: () => number;
  /** Share one limiter between clients of the same app and business; the default is per client. */
  limiter?: NhanhRateLimiter;
  retryPolicy?: RetryPolicy;
}

export type NhanhProductAddResult =
  | { appProductId: string; ok: true; id: number; barcode: string | null }
  /** `fieldMessages` keyed by the item's field (`name`, `code` …), for display next to the product. */
  | { appProductId: string; ok: false; fieldMessages: Record<string, string> };

export interface NhanhProductPage {
  products: NhanhProduct[];
  /** Products of this page that could not be read, with the reason (the download goes on without them). */
  unreadable: UnreadableRecord[];
  /** Send back exactly as received; undefined on the last page. */
  next?: unknown;
  /** Only on the first page. */
  totalItems?: number;
}

export interface NhanhInventoryPage {
  rows: NhanhInventoryRow[];
  /** Rows of this page that could not be read, with the reason. */
  unreadable: UnreadableRecord[];
  /** Send back exactly as received; undefined on the last page. */
  next?: unknown;
}

export interface NhanhOrderQuery {
  /** Epoch ms, inclusive. Any span: split into ≤ 31-day windows. */
  from: number;
  to: number;
  /** Which date the range applies to; default `createdAt`. */
  dateField?: NhanhOrderDateField;
}

/** What happened to a write's attempts that leave the outcome unknown (5xx, network). */
interface Attempts {
  ambiguous: boolean;
  /** False for a write that must not be sent twice blindly: the first unknown outcome ends the call. */
  retryAmbiguous?: boolean;
}

/** A list answer: rows are read one by one, so one odd record never fails the page. */
const listData = z.array(z.unknown());

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * The Nhanh.vn client (API v3 only). Every call goes through the
 * per-URL rate limiter, retries 5xx/network failures with jittered backoff up to a hard cap, waits out
 * ERR_429 locks without touching the URL, and never retries a business error. Answers are validated with
 * zod; failures are `ApiError`s (api `nhanh`, `code` = Nhanh's errorCode, per-field messages kept).
 */
export function createNhanhClient(options: NhanhClientOptions) {
  const { appId, businessId, accessToken, clock } = options;
  const fetchImpl = options.fetch;
  const base = (options.baseUrl ?? NHANH_API_BASE).replace(/\/$/, '');
  const limiter = options.limiter ?? createNhanhRateLimiter({ clock });
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;

  function decide(error: unknown, attempts?: Attempts): RetryDecision {
    if (!(error instanceof ApiError) || !error.retryable) return { retry: false };
    // The limiter already holds the URL until the server's unlockedAt: go straight back into its queue.
    if (NHANH_RATE_LIMIT_CODES.includes(error.code)) return { retry: true, afterMs: 0 };
    if (attempts) attempts.ambiguous = true;
    return attempts?.retryAmbiguous === false ? { retry: false } : { retry: true };
  }

  async function send<D extends z.ZodType>(
    path: NhanhPath,
    url: string,
    init: () => RequestInit,
    data: D,
    attempts?: Attempts,
  ) {
    const endpoint = endpointName(path);
    const key = `${appId}|${businessId}|${path}`;
    const once = async () => {
      let status: number;
      let text: string;
      try {
        const response = await fetchImpl(url, init());
        status = response.status;
        text = await response.text();
      } catch (cause) {
        throw networkError(endpoint, cause);
      }
      if (status >= 500) throw httpError(endpoint, status);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        if (status !== 200) throw httpError(endpoint, status);
        // Not JSON at all: let the contract check name it (root, expected object).
        parseResponse('nhanh', endpoint, envelopeCodeSchema, text);
      }
      try {
        return interpretEnvelope(body, endpoint, status, data);
      } catch (error) {
        if (error instanceof NhanhApiError && error.lock) {
          const { lockedSeconds, unlockedAt } = error.lock;
          limiter.lockUntil(key, Math.max(unlockedAt * 1000, clock.now() + lockedSeconds * 1000));
        }
        throw error;
      }
    };
    return withRetry(
      () => limiter.run(key, once),
      (error) => decide(error, attempts),
      { clock, policy, random: options.random },
    );
  }

  function callV3<D extends z.ZodType>(path: NhanhPath, body: unknown, data: D, attempts?: Attempts) {
    const init = () => ({ method: 'POST', headers: v3Headers(accessToken), body: JSON.stringify(body) });
    return send(path, v3Url(base, path, appId, businessId), init, data, attempts);
  }

  async function listProducts(
    filters: NhanhProductFilters = {},
    next?: unknown,
    size = NHANH_MAX_PAGE_SIZE,
  ): Promise<NhanhProductPage> {
    const answer = await callV3(NHANH_PATHS.productList, productListBody(filters, size, next), listData);
    const { records, unreadable } = readRecords(productSchema, answer.data, (row) => row.id);
    return {
      products: records.map(toProduct),
      unreadable,
      next: answer.paginator?.next ?? undefined,
      totalItems: answer.paginator?.totalItems,
    };
  }

  /** Every product matching `filters`, page after page until the answer carries no `next`. */
  async function* iterateProducts(filters: NhanhProductFilters = {}, size = NHANH_MAX_PAGE_SIZE) {
    for await (const page of followCursor(NHANH_PATHS.productList, (next) =>
      listProducts(filters, next, size),
    ))
      yield* page.products;
  }

  /** One page of `product/inventory` [OFF-v3 §7.5]: stock only, lighter than product/list. */
  async function listInventory(
    filters: NhanhInventoryFilters = {},
    next?: unknown,
    size = NHANH_MAX_PAGE_SIZE,
  ): Promise<NhanhInventoryPage> {
    const answer = await callV3(NHANH_PATHS.productInventory, inventoryBody(filters, size, next), listData);
    const { records, unreadable } = readRecords(inventoryRowSchema, answer.data, (row) => row.productId);
    return { rows: records.map(toInventoryRow), unreadable, next: answer.paginator?.next ?? undefined };
  }

  /**
   * Every page of `product/inventory` matching `filters`, following `paginator.next` until it is absent; a page
   * may be short or empty and still have a next one [OFF S2]. A cursor that comes back twice is a broken answer.
   */
  function iterateInventory(
    filters: NhanhInventoryFilters = {},
    size = NHANH_MAX_PAGE_SIZE,
  ): AsyncGenerator<NhanhInventoryPage> {
    return followCursor(NHANH_PATHS.productInventory, (next) => listInventory(filters, next, size));
  }

  /** The one product (not a parent) whose code is exactly `code`; `name` matches code too [OFF S8, INF v3]. */
  async function productWithCode(code: string): Promise<NhanhProduct | undefined> {
    const { products } = await listProducts({ name: code });
    return products.find((product) => product.code === code && product.kind !== 'parent');
  }

  /**
   * Creates products in batches of ≤ 100 (product/add only adds, no upsert in v3 [OFF-v3 §7.2]). Nhanh refuses
   * a whole batch when one item is invalid [INF, see contract]; the items it names get their per-field messages
   * and the rest is sent again, so one bad product never blocks the others. An item refused for a code Nhanh
   * already has is that product, found by its code: a re-send never creates a second one.
   */
  async function addProducts(items: NhanhProductInput[]): Promise<NhanhProductAddResult[]> {
    const results: NhanhProductAddResult[] = new Array(items.length);
    const indexed = items.map((item, position) => ({ item, position }));
    for (const batch of chunks(indexed, NHANH_MAX_PRODUCTS_PER_ADD)) {
      let pending = batch;
      while (pending.length > 0) {
        try {
          const answer = await callV3(
            NHANH_PATHS.productAdd,
            pending.map((entry) => entry.item),
            productAddDataSchema,
          );
          const byAppId = new Map(answer.data.map((row) => [row.appProductId, row]));
          for (const { item, position } of pending) {
            const row = byAppId.get(item.appProductId);
            if (!row) throw missingRow(item.appProductId);
            results[position] = {
              appProductId: item.appProductId,
              ok: true,
              id: row.id,
              barcode: row.barcode,
            };
          }
          pending = [];
        } catch (error) {
          const refused = refusedItems(error, pending.length);
          if (!refused) throw error;
          for (const [index, fieldMessages] of refused) {
            const { item, position } = pending[index]!;
            // product/add only adds: a code already in Nhanh is a product added before (our answer was lost, or
            // an earlier run) or the seller's own twin; either way it is the product to use, not a failure.
            const existing = fieldMessages.code && item.code ? await productWithCode(item.code) : undefined;
            results[position] = existing
              ? { appProductId: item.appProductId, ok: true, id: existing.id, barcode: existing.barcode }
              : { appProductId: item.appProductId, ok: false, fieldMessages };
          }
          pending = pending.filter((_, index) => !refused.has(index));
        }
      }
    }
    return results;
  }

  /**
   * Creates an order; `appOrderId` makes it idempotent ("NhanhAPI sẽ chặn trùng theo appId + appOrderId"). When
   * Nhanh answers that it exists (a retry after a lost answer, an earlier run), or answers success with no id,
   * the existing order is looked up from `createdFrom` on and returned as `existing` (its status included); if
   * it cannot be found, the duplicate error is thrown.
   */
  async function addOrder(
    order: NhanhOrderInput,
    createdFrom: number = clock.now() - NHANH_ORDER_WINDOW_SECONDS * 1000,
  ): Promise<{ id: number; existing: NhanhOrder | null }> {
    if (order.appOrderId.trim() === '' || order.appOrderId.length > NHANH_APP_ORDER_ID_MAX)
      throw new RangeError(`appOrderId must be 1 to ${NHANH_APP_ORDER_ID_MAX} characters`);
    let duplicate: ApiError | undefined;
    try {
      const answer = await callV3(NHANH_PATHS.orderAdd, orderAddBody(order), orderAddDataSchema);
      if (answer.data) return { id: answer.data.id, existing: null };
    } catch (error) {
      if (!isDuplicateOrderError(error)) throw error;
      duplicate = error;
    }
    const [existing] = await findOrdersByAppOrderIds([order.appOrderId], createdFrom);
    if (existing) return { id: existing.id, existing };
    throw new ApiError({
      api: 'nhanh',
      code: duplicate?.code ?? 'not_found',
      endpoint: endpointName(NHANH_PATHS.orderAdd),
      status: duplicate?.status,
      text: { key: 'nhanh.err.duplicateOrder', params: { appOrderId: order.appOrderId } },
      retryable: false,
      fieldMessages: duplicate?.fieldMessages,
      cause: duplicate,
    });
  }

  /** Every order one filter matches, page after page; unreadable records are dropped (an order needs its id). */
  async function listAll(filter: NhanhOrderListFilter): Promise<NhanhOrder[]> {
    const orders: NhanhOrder[] = [];
    let next: unknown;
    do {
      const body = orderListBody(filter, NHANH_MAX_PAGE_SIZE, next);
      const answer = await callV3(NHANH_PATHS.orderList, body, listData);
      const { records } = readRecords(orderSchema, answer.data, () => null);
      for (const raw of records) orders.push(toOrder(raw));
      const following = answer.paginator?.next ?? undefined;
      if (following !== undefined && JSON.stringify(following) === JSON.stringify(next))
        throw repeatedCursor(endpointName(NHANH_PATHS.orderList), 'paginator.next');
      next = following;
    } while (next !== undefined);
    return orders;
  }

  function windows(query: NhanhOrderQuery): { field: NhanhOrderDateField; from: number; to: number }[] {
    const field = query.dateField ?? 'createdAt';
    const to = Math.floor(query.to / 1000);
    const list = [];
    for (let from = Math.floor(query.from / 1000); from <= to; from += NHANH_ORDER_WINDOW_SECONDS + 1)
      list.push({ field, from, to: Math.min(from + NHANH_ORDER_WINDOW_SECONDS, to) });
    return list;
  }

  /** Orders in any date range (documented filters only): one request series per ≤ 31-day window. */
  async function listOrders(query: NhanhOrderQuery): Promise<NhanhOrder[]> {
    const orders: NhanhOrder[] = [];
    for (const window of windows(query)) orders.push(...(await listAll({ window })));
    return orders;
  }

  /** Orders by Nhanh id, with the documented `ids` filter (no date window needed) [OFF-v3 §8.1]. */
  async function listOrdersByIds(ids: readonly number[]): Promise<NhanhOrder[]> {
    const orders: NhanhOrder[] = [];
    for (const batch of chunks([...new Set(ids)], NHANH_MAX_IDS_PER_FILTER))
      orders.push(...(await listAll({ ids: batch })));
    const wanted = new Set(ids);
    return orders.filter((order) => wanted.has(order.id));
  }

  /**
   * Our orders with these `channel.appOrderId`, created from `createdFrom` (epoch ms) until now. order/list has
   * no documented appOrderId filter [OFF-v3 §8.1], so the undocumented `appOrderIds` is only a first try whose
   * answer is checked: an answer holding other orders shows the filter was ignored, and is then the documented
   * created-time listing itself, matched here; a refusal or an empty answer is followed by that listing.
   */
  async function findOrdersByAppOrderIds(
    codes: readonly string[],
    createdFrom: number,
  ): Promise<NhanhOrder[]> {
    const wanted = new Set(codes);
    const ours = (order: NhanhOrder) => order.appOrderId !== null && wanted.has(order.appOrderId);
    const range = { from: createdFrom, to: clock.now() };
    const found = new Map<string, NhanhOrder>();
    for (const batch of chunks([...wanted], NHANH_MAX_IDS_PER_FILTER)) {
      let listed: NhanhOrder[] = [];
      try {
        for (const window of windows(range)) listed.push(...(await listAll({ window, appOrderIds: batch })));
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== NHANH_ERROR.invalidFormFields) throw error;
        listed = [];
      }
      if (listed.length === 0) listed = await listOrders(range);
      for (const order of listed) if (ours(order)) found.set(order.appOrderId!, order);
      // An ignored filter already listed every order of the range: the other batches are in it too.
      if (listed.some((order) => !ours(order))) break;
    }
    return codes.flatMap((code) => (found.has(code) ? [found.get(code)!] : []));
  }

  /**
   * Sets an order's status with v3 `order/edit` [OFF-v3 §8.3]. If an attempt was lost (5xx, network) and the
   * retry is refused, the change may have landed the first time: the order is read back by id, and found in
   * the target status the call counts as done.
   */
  async function updateOrderStatus(input: { orderId: number; status: NhanhSettableStatus }) {
    const attempts: Attempts = { ambiguous: false };
    const body = orderStatusEditBody(input.orderId, input.status);
    try {
      await callV3(NHANH_PATHS.orderEdit, body, orderEditDataSchema, attempts);
      return { orderId: input.orderId, status: input.status };
    } catch (error) {
      if (!attempts.ambiguous || !(error instanceof ApiError) || error.retryable) throw error;
      const [landed] = await listOrdersByIds([input.orderId]);
      if (landed?.status === input.status) return { orderId: landed.id, status: input.status };
      throw error;
    }
  }

  /**
   * Records a transfer on an order with v3 `order/edit` `payment` [OFF-v3 §8.3]. Whether Nhanh adds or replaces
   * a transfer is not documented, so a lost answer is never followed by a blind second send: the order is read
   * back, and holding exactly this amount the call counts as done; otherwise the error is thrown.
   */
  async function recordTransfer(orderId: number, transfer: NhanhTransferInput): Promise<void> {
    const attempts: Attempts = { ambiguous: false, retryAmbiguous: false };
    try {
      await callV3(
        NHANH_PATHS.orderEdit,
        orderPaymentEditBody(orderId, transfer),
        orderEditDataSchema,
        attempts,
      );
    } catch (error) {
      if (!attempts.ambiguous) throw error;
      const [landed] = await listOrdersByIds([orderId]);
      if (landed?.transferAmount !== transfer.amount) throw error;
    }
  }

  /** Every depot, following `paginator.next` [OFF-v3 §6.1]. */
  async function listDepots(): Promise<NhanhDepot[]> {
    const depots: NhanhDepot[] = [];
    const pages = followCursor(NHANH_PATHS.depots, async (next) => {
      const body = next === undefined ? {} : { paginator: { next } };
      const answer = await callV3(NHANH_PATHS.depots, body, listData);
      const page = readRecords(depotSchema, answer.data, (row) => row.id).records.map(toDepot);
      return { depots: page, next: answer.paginator?.next ?? undefined };
    });
    for await (const page of pages) depots.push(...page.depots);
    return depots;
  }

  /** Cancels the shipment of an order sent to a carrier [OFF-v3 §8.4]: only on the seller's explicit click. */
  async function cancelCarrier(orderId: number): Promise<void> {
    await callV3(NHANH_PATHS.orderCancelCarrier, cancelCarrierBody(orderId), orderEditDataSchema);
  }

  /**
   * One answer of a list, detail or check endpoint as Nhanh sent it (`data` unread, `paginator` as sent): what the
   * compatibility check inspects. Only those endpoints are accepted, so nothing read this way changes data.
   */
  function readAnswer(path: NhanhReadPath, body: unknown) {
    return callV3(path, body, z.unknown());
  }

  return {
    readAnswer,
    listDepots,
    listProducts,
    iterateProducts,
    listInventory,
    iterateInventory,
    addProducts,
    addOrder,
    listOrders,
    listOrdersByIds,
    findOrdersByAppOrderIds,
    updateOrderStatus,
    recordTransfer,
    cancelCarrier,
  };
}

export type NhanhClient = ReturnType<typeof createNhanhClient>;

/**
 * Items a product/add refusal names, with their messages keyed by field; undefined when the error is not a
 * per-item form refusal (then the whole call failed and the error is rethrown).
 */
function refusedItems(error: unknown, batchSize: number): Map<number, Record<string, string>> | undefined {
  if (!(error instanceof ApiError) || error.code !== NHANH_ERROR.invalidFormFields || !error.fieldMessages)
    return undefined;
  const refused = new Map<number, Record<string, string>>();
  for (const [key, message] of Object.entries(error.fieldMessages)) {
    const item = splitItemField(key);
    if (!item || item.index >= batchSize) return undefined;
    const messages = refused.get(item.index) ?? {};
    messages[item.field || 'item'] = message;
    refused.set(item.index, messages);
  }
  return refused.size > 0 ? refused : undefined;
}

/**
 * Pages `load` gives, from the first (`next` undefined) until a page carries no `next` [OFF S2]. A cursor that
 * comes back twice would page forever: it is a broken answer.
 */
async function* followCursor<Page extends { next?: unknown }>(
  path: NhanhPath,
  load: (next: unknown) => Promise<Page>,
): AsyncGenerator<Page> {
  let next: unknown;
  const seen = new Set<string>();
  do {
    const page = await load(next);
    yield page;
    next = page.next;
    const cursor = JSON.stringify(next);
    if (next !== undefined && seen.has(cursor)) throw repeatedCursor(endpointName(path), 'paginator.next');
    seen.add(cursor);
  } while (next !== undefined);
}

function repeatedCursor(endpoint: string, field: string): ApiError {
  return invalidResponse('nhanh', endpoint, field, 'repeats the previous page');
}

function missingRow(appProductId: string): ApiError {
  const endpoint = endpointName(NHANH_PATHS.productAdd);
  return invalidResponse('nhanh', endpoint, 'data', `no row for appProductId ${appProductId}`);
}
