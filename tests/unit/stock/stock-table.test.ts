import { describe, expect, it } from 'vitest';
import type { StockPreviewRow } from '../../../lib/stock/types';
import {
  allShownSelected,
  pushableCount,
  searchIndex,
  selectedToPush,
  shownStockRows,
  toggleShown,
} from '../../../lib/ui-state/stock-table';
import { previewRow } from './preview-row';

const ROWS = [
  previewRow(1, { name: 'Bút bi Thiên Long', toPush: 0, state: 'willZero' }),
  previewRow(2, { name: 'Vở kẻ ngang Hồng Hà', state: 'willRise', originalSku: 'VO-120' }),
  previewRow(3, { name: 'Thước kẻ', toPush: 3, state: 'willLower' }),
  previewRow(4, { name: 'Bút chì', toPush: 5, state: 'unchanged' }),
  previewRow(5, { name: 'Hộp bút FBT', toPush: null, state: 'blocked', reason: 'fbt' }),
  previewRow(6, {
    name: 'Gôm tẩy',
    state: 'willRise',
    lastError: { key: 'tiki.error.updateRejected', params: { detail: 'x' } },
  }),
];
const ids = (rows: readonly StockPreviewRow[]) => rows.map((r) => r.tikiProductId);

describe('Tồn kho table: filters and search', () => {
  const index = searchIndex(ROWS);

  it('should keep only what each filter names', () => {
    expect(ids(shownStockRows(ROWS, 'all', '', index))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(shownStockRows(ROWS, 'willZero', '', index))).toEqual([1]);
    expect(ids(shownStockRows(ROWS, 'willRise', '', index))).toEqual([2, 6]);
    expect(ids(shownStockRows(ROWS, 'blocked', '', index))).toEqual([5]);
    expect(ids(shownStockRows(ROWS, 'failed', '', index))).toEqual([6]);
  });

  it('should find a product by its name without accents, its seller SKU or its id, within the filter', () => {
    expect(ids(shownStockRows(ROWS, 'all', 'but', index))).toEqual([1, 4, 5]);
    expect(ids(shownStockRows(ROWS, 'willZero', 'BÚT', index))).toEqual([1]);
    expect(ids(shownStockRows(ROWS, 'all', 'vo-120', index))).toEqual([2]);
    expect(ids(shownStockRows(ROWS, 'all', '  TK3 ', index))).toEqual([3]);
    expect(shownStockRows(ROWS, 'blocked', 'vở', index)).toEqual([]);
  });
});

describe('Tồn kho table: selection', () => {
  it('should tick every shown product a push would change, never an unchanged or blocked one', () => {
    const selected = toggleShown(new Set(), ROWS, true);
    expect([...selected].sort()).toEqual([1, 2, 3, 6]);
    expect(allShownSelected(selected, ROWS)).toBe(true);
  });

  it('should untick only the shown rows, keeping what was ticked under another filter', () => {
    const index = searchIndex(ROWS);
    const ticked = toggleShown(new Set(), ROWS, true);
    const rising = shownStockRows(ROWS, 'willRise', '', index);
    const left = toggleShown(ticked, rising, false);
    expect([...left].sort()).toEqual([1, 3]);
    expect(allShownSelected(left, rising)).toBe(false);
    expect(allShownSelected(left, shownStockRows(ROWS, 'willZero', '', index))).toBe(true);
  });

  it('should not call a filter of blocked rows "all selected", since none can be ticked', () => {
    expect(allShownSelected(new Set([5]), [ROWS[4]!])).toBe(false);
  });

  it('should send only ticked rows that still change after a newer preview, in table order', () => {
    const selected = new Set([6, 2, 4]);
    expect(selectedToPush(selected, ROWS)).toEqual([2, 6]);
    const previewedAgain = ROWS.map((r) =>
      r.tikiProductId === 2 ? { ...r, state: 'unchanged' as const } : r,
    );
    expect(selectedToPush(selected, previewedAgain)).toEqual([6]);
    expect(selectedToPush(new Set(), ROWS)).toEqual([]);
  });

  it('should count what "push all" sends', () => {
    expect(pushableCount(ROWS)).toBe(4);
    expect(pushableCount([])).toBe(0);
  });
});
