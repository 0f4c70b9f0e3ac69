import type { StockPreviewRow } from '../../../lib/stock/types';

/** A preview row as the worker's plan gives it: a paired product Tiki shows 4 of, rising to 10 after the buffer. */
export function previewRow(tikiProductId: number, patch: Partial<StockPreviewRow> = {}): StockPreviewRow {
  return {
    tikiProductId,
    name: `Sản phẩm ${tikiProductId}`,
    sku: `TK${tikiProductId}`,
    originalSku: '',
    nhanhProductId: 9000 + tikiProductId,
    nhanhAvailable: 12,
    rules: ['buffer'],
    tikiNow: 4,
    toPush: 10,
    state: 'willRise',
    reason: null,
    lastError: null,
    lastPushedAt: null,
    ...patch,
  };
}
