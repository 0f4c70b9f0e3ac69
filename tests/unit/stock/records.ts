import type { StockTikiRecord } from '../../../lib/db';
import type { TikiStockRead } from '../../../lib/stock/store';

/** One seller-stocked Tiki product as a read of Tiki gives it: 10 in warehouse 501 unless said otherwise. */
export function productRead(input: Partial<TikiStockRead> = {}): TikiStockRead {
  return {
    tikiProductId: 7,
    name: 'Áo thun',
    sku: 'TK7',
    originalSku: 'AO-7',
    entityType: 'seller_simple',
    productType: 'simple',
    fulfilledByTiki: false,
    warehouses: [{ warehouseId: 501, quantity: 10 }],
    ...input,
  };
}

/** The same product's stored record, read once and never pushed. */
export function productRecord(input: Partial<StockTikiRecord> = {}): StockTikiRecord {
  return {
    ...productRead(),
    shopId: 'shop-1',
    tikiReadAt: 1,
    lastPushed: null,
    pending: null,
    lastError: null,
    ...input,
  };
}
