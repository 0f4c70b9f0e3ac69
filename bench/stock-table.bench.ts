import './fake-extension';
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { StockTable } from '../components/stock/stock-table';
import { countStockRows } from '../lib/stock/preview';
import type { StockPreviewRow, StockRowState } from '../lib/stock/types';
import {
  pushableCount,
  STOCK_FILTERS,
  searchIndex,
  selectedToPush,
  shownStockRows,
  toggleShown,
} from '../lib/ui-state/stock-table';

/**
 * The Tồn kho preview with 50,000 products: what the page does on each keystroke or click (filter, search, tick
 * all, count, draw the window) against one 16 ms frame, and the once-per-preview search index. Rendering draws
 * the window only (components/common/virtual-rows.ts), so its time must not grow with the row count.
 */

const COUNT = 50_000;
const FRAME_MS = 16;
const STATES: StockRowState[] = ['willRise', 'unchanged', 'willLower', 'willZero', 'blocked', 'unchanged'];

function rows(count: number): StockPreviewRow[] {
  return Array.from({ length: count }, (_, i) => {
    const state = STATES[i % STATES.length]!;
    return {
      tikiProductId: 100_000 + i,
      name: `Sản phẩm mẫu số ${i} - loại ${i % 7}`,
      sku: String(1_000_000_000_000 + i),
      originalSku: i % 5 === 4 ? '' : `SP-${i}`,
      nhanhProductId: 5_000_000 + i,
      nhanhAvailable: i % 40,
      rules: i % 3 === 0 ? ['buffer'] : [],
      tikiNow: i % 30,
      toPush: state === 'blocked' ? null : i % 35,
      state,
      reason: state === 'blocked' ? 'notPaired' : null,
      lastError: i % 997 === 0 ? { key: 'tiki.error.updateRejected', params: { detail: 'not found' } } : null,
      lastPushedAt: null,
    };
  });
}

/** The median of `runs` timings of `work`, in ms. */
function median(work: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function line(label: string, ms: number, perFrame = true) {
  const ratio = perFrame ? `  (${(ms / FRAME_MS).toFixed(2)} of a ${FRAME_MS} ms frame)` : '';
  console.log(`  ${label.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms${ratio}`);
}

export default async function stockTableBench(): Promise<void> {
  const all = rows(COUNT);
  console.log(`Tồn kho preview, ${COUNT} products (median of 7 runs):`);
  let index = searchIndex(all);
  line(
    'search index, once per preview read',
    median(() => (index = searchIndex(all))),
    false,
  );
  line(
    'counts of the five filters',
    median(() => countStockRows(all)),
  );
  line(
    '"push all" count',
    median(() => pushableCount(all)),
  );
  for (const filter of STOCK_FILTERS)
    line(
      `filter "${filter}"`,
      median(() => shownStockRows(all, filter, '', index)),
    );
  line(
    'search "loai 3" (no accents) in all',
    median(() => shownStockRows(all, 'all', 'loai 3', index)),
  );
  line(
    'search "SP-4999" in "sẽ tăng"',
    median(() => shownStockRows(all, 'willRise', 'SP-4999', index)),
  );
  let selected = new Set<number>();
  line(
    'tick every row shown',
    median(() => (selected = toggleShown(new Set(), all, true))),
  );
  line(
    'rows a "push selected" sends',
    median(() => selectedToPush(selected, all)),
  );
  const draw = (count: number) =>
    median(() =>
      renderToStaticMarkup(
        createElement(StockTable, {
          rows: all.slice(0, count),
          selected,
          onToggle: () => {},
          onToggleAll: () => {},
        }),
      ),
    );
  const drawAll = draw(COUNT);
  const drawFew = draw(50);
  line(`draw the table window of ${COUNT} rows`, drawAll);
  line('draw the table of 50 rows', drawFew);
  console.log(
    `  window drawing, ${COUNT} rows against 50: ratio ${(drawAll / drawFew).toFixed(2)} (flat is ~1)`,
  );
}
