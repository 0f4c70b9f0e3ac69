import { NHANH_ERROR, NHANH_PATHS } from '../../lib/nhanh/contract';
import type { SandboxRequest, SandboxResponse, Simulator, SimulatorContext } from '../types';
import { createNhanhAuth } from './auth';
import { createFieldCollector, FormFieldsError, fail, isRecord, ok } from './envelope';
import { addOrder, adminEditOrder, cancelCarrier, EditRefusal, editOrder, listOrders } from './orders';
import { pageOf, readPaginator } from './paging';
import { addProducts, listInventory, listProducts } from './products';
import { createUrlRateLimit, type RateDecision } from './rate-limit';
import { createNhanhStore, type StoredOrder } from './store';

/** The docs' own wording of the ERR_429 answer [OFF S2]. */
const RATE_LIMIT_TEXT = 'Your app exceeded the API Rate Limit';
const SERVER_ERROR_STATUSES = [500, 502, 503, 504];

type Route = (body: unknown, request: SandboxRequest) => SandboxResponse;

/** What `snapshot()` shows, so tests can assert "exactly these orders, each once, with this stock". */
export interface NhanhSnapshot {
  orders: Pick<
    StoredOrder,
    | 'id'
    | 'appOrderId'
    | 'status'
    | 'depotId'
    | 'products'
    | 'carrier'
    | 'payment'
    | 'createdAt'
    | 'updatedAt'
  >[];
  products: { id: number; appProductId: string | null; code: string; barcode: string; name: string }[];
  /** productId → depotId → quantities, `available = remain − holding`. */
  stock: Record<number, Record<number, { remain: number; holding: number; available: number }>>;
  /** `refused` counts ERR_429 answers; `locks` counts locks begun. */
  rateLimit: { accepted: number; refused: number; locks: number };
  serverErrors: number;
  liveTokens: number;
}

export interface NhanhSimulator extends Simulator {
  snapshot(): NhanhSnapshot;
  /** The seller's edit of an order in Nhanh's own screens (lines, status); see `adminEditOrder`. */
  editOrder(id: number, body: unknown): unknown;
  /** Products the seller added in Nhanh: `count` with no Tiki counterpart; answers the catalogue's new size. */
  addCatalogueProducts(count: number): { products: number };
  /**
   * The seller's stock bill in Nhanh: a product's stock on hand in a depot becomes `remain` or moves by `change`;
   * product/inventory then shows it, with the product's stock change time moved. Answers the depot's stock.
   */
  setStock(
    productId: number,
    depotId: number,
    to: { remain: number } | { change: number },
  ): { remain: number; holding: number; available: number };
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) throw new FormFieldsError({ filters: 'the body must be a JSON object' });
  return body;
}

/** [INF] business/depot pages like the other lists [OFF-v3 §6.1 answers `paginator.next`]; its size is small. */
const DEPOT_PAGE_SIZE = 2;

/**
 * Nhanh.vn Open API v3 (v2 is out of support: its paths answer 404), mounted at `/nhanh`, and the login page
 * stand-in at `/nhanh-oauth`. Faithful to the documented contract, faults included: every business error is
 * HTTP 200 with `code:0`; the per-URL rate limit locks and extends; `errorRate` answers a bare 5xx page, half
 * of the time AFTER the request took effect (as a gateway timeout can), so clients must be idempotent.
 */
