import { describe, expect, it } from 'vitest';
import { type StockPushSettings, stockPushSchema } from '../../../lib/config/settings-schema';
import type { StockNhanhRecord, StockTikiRecord } from '../../../lib/db';
import { planStock } from '../../../lib/stock/plan';
import {
  applyStockRules,
  inFreezeWindow,
  splitAcrossWarehouses,
  vietnamWallTime,
} from '../../../lib/stock/rules';
import { productRecord } from './records';

function rules(input: Partial<StockPushSettings> = {}): StockPushSettings {
  return stockPushSchema.parse({
    enabled: true,
    nhanhDepotIds: [11, 12],
    tikiWarehouseIds: [501],
    ...input,
  });
}

function nhanhRecord(depots: Record<number, number>, readAt = 100): StockNhanhRecord {
  return {
    nhanhProductId: 70,
    depots: Object.entries(depots).map(([depotId, available]) => ({ depotId: Number(depotId), available })),
    readAt,
  };
}

const NOW = Date.UTC(2026, 11, 1, 5, 0, 0);

function plan(input: {
  settings?: Partial<StockPushSettings>;
  tiki?: Partial<StockTikiRecord>;
  nhanh?: StockNhanhRecord | undefined;
  paired?: boolean;
  now?: number;
}) {
  return planStock({
    tiki: productRecord(input.tiki),
    nhanhProductId: input.paired === false ? null : 70,
    nhanh: 'nhanh' in input ? input.nhanh : nhanhRecord({ 11: 4, 12: 6 }),
    settings: rules(input.settings),
    now: input.now ?? NOW,
  });
}

describe('stock rules, in the issue order (buffer → threshold → cap → negative)', () => {
  it('should keep back a buffer of units, or a percentage rounded up', () => {
    expect(applyStockRules(20, rules({ buffer: { unit: 'units', value: 3 } }))).toEqual({
      quantity: 17,
      rules: ['buffer'],
    });
    // 10 % of 15 is 1.5: 2 kept back, so the seller never keeps less than asked.
    expect(applyStockRules(15, rules({ buffer: { unit: 'percent', value: 10 } }))).toEqual({
      quantity: 13,
      rules: ['buffer'],
    });
  });

  it('should push 0 at or below the threshold, counted after the buffer', () => {
    // 12 − 2 = 10, at the threshold of 10: 0. Without the buffer first, 12 would pass the threshold.
    expect(applyStockRules(12, rules({ buffer: { unit: 'units', value: 2 }, threshold: 10 }))).toEqual({
      quantity: 0,
      rules: ['buffer', 'threshold'],
    });
    expect(applyStockRules(11, rules({ threshold: 10 }))).toEqual({ quantity: 11, rules: [] });
  });

  it('should never go above the cap, applied after the buffer and the threshold', () => {
    expect(
      applyStockRules(500, rules({ buffer: { unit: 'units', value: 5 }, threshold: 3, cap: 100 })),
    ).toEqual({ quantity: 100, rules: ['buffer', 'cap'] });
    // The threshold sees 495 (not the cap's 100): a cap never lets a product fall under the threshold.
    expect(applyStockRules(8, rules({ threshold: 10, cap: 5 }))).toEqual({
      quantity: 0,
      rules: ['threshold'],
    });
  });

  it('should turn a negative quantity (Nhanh oversold, or the buffer went past it) into 0', () => {
    expect(applyStockRules(-4, rules())).toEqual({ quantity: 0, rules: ['negative'] });
    expect(applyStockRules(2, rules({ buffer: { unit: 'units', value: 5 } }))).toEqual({
      quantity: 0,
      rules: ['buffer', 'negative'],
    });
  });

  it('should refuse settings whose percentage is above 100 or whose window ends before it starts', () => {
    const percent = stockPushSchema.safeParse({ buffer: { unit: 'percent', value: 120 } });
    expect(percent.error?.issues[0]?.message).toBe('settings.err.stockPercent');
    const window = stockPushSchema.safeParse({
      freeze: { from: '2026-12-12T20:00', to: '2026-12-12T19:00' },
    });
    expect(window.error?.issues[0]?.message).toBe('settings.err.stockFreezeOrder');
    const enabled = stockPushSchema.safeParse({ enabled: true });
    expect(enabled.error?.issues.map((issue) => issue.message)).toEqual([
      'settings.err.stockDepots',
      'settings.err.stockWarehouses',
    ]);
    expect(stockPushSchema.parse({})).toMatchObject({ enabled: false, freeze: null, cap: null });
  });
});

