import type { CompatCheckId } from '../lib/compat/lines';
import { NHANH_PATHS } from '../lib/nhanh/contract';
import { tikiErrors } from './tiki/http';
import { formatWallTime, parseWallTime } from './tiki/wall-time';
import type { Faults, SandboxRequest, SandboxResponse } from './types';

/*
 * The `compatBreak` fault: the sandbox stops honouring the one assumption a line of "Kiểm tra tương thích API"
 * tests, the way the real API would if the assumption were wrong, so each line can be seen to turn "sai" for its
 * own reason and no other. A break changes the request before the simulator sees it (or answers it instead), or
 * the simulator's answer (on a copy), or is one of the existing knobs. Applied by the composition root.
 */

type Json = Record<string, unknown>;
type Api = 'tiki' | 'nhanh';

interface Break {
  api: Api;
  /** Knobs that already are this break. */
  faults?: Partial<Faults>;
  /** The request as the simulator should see it, or the answer to give instead. */
  request?: (request: SandboxRequest) => SandboxRequest | SandboxResponse;
  /** The answer as the breaking API gives it; receives a deep copy it may change. */
  answer?: (body: Json, request: SandboxRequest) => void;
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

const TIKI = {
  seller: (path: string) => path === '/integration/v2/sellers/me',
  warehouses: (path: string) => path === '/integration/v2/sellers/me/warehouses',
  orders: (path: string) => path === '/integration/v2/orders' || path.startsWith('/integration/v2/orders/'),
  orderList: (path: string) => path === '/integration/v2/orders',
  products: (path: string) => /^\/integration\/v2(\.1)?\/products(\/\d+)?$/.test(path),
  productList: (path: string) => /^\/integration\/v2(\.1)?\/products$/.test(path),
  productDetail: (path: string) => /^\/integration\/v2(\.1)?\/products\/\d+$/.test(path),
};

/** The connection key is not taken on these paths: the header is ignored, so the call has no credential. */
function keyRefusedOn(onPath: (path: string) => boolean): Break {
  return {
    api: 'tiki',
    request: (request) =>
      request.headers['tiki-api'] !== undefined && onPath(request.path)
        ? tikiErrors(401, 'Missing access token')
        : request,
  };
}

/** The token endpoint takes only the other client authentication [OFF §1.4: the app allows one of them]. */
function tokenRefusing(method: 'basic' | 'post'): Break {
  return {
    api: 'tiki',
    request: (request) => {
      if (request.path !== '/sc/oauth2/token') return request;
      const basic = /^Basic /i.test(request.headers.authorization ?? '');
      const posted = new URLSearchParams(request.body).has('client_secret');
      const refused = method === 'basic' ? basic : posted && !basic;
      if (!refused) return request;
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: 'Client authentication failed (unsupported authentication method).',
          status_code: 401,
        },
      };
    },
  };
}

/** An `include` value the API does not honour on these paths. */
function includeIgnored(value: string, onPath: (path: string) => boolean): Break {
  return {
    api: 'tiki',
    request: (request) => {
      const include = request.query.get('include');
      if (!onPath(request.path) || include === null) return request;
      const query = new URLSearchParams(request.query);
      query.set(
        'include',
        include
          .split(',')
          .filter((part) => part.trim() !== value)
          .join(','),
      );
      return { ...request, query };
    },
  };
}

/** Every order of a Tiki orders answer (list or detail). */
function tikiOrdersOf(body: Json, request: SandboxRequest): Json[] {
  return TIKI.orderList(request.path) ? records(body.data) : [body];
}

/** Every fee entry of every line of the orders in the answer. */
function feesOf(body: Json, request: SandboxRequest): Json[] {
  return tikiOrdersOf(body, request).flatMap((order) =>
    records(order.items).flatMap((item) => (isRecord(item.invoice) ? records(item.invoice.fees) : [])),
  );
}

/** A product list answer's rows, each passed to `change`; rows it answers false for are dropped. */
function productRows(change: (row: Json) => boolean | undefined): Break['answer'] {
  return (body, request) => {
    if (!TIKI.productList(request.path)) return;
    body.data = records(body.data).filter((row) => change(row) !== false);
  };
}

const WALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A Vietnam wall time written as UTC wall time (7 hours earlier). */
function utcWallTimeOf(text: string): string {
  const at = parseWallTime(text);
  return at === undefined ? text : new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

/** A UTC wall time read back as the Vietnam wall time the simulator keeps. */
function vietnamWallTimeOf(text: string): string {
  if (!WALL_TIME.test(text)) return text;
  const at = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(at) ? text : formatWallTime(at);
}

function rewriteWallTimes(value: unknown): unknown {
  if (typeof value === 'string') return utcWallTimeOf(value);
  if (Array.isArray(value)) return value.map(rewriteWallTimes);
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteWallTimes(v)]));
  return value;
}

/** A Nhanh list answer's rows, when the request went to `path`. */
function nhanhRows(path: string, change: (row: Json, request: SandboxRequest) => void): Break['answer'] {
  return (body, request) => {
    if (request.path !== path) return;
    for (const row of records(body.data)) change(row, request);
  };
}

function nhanhRequestBody(request: SandboxRequest): Json {
  try {
    const body = JSON.parse(request.body || '{}');
    return isRecord(body) ? body : {};
  } catch {
    return {};
  }
}

const BREAKS: Partial<Record<CompatCheckId, Break>> = {
  'tiki.key.seller': keyRefusedOn(TIKI.seller),
  'tiki.key.orders': keyRefusedOn(TIKI.orders),
  'tiki.key.products': keyRefusedOn(TIKI.products),
  'tiki.key.warehouses': keyRefusedOn(TIKI.warehouses),
  'tiki.app.basic': tokenRefusing('basic'),
  'tiki.app.post': tokenRefusing('post'),
  'tiki.paging.maxLimit': {
    api: 'tiki',
    request: (request) =>
      (TIKI.orderList(request.path) || TIKI.productList(request.path)) &&
      Number(request.query.get('limit') ?? 20) > 50
        ? tikiErrors(400, 'limit must be between 1 and 50')
        : request,
  },
  'tiki.paging.empty': {
    api: 'tiki',
    answer: (body, request) => {
      const paging = body.paging;
      if (!(TIKI.orderList(request.path) || TIKI.productList(request.path)) || !isRecord(paging)) return;
      if (records(body.data).length === 0) Object.assign(paging, { last_page: 1, from: 0, to: 0 });
    },
  },
  'tiki.orders.itemFees': includeIgnored('item.fees', TIKI.orders),
  'tiki.orders.itemsFees': includeIgnored('items.fees', TIKI.orders),
  'tiki.orders.feeKeys': {
    api: 'tiki',
    answer: (body, request) => {
      if (!TIKI.orders(request.path)) return;
      const renamed: Record<string, string> = {
        payment_fee: 'transaction_fee',
        commission_fee: 'commission',
      };
      for (const fee of feesOf(body, request))
        fee.fee_type_key = renamed[String(fee.fee_type_key)] ?? fee.fee_type_key;
    },
  },
  'tiki.orders.canceledIncome': {
    api: 'tiki',
    answer: (body, request) => {
      if (!TIKI.orders(request.path)) return;
      for (const order of tikiOrdersOf(body, request))
        if (order.status === 'canceled' || order.status === 'closed')
          for (const item of records(order.items))
            if (isRecord(item.invoice))
              item.invoice.seller_income = Number(item.invoice.subtotal) + Number(item.invoice.seller_fee);
    },
  },
  'tiki.orders.updatedFromStrict': { api: 'tiki', faults: { tikiUpdatedFromBound: 'inclusive' } },
  'tiki.time.zone': {
    api: 'tiki',
    request: (request) => {
      const query = new URLSearchParams(request.query);
      for (const [name, value] of request.query)
        if (name.endsWith('_date')) query.set(name, vietnamWallTimeOf(value));
      return { ...request, query };
    },
    answer: (body) => {
      Object.assign(body, rewriteWallTimes(body));
    },
  },
  'tiki.products.idKey': {
    api: 'tiki',
    answer: productRows((row) => {
      row.id = row.product_id;
      delete row.product_id;
      return true;
    }),
  },
  // The simulator lists hidden products too under this break (the list filter lives there).
  'tiki.products.approvedOnly': { api: 'tiki' },
  'tiki.products.children': { api: 'tiki', answer: productRows((row) => !(Number(row.super_id) > 0)) },
  'tiki.products.attributes': {
    api: 'tiki',
    answer: productRows((row) => {
      delete row.attributes;
      return true;
    }),
  },
  'tiki.products.optionAttributes': {
    api: 'tiki',
    answer: productRows((row) => {
      delete row.option_attributes;
      return true;
    }),
  },
  'tiki.product.detailInclude': {
    api: 'tiki',
    request: (request) => {
      if (!TIKI.productDetail(request.path)) return request;
      const query = new URLSearchParams(request.query);
      query.delete('include');
      return { ...request, query };
    },
  },
  'nhanh.product.depots': {
    api: 'nhanh',
    answer: nhanhRows(NHANH_PATHS.productList, (row) => {
      const inventory = row.inventory;
      if (!isRecord(inventory) || !Array.isArray(inventory.depots)) return;
      // The v2 shape: a map keyed by depot id.
      inventory.depots = Object.fromEntries(
        records(inventory.depots).map(({ id, ...stock }) => [String(id), stock]),
      );
    }),
  },
  'nhanh.product.paging': {
    api: 'nhanh',
    answer: (body, request) => {
      const paginator = body.paginator;
      if (request.path === NHANH_PATHS.productList && isRecord(paginator) && isRecord(paginator.next))
        paginator.next = paginator.next.id;
    },
  },
  'nhanh.product.parentCodes': {
    api: 'nhanh',
    answer: nhanhRows(NHANH_PATHS.productList, (row) => {
      if (row.parentId === -1) row.parentId = 0;
    }),
  },
  'nhanh.product.nameFilter': {
    api: 'nhanh',
    answer: (body, request) => {
      const filters = nhanhRequestBody(request).filters;
      if (request.path !== NHANH_PATHS.productList || !isRecord(filters) || typeof filters.name !== 'string')
        return;
      const needle = filters.name.toLowerCase();
      body.data = records(body.data).filter((row) => String(row.name).toLowerCase().includes(needle));
    },
  },
  'nhanh.product.inventory': {
    api: 'nhanh',
    request: (request) =>
      request.path === NHANH_PATHS.productInventory
        ? { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>404 Not Found</h1>' }
        : request,
  },
  'nhanh.depot.paging': {
    api: 'nhanh',
    request: (request) => {
      if (request.path !== NHANH_PATHS.depots) return request;
      const { paginator: _unread, ...rest } = nhanhRequestBody(request);
      // The cursor is not read: every call is the first page again, with the same `next`.
      return { ...request, body: JSON.stringify(rest) };
    },
  },
  'nhanh.token.expiry': {
    api: 'nhanh',
    answer: (body, request) => {
      if (request.path === NHANH_PATHS.checkAccessToken && isRecord(body.data))
        body.data.expiredAt = Number(body.data.expiredAt) - 30 * 86_400;
    },
  },
  'nhanh.order.appOrderIds': { api: 'nhanh', faults: { nhanhAppOrderIdsFilter: 'honoured' } },
  'nhanh.order.transferAmount': {
    api: 'nhanh',
    answer: nhanhRows(NHANH_PATHS.orderList, (row) => {
      const payment = row.payment;
      if (!isRecord(payment) || !isRecord(payment.transfer)) return;
      payment.transferAmount = payment.transfer.amount;
      delete payment.transfer;
    }),
  },
  'nhanh.order.statusInts': {
    api: 'nhanh',
    answer: nhanhRows(NHANH_PATHS.orderList, (row) => {
      // "Đơn mới" answered with an int the Model Constant table does not have.
      if (isRecord(row.info) && row.info.status === 54) row.info.status = 50;
    }),
  },
};

/** The existing knobs the break stands for (none for most). */
export function faultsOfBreak(id: CompatCheckId | null): Partial<Faults> {
  return (id && BREAKS[id]?.faults) || {};
}

/** The request as the broken API's simulator should see it, or the broken API's own answer. */
export function breakRequest(
  id: CompatCheckId | null,
  api: Api,
  request: SandboxRequest,
): SandboxRequest | SandboxResponse {
  const broken = id ? BREAKS[id] : undefined;
  return broken?.api === api && broken.request ? broken.request(request) : request;
}

/** The simulator's answer as the broken API gives it (a copy; the simulator's state is never touched). */
export function breakAnswer(
  id: CompatCheckId | null,
  api: Api,
  request: SandboxRequest,
  response: SandboxResponse,
): SandboxResponse {
  const broken = id ? BREAKS[id] : undefined;
  if (broken?.api !== api || !broken.answer || !isRecord(response.body)) return response;
  const body = structuredClone(response.body);
  broken.answer(body, request);
  return { ...response, body };
}
