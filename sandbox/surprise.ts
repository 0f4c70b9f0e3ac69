import { NHANH_PATHS } from '../lib/nhanh/contract';
import { seededRandom } from './random';
import {
  type ContractSurprise,
  DEFAULT_UNREADABLE_RATE,
  type SandboxRequest,
  type SandboxResponse,
} from './types';

/*
 * The "contract surprise" fault: answers drift the way a real API's do between the day the client was written
 * and the day it runs. Applied by the composition root to every answer of the list and detail endpoints
 * (Tiki: orders list and detail, products list and detail, token; Nhanh: getaccesstoken, business/depot,
 * product/list, order/list, order/add), on a deep copy, after the simulator answered.
 *
 * - Per answer, each record drifts with probability `rate` (one to three drifts): an optional field dropped
 *   or nulled, unknown keys added, an unknown value in an enum the code does not rely on, numbers sent as
 *   strings ("409000", "2"); and the answer's shape varies with the same probability (Nhanh `order/add` `data`
 *   as `[{id}]`, a Tiki token without `token_type`). These drifts never touch what identifies a record or
 *   what the import needs to build the same Nhanh order (Tiki order `code`, `status`, `created_at`,
 *   `updated_at`, item `product.id`/`sku`/`name`, `qty`'s and `price`'s values, the seller discount, the
 *   seller income; Nhanh order `info.id`, `channel.appOrderId`; product `id`, `code`, `name`, `parentId`).
 * - Per record and stable across answers (drawn from the seed and the record's code or id): `unreadableRate`
 *   of Tiki orders are truly unreadable (no `items`, or an item without `product.id`); as many others carry a
 *   Tiki status that is not documented; as many Nhanh orders carry a status int that is not documented.
 *
 * Deterministic: the same seed and the same calls give the same answers. `report()` says what was done.
 */

type Json = Record<string, unknown>;
type Random = () => number;

/** What the fault did since its knob was last set, for tests and `GET /__admin/surprise`. */
export interface SurpriseReport {
  config: ContractSurprise | null;
  /** Answers changed (any record or the shape). */
  answers: number;
  /** `record.drift` → how many records (or answers, for shapes) drifted so. */
  changes: Record<string, number>;
  tiki: {
    /** Codes of orders served with at least one benign drift. */
    driftedOrders: string[];
    /** Orders served without what identifies their lines: the client can only set them aside. */
    unreadableOrders: { code: string; why: 'no-items' | 'item-without-product-id' }[];
    /** Orders served with a status Tiki does not document, and that status. */
    unknownStatusOrders: { code: string; status: string }[];
    driftedProducts: number[];
  };
  nhanh: {
    /** Nhanh order ids served with at least one benign drift. */
    driftedOrders: number[];
    /** Orders served with a status int Nhanh does not document. */
    unknownStatusOrders: { id: number; appOrderId: string | null; status: number }[];
    driftedProducts: number[];
  };
}

export interface ContractSurpriseFault {
  /** The answer as the drifting API would give it; the same object when the fault is off or does not apply. */
  apply(api: 'tiki' | 'nhanh', request: SandboxRequest, response: SandboxResponse): SandboxResponse;
  report(): SurpriseReport;
}

