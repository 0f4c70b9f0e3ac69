import { TIKI_ORDER_STATUSES } from '../../lib/tiki/contract';
import { seededRandom } from '../random';
import { createTikiStatement } from '../statement';
import type { SandboxRequest, SandboxResponse, SeedTikiShop, Simulator, SimulatorContext } from '../types';
import { createEventQueues, EVENT_TYPES } from './events';
import {
  BadParameter,
  paginate,
  readIncludes,
  readPaging,
  readSetExpression,
  readWallTime,
  tikiErrors,
  withinRange,
} from './http';
import { formatWallTime, parseWallTime } from './wall-time';

/*
 * The Tiki Seller Open API as documented in ../shared/reference/tiki-open-api.md, faults included: the
 * legacy `tiki-api` key and OAuth2 client credentials, page/limit paging, `{"errors":[…]}` bodies, the HTTP
 * 200 "connection paused" answer, 200 requests per second per seller, and the event queue.
 */

const FULFILLMENT_TYPES = [
  'tiki_delivery',
  'seller_delivery',
  'cross_border',
  'dropship',
  'instant_delivery',
];
/** Scopes an in-house app holds through client_credentials (OT-scope). */
const APP_SCOPES = ['product', 'order', 'inventory'];
/** OT-err: 200 requests per second per seller. */
const REQUESTS_PER_SECOND = 200;
const PAUSED_MESSAGE = 'Kết nối đang tạm ngưng bởi seller';

interface OrderRecord {
  code: string;
  status: string;
  created_at: string;
  updated_at: string;
  fulfillment_type: string;
  is_rma: boolean;
  items: {
    product: { sku: string };
    invoice: { fees?: unknown; seller_fee: number; seller_income: number };
  }[];
  status_histories: { id: number; status: string; created_at: string }[];
  invoice: { total_seller_income: number };
}

interface ProductRecord {
  product_id: number;
  type: string;
  name: string;
  original_sku: string;
  price: number | string;
  active: number | string;
  created_at: string;
  updated_at: string;
  attributes: Record<string, unknown>;
}

interface ShopState {
  seed: SeedTikiShop;
  products: ProductRecord[];
  orders: OrderRecord[];
  /** Start of the current rate-limit window (sandbox clock) and the calls counted in it. */
  window: { start: number; count: number };
}

interface Caller {
  shop: ShopState;
  scopes: readonly string[];
  /** How it authenticated: the seller-center key or a Bearer token. */
  by: 'key' | 'token';
}

/** Fields of the product list (a summary); the detail has everything. */
const PRODUCT_SUMMARY_FIELDS = [
  'product_id',
  'sku',
  'original_sku',
  'name',
  'master_id',
  'master_sku',
  'super_id',
  'super_sku',
  'active',
  'is_hidden',
  'type',
  'entity_type',
  'version',
  'price',
  'market_price',
  'created_at',
  'updated_at',
  'thumbnail',
];
/**
 * Optional parts of a product and the `include` value that asks for each (v2.1 list and detail). A configurable
 * product's option codes come with the attributes that hold its variants' values for them.
 */
const PRODUCT_INCLUDES: Record<string, string> = {
  inventory: 'inventory',
  categories: 'categories',
  attributes: 'attributes',
  option_attributes: 'attributes',
  images: 'images',
};

