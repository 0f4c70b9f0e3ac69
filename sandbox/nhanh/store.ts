import {
  NHANH_PARENT_ID,
  NHANH_UNEDITABLE_STATUSES,
  type NhanhOrderStatus,
  type NhanhSettableStatus,
} from '../../lib/nhanh/contract';
import { isFinal } from '../../lib/orders/status-map';
import type { SeedNhanh } from '../types';

/** One product as the simulator keeps it. */
export interface StoredProduct {
  id: number;
  /** 0 independent, the parent's id for a variant (seed convention). */
  parentId: number;
  isParent: boolean;
  code: string;
  barcode: string;
  name: string;
  price: number;
  /** v3 product status [OFF S13 v3]: 1 new, 2 selling, 3 stopped, 4 out of stock. */
  status: number;
  appProductId?: string;
  updatedAt: number;
}

export interface DepotStock {
  remain: number;
  holding: number;
}

export interface StoredOrderLine {
  id: number;
  price: number;
  discount: number;
  quantity: number;
}

export interface StoredOrder {
  id: number;
  type: number;
  depotId: number;
  status: NhanhOrderStatus;
  appOrderId: string;
  sourceName: string | null;
  description: string | null;
  shippingAddress: Record<string, unknown>;
  payment: Record<string, unknown> | null;
  products: StoredOrderLine[];
  /** Set once the seller sent the order to a carrier in Nhanh (unix s and tracking code). */
  carrier: { sendCarrierAt: number; carrierCode: string } | null;
  createdAt: number;
  updatedAt: number;
}

/** Why a status change was refused, in the words the answer carries. */
export class TransitionError extends Error {}

/**
 * The simulator's business state: catalogue, stock per product and depot, orders. Stock follows the
 * documented admin-order logic [OFF S12, S17]: a new order holds its quantities in its depot, Success takes
 * them out of stock, Canceled/Aborted release them.
 */
