import { TIKI_BATCH_ENTITY_TYPE, TIKI_MAX_SKUS_PER_BATCH } from '../../lib/tiki/contract';
import type { Clock } from '../../lib/time/clock';
import type { Faults, SandboxResponse, SeedTikiShop, SeedTikiWarehouse } from '../types';
import { BadParameter, paginate, readPaging, tikiErrors } from './http';
import { formatWallTime } from './wall-time';

/*
 * Seller warehouses and stock updates (OFF §3.3, §4.2; docs/api-contracts.md "Stock push"). Documented: the
 * request bodies, `{"state":"approved"}`, `{"errors":[…]}` for an unknown warehouse (MVC's real text). Not
 * documented, so chosen and offered both ways where thin: the batch answer (`tikiBatchAnswer`), whether the
 * `tiki-api` key may update (`tikiKeyMayUpdate`), the batch limit, and FBT refusing quantities.
 */

interface WarehouseStock {
  warehouse_id: number;
  quantity?: number;
  quantity_available?: number;
  quantity_reserved?: number;
  quantity_sellable?: number;
}

/** The product fields an update reads and changes (the simulator's record holds more). */
export interface StockProduct {
  product_id: number;
  original_sku: string;
  type: string;
  entity_type?: string;
  price: number | string;
  active: number | string;
  is_hidden?: boolean;
  updated_at: string;
  inventory?: { fulfillment_type: string; inventory_type: string; warehouse_stocks: WarehouseStock[] };
}

export interface StockShop {
  seed: SeedTikiShop;
  products: StockProduct[];
  /** `sellers/me.can_update_product`, from the seed (true unless it says otherwise) or the admin route. */
  canUpdateProduct: boolean;
}

/** Who is asking: the seller-center key, or an app's token. */
export interface StockCaller {
  shop: StockShop;
  by: 'key' | 'token';
}

/** Tiki's wording for an unknown warehouse, as a public client captured it (MVC). */
const unknownWarehouse = (id: number) => `update error [Warehouse '[${id}]' are not found]`;
const KEY_REFUSED =
  'The tiki-api key cannot update products. Use the access token of the app of the seller who owns the products';
const CANNOT_UPDATE = 'This seller cannot update products via API (can_update_product = 0)';

/**
 * A shop's warehouses: the seed's, or, for a seed without them, one pickup warehouse per warehouse id its
 * products hold stock in (the first primary).
 */
export function warehousesOf(seed: SeedTikiShop): SeedTikiWarehouse[] {
  if (seed.warehouses) return seed.warehouses;
  const ids = new Set<number>();
  for (const product of seed.products as StockProduct[])
    for (const stock of product.inventory?.warehouse_stocks ?? []) ids.add(stock.warehouse_id);
  return [...ids].map((id, index) => ({
    id,
    name: `${seed.name} – Kho ${index + 1}`,
    is_primary: index === 0,
    status: 1,
    type: 'requisition',
  }));
}

/** A product's per-warehouse quantities as the list and the detail show them (`include=inventory`). */
export interface TikiStockView {
  productId: number;
  inventoryType: string | null;
  updatedAt: string;
  warehouses: Required<WarehouseStock>[];
}