describe('the flash-sale window (Vietnam time)', () => {
  const freeze = { from: '2026-12-12T20:00', to: '2026-12-12T22:00' };

  it('should read the window in Asia/Ho_Chi_Minh, from inclusive, to exclusive', () => {
    expect(vietnamWallTime('2026-12-12T20:00')).toBe(Date.UTC(2026, 11, 12, 13, 0));
    expect(inFreezeWindow(freeze, Date.UTC(2026, 11, 12, 13, 0))).toBe(true);
    expect(inFreezeWindow(freeze, Date.UTC(2026, 11, 12, 14, 59))).toBe(true);
    expect(inFreezeWindow(freeze, Date.UTC(2026, 11, 12, 15, 0))).toBe(false);
    expect(inFreezeWindow(null, NOW)).toBe(false);
  });

  it('should hold a rise back inside the window and let it through after', () => {
    const inside = Date.UTC(2026, 11, 12, 14, 0);
    const held = plan({ settings: { freeze }, nhanh: nhanhRecord({ 11: 30 }), now: inside });
    expect(held.row).toMatchObject({ state: 'blocked', reason: 'frozen', tikiNow: 10, toPush: null });
    expect(held.send).toBeNull();
    const after = plan({
      settings: { freeze },
      nhanh: nhanhRecord({ 11: 30 }),
      now: Date.UTC(2026, 11, 12, 15, 0),
    });
    expect(after.row).toMatchObject({ state: 'willRise', toPush: 30 });
  });

  it('should still lower inside the window, and no warehouse ever goes up', () => {
    const inside = Date.UTC(2026, 11, 12, 14, 0);
    const lowered = plan({ settings: { freeze }, nhanh: nhanhRecord({ 11: 3 }), now: inside });
    expect(lowered.row).toMatchObject({ state: 'willLower', toPush: 3 });
    // Two chosen warehouses, 0 and 10 now; 8 split 4 + 4 would raise the first: it stays at 0.
    const split = plan({
      settings: { freeze, tikiWarehouseIds: [501, 502] },
      tiki: {
        warehouses: [
          { warehouseId: 501, quantity: 0 },
          { warehouseId: 502, quantity: 10 },
        ],
      },
      nhanh: nhanhRecord({ 11: 8 }),
      now: inside,
    });
    expect(split.send).toEqual([
      { warehouseId: 501, quantity: 0 },
      { warehouseId: 502, quantity: 4 },
    ]);
    expect(split.row.rules).toEqual(['freeze']);
  });
});

describe('what a product push sends', () => {
  it('should sum Nhanh over the chosen depots only', () => {
    const result = plan({ nhanh: nhanhRecord({ 11: 4, 12: 6, 13: 100 }) });
    expect(result.row).toMatchObject({ nhanhAvailable: 10, tikiNow: 10, state: 'unchanged', toPush: 10 });
    expect(result.send).toBeNull();
  });

  it('should send only a quantity that differs from what Tiki last showed', () => {
    expect(plan({ nhanh: nhanhRecord({ 11: 10 }) }).send).toBeNull();
    expect(plan({ nhanh: nhanhRecord({ 11: 9 }) }).send).toEqual([{ warehouseId: 501, quantity: 9 }]);
    expect(plan({ nhanh: nhanhRecord({ 11: 0 }) }).row.state).toBe('willZero');
  });

  it('should list every warehouse of the product, keeping the ones not chosen at what Tiki shows', () => {
    const result = plan({
      settings: { tikiWarehouseIds: [502, 501] },
      tiki: {
        warehouses: [
          { warehouseId: 501, quantity: 2 },
          { warehouseId: 502, quantity: 2 },
          { warehouseId: 503, quantity: 40 },
        ],
      },
      nhanh: nhanhRecord({ 11: 7 }),
    });
    // 7 split over the chosen ones in the seller's order (502 first gets the remainder); 503 keeps its 40.
    expect(result.send).toEqual([
      { warehouseId: 501, quantity: 3 },
      { warehouseId: 502, quantity: 4 },
      { warehouseId: 503, quantity: 40 },
    ]);
    expect(result.row).toMatchObject({ tikiNow: 4, toPush: 7, state: 'willRise' });
  });

  it('should add a chosen warehouse Tiki did not list yet, never dropping one it did', () => {
    const result = plan({
      settings: { tikiWarehouseIds: [502] },
      tiki: { warehouses: [{ warehouseId: 501, quantity: 6 }] },
      nhanh: nhanhRecord({ 11: 5 }),
    });
    expect(result.send).toEqual([
      { warehouseId: 501, quantity: 6 },
      { warehouseId: 502, quantity: 5 },
    ]);
  });

  it('should split evenly with the remainder to the first chosen warehouses', () => {
    expect(splitAcrossWarehouses(10, [1, 2, 3]).map((w) => w.quantity)).toEqual([4, 3, 3]);
    expect(splitAcrossWarehouses(0, [1, 2]).map((w) => w.quantity)).toEqual([0, 0]);
  });

  it('should never push FBT products, parents, unpaired products or products not read on both sides', () => {
    expect(plan({ tiki: { fulfilledByTiki: true } }).row).toMatchObject({ state: 'blocked', reason: 'fbt' });
    expect(plan({ tiki: { productType: 'configurable' } }).row.reason).toBe('notSellable');
    expect(plan({ paired: false }).row.reason).toBe('notPaired');
    expect(plan({ tiki: { warehouses: null } }).row.reason).toBe('noTikiStock');
    expect(plan({ nhanh: undefined }).row.reason).toBe('noNhanhStock');
    for (const blocked of [
      plan({ tiki: { fulfilledByTiki: true }, nhanh: nhanhRecord({ 11: 0 }) }),
      plan({ paired: false, nhanh: nhanhRecord({ 11: 0 }) }),
    ])
      expect(blocked.send).toBeNull();
  });

  it("should carry Tiki's words of the last failed push on the row until a push succeeds", () => {
    const text = {
      key: 'tiki.error.updateRejected' as const,
      params: { detail: "Warehouse '[9]' are not found" },
    };
    const result = plan({ tiki: { lastError: { text, at: 5, nhanhReadAt: 4 } } });
    expect(result.row.lastError).toEqual(text);
  });
});
