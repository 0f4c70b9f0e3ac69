import { foldText } from '../products/keys';
import { filterStockRows } from '../stock/preview';
import type { StockPreviewRow, StockRowFilter } from '../stock/types';

/*
 * What the "Tồn kho" table does with the preview rows beyond the worker's plan: the filter plus a search, and the
 * selection of products to push. A row is pushable when its push would send something (a rise, a fall or a 0);
 * unchanged and blocked rows are never selected, so "push selected" sends exactly what the seller ticked and saw.
 */

export const STOCK_FILTERS: readonly StockRowFilter[] = ['all', 'willZero', 'willRise', 'blocked', 'failed'];

export function isPushable(row: Pick<StockPreviewRow, 'state'>): boolean {
  return row.state === 'willZero' || row.state === 'willRise' || row.state === 'willLower';
}

/** Each row's name, SKUs and id, folded once per preview so typing in the search box stays instant. */
export function searchIndex(rows: readonly StockPreviewRow[]): Map<number, string> {
  return new Map(
    rows.map((row) => [
      row.tikiProductId,
      foldText(`${row.name}\n${row.sku}\n${row.originalSku}\n${row.tikiProductId}`),
    ]),
  );
}

/** The rows of `filter` whose name, SKU, seller SKU or id contains `query` (no accents, no case). */
export function shownStockRows(
  rows: readonly StockPreviewRow[],
  filter: StockRowFilter,
  query: string,
  index: ReadonlyMap<number, string>,
): StockPreviewRow[] {
  const filtered = filterStockRows(rows, filter);
  const needle = foldText(query.trim());
  if (needle === '') return filtered;
  return filtered.filter((row) => index.get(row.tikiProductId)?.includes(needle));
}

/** The selection after the header checkbox: every pushable shown row added, or every shown row removed. */
export function toggleShown(
  selected: ReadonlySet<number>,
  shown: readonly StockPreviewRow[],
  select: boolean,
): Set<number> {
  const next = new Set(selected);
  for (const row of shown)
    if (!select) next.delete(row.tikiProductId);
    else if (isPushable(row)) next.add(row.tikiProductId);
  return next;
}

/** Whether every pushable shown row is selected (and there is one). */
export function allShownSelected(selected: ReadonlySet<number>, shown: readonly StockPreviewRow[]): boolean {
  let pushable = 0;
  for (const row of shown) {
    if (!isPushable(row)) continue;
    pushable++;
    if (!selected.has(row.tikiProductId)) return false;
  }
  return pushable > 0;
}

/**
 * The selected products a push would send, in table order: a newer preview may have made a ticked row unchanged
 * or blocked, and such a row is left out rather than sent.
 */
export function selectedToPush(selected: ReadonlySet<number>, rows: readonly StockPreviewRow[]): number[] {
  if (selected.size === 0) return [];
  return rows
    .filter((row) => selected.has(row.tikiProductId) && isPushable(row))
    .map((row) => row.tikiProductId);
}

/** How many products "push all" would send. */
export function pushableCount(rows: readonly StockPreviewRow[]): number {
  let count = 0;
  for (const row of rows) if (isPushable(row)) count++;
  return count;
}
