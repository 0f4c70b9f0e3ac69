import type { StockPushSettings } from '../config/settings-schema';
import type { CompanionDatabase } from '../db';
import { readMappings } from '../products/store';
import { planRecords, type StockPlan } from './plan';
import { readStockNhanh, readStockTiki } from './store';
import type { StockPreviewRow, StockRowFilter } from './types';

/*
 * The preview table's rows, read from IndexedDB in the page (no worker round trip: 50,000 rows come from two
 * `getAll`s and the pairings) and computed with the shop's current settings by the same `planStock` the push uses.
 */

/** Every product of the shop the stock push has read, planned with `settings` at `now`. */
export async function readStockPlans(
  db: CompanionDatabase,
  shopId: string,
  settings: StockPushSettings,
  now: number,
): Promise<StockPlan[]> {
  const [tiki, nhanh, mappings] = await Promise.all([
    readStockTiki(db, shopId),
    readStockNhanh(db),
    readMappings(db, shopId),
  ]);
  const lookups = {
    pairedWith: (id: number) => mappings.get(id)?.nhanhProductId,
    nhanhStock: (id: number) => nhanh.get(id),
  };
  return planRecords(tiki, lookups, settings, now);
}

/** The preview rows of a shop, in Tiki product id order. */
export async function readStockPreview(
  db: CompanionDatabase,
  shopId: string,
  settings: StockPushSettings,
  now = Date.now(),
): Promise<StockPreviewRow[]> {
  return (await readStockPlans(db, shopId, settings, now)).map((plan) => plan.row);
}

/** Rows a filter keeps: "will go to 0", "will rise", "blocked", "failed" (Tiki refused the last push), or all. */
export function filterStockRows(rows: readonly StockPreviewRow[], filter: StockRowFilter): StockPreviewRow[] {
  if (filter === 'all') return [...rows];
  if (filter === 'failed') return rows.filter((row) => row.lastError !== null);
  return rows.filter((row) => row.state === filter);
}

/** How many rows each filter keeps, for the filter buttons. */
export function countStockRows(rows: readonly StockPreviewRow[]): Record<StockRowFilter, number> {
  const counts: Record<StockRowFilter, number> = { all: 0, willZero: 0, willRise: 0, blocked: 0, failed: 0 };
  for (const row of rows) {
    counts.all++;
    if (row.state === 'willZero' || row.state === 'willRise' || row.state === 'blocked') counts[row.state]++;
    if (row.lastError) counts.failed++;
  }
  return counts;
}
