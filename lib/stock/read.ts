import type { StockNhanhRecord, StockWarehouseQuantity } from '../db';
import type { NhanhInventoryRow } from '../nhanh/contract';
import { TIKI_FULFILLED_INVENTORY_TYPE } from '../tiki/contract';
import type { TikiProductSummary } from '../tiki/schemas';
import type { TikiStockRead } from './store';

/*
 * The two reads the push starts from, turned into the stock records (`./store.ts`): Nhanh's `product/inventory`
 * rows and Tiki's product list with `include=inventory`. Worker side only (they read the API contracts).
 */

/**
 * How far before the last complete Nhanh read an incremental read starts: a stock change whose `updatedAt` Nhanh
 * stamps a little late, or a clock a little off, is still caught (products read twice are harmless: the newer
 * read wins).
 */
export const NHANH_READ_OVERLAP_MS = 10 * 60_000;

/** A full pass of both sides at least this often (the incremental filter's meaning is unresolved upstream). */
export const STOCK_FULL_PASS_MS = 24 * 60 * 60_000;

/** Nhanh rows with a stock block, as records of the read started at `readAt`; a row without one says nothing. */
export function nhanhStockRecords(rows: readonly NhanhInventoryRow[], readAt: number): StockNhanhRecord[] {
  return rows.flatMap((row) =>
    row.stock
      ? [
          {
            nhanhProductId: row.productId,
            depots: Object.entries(row.stock.byDepot).map(([depotId, stock]) => ({
              depotId: Number(depotId),
              available: stock.available,
            })),
            readAt,
          },
        ]
      : [],
  );
}

/**
 * Tiki's warehouses and quantities of a product (`qty_available` is what an update sets, OFF §3.6), or null when
 * they cannot all be read: a push must list every warehouse with a known quantity, or not be sent.
 */
function warehousesOf(product: TikiProductSummary): StockWarehouseQuantity[] | null {
  const stocks = product.inventory?.warehouse_stocks;
  if (!stocks) return null;
  const quantities: StockWarehouseQuantity[] = [];
  for (const stock of stocks) {
    const quantity = stock.quantity_available ?? stock.quantity;
    if (quantity === undefined || quantity === null) return null;
    quantities.push({ warehouseId: stock.warehouse_id, quantity });
  }
  return quantities.sort((a, b) => a.warehouseId - b.warehouseId);
}

export function tikiStockRead(product: TikiProductSummary): TikiStockRead {
  return {
    tikiProductId: product.product_id,
    name: product.name,
    sku: product.sku,
    originalSku: product.original_sku ?? '',
    entityType: product.entity_type ?? '',
    productType: product.type,
    fulfilledByTiki: product.inventory?.inventory_type === TIKI_FULFILLED_INVENTORY_TYPE,
    warehouses: warehousesOf(product),
  };
}