export function createNhanhSimulator(context: SimulatorContext): NhanhSimulator {
  const { clock, faults, random, seed } = context;
  const nhanh = seed.nhanh;
  const store = createNhanhStore(nhanh, () => clock.now());
  const auth = createNhanhAuth(context);
  const rateLimit = createUrlRateLimit(clock, faults);
  let serverErrors = 0;

  const v3Routes: Record<string, Route> = {
    [NHANH_PATHS.getAccessToken]: (body) => auth.exchange(body),
    // The envelope has checked the token by then.
    [NHANH_PATHS.checkAccessToken]: (body, request) => auth.check(request.headers.authorization!, body),
    [NHANH_PATHS.depots]: (body) => {
      const fields = createFieldCollector();
      const request = readPaginator(isRecord(body) ? body : {}, fields);
      fields.throwIfAny();
      const { rows, paginator } = pageOf(
        store.depots.map(({ id, name }) => ({ id, code: `K${id}`, name })),
        { ...request, size: Math.min(request.size, DEPOT_PAGE_SIZE) },
      );
      const { totalItems: _total, ...next } = paginator;
      return ok(rows, next);
    },
    [NHANH_PATHS.productList]: (body) => listProducts(store, bodyObject(body)),
    [NHANH_PATHS.productInventory]: (body) =>
      listInventory(store, bodyObject(body), faults().nhanhInventoryUpdatedAt),
    [NHANH_PATHS.productAdd]: (body) => addProducts(store, body),
    [NHANH_PATHS.orderAdd]: (body) => addOrder(store, body),
    [NHANH_PATHS.orderList]: (body) => listOrders(store, bodyObject(body), faults().nhanhAppOrderIdsFilter),
    [NHANH_PATHS.orderEdit]: (body) => editOrder(store, body, faults().nhanhPaymentOnSuccess),
    [NHANH_PATHS.orderCancelCarrier]: (body) => cancelCarrier(store, body),
  };

  /** Whether this call fails with a 5xx, and whether before or after it took effect. */
  function drawServerFault(): 'before' | 'after' | undefined {
    if (random() >= faults().errorRate) return undefined;
    return random() < 0.5 ? 'before' : 'after';
  }

  function serverError(): SandboxResponse {
    serverErrors++;
    const status = SERVER_ERROR_STATUSES[Math.floor(random() * SERVER_ERROR_STATUSES.length)]!;
    return {
      status,
      headers: { 'content-type': 'text/html' },
      body: `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`,
    };
  }

  function rateLimited(decision: Extract<RateDecision, { allowed: false }>): SandboxResponse {
    const data = { lockedSeconds: decision.lockedSeconds, unlockedAt: decision.unlockedAt };
    // The docs' example answer has a singular `message` here, unlike other failures.
    return {
      status: 200,
      body: { code: 0, errorCode: NHANH_ERROR.rateLimited, message: RATE_LIMIT_TEXT, data },
    };
  }

  async function handleV3(request: SandboxRequest, route: Route): Promise<SandboxResponse> {
    const appId = request.query.get('appId');
    if (appId !== nhanh.appId) return fail(NHANH_ERROR.invalidAppId, 'Invalid appId');
    const grantsToken = request.path === NHANH_PATHS.getAccessToken;
    const businessId = Number(request.query.get('businessId'));
    if (!grantsToken && businessId !== nhanh.businessId)
      return fail(NHANH_ERROR.invalidBusinessId, 'Invalid businessId');
    const decision = rateLimit.check(`${appId}|${grantsToken ? '' : businessId}|${request.path}`);
    if (!decision.allowed) return rateLimited(decision);
    const fault = drawServerFault();
    if (fault === 'before') return serverError();
    if (!grantsToken && !auth.tokenValid(request.headers.authorization, businessId))
      return fail(NHANH_ERROR.invalidAccessToken, 'Invalid access token');
    let body: unknown;
    try {
      body = request.body.trim() === '' ? {} : JSON.parse(request.body);
    } catch {
      return fail(NHANH_ERROR.invalidData, 'Invalid data: the body is not a valid JSON string');
    }
    let answer: SandboxResponse;
    try {
      answer = route(body, request);
    } catch (error) {
      if (error instanceof EditRefusal) answer = refusal(error.message);
      else if (error instanceof FormFieldsError) answer = fail(NHANH_ERROR.invalidFormFields, error.fields);
      else throw error;
    }
    return fault === 'after' ? serverError() : answer;
  }

  /** A business rule's refusal, in the shape the faults choose (the docs give none for order/edit). */
  function refusal(message: string): SandboxResponse {
    return faults().nhanhEditRefusal === 'form-fields'
      ? fail(NHANH_ERROR.invalidFormFields, { info: message })
      : { status: 200, body: { code: 0, messages: message } };
  }

  async function handle(request: SandboxRequest): Promise<SandboxResponse> {
    const { latencyMs } = faults();
    // Real milliseconds, on purpose: latency is about sockets and timers, not about the simulated clock.
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (request.path === '/nhanh-oauth') return auth.authorizePage(request);
    const route = v3Routes[request.path];
    if (!route)
      return { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>404 Not Found</h1>' };
    if (request.method !== 'POST')
      return {
        status: 405,
        headers: { 'content-type': 'text/html' },
        body: '<h1>405 Method Not Allowed</h1>',
      };
    return handleV3(request, route);
  }

  return {
    handle,
    expireTokens: () => auth.revokeAll(),
    editOrder: (id, body) => adminEditOrder(store, id, body),
    setStock: (productId, depotId, to) => store.setStock(productId, depotId, to),
    addCatalogueProducts: (count) => {
      store.addCatalogueProducts(count);
      return { products: store.products.size };
    },
    snapshot: () => ({
      orders: [...store.orders.values()].map(
        ({ id, appOrderId, status, depotId, products, carrier, payment, createdAt, updatedAt }) => ({
          id,
          appOrderId,
          status,
          depotId,
          products,
          carrier: carrier && { ...carrier },
          payment: payment && { ...payment },
          createdAt,
          updatedAt,
        }),
      ),
      products: [...store.products.values()].map(({ id, appProductId, code, barcode, name }) => ({
        id,
        appProductId: appProductId ?? null,
        code,
        barcode,
        name,
      })),
      stock: store.stockSnapshot(),
      rateLimit: rateLimit.counts(),
      serverErrors,
      liveTokens: auth.liveTokenCount(),
    }),
  };
}
