import type { StockPushSettings } from '../config/settings-schema';
import { SHOP_TIME_ZONE } from '../i18n/format';
import { wallTimeToEpoch } from '../time/wall-time';
import type { StockRule } from './types';

/*
 * The seller's rules, pure: Nhanh's available stock → the quantity Tiki gets. The order is the issue's: keep back
 * the buffer, at or below the threshold push 0, never above the cap, never below 0. The flash-sale window then
 * only lets quantities go down (`holdDuringFreeze`).
 */

export type StockRules = Pick<StockPushSettings, 'buffer' | 'threshold' | 'cap'>;

/** The quantity for Tiki and the rules that changed it, in the order they applied. */
export function applyStockRules(
  available: number,
  rules: StockRules,
): { quantity: number; rules: StockRule[] } {
  const applied: StockRule[] = [];
  let quantity = Math.trunc(available);
  const step = (rule: StockRule, next: number) => {
    if (next !== quantity) applied.push(rule);
    quantity = next;
  };
  // A percentage is rounded up: the seller keeps back at least what they asked for.
  const kept =
    rules.buffer.unit === 'units'
      ? rules.buffer.value
      : quantity > 0
        ? Math.ceil((quantity * rules.buffer.value) / 100)
        : 0;
  step('buffer', quantity - kept);
  if (rules.threshold > 0 && quantity <= rules.threshold) step('threshold', 0);
  if (rules.cap !== null && quantity > rules.cap) step('cap', rules.cap);
  if (quantity < 0) step('negative', 0);
  return { quantity, rules: applied };
}

/** `2026-12-12T20:00` (Vietnam wall time, as the settings keep it) → epoch ms. */
export function vietnamWallTime(text: string): number {
  return wallTimeToEpoch(text, SHOP_TIME_ZONE);
}

/** Whether `now` is inside the flash-sale window (from inclusive, to exclusive). */
export function inFreezeWindow(freeze: StockPushSettings['freeze'], now: number): boolean {
  return freeze !== null && now >= vietnamWallTime(freeze.from) && now < vietnamWallTime(freeze.to);
}

/** A warehouse and its quantity, as `warehouse_quantities` lists them. */
export interface WarehouseQuantity {
  warehouseId: number;
  quantity: number;
}

/**
 * The total split across the chosen warehouses, in the order the seller chose them: as evenly as possible, the
 * remainder one by one to the first ones. Tiki sums its warehouses, so the seller's total is what buyers can order.
 */
export function splitAcrossWarehouses(total: number, warehouseIds: readonly number[]): WarehouseQuantity[] {
  const count = warehouseIds.length;
  if (count === 0) return [];
  const share = Math.floor(total / count);
  const remainder = total - share * count;
  return warehouseIds.map((warehouseId, index) => ({
    warehouseId,
    quantity: share + (index < remainder ? 1 : 0),
  }));
}

/** During the flash-sale window no warehouse goes up: each keeps the lower of Tiki's quantity and the new one. */
export function holdDuringFreeze(
  next: readonly WarehouseQuantity[],
  current: ReadonlyMap<number, number>,
): WarehouseQuantity[] {
  return next.map(({ warehouseId, quantity }) => ({
    warehouseId,
    quantity: Math.min(quantity, current.get(warehouseId) ?? 0),
  }));
}