/** Statuses Tiki might add; none is in the documented table. */
const UNKNOWN_TIKI_STATUSES = ['waiting_for_pickup', 'awaiting_return', 'partially_delivered'];
/** Status ints outside Nhanh's documented table (40–74). */
const UNKNOWN_NHANH_STATUSES = [75, 77, 99];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A draw in [0, 1) fixed by the seed and a record's key, so every answer agrees about that record. */
function stableDraw(seed: number, salt: string, key: string | number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of `${salt}:${key}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return seededRandom(hash)();
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** The objects that hold `path`'s last key; `items[]` walks every element: `items[].product.type`. */
function holdersOf(root: Json, path: string): { holder: Json; key: string }[] {
  const parts = path.split('.');
  const key = parts.pop()!;
  let nodes: unknown[] = [root];
  for (const part of parts) {
    const each = part.endsWith('[]');
    const name = each ? part.slice(0, -2) : part;
    nodes = nodes.flatMap((node) => {
      if (!isObject(node)) return [];
      const next = node[name];
      return each ? (Array.isArray(next) ? next : []) : [next];
    });
  }
  return nodes.filter(isObject).map((holder) => ({ holder, key }));
}

/** A drift of one record: false when the record has nothing it could change. */
type Drift = (record: Json, random: Random) => boolean;

/** Deletes one of `paths` (every element's, under `[]`) that the record has. */
function dropOneOf(paths: readonly string[]): Drift {
  return (record, random) => {
    const present = paths.filter((path) => holdersOf(record, path).some(({ holder, key }) => key in holder));
    if (present.length === 0) return false;
    for (const { holder, key } of holdersOf(record, pick(random, present))) delete holder[key];
    return true;
  };
}

/** Sets one of `paths` that the record has to null. */
function nullOneOf(paths: readonly string[]): Drift {
  return (record, random) => {
    const present = paths.filter((path) =>
      holdersOf(record, path).some(({ holder, key }) => key in holder && holder[key] !== null),
    );
    if (present.length === 0) return false;
    for (const { holder, key } of holdersOf(record, pick(random, present)))
      if (key in holder) holder[key] = null;
    return true;
  };
}

/** Sends some of `paths`' numbers as strings ("409000"), as PHP back ends do. */
function numbersAsStrings(paths: readonly string[]): Drift {
  return (record, random) => {
    let changed = false;
    for (const path of paths) {
      if (random() >= 0.5) continue;
      for (const { holder, key } of holdersOf(record, path))
        if (typeof holder[key] === 'number') {
          holder[key] = String(holder[key]);
          changed = true;
        }
    }
    return changed;
  };
}

/** Puts a value the docs do not list into one of these enum fields the record has. */
function unknownEnum(choices: Record<string, readonly unknown[]>): Drift {
  return (record, random) => {
    const present = Object.keys(choices).filter((path) =>
      holdersOf(record, path).some(({ holder, key }) => key in holder),
    );
    if (present.length === 0) return false;
    const path = pick(random, present);
    for (const { holder, key } of holdersOf(record, path))
      if (key in holder) holder[key] = pick(random, choices[path]!);
    return true;
  };
}

/** Adds keys the client has never seen, at one of these places (`''` = the record itself). */
function unknownKeys(places: Record<string, Json>): Drift {
  return (record, random) => {
    const place = pick(random, Object.keys(places));
    const targets = place === '' ? [record] : holdersOf(record, `${place}.x`).map(({ holder }) => holder);
    for (const target of targets) Object.assign(target, structuredClone(places[place]!));
    return targets.length > 0;
  };
}

type DriftTable = Record<string, Drift>;

/**
 * `items[].product.inventory_type` never drifts: the import decides from it whether Tiki ships the order from
 * its own warehouse (FBT), as documented [CE: tiki-theory/inventory-type].
 */
const TIKI_ORDER_DRIFTS: DriftTable = {
  'drop-optional': dropOneOf([
    'id',
    'relation_code',
    'fulfillment_type',
    'is_rma',
    'is_vat_exporting',
    'has_backorder_items',
    'shipping',
    'shipping.plan',
    'shipping.address',
    'shipping.address.phone',
    'payment',
    'customer',
    'tiki_warehouse',
    'status_histories',
    'invoice.subtotal',
    'invoice.grand_total',
    'invoice.collectible_amount',
    'invoice.discount_amount',
    'invoice.shipping_amount_after_discount',
    'invoice.total_seller_fee',
    'invoice.purchased_at',
    'invoice.coupon_code',
    'items[].id',
    'items[].confirmation',
    'items[].product.type',
    'items[].product.super_id',
    'items[].product.master_id',
    'items[].product.seller_product_code',
    'items[].product.thumbnail',
    'items[].invoice.subtotal',
    'items[].invoice.row_total',
    'items[].invoice.discount_amount',
    'items[].invoice.seller_fee',
    'items[].invoice.seller_income',
    'items[].invoice.fees',
  ]),
  nulls: nullOneOf([
    'relation_code',
    'is_rma',
    'tiki_warehouse',
    'shipping',
    'shipping.plan',
    'shipping.address',
    'payment',
    'customer',
    'invoice.purchased_at',
    'items[].confirmation',
    'items[].product.super_id',
    'items[].product.master_id',
    'items[].product.seller_product_code',
  ]),
  'unknown-keys': unknownKeys({
    '': { is_freeship_xtra: true, marketplace_meta: { channel: 'tiki_live', campaign_id: 88_231 } },
    'items[]': { warranty_info: null, gift_items: [] },
    'items[].product': { brand_name: 'OEM', is_fresh: false },
    invoice: { tikixu_earned: 120, platform_fee_version: 'v3' },
  }),
  'unknown-enum': unknownEnum({
    fulfillment_type: ['tiki_fast_delivery'],
    'payment.method': ['zalopay_later', 'vnpay_qr'],
    'items[].confirmation.status': ['seller_pending_review'],
    'items[].product.type': ['bundle'],
  }),
  'numbers-as-strings': numbersAsStrings([
    'items[].price',
    'items[].qty',
    'items[].invoice.subtotal',
    'items[].invoice.discount_coupon',
    'items[].invoice.seller_fee',
    'items[].invoice.seller_income',
    'invoice.subtotal',
    'invoice.grand_total',
    'invoice.total_seller_fee',
    'invoice.total_seller_income',
  ]),
};

const TIKI_PRODUCT_DRIFTS: DriftTable = {
  'drop-optional': dropOneOf([
    'original_sku',
    'master_id',
    'master_sku',
    'super_id',
    'super_sku',
    'entity_type',
    'version',
    'market_price',
    'thumbnail',
    'is_hidden',
    'inventory',
    'attributes',
    'categories',
    'images',
  ]),
  nulls: nullOneOf(['original_sku', 'master_id', 'super_id', 'market_price', 'thumbnail', 'inventory']),
  'unknown-keys': unknownKeys({
    '': { seller_product_group: null, badges: ['freeship_xtra'] },
    inventory: { fulfilment_center: 'SGN-1' },
  }),
  'unknown-enum': unknownEnum({ type: ['bundle'], entity_type: ['seller_combo'] }),
  'numbers-as-strings': numbersAsStrings(['price', 'market_price', 'active', 'version']),
};

const NHANH_PRODUCT_DRIFTS: DriftTable = {
  'drop-optional': dropOneOf(['barcode', 'inventory.depots', 'prices.retail', 'status']),
  nulls: nullOneOf(['barcode']),
  'unknown-keys': unknownKeys({
    '': { unit: 'cái', brand: { id: 12, name: 'OEM' }, images: [] },
    prices: { wholesale: 0, import: 0 },
  }),
  'unknown-enum': unknownEnum({ status: [4, 9] }),
  'numbers-as-strings': numbersAsStrings([
    'prices.retail',
    'inventory.remain',
    'inventory.holding',
    'inventory.available',
  ]),
};

const NHANH_ORDER_DRIFTS: DriftTable = {
  'drop-optional': dropOneOf([
    'info.type',
    'info.description',
    'channel.saleChannel',
    'channel.sourceName',
    'shippingAddress',
    'payment',
    'products[].discount',
  ]),
  nulls: nullOneOf(['info.depotId', 'info.description', 'channel.sourceName', 'payment']),
  'unknown-keys': unknownKeys({
    '': { carrier: null, tags: [] },
    info: { privateDescription: '', utmCampaign: null },
    'products[]': { vat: 0, weight: 300 },
  }),
  'unknown-enum': unknownEnum({ 'info.type': [7], 'channel.saleChannel': [99] }),
  'numbers-as-strings': numbersAsStrings(['products[].price', 'products[].quantity', 'products[].discount']),
};

const DEPOT_DRIFTS: DriftTable = {
  'unknown-keys': unknownKeys({ '': { code: 'KHO-1', mobile: null, location: null, isDefault: 1 } }),
};

interface State {
  key: string;
  config: ContractSurprise;
  random: Random;
  report: SurpriseReport;
  driftedTikiOrders: Set<string>;
  driftedTikiProducts: Set<number>;
  driftedNhanhOrders: Set<number>;
  driftedNhanhProducts: Set<number>;
  unreadable: Map<string, 'no-items' | 'item-without-product-id'>;
  unknownTiki: Map<string, string>;
  unknownNhanh: Map<number, { appOrderId: string | null; status: number }>;
}

export function createContractSurprise(config: () => ContractSurprise | null): ContractSurpriseFault {
  let state: State | undefined;

  /** The state of the current knob value: setting the knob again (or another seed) starts afresh. */
  function current(): State | undefined {
    const value = config();
    if (!value) return undefined;
    const key = JSON.stringify(value);
    if (state?.key !== key)
      state = {
        key,
        config: value,
        random: seededRandom(value.seed),
        report: emptyReport(value),
        driftedTikiOrders: new Set(),
        driftedTikiProducts: new Set(),
        driftedNhanhOrders: new Set(),
        driftedNhanhProducts: new Set(),
        unreadable: new Map(),
        unknownTiki: new Map(),
        unknownNhanh: new Map(),
      };
    return state;
  }

  function count(s: State, change: string) {
    s.report.changes[change] = (s.report.changes[change] ?? 0) + 1;
  }

  /** With probability `rate`, one to three drifts of the table; returns whether anything changed. */
  function drift(s: State, kind: string, record: Json, table: DriftTable): boolean {
    if (s.random() >= s.config.rate) return false;
    const names = Object.keys(table);
    let changed = false;
    const times = 1 + Math.floor(s.random() * 3);
    for (let i = 0; i < times; i++) {
      const name = pick(s.random, names);
      if (table[name]!(record, s.random)) {
        count(s, `${kind}.${name}`);
        changed = true;
      }
    }
    return changed;
  }

  /** Rate of the per-record stable draws (unreadable, unknown status). */
  const rareRate = (s: State) => s.config.unreadableRate ?? DEFAULT_UNREADABLE_RATE;

  function tikiOrder(s: State, order: Json): boolean {
    const code = String(order.code);
    let changed = drift(s, 'tiki.order', order, TIKI_ORDER_DRIFTS);
    if (changed) s.driftedTikiOrders.add(code);
    const items = order.items;
    if (stableDraw(s.config.seed, 'unreadable', code) < rareRate(s) && Array.isArray(items)) {
      const why =
        stableDraw(s.config.seed, 'unreadable-why', code) < 0.5 ? 'no-items' : 'item-without-product-id';
      if (why === 'no-items') delete order.items;
      else {
        const item = items[Math.floor(stableDraw(s.config.seed, 'unreadable-item', code) * items.length)];
        if (isObject(item) && isObject(item.product)) delete item.product.id;
      }
      s.unreadable.set(code, why);
      count(s, `tiki.order.unreadable-${why}`);
      return true;
    }
    if (stableDraw(s.config.seed, 'unknown-status', code) < rareRate(s)) {
      const status =
        UNKNOWN_TIKI_STATUSES[
          Math.floor(stableDraw(s.config.seed, 'unknown-status-value', code) * UNKNOWN_TIKI_STATUSES.length)
        ]!;
      order.status = status;
      s.unknownTiki.set(code, status);
      count(s, 'tiki.order.unknown-status');
      changed = true;
    }
    return changed;
  }

  function tikiProduct(s: State, product: Json): boolean {
    const changed = drift(s, 'tiki.product', product, TIKI_PRODUCT_DRIFTS);
    if (changed) s.driftedTikiProducts.add(Number(product.product_id ?? product.id));
    return changed;
  }

  function nhanhOrder(s: State, order: Json): boolean {
    const info = isObject(order.info) ? order.info : {};
    const channel = isObject(order.channel) ? order.channel : {};
    const id = Number(info.id);
    let changed = drift(s, 'nhanh.order', order, NHANH_ORDER_DRIFTS);
    if (changed) s.driftedNhanhOrders.add(id);
    if (stableDraw(s.config.seed, 'nhanh-unknown-status', id) < rareRate(s)) {
      const status =
        UNKNOWN_NHANH_STATUSES[
          Math.floor(
            stableDraw(s.config.seed, 'nhanh-unknown-status-value', id) * UNKNOWN_NHANH_STATUSES.length,
          )
        ]!;
      info.status = status;
      s.unknownNhanh.set(id, { appOrderId: (channel.appOrderId as string | null) ?? null, status });
      count(s, 'nhanh.order.unknown-status');
      changed = true;
    }
    return changed;
  }

  function nhanhProduct(s: State, product: Json): boolean {
    const changed = drift(s, 'nhanh.product', product, NHANH_PRODUCT_DRIFTS);
    if (changed) s.driftedNhanhProducts.add(Number(product.id));
    return changed;
  }

  /** Each record of a list, then the list itself; whether anything changed. */
  function eachOf(list: unknown, change: (record: Json) => boolean): boolean {
    if (!Array.isArray(list)) return false;
    let changed = false;
    for (const record of list) if (isObject(record) && change(record)) changed = true;
    return changed;
  }

  /** With probability `rate`, a variant of the answer's shape. */
  function shape(s: State, name: string, vary: () => boolean): boolean {
    if (s.random() >= s.config.rate || !vary()) return false;
    count(s, name);
    return true;
  }

  function tikiAnswer(s: State, path: string, body: Json): boolean {
    if (path === '/sc/oauth2/token')
      return shape(s, 'tiki.token.shape', () => {
        delete body.token_type;
        if (s.random() < 0.5) delete body.scope;
        return true;
      });
    if (path === '/integration/v2/orders') {
      const changed = eachOf(body.data, (order) => tikiOrder(s, order));
      const envelope = shape(s, 'tiki.list.shape', () => addListMeta(body));
      return changed || envelope;
    }
    if (/^\/integration\/v2\/orders\/[^/]+$/.test(path)) return tikiOrder(s, body);
    if (/^\/integration\/v2(\.1)?\/products$/.test(path)) {
      const changed = eachOf(body.data, (product) => tikiProduct(s, product));
      const envelope = shape(s, 'tiki.list.shape', () => addListMeta(body));
      return changed || envelope;
    }
    if (/^\/integration\/v2(\.1)?\/products\/\d+$/.test(path)) return tikiProduct(s, body);
    return false;
  }

  function nhanhAnswer(s: State, path: string, body: Json): boolean {
    if (body.code !== 1) return false;
    const data = body.data;
    switch (path) {
      case NHANH_PATHS.getAccessToken:
        return shape(s, 'nhanh.token.shape', () => {
          if (!isObject(data)) return false;
          delete data.depotIds;
          data.permissions = { orders: ['view', 'add'] };
          if (typeof data.expiredAt === 'number') data.expiredAt = String(data.expiredAt);
          return true;
        });
      case NHANH_PATHS.depots:
        return eachOf(data, (depot) => drift(s, 'nhanh.depot', depot, DEPOT_DRIFTS));
      case NHANH_PATHS.productList:
        return eachOf(data, (product) => nhanhProduct(s, product));
      case NHANH_PATHS.orderList:
        return eachOf(data, (order) => nhanhOrder(s, order));
      case NHANH_PATHS.orderAdd:
        // One public client reads `data` as `[{id}]`, another as `{id}`: Nhanh may answer either.
        return shape(s, 'nhanh.order-add.shape', () => {
          if (!isObject(data)) return false;
          body.data = s.random() < 0.8 ? [data] : { ...data, trackingUrl: null, shipFee: '0' };
          return true;
        });
      case NHANH_PATHS.orderEdit:
        // "Tùy API sẽ có thể chỉ trả về {"code": 1}" [OFF-v3 §3.3]: the edit's data may be left out.
        return shape(s, 'nhanh.order-edit.shape', () => {
          delete body.data;
          return true;
        });
      default:
        return false;
    }
  }

  return {
    apply(api, request, response) {
      const s = current();
      if (!s || response.status !== 200 || !isObject(response.body)) return response;
      const body = structuredClone(response.body);
      const changed = api === 'tiki' ? tikiAnswer(s, request.path, body) : nhanhAnswer(s, request.path, body);
      if (!changed) return response;
      s.report.answers++;
      return { ...response, body };
    },
    report() {
      const s = state;
      if (!s) return emptyReport(config());
      return {
        ...s.report,
        changes: { ...s.report.changes },
        tiki: {
          driftedOrders: [...s.driftedTikiOrders].sort(),
          unreadableOrders: [...s.unreadable].map(([code, why]) => ({ code, why })),
          unknownStatusOrders: [...s.unknownTiki].map(([code, status]) => ({ code, status })),
          driftedProducts: [...s.driftedTikiProducts].sort((a, b) => a - b),
        },
        nhanh: {
          driftedOrders: [...s.driftedNhanhOrders].sort((a, b) => a - b),
          unknownStatusOrders: [...s.unknownNhanh].map(([id, rest]) => ({ id, ...rest })),
          driftedProducts: [...s.driftedNhanhProducts].sort((a, b) => a - b),
        },
      };
    },
  };
}

/** Laravel-style extras some Tiki list answers carry: counts as strings and a `meta` block. */
function addListMeta(body: Json): boolean {
  if (isObject(body.paging))
    for (const key of ['total', 'per_page', 'current_page', 'last_page'])
      if (typeof body.paging[key] === 'number') body.paging[key] = String(body.paging[key]);
  body.meta = { took_ms: 12, api_version: '2.3' };
  return true;
}

function emptyReport(config: ContractSurprise | null): SurpriseReport {
  return {
    config,
    answers: 0,
    changes: {},
    tiki: { driftedOrders: [], unreadableOrders: [], unknownStatusOrders: [], driftedProducts: [] },
    nhanh: { driftedOrders: [], unknownStatusOrders: [], driftedProducts: [] },
  };
}