export function stockView(product: StockProduct): TikiStockView {
  return {
    productId: product.product_id,
    inventoryType: product.inventory?.inventory_type ?? null,
    updatedAt: product.updated_at,
    warehouses: (product.inventory?.warehouse_stocks ?? []).map((stock) => ({
      warehouse_id: stock.warehouse_id,
      quantity: stock.quantity ?? 0,
      quantity_available: stock.quantity_available ?? 0,
      quantity_reserved: stock.quantity_reserved ?? 0,
      quantity_sellable: stock.quantity_sellable ?? 0,
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function createTikiStock(deps: {
  clock: Clock;
  faults: () => Faults;
  publish: (sellerId: number, type: string, payload: Record<string, unknown>) => void;
}) {
  /**
   * `GET /integration/v2/sellers/me/warehouses` (tiki_ex filters `status` 1/0 and `type` 1 pickup / 0 return,
   * `page`, `limit`): the `{data, paging}` envelope of the other lists (the real one is not captured).
   */
  function listWarehouses(shop: StockShop, query: URLSearchParams) {
    const { page, limit } = readPaging(query);
    const status = query.get('status');
    const type = query.get('type');
    if (status !== null && status !== '0' && status !== '1') throw new BadParameter('status must be 0 or 1');
    if (type !== null && type !== '0' && type !== '1') throw new BadParameter('type must be 0 or 1');
    const matching = warehousesOf(shop.seed)
      .filter(
        (warehouse) =>
          (status === null || String(warehouse.status) === status) &&
          (type === null || (type === '1') === (warehouse.type === 'requisition')),
      )
      .map((warehouse) => ({ ...warehouse, seller_id: shop.seed.sellerId, address: warehouseAddress }));
    return paginate(matching, page, limit);
  }

  /** Why this caller may not update at all (403, OT-err "not granted enough permissions"), or undefined. */
  function refusal(caller: StockCaller): SandboxResponse | undefined {
    if (caller.by === 'key' && !deps.faults().tikiKeyMayUpdate) return tikiErrors(403, KEY_REFUSED);
    if (!caller.shop.canUpdateProduct) return tikiErrors(403, CANNOT_UPDATE);
    return undefined;
  }

  type Checked = { product: StockProduct; apply: () => void } | { product?: StockProduct; errors: string[] };

  /**
   * Checks one product's update and returns how to apply it, or Tiki's errors about it. `batch`: the batch
   * takes `seller_simple` products only and `status` (1 on, 2 off, 3 hidden) instead of `active` (OFF §3.3).
   */
  function check(shop: StockShop, item: unknown, batch: boolean): Checked {
    if (!isRecord(item)) return { errors: ['Each product must be an object'] };
    const { product_id: productId, original_sku: originalSku } = item;
    const product =
      productId !== undefined
        ? shop.products.find((candidate) => candidate.product_id === productId)
        : typeof originalSku === 'string'
          ? shop.products.find((candidate) => candidate.original_sku === originalSku)
          : undefined;
    if (productId === undefined && originalSku === undefined)
      return { errors: ['product_id or original_sku is required'] };
    if (!product) return { errors: [`Product '[${String(productId ?? originalSku)}]' is not found`] };
    const named = product.product_id;
    if (batch && product.entity_type !== TIKI_BATCH_ENTITY_TYPE)
      return { product, errors: [`Product ${named} is not a seller_simple product`] };
    if (product.type === 'configurable')
      return { product, errors: [`Product ${named} is configurable: update its variants`] };
    const errors: string[] = [];
    const quantities = item.warehouse_quantities;
    let wanted: Map<number, number> | undefined;
    if (quantities !== undefined) {
      if (product.inventory?.inventory_type === 'instock')
        errors.push(`Product ${named} is fulfilled by Tiki (instock): its quantity cannot be updated`);
      else if (!Array.isArray(quantities) || quantities.length === 0)
        errors.push('warehouse_quantities must be a non-empty array');
      else {
        wanted = new Map();
        const known = new Set(
          warehousesOf(shop.seed)
            .filter((warehouse) => warehouse.status === 1 && warehouse.type === 'requisition')
            .map((warehouse) => warehouse.id),
        );
        const sent: unknown[] = [];
        for (const [index, entry] of quantities.entries()) {
          const id = isRecord(entry) ? entry.warehouse_id : undefined;
          sent.push(id);
          const quantity = isRecord(entry) ? entry.qty_available : undefined;
          if (!isWholeNumber(id) || !isWholeNumber(quantity))
            errors.push(
              `warehouse_quantities[${index}] needs an integer warehouse_id and qty_available >= 0`,
            );
          else if (!known.has(id)) errors.push(unknownWarehouse(id));
          else wanted.set(id, quantity);
        }
        const listed = item.seller_warehouse;
        if (listed !== undefined) {
          const ids = typeof listed === 'string' ? listed.split(',').map((id) => Number(id.trim())) : [];
          if (ids.length !== sent.length || ids.some((id) => !sent.includes(id)))
            errors.push('seller_warehouse must list the warehouses of warehouse_quantities');
        }
      }
    }
    const { price } = item;
    if (price !== undefined && !(typeof price === 'number' && price > 0))
      errors.push('price must be a positive number');
    const active = batch ? item.status : item.active;
    const activeValues = batch ? [1, 2, 3] : [0, 1];
    if (active !== undefined && !activeValues.includes(active as number))
      errors.push(`${batch ? 'status' : 'active'} must be one of ${activeValues.join(', ')}`);
    if (errors.length) return { product, errors };
    return {
      product,
      apply: () => {
        if (typeof price === 'number') product.price = price;
        if (active !== undefined) {
          product.active = active === 1 ? 1 : 0;
          if (batch) product.is_hidden = active === 3;
        }
        if (wanted) setQuantities(shop, product, wanted);
        product.updated_at = formatWallTime(deps.clock.now());
      },
    };
  }

  /**
   * `qty_available` becomes the warehouse's `quantity_available` (OFF §3.6: items in stock, reserved included),
   * so the sellable part is what is left after the reservations. Every warehouse of the product left out of the
   * list goes to 0 (pmcp ◐). A change is published as `PRODUCT_INVENTORY_UPDATED` (its v2 payload, CE).
   */
  function setQuantities(shop: StockShop, product: StockProduct, wanted: Map<number, number>): void {
    const inventory = product.inventory!;
    const before = new Map(inventory.warehouse_stocks.map((stock) => [stock.warehouse_id, stock]));
    const ids = new Set([...before.keys(), ...wanted.keys()]);
    inventory.warehouse_stocks = [...ids].map((id) => {
      const reserved = before.get(id)?.quantity_reserved ?? 0;
      const available = wanted.get(id) ?? 0;
      const stock = {
        warehouse_id: id,
        quantity: available,
        quantity_available: available,
        quantity_reserved: reserved,
        quantity_sellable: Math.max(0, available - reserved),
      };
      if (before.get(id)?.quantity_available !== available)
        deps.publish(shop.seed.sellerId, 'PRODUCT_INVENTORY_UPDATED', {
          product_id: product.product_id,
          original_sku: product.original_sku,
          warehouse_id: id,
          quantity_sellable_from: before.get(id)?.quantity_sellable ?? 0,
          quantity_sellable_to: stock.quantity_sellable,
          quantity_reserved_to: reserved,
          quantity_available_to: available,
        });
      return stock;
    });
  }

  /** `PUT /integration/v2/products/updateSku` (and its v2.1 twin): `{"state":"approved"}` or 400 `{errors}`. */
  function updateSku(caller: StockCaller, body: Record<string, unknown>): SandboxResponse {
    const refused = refusal(caller);
    if (refused) return refused;
    const checked = check(caller.shop, body, false);
    if ('errors' in checked) return tikiErrors(400, ...checked.errors);
    checked.apply();
    return { status: 200, body: { state: 'approved' } };
  }

  /**
   * `PUT /integration/v2.1/products/updateSkus` `{data: […]}`, 1 to `TIKI_MAX_SKUS_PER_BATCH` products. The
   * answer is not documented; `tikiBatchAnswer` picks one of the two plausible shapes: `per-item` (200, a row per
   * product in order, the good ones applied) or `envelope` (all or nothing: `{"state":"approved"}`, or 400 with
   * every product's errors and nothing applied).
   */
  function updateSkus(caller: StockCaller, body: Record<string, unknown>): SandboxResponse {
    const refused = refusal(caller);
    if (refused) return refused;
    const { data } = body;
    if (!Array.isArray(data) || data.length === 0 || data.length > TIKI_MAX_SKUS_PER_BATCH)
      return tikiErrors(400, `data must be an array of 1 to ${TIKI_MAX_SKUS_PER_BATCH} products`);
    const checked = data.map((item) => check(caller.shop, item, true));
    if (deps.faults().tikiBatchAnswer === 'envelope') {
      const errors = checked.flatMap((result) => ('errors' in result ? result.errors : []));
      if (errors.length) return tikiErrors(400, ...errors);
      for (const result of checked) if ('apply' in result) result.apply();
      return { status: 200, body: { state: 'approved' } };
    }
    const rows = checked.map((result, index) => {
      const item = data[index] as Record<string, unknown>;
      const named = {
        product_id: result.product?.product_id ?? item?.product_id ?? null,
        original_sku: result.product?.original_sku ?? item?.original_sku ?? null,
      };
      if ('errors' in result) return { ...named, state: 'rejected', errors: result.errors };
      result.apply();
      return { ...named, state: 'approved' };
    });
    return { status: 200, body: { data: rows } };
  }

  return { listWarehouses, updateSku, updateSkus };
}

/** Tiki's own sample address (OFF §4.2): the warehouses' addresses matter to nothing here. */
const warehouseAddress = {
  street: '01 đường số 2',
  ward: 'Phường 1',
  district: 'Quận 3',
  region: 'Hồ Chí Minh',
  country: 'Viet Nam',
};