/** The Tiki simulator plus the admin hooks tests and the admin endpoint use to play the marketplace. */
export interface TikiSimulator extends Simulator {
  /**
   * Moves an order to a new status as Tiki's back office would: appends a status history entry, bumps
   * `updated_at` and emits `ORDER_STATUS_UPDATED` to subscribed queues. Throws on an unknown code or status.
   */
  setOrderStatus(code: string, status: string): unknown;
  /**
   * Changes a product as its seller would in the seller center (a new name, seller SKU or option values; the
   * values merge into its attributes) and bumps `updated_at`. Throws on an unknown product.
   */
  editProduct(
    productId: number,
    edit: { name?: string; originalSku?: string; options?: Record<string, string> },
  ): unknown;
  /**
   * Puts a product on promotion as Tiki's price tools would: the new price in `price` and in the attributes,
   * the price before it in `price_restore`, the start in `special_from_date`; bumps `updated_at`.
   */
  startPromotion(productId: number, price: number): unknown;
  /**
   * Takes a product off the list as Tiki does for a hidden one (the list carries approved products only [CE]);
   * asked for by id it still answers, with `is_hidden: true`.
   */
  hideProduct(productId: number): unknown;
  /** Deletes a product: gone from the list, 404 by id. */
  deleteProduct(productId: number): void;
  /**
   * Adds `count` orders to a shop, all updated in the same second (the tied-page case): copies of the shop's
   * seeded orders (of `status` when it has some, so their lines stay paired) under new codes, with `created_at`
   * one second apart before it (or equal to it with `sameCreatedAt`). Returns the new codes. Throws on an
   * unknown seller, status or time.
   */
  addTiedOrders(options: TiedOrdersOptions): string[];
  /**
   * A buyer places an order now: a copy of order `template` (its lines, buyer and fulfilment) under a new code,
   * created and in `queueing` now, announced to the event queues. Returns the new code. Throws on an unknown code.
   */
  placeOrder(template: string): string;
  /**
   * Products the seller added on Tiki: `count` simple ones (copies of the shop's first simple product under new
   * ids, SKUs and names, created now) with no Nhanh counterpart. Defaults to the first seeded shop; answers the
   * shop's new catalogue size and the new ids. Throws on an unknown seller.
   */
  addCatalogueProducts(count: number, sellerId?: number): { products: number; ids: number[] };
}

export interface TiedOrdersOptions {
  /** Defaults to the first seeded shop. */
  sellerId?: number;
  count: number;
  /** `yyyy-MM-dd HH:mm:ss` (Vietnam) or epoch milliseconds (sub-second parts dropped). */
  updatedAt: string | number;
  /** A Tiki status; defaults to `queueing` (a new order every import takes). */
  status?: string;
  /** Every order also created in that second, so ties on `created_at` too. */
  sameCreatedAt?: boolean;
}

