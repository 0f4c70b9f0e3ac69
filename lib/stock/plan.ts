import type { StockPushSettings } from '../config/settings-schema';
import type { StockNhanhRecord, StockTikiRecord, StockWarehouseQuantity } from '../db';
import { applyStockRules, holdDuringFreeze, inFreezeWindow, splitAcrossWarehouses } from './rules';
import type { StockBlockReason, StockPreviewRow, StockRowState, StockRule } from './types';

/*
 * What a push does to one product, pure: the preview row the seller sees and the complete warehouse list the
 * worker sends. Both come from here, so a push sends exactly what the preview showed for the same stock.
 *
 * The list is always complete: Tiki sets every warehouse left out of `warehouse_quantities` to 0, so it holds every
 * warehouse Tiki listed for the product (those the seller did not choose keep what Tiki shows) plus the chosen
 * ones, which share the quantity (`splitAcrossWarehouses`).
 */

export interface StockPlanInput {
  tiki: StockTikiRecord;
  /** The Nhanh product the Tiki product is paired with (`lib/products/`), null when unpaired. */
  nhanhProductId: number | null;
  nhanh: StockNhanhRecord | undefined;
  settings: Pick<
    StockPushSettings,
    'nhanhDepotIds' | 'tikiWarehouseIds' | 'buffer' | 'threshold' | 'cap' | 'freeze'
  >;
  now: number;
}

export interface StockPlan {
  row: StockPreviewRow;
  /** Every warehouse of the product with its quantity, sorted by id; null when nothing is to be sent. */
  send: StockWarehouseQuantity[] | null;
  /** The Nhanh read the quantities come from (null when blocked before Nhanh counts). */
  nhanhReadAt: number | null;
}

/** Nhanh's available stock summed over the chosen depots; a depot Nhanh did not list holds nothing. */
export function availableInDepots(nhanh: StockNhanhRecord, depotIds: readonly number[]): number {
  const chosen = new Set(depotIds);
  return nhanh.depots.reduce((sum, depot) => (chosen.has(depot.depotId) ? sum + depot.available : sum), 0);
}

function blockReason(input: StockPlanInput): StockBlockReason | null {
  const { tiki } = input;
  if (tiki.productType === 'configurable') return 'notSellable';
  if (tiki.fulfilledByTiki) return 'fbt';
  if (input.nhanhProductId === null) return 'notPaired';
  if (tiki.warehouses === null) return 'noTikiStock';
  if (!input.nhanh) return 'noNhanhStock';
  if (input.settings.tikiWarehouseIds.length === 0) return 'noWarehouse';
  return null;
}

function rowState(tikiNow: number, toPush: number): StockRowState {
  if (toPush === tikiNow) return 'unchanged';
  if (toPush === 0) return 'willZero';
  return toPush > tikiNow ? 'willRise' : 'willLower';
}

export function planStock(input: StockPlanInput): StockPlan {
  const { tiki, settings } = input;
  const chosen = settings.tikiWarehouseIds;
  const current = new Map((tiki.warehouses ?? []).map((w) => [w.warehouseId, w.quantity]));
  const tikiNow =
    tiki.warehouses === null ? null : chosen.reduce((sum, id) => sum + (current.get(id) ?? 0), 0);
  const nhanhAvailable = input.nhanh ? availableInDepots(input.nhanh, settings.nhanhDepotIds) : null;
  const base = {
    tikiProductId: tiki.tikiProductId,
    name: tiki.name,
    sku: tiki.sku,
    originalSku: tiki.originalSku,
    nhanhProductId: input.nhanhProductId,
    nhanhAvailable,
    tikiNow,
    lastError: tiki.lastError?.text ?? null,
    lastPushedAt: tiki.lastPushed?.at ?? null,
  };
  const blocked = (reason: StockBlockReason, rules: StockRule[] = []): StockPlan => ({
    row: { ...base, rules, toPush: null, state: 'blocked', reason },
    send: null,
    nhanhReadAt: input.nhanh?.readAt ?? null,
  });

  const reason = blockReason(input);
  if (reason || nhanhAvailable === null || tikiNow === null || !input.nhanh)
    return blocked(reason ?? 'noNhanhStock');

  const ruled = applyStockRules(nhanhAvailable, settings);
  let chosenQuantities = splitAcrossWarehouses(ruled.quantity, chosen);
  const rules = [...ruled.rules];
  if (inFreezeWindow(settings.freeze, input.now)) {
    if (ruled.quantity > tikiNow) return blocked('frozen', [...rules, 'freeze']);
    const held = holdDuringFreeze(chosenQuantities, current);
    if (held.some((w, index) => w.quantity !== chosenQuantities[index]!.quantity)) rules.push('freeze');
    chosenQuantities = held;
  }
  const toPush = chosenQuantities.reduce((sum, w) => sum + w.quantity, 0);
  const state = rowState(tikiNow, toPush);
  const byWarehouse = new Map(current);
  for (const w of chosenQuantities) byWarehouse.set(w.warehouseId, w.quantity);
  const send =
    state === 'unchanged'
      ? null
      : [...byWarehouse]
          .map(([warehouseId, quantity]) => ({ warehouseId, quantity }))
          .sort((a, b) => a.warehouseId - b.warehouseId);
  return {
    row: { ...base, rules, toPush, state, reason: null },
    send,
    nhanhReadAt: input.nhanh.readAt,
  };
}

/** Each record planned with the Nhanh product it is paired with and that product's stock as stored. */
export function planRecords(
  records: readonly StockTikiRecord[],
  lookups: {
    pairedWith: (tikiProductId: number) => number | undefined;
    nhanhStock: (nhanhProductId: number) => StockNhanhRecord | undefined;
  },
  settings: StockPlanInput['settings'],
  now: number,
): StockPlan[] {
  return records.map((record) => {
    const nhanhProductId = lookups.pairedWith(record.tikiProductId) ?? null;
    return planStock({
      tiki: record,
      nhanhProductId,
      nhanh: nhanhProductId === null ? undefined : lookups.nhanhStock(nhanhProductId),
      settings,
      now,
    });
  });
}