export function createNhanhStore(seed: SeedNhanh, now: () => number) {
  const products = new Map<number, StoredProduct>();
  const stock = new Map<number, Map<number, DepotStock>>();
  const orders = new Map<number, StoredOrder>();
  const orderIdByAppOrderId = new Map<string, number>();
  /**
   * When each product's stock last moved (unix s): what product/inventory's `updatedAtFrom` reads in the
   * `stock` mode of the `nhanhInventoryUpdatedAt` fault. A variant's move is its parent's too (the parent shows
   * the sum).
   */
  const stockChangedAt = new Map<number, number>();
  let nextProductId = 1;
  let nextOrderId = 2_000_001;
  let catalogueCounter = 0;

  for (const product of seed.products) {
    products.set(product.id, {
      id: product.id,
      parentId: product.parentId,
      isParent: product.isParent ?? false,
      code: product.code,
      barcode: product.barcode,
      name: product.name,
      price: product.price,
      status: 2,
      updatedAt: Math.floor(now() / 1000),
    });
    const perDepot = new Map<number, DepotStock>();
    for (const depot of seed.depots)
      perDepot.set(depot.id, { remain: product.stock[depot.id] ?? 0, holding: 0 });
    stock.set(product.id, perDepot);
    nextProductId = Math.max(nextProductId, product.id + 1);
  }

  /** Moves a product's stock in a depot and notes when. */
  function moveStock(productId: number, depotId: number, move: { remain?: number; holding?: number }): void {
    const entry = depotStock(productId, depotId);
    entry.remain += move.remain ?? 0;
    entry.holding += move.holding ?? 0;
    const at = Math.floor(now() / 1000);
    stockChangedAt.set(productId, at);
    const parentId = products.get(productId)?.parentId ?? 0;
    if (parentId > 0) stockChangedAt.set(parentId, at);
  }

  /** The last change of a product's stock or information (unix s). */
  function lastChangeOf(product: StoredProduct): number {
    return Math.max(product.updatedAt, stockChangedAt.get(product.id) ?? 0);
  }

  /**
   * What the seller does in Nhanh with a stock bill (import, export, count): the product's stock on hand in a
   * depot becomes `remain`, or moves by `change`. Throws on an unknown product, a parent, an unknown depot, or
   * stock on hand below 0.
   */
  function setStock(
    productId: number,
    depotId: number,
    to: { remain: number } | { change: number },
  ): DepotStock & { available: number } {
    const product = products.get(productId);
    if (!product) throw new Error(`no Nhanh product ${productId}`);
    if (product.isParent)
      throw new Error(`Nhanh product ${productId} is a parent: its variants hold the stock`);
    if (!seed.depots.some((depot) => depot.id === depotId)) throw new Error(`no Nhanh depot ${depotId}`);
    const entry = depotStock(productId, depotId);
    const change = 'remain' in to ? to.remain - entry.remain : to.change;
    if (entry.remain + change < 0) throw new Error('stock on hand cannot go below 0');
    moveStock(productId, depotId, { remain: change });
    return { ...entry, available: entry.remain - entry.holding };
  }

  function depotStock(productId: number, depotId: number): DepotStock {
    let perDepot = stock.get(productId);
    if (!perDepot) {
      perDepot = new Map();
      stock.set(productId, perDepot);
    }
    let entry = perDepot.get(depotId);
    if (!entry) {
      entry = { remain: 0, holding: 0 };
      perDepot.set(depotId, entry);
    }
    return entry;
  }

  /** Stock of a product per depot; a parent shows the sum of its variants, as it holds none itself. */
  function stockOf(product: StoredProduct): Map<number, DepotStock> {
    if (!product.isParent) return stock.get(product.id) ?? new Map();
    const sum = new Map<number, DepotStock>();
    for (const variant of products.values()) {
      if (variant.parentId !== product.id) continue;
      for (const [depotId, entry] of stock.get(variant.id) ?? []) {
        const total = sum.get(depotId) ?? { remain: 0, holding: 0 };
        sum.set(depotId, { remain: total.remain + entry.remain, holding: total.holding + entry.holding });
      }
    }
    return sum;
  }

  /** The v3 `parentId` code of a product [INF from the product/list filter codes]. */
  function parentIdCode(product: StoredProduct): number {
    if (product.isParent) return NHANH_PARENT_ID.parent;
    return product.parentId > 0 ? product.parentId : NHANH_PARENT_ID.independent;
  }

  function productByCode(code: string): StoredProduct | undefined {
    for (const product of products.values()) if (product.code === code) return product;
    return undefined;
  }

  /** Adds a product (product/add never updates one [OFF-v3 §7.2]). */
  function addProduct(input: {
    appProductId: string;
    name: string;
    code?: string;
    barcode?: string;
    price?: number;
  }): StoredProduct {
    const nowSeconds = Math.floor(now() / 1000);
    const id = nextProductId++;
    const product: StoredProduct = {
      id,
      parentId: 0,
      isParent: false,
      code: input.code ?? `SP${id}`,
      // Nhanh generates an internal EAN-like barcode when none is given (the docs' example returns one).
      barcode: input.barcode ?? `2000${String(id).padStart(9, '0')}`,
      name: input.name,
      price: input.price ?? 0,
      status: 1,
      appProductId: input.appProductId,
      updatedAt: nowSeconds,
    };
    products.set(id, product);
    stock.set(id, new Map());
    return product;
  }

  /**
   * Adds `count` independent products with no Tiki counterpart (codes `KHO-000001`…, no barcode, no stock): a
   * catalogue that grew since the last download, as large as a test needs.
   */
  function addCatalogueProducts(count: number): void {
    const nowSeconds = Math.floor(now() / 1000);
    for (let index = 0; index < count; index++) {
      const id = nextProductId++;
      const code = `KHO-${String(++catalogueCounter).padStart(6, '0')}`;
      products.set(id, {
        id,
        parentId: 0,
        isParent: false,
        code,
        barcode: '',
        name: `Hàng kho phụ ${code}`,
        price: 10_000 + (id % 50) * 1_000,
        status: 2,
        updatedAt: nowSeconds,
      });
      stock.set(id, new Map());
    }
  }

  function addOrder(input: Omit<StoredOrder, 'id' | 'createdAt' | 'updatedAt' | 'carrier'>): StoredOrder {
    const nowSeconds = Math.floor(now() / 1000);
    const order: StoredOrder = {
      ...input,
      id: nextOrderId++,
      carrier: null,
      createdAt: nowSeconds,
      updatedAt: nowSeconds,
    };
    orders.set(order.id, order);
    orderIdByAppOrderId.set(order.appOrderId, order.id);
    for (const line of order.products) moveStock(line.id, order.depotId, { holding: line.quantity });
    return order;
  }

  /**
   * Applies a v3 `order/edit` status [OFF-v3 §8.3]. Refuses what the docs forbid: an order sent to a carrier,
   * or in Success / Đã hoàn, cannot be edited. [INF] Nor can any other ending (a cancel, a failure), and
   * Confirmed only moves an order forward (from New, Confirming, CustomerConfirming).
   */
  function assertEditable(order: StoredOrder): void {
    if (order.carrier)
      throw new TransitionError(`Đơn hàng ${order.id} đã gửi sang hãng vận chuyển, không được phép sửa`);
    if ((NHANH_UNEDITABLE_STATUSES as readonly NhanhOrderStatus[]).includes(order.status))
      throw new TransitionError(`Đơn hàng ${order.id} ở trạng thái ${order.status}, không được phép sửa`);
  }

  function changeStatus(order: StoredOrder, target: NhanhSettableStatus): void {
    const from = order.status;
    assertEditable(order);
    if (isFinal(from)) throw new TransitionError(`Cannot change order ${order.id} from ${from} to ${target}`);
    if (target === 'Confirmed' && !['New', 'Confirming', 'CustomerConfirming'].includes(from))
      throw new TransitionError(`Cannot change order ${order.id} from ${from} to ${target}`);
    for (const line of order.products) {
      if (target === 'Success')
        moveStock(line.id, order.depotId, { remain: -line.quantity, holding: -line.quantity });
      else if (target !== 'Confirmed') moveStock(line.id, order.depotId, { holding: -line.quantity });
    }
    order.status = target;
    order.updatedAt = Math.floor(now() / 1000);
  }

  /**
   * `order/edit`'s payment block [OFF-v3 §8.3]: the transfer recorded on the order, as order/list shows it.
   * `onSuccess`: the undocumented exception of a payment-only edit of a Success order (see the faults).
   */
  function recordPayment(
    order: StoredOrder,
    payment: Record<string, unknown>,
    allow: { onSuccess: boolean } = { onSuccess: false },
  ): void {
    if (!(allow.onSuccess && order.status === 'Success' && !order.carrier)) assertEditable(order);
    order.payment = { ...(order.payment ?? {}), ...payment };
    order.updatedAt = Math.floor(now() / 1000);
  }

  /** `order/cancelcarrier` [OFF-v3 §8.4]: the shipment is cancelled; [INF] the order goes back to Packed. */
  function cancelCarrier(order: StoredOrder): void {
    order.carrier = null;
    if (['Pickup', 'Shipping'].includes(order.status)) order.status = 'Packed';
    order.updatedAt = Math.floor(now() / 1000);
  }

  /** Stock an order's status takes: an open order holds its lines, Success has taken them, other endings none. */
  function applyStockOf(order: StoredOrder, sign: 1 | -1): void {
    const open = !isFinal(order.status);
    if (!open && order.status !== 'Success') return;
    for (const line of order.products)
      moveStock(
        line.id,
        order.depotId,
        open ? { holding: sign * line.quantity } : { remain: -sign * line.quantity },
      );
  }

  /**
   * What the seller can do in Nhanh's own screens and no API call does: change an order's lines (price,
   * discount, quantity) or set any status. Stock follows the new lines and status.
   */
  function editOrder(
    order: StoredOrder,
    patch: { status?: NhanhOrderStatus; products?: Partial<StoredOrderLine>[]; sendToCarrier?: boolean },
  ): void {
    applyStockOf(order, -1);
    if (patch.status) order.status = patch.status;
    if (patch.sendToCarrier)
      order.carrier = { sendCarrierAt: Math.floor(now() / 1000), carrierCode: `GHN${order.id}` };
    patch.products?.forEach((line, index) => {
      const current = order.products[index];
      if (current) Object.assign(current, line);
    });
    applyStockOf(order, 1);
    order.updatedAt = Math.floor(now() / 1000);
  }

  return {
    depots: seed.depots,
    products,
    orders,
    stockOf,
    setStock,
    lastChangeOf,
    parentIdCode,
    productByCode,
    addProduct,
    addCatalogueProducts,
    orderByAppOrderId: (appOrderId: string) => {
      const id = orderIdByAppOrderId.get(appOrderId);
      return id === undefined ? undefined : orders.get(id);
    },
    addOrder,
    changeStatus,
    cancelCarrier,
    recordPayment,
    editOrder,
    /** Stock per product and depot with `available = remain − holding`, for tests and the admin view. */
    stockSnapshot() {
      const view: Record<number, Record<number, DepotStock & { available: number }>> = {};
      for (const [productId, perDepot] of stock) {
        const row: Record<number, DepotStock & { available: number }> = {};
        for (const [depotId, entry] of perDepot)
          row[depotId] = { ...entry, available: entry.remain - entry.holding };
        view[productId] = row;
      }
      return view;
    },
  };
}

export type NhanhStore = ReturnType<typeof createNhanhStore>;