export function createTikiSimulator(context: SimulatorContext): TikiSimulator {
  const { clock } = context;
  const shops: ShopState[] = context.seed.tiki.shops.map((seed) => ({
    seed,
    // The simulator mutates orders; the seed stays as generated.
    products: structuredClone(seed.products) as ProductRecord[],
    orders: structuredClone(seed.orders) as OrderRecord[],
    window: { start: 0, count: 0 },
  }));
  const tokens = new Map<string, { shop: ShopState; scopes: string[]; expiresAt: number }>();
  const queues = createEventQueues(clock, context.random);
  let nextHistoryId = 2_000_000_000;
  let nextTiedOrder = 0;
  let nextCatalogueProduct = 0;
  /**
   * Draws of the `shuffled` tie order, from its own stream so the mode leaves the fault draws of every other
   * call alone; seeded from the sandbox's stream the first time it is needed.
   */
  let tieRandom: (() => number) | undefined;

  const randomToken = (length: number) =>
    Array.from(
      { length },
      () =>
        'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(context.random() * 64)],
    ).join('');

  function issueToken(request: SandboxRequest): SandboxResponse {
    const oauthError = (status: number, error: string, description: string) => ({
      status,
      body: { error, error_description: description, status_code: status },
    });
    if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
      return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
    const form = new URLSearchParams(request.body);
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    const shop = shops.find((candidate) => candidate.seed.clientId === clientId);
    if (!shop || shop.seed.clientSecret !== clientSecret)
      return oauthError(
        401,
        'invalid_client',
        'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
      );
    if (form.get('grant_type') !== 'client_credentials')
      return oauthError(
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
      );
    const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (requested.some((scope) => !APP_SCOPES.includes(scope)))
      return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
    const scopes = requested.length ? requested : APP_SCOPES;
    const ttl = context.faults().tikiTokenTtlSeconds;
    const accessToken = randomToken(43);
    tokens.set(accessToken, { shop, scopes, expiresAt: clock.now() + ttl * 1000 });
    return {
      status: 200,
      body: { access_token: accessToken, expires_in: ttl, token_type: 'bearer', scope: scopes.join(' ') },
    };
  }

  function authenticate(request: SandboxRequest): Caller | SandboxResponse {
    const key = request.headers['tiki-api'];
    if (key !== undefined) {
      const shop = shops.find((candidate) => candidate.seed.connectionKey === key);
      // SC-legacy: a wrong key answers 403 with the legacy `msg` shape, not the `errors` envelope.
      return shop
        ? { shop, scopes: APP_SCOPES, by: 'key' }
        : { status: 403, body: { msg: 'Permission denied' } };
    }
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
    if (!bearer) return tikiErrors(401, 'Missing access token');
    const token = tokens.get(bearer[1]!);
    if (!token || token.expiresAt <= clock.now())
      return tikiErrors(401, 'Access token is invalid or has expired');
    return { shop: token.shop, scopes: token.scopes, by: 'token' };
  }

  /** Counts the call against the seller's per-second budget (scaled by `timeScale`); false when over it. */
  function withinRateLimit(shop: ShopState): boolean {
    const windowMs = 1000 / context.faults().timeScale;
    const now = clock.now();
    if (now - shop.window.start >= windowMs) shop.window = { start: now, count: 0 };
    shop.window.count++;
    return shop.window.count <= REQUESTS_PER_SECOND;
  }

  function sellerProfile(shop: ShopState) {
    return {
      id: shop.seed.sellerId,
      name: shop.seed.name,
      active: 1,
      logo: `https://vcdn.tikicdn.com/cache/w100/ts/seller/${shop.seed.sellerId}.png`,
      operation_models: ['dropship', 'seller_delivery', 'instock'],
      can_update_product: 1,
      registration_status: 'completed',
      live_at: '2021-03-15 09:30:00',
    };
  }

  /**
   * The seller's own warehouses [OFF §4.2 fields; tiki_ex filters `status` 1/0 and `type` 1 pickup / 0 return]:
   * a pickup one and a return one per shop. The answer's envelope is not captured; `{data: […]}` is a guess.
   */
  function sellerWarehouses(shop: ShopState, query: URLSearchParams) {
    const sellerId = shop.seed.sellerId;
    const warehouses = [
      { id: sellerId * 10 + 1, is_primary: true, name: `${shop.seed.name} – Kho chính`, type: 'requisition' },
      {
        id: sellerId * 10 + 2,
        is_primary: false,
        name: `${shop.seed.name} – Kho nhận hàng hoàn`,
        type: 'withdrawal',
      },
    ].map((warehouse) => ({
      ...warehouse,
      seller_id: sellerId,
      status: 1,
      address: {
        street: '01 đường số 2',
        ward: 'Phường 1',
        district: 'Quận 3',
        region: 'Hồ Chí Minh',
        country: 'Viet Nam',
      },
    }));
    const status = query.get('status');
    const type = query.get('type');
    return warehouses.filter(
      (warehouse) =>
        (status === null || String(warehouse.status) === status) &&
        (type === null || (type === '1') === (warehouse.type === 'requisition')),
    );
  }

  function projectProduct(product: ProductRecord, includes: Set<string>, detail: boolean) {
    const source = product as unknown as Record<string, unknown>;
    const keep = (field: string) => {
      const include = PRODUCT_INCLUDES[field];
      return include
        ? includes.has(include) || (detail && include === 'attributes')
        : detail || PRODUCT_SUMMARY_FIELDS.includes(field);
    };
    return Object.fromEntries(Object.entries(source).filter(([field]) => keep(field)));
  }

  function listProducts(shop: ShopState, query: URLSearchParams) {
    const { page, limit } = readPaging(query);
    const active = query.get('active');
    if (active !== null && active !== '0' && active !== '1') throw new BadParameter('active must be 0 or 1');
    const createdFrom = readWallTime(query, 'created_from_date');
    const createdTo = readWallTime(query, 'created_to_date');
    const updatedFrom = readWallTime(query, 'updated_from_date');
    const updatedTo = readWallTime(query, 'updated_to_date');
    const includes = readIncludes(query);
    const listsHidden = context.faults().compatBreak === 'tiki.products.approvedOnly';
    const matching = shop.products.filter(
      (product) =>
        // Hidden products are not in this list: Tiki has a separate API for them [CE].
        (listsHidden || !(product as { is_hidden?: boolean }).is_hidden) &&
        (active === null || String(product.active) === active) &&
        withinRange(product.created_at, createdFrom, createdTo) &&
        withinRange(product.updated_at, updatedFrom, updatedTo),
    );
    const { data, paging } = paginate(matching, page, limit);
    return { data: data.map((product) => projectProduct(product, includes, false)), paging };
  }

  function projectOrder(order: OrderRecord, includes: Set<string>) {
    const { status_histories, ...rest } = order;
    const withFees = includes.has('item.fees') || includes.has('items.fees');
    return {
      ...rest,
      items: rest.items.map((item) => {
        if (withFees) return item;
        const { fees: _fees, ...invoice } = item.invoice;
        return { ...item, invoice };
      }),
      ...(includes.has('status_histories') ? { status_histories } : {}),
    };
  }

  function listOrders(shop: ShopState, query: URLSearchParams) {
    const { page, limit } = readPaging(query);
    const status = readSetExpression(query, 'status', TIKI_ORDER_STATUSES);
    const fulfillment = readSetExpression(query, 'fulfillment_type', FULFILLMENT_TYPES);
    const createdFrom = readWallTime(query, 'created_from_date');
    const createdTo = readWallTime(query, 'created_to_date');
    const updatedFrom = readWallTime(query, 'updated_from_date');
    const updatedTo = readWallTime(query, 'updated_to_date');
    const codes = query.get('code')?.split(',').filter(Boolean);
    const skus = query.get('sku')?.split(',').filter(Boolean);
    const isRma = query.get('is_rma');
    if (isRma !== null && !['true', 'false', '1', '0'].includes(isRma))
      throw new BadParameter('is_rma must be a boolean');
    const sinceDays = { today: 0, last7days: 6, last30days: 29 }[query.get('filter_date_by') ?? ''];
    if (query.get('filter_date_by') && sinceDays === undefined)
      throw new BadParameter('filter_date_by must be one of today, last7days, last30days');
    // Days are Vietnamese calendar days: midnight in Asia/Ho_Chi_Minh.
    const since =
      sinceDays === undefined
        ? undefined
        : parseWallTime(`${formatWallTime(clock.now() - sinceDays * 86_400_000).slice(0, 10)} 00:00:00`);
    const [column, direction] = (query.get('order_by') ?? 'created_at|desc').split('|');
    if (!['created_at', 'updated_at'].includes(column ?? '') || !['asc', 'desc'].includes(direction ?? ''))
      throw new BadParameter(
        'order_by must be created_at|asc, created_at|desc, updated_at|asc or updated_at|desc',
      );
    const sortKey = column as 'created_at' | 'updated_at';
    // Wall times have whole seconds: "greater than" a second is "from the next second on".
    const updatedAfter =
      updatedFrom !== undefined && context.faults().tikiUpdatedFromBound === 'exclusive'
        ? updatedFrom + 1000
        : updatedFrom;
    const matching = shop.orders
      .filter(
        (order) =>
          (!status || status(order.status)) &&
          (!fulfillment || fulfillment(order.fulfillment_type)) &&
          withinRange(order.created_at, createdFrom ?? since, createdTo) &&
          withinRange(order.updated_at, updatedAfter, updatedTo) &&
          (!codes || codes.includes(order.code)) &&
          (!skus || order.items.some((item) => skus.includes(item.product.sku))) &&
          (isRma === null || (isRma === 'true' || isRma === '1') === order.is_rma),
      )
      // Ties broken by code so a page boundary never splits the order between two calls…
      .sort(
        (a, b) =>
          (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : a.code < b.code ? -1 : 1) *
          (direction === 'asc' ? 1 : -1),
      );
    // … unless the `shuffled` fault asks for what Tiki promises: no order among equal keys.
    if (context.faults().tikiTiedOrder === 'shuffled') {
      tieRandom ??= seededRandom(Math.floor(context.random() * 2 ** 32));
      shuffleTies(matching, (order) => order[sortKey], tieRandom);
    }
    const includes = readIncludes(query);
    const { data, paging } = paginate(matching, page, limit);
    return { data: data.map((order) => projectOrder(order, includes)), paging };
  }

  function readJsonBody(request: SandboxRequest): Record<string, unknown> {
    try {
      const parsed = JSON.parse(request.body || '{}');
      if (typeof parsed === 'object' && parsed !== null) return parsed;
    } catch {
      // falls through to the 400 below
    }
    throw new BadParameter('The request body must be a JSON object');
  }

  function route(caller: Caller, request: SandboxRequest): SandboxResponse {
    const { shop } = caller;
    const { method, path, query } = request;
    const needs = (scope: string) =>
      caller.scopes.includes(scope)
        ? undefined
        : tikiErrors(403, `The access token does not have the scope "${scope}"`);
    if (method === 'GET' && path === '/integration/v2/sellers/me')
      return { status: 200, body: sellerProfile(shop) };
    if (method === 'GET' && path === '/integration/v2/sellers/me/warehouses')
      return needs('inventory') ?? { status: 200, body: { data: sellerWarehouses(shop, query) } };

    if (method === 'GET' && /^\/integration\/v2(\.1)?\/products$/.test(path))
      return needs('product') ?? { status: 200, body: listProducts(shop, query) };
    const productMatch = /^\/integration\/v2(?:\.1)?\/products\/(\d+)$/.exec(path);
    if (method === 'GET' && productMatch) {
      const product = shop.products.find((candidate) => candidate.product_id === Number(productMatch[1]));
      if (!product) return tikiErrors(404, 'Product not found');
      return needs('product') ?? { status: 200, body: projectProduct(product, readIncludes(query), true) };
    }

    if (method === 'GET' && path === '/integration/v2/orders')
      return needs('order') ?? { status: 200, body: listOrders(shop, query) };
    const orderMatch = /^\/integration\/v2\/orders\/([^/]+)$/.exec(path);
    if (method === 'GET' && orderMatch) {
      const order = shop.orders.find((candidate) => candidate.code === decodeURIComponent(orderMatch[1]!));
      if (!order) return tikiErrors(404, 'Order not found');
      return needs('order') ?? { status: 200, body: projectOrder(order, readIncludes(query)) };
    }

    const sellerId = shop.seed.sellerId;
    if (
      path.startsWith('/integration/v1/queues') &&
      caller.by === 'key' &&
      context.faults().tikiQueueAuth === 'bearer-only'
    )
      return tikiErrors(403, 'The client is not granted enough permissions to perform the action');
    if (path === '/integration/v1/queues' && method === 'GET')
      return { status: 200, body: queues.list(sellerId) };
    if (path === '/integration/v1/queues' && method === 'POST') {
      const { name } = readJsonBody(request);
      if (typeof name !== 'string' || !name.trim()) throw new BadParameter('name is required');
      return { status: 200, body: queues.create(sellerId, name) };
    }
    const subscribeMatch = /^\/integration\/v1\/queues\/([^/]+)\/subscriptions$/.exec(path);
    if (subscribeMatch && method === 'POST') {
      const { event_type: eventType } = readJsonBody(request);
      if (typeof eventType !== 'string' || !(EVENT_TYPES as readonly string[]).includes(eventType))
        throw new BadParameter(`event_type must be one of ${EVENT_TYPES.join(', ')}`);
      const subscription = queues.subscribe(sellerId, subscribeMatch[1]!, eventType);
      return subscription ? { status: 200, body: subscription } : tikiErrors(404, 'Queue not found');
    }
    const pullMatch = /^\/integration\/v1\/queues\/([^/]+)\/events\/pull$/.exec(path);
    if (pullMatch && method === 'POST') {
      const { ack_id: ackId = null } = readJsonBody(request);
      if (ackId !== null && typeof ackId !== 'string')
        throw new BadParameter('ack_id must be a string or null');
      const batch = queues.pull(sellerId, pullMatch[1]!, ackId);
      return batch ? { status: 200, body: batch } : tikiErrors(404, 'Queue not found');
    }

    return tikiErrors(404, `No route for ${method} ${path}`);
  }

  async function handle(request: SandboxRequest): Promise<SandboxResponse> {
    const faults = context.faults();
    // Latency is real time, so the UI shows its spinners even when the sandbox clock is scaled.
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.rateLimitStorm) return tikiErrors(429, 'Too many requests');
    if (faults.errorRate > 0 && context.random() < faults.errorRate)
      return context.random() < 0.5
        ? tikiErrors(500, 'Internal server error')
        : tikiErrors(503, 'Service temporarily unavailable');
    // Seller Center's export is a logged-in web page, not the Open API: no key or token.
    if (request.path === '/sellercenter/statement.xlsx' && request.method === 'GET')
      return statementFile(request);
    if (request.path === '/sc/oauth2/token') {
      return request.method === 'POST' ? issueToken(request) : tikiErrors(405, 'Method not allowed');
    }
    const caller = authenticate(request);
    if (!('shop' in caller)) return caller;
    if (faults.tikiPaused)
      return { status: 200, body: { msg: PAUSED_MESSAGE, integration_status: 'paused' } };
    if (!withinRateLimit(caller.shop)) return tikiErrors(429, 'Too many requests');
    try {
      return route(caller, request);
    } catch (error) {
      if (error instanceof BadParameter) return tikiErrors(400, error.message);
      throw error;
    }
  }

  function statementFile(request: SandboxRequest): SandboxResponse {
    const sellerId = Number(request.query.get('seller_id') ?? shops[0]?.seed.sellerId);
    const shop = shops.find((candidate) => candidate.seed.sellerId === sellerId);
    if (!shop) return { status: 404, body: 'Không tìm thấy nhà bán' };
    let statement: ReturnType<typeof createTikiStatement>;
    try {
      statement = createTikiStatement({ ...shop.seed, orders: shop.orders }, clock.now());
    } catch (error) {
      return { status: 409, body: `Chưa thể xuất sao kê: ${(error as Error).message}` };
    }
    return {
      status: 200,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${statement.fileName}"`,
      },
      bytes: statement.bytes,
    };
  }

  function setOrderStatus(code: string, status: string) {
    if (!(TIKI_ORDER_STATUSES as readonly string[]).includes(status))
      throw new Error(`unknown Tiki status "${status}"`);
    const shop = shops.find((candidate) => candidate.orders.some((order) => order.code === code));
    const order = shop?.orders.find((candidate) => candidate.code === code);
    if (!shop || !order) throw new Error(`no Tiki order ${code}`);
    const at = formatWallTime(clock.now());
    order.status = status;
    order.updated_at = at;
    order.status_histories.push({ id: nextHistoryId++, status, created_at: at });
    // OT-item: a canceled order's seller income is its (usually zero) fees.
    if (status === 'canceled' || status === 'closed') {
      for (const item of order.items) item.invoice.seller_income = item.invoice.seller_fee;
      order.invoice.total_seller_income = order.items.reduce(
        (sum, item) => sum + item.invoice.seller_income,
        0,
      );
    }
    queues.publish(shop.seed.sellerId, 'ORDER_STATUS_UPDATED', { order_code: code, orderCode: code, status });
    if (status === 'queueing') announceCreated(shop, code);
    return order;
  }

  function productById(productId: number): ProductRecord {
    for (const shop of shops) {
      const product = shop.products.find((candidate) => candidate.product_id === productId);
      if (product) return product;
    }
    throw new Error(`no Tiki product ${productId}`);
  }

  function editProduct(
    productId: number,
    edit: { name?: string; originalSku?: string; options?: Record<string, string> },
  ) {
    const product = productById(productId);
    if (edit.name !== undefined) product.name = edit.name;
    if (edit.originalSku !== undefined) product.original_sku = edit.originalSku;
    Object.assign(product.attributes, edit.options);
    product.updated_at = formatWallTime(clock.now());
    return product;
  }

  function hideProduct(productId: number) {
    const product = productById(productId) as ProductRecord & { is_hidden?: boolean };
    product.is_hidden = true;
    product.updated_at = formatWallTime(clock.now());
    return product;
  }

  function deleteProduct(productId: number): void {
    for (const shop of shops)
      shop.products = shop.products.filter((product) => product.product_id !== productId);
  }

  function startPromotion(productId: number, price: number) {
    const product = productById(productId);
    const at = formatWallTime(clock.now());
    Object.assign(product.attributes, {
      price,
      price_restore: Number(product.price),
      special_from_date: at,
    });
    product.price = price;
    product.updated_at = at;
    return product;
  }

  function addTiedOrders(options: TiedOrdersOptions): string[] {
    const shop =
      options.sellerId === undefined
        ? shops[0]
        : shops.find((candidate) => candidate.seed.sellerId === options.sellerId);
    if (!shop) throw new Error(`no Tiki seller ${options.sellerId}`);
    const status = options.status ?? 'queueing';
    if (!(TIKI_ORDER_STATUSES as readonly string[]).includes(status))
      throw new Error(`unknown Tiki status "${status}"`);
    if (!Number.isInteger(options.count) || options.count < 1)
      throw new Error('count must be a positive integer');
    const updatedAt =
      typeof options.updatedAt === 'number'
        ? Math.floor(options.updatedAt / 1000) * 1000
        : parseWallTime(options.updatedAt);
    if (updatedAt === undefined || Number.isNaN(updatedAt))
      throw new Error('updatedAt must be yyyy-MM-dd HH:mm:ss or epoch milliseconds');
    const seeded = shop.seed.orders as OrderRecord[];
    const alike = seeded.filter((order) => order.status === status);
    const templates = alike.length > 0 ? alike : seeded;
    const codes: string[] = [];
    for (let index = 0; index < options.count; index++) {
      const createdAt = options.sameCreatedAt ? updatedAt : updatedAt - (index + 1) * 1000;
      codes.push(addOrderCopy(shop, templates[index % templates.length]!, status, updatedAt, createdAt));
    }
    return codes;
  }

  /**
   * A copy of `template` under a new code, in `status` since `updatedAt`; an order that reaches `queueing` is
   * announced as created (OT-evtype: ORDER_CREATED_SUCCESSFULLY fires "when the order reach the queueing status").
   */
  function addOrderCopy(
    shop: ShopState,
    template: OrderRecord,
    status: string,
    updatedAt: number,
    createdAt: number,
  ): string {
    const order = structuredClone(template) as OrderRecord & { id?: number };
    // Seeded codes start with 7 or 8: 6… cannot collide with them.
    order.code = `6${String(nextTiedOrder++).padStart(8, '0')}`;
    order.id = 900_000_000 + nextTiedOrder;
    order.status = status;
    order.updated_at = formatWallTime(updatedAt);
    order.created_at = formatWallTime(createdAt);
    order.status_histories = [
      ...order.status_histories.filter((entry) => entry.created_at <= order.updated_at),
      { id: nextHistoryId++, status, created_at: order.updated_at },
    ];
    shop.orders.push(order);
    if (status === 'queueing') announceCreated(shop, order.code);
    return order.code;
  }

  function announceCreated(shop: ShopState, code: string) {
    queues.publish(shop.seed.sellerId, 'ORDER_CREATED_SUCCESSFULLY', {
      order_code: code,
      orderCode: code,
      status: 'queueing',
    });
  }

  function placeOrder(template: string): string {
    const shop = shops.find((candidate) => candidate.orders.some((order) => order.code === template));
    const order = shop?.orders.find((candidate) => candidate.code === template);
    if (!shop || !order) throw new Error(`no Tiki order ${template}`);
    const now = Math.floor(clock.now() / 1000) * 1000;
    return addOrderCopy(shop, order, 'queueing', now, now);
  }

  function addCatalogueProducts(count: number, sellerId?: number) {
    const shop =
      sellerId === undefined ? shops[0] : shops.find((candidate) => candidate.seed.sellerId === sellerId);
    if (!shop) throw new Error(`no Tiki seller ${sellerId}`);
    const template = shop.products.find((product) => product.type === 'simple');
    if (!template) throw new Error(`Tiki seller ${shop.seed.sellerId} has no simple product to copy`);
    const at = formatWallTime(clock.now());
    const ids: number[] = [];
    for (let index = 0; index < count; index++) {
      const number = ++nextCatalogueProduct;
      // Seeded ids are below 280,000,000: these cannot collide with them.
      const id = 300_000_000 + number;
      const product = structuredClone(template) as ProductRecord & Record<string, unknown>;
      Object.assign(product, {
        product_id: id,
        sku: `9${String(number).padStart(12, '0')}`,
        original_sku: `KHO-T-${String(number).padStart(6, '0')}`,
        name: `Hàng mới ${number}`,
        created_at: at,
        updated_at: at,
      });
      shop.products.push(product);
      ids.push(id);
    }
    return { products: shop.products.length, ids };
  }

  return {
    handle,
    setOrderStatus,
    editProduct,
    startPromotion,
    hideProduct,
    deleteProduct,
    addTiedOrders,
    placeOrder,
    addCatalogueProducts,
    expireTokens: () => tokens.clear(),
    snapshot: () => ({
      shops: shops.map((shop) => ({
        sellerId: shop.seed.sellerId,
        name: shop.seed.name,
        products: shop.products.length,
        orders: shop.orders.length,
      })),
      tokens: tokens.size,
      queues: queues.snapshot(),
    }),
  };
}

/** Shuffles, in place, each run of neighbours that share `key` (Fisher–Yates within the run). */
function shuffleTies<T>(sorted: T[], key: (item: T) => string, random: () => number): void {
  let start = 0;
  while (start < sorted.length) {
    let end = start + 1;
    while (end < sorted.length && key(sorted[end]!) === key(sorted[start]!)) end++;
    for (let i = end - 1; i > start; i--) {
      const j = start + Math.floor(random() * (i - start + 1));
      [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
    }
    start = end;
  }
}
