import { describe, expect, it } from 'vitest';
import { openCompanionDb } from '../../../lib/db';
import {
  markFailed,
  markPending,
  markPushed,
  readStockNhanh,
  readStockTiki,
  writeNhanhReads,
  writeTikiReads,
} from '../../../lib/stock/store';
import { productRead } from './records';

let counter = 0;
const freshDb = () => openCompanionDb(`stock-store-${++counter}-${Date.now()}`);

const read = (quantity: number) => productRead({ warehouses: [{ warehouseId: 501, quantity }] });

describe('stock records: the newer value wins', () => {
  it('should keep the newer Nhanh read when an older one lands after it', async () => {
    const db = await freshDb();
    await writeNhanhReads(db, [{ nhanhProductId: 70, depots: [{ depotId: 11, available: 3 }], readAt: 200 }]);
    // A read that started earlier (at 100) but finished later: its 9 is older than the 3 already stored.
    await writeNhanhReads(db, [{ nhanhProductId: 70, depots: [{ depotId: 11, available: 9 }], readAt: 100 }]);
    expect((await readStockNhanh(db)).get(70)?.depots).toEqual([{ depotId: 11, available: 3 }]);
    await writeNhanhReads(db, [{ nhanhProductId: 70, depots: [{ depotId: 11, available: 1 }], readAt: 300 }]);
    expect((await readStockNhanh(db)).get(70)?.depots).toEqual([{ depotId: 11, available: 1 }]);
  });

  it('should not let a Tiki read that started before an accepted push bring back the old quantity', async () => {
    const db = await freshDb();
    await writeTikiReads(db, 'shop-1', [read(10)], 100);
    const item = { tikiProductId: 7, quantities: [{ warehouseId: 501, quantity: 4 }], nhanhReadAt: 150 };
    await markPending(db, 'shop-1', [item], 160);
    await markPushed(db, 'shop-1', [item], 170);
    await writeTikiReads(db, 'shop-1', [read(10)], 165);
    const [record] = await readStockTiki(db, 'shop-1');
    expect(record?.warehouses).toEqual([{ warehouseId: 501, quantity: 4 }]);
    expect(record?.pending).toBeNull();
    await writeTikiReads(db, 'shop-1', [read(3)], 180);
    expect((await readStockTiki(db, 'shop-1'))[0]?.warehouses).toEqual([{ warehouseId: 501, quantity: 3 }]);
  });

  it('should ignore the outcome of an older push once a newer one was recorded', async () => {
    const db = await freshDb();
    await writeTikiReads(db, 'shop-1', [read(10)], 100);
    const older = { tikiProductId: 7, quantities: [{ warehouseId: 501, quantity: 8 }], nhanhReadAt: 110 };
    const newer = { tikiProductId: 7, quantities: [{ warehouseId: 501, quantity: 5 }], nhanhReadAt: 120 };
    await markPushed(db, 'shop-1', [newer], 130);
    await markPushed(db, 'shop-1', [older], 140);
    const [record] = await readStockTiki(db, 'shop-1');
    expect(record?.warehouses).toEqual(newer.quantities);
    expect(record?.lastPushed?.nhanhReadAt).toBe(120);
  });

  it('should keep a refused push pending with its reason, and clear both once a push succeeds', async () => {
    const db = await freshDb();
    await writeTikiReads(db, 'shop-1', [read(10)], 100);
    const item = { tikiProductId: 7, quantities: [{ warehouseId: 501, quantity: 2 }], nhanhReadAt: 110 };
    await markPending(db, 'shop-1', [item], 120);
    const text = { key: 'tiki.error.updateRejected' as const, params: { detail: 'nope' } };
    await markFailed(db, 'shop-1', [{ tikiProductId: 7, nhanhReadAt: 110, text }], 130);
    let [record] = await readStockTiki(db, 'shop-1');
    expect(record?.pending?.quantities).toEqual(item.quantities);
    expect(record?.lastError?.text).toEqual(text);
    expect(record?.warehouses).toEqual([{ warehouseId: 501, quantity: 10 }]);
    await markPushed(db, 'shop-1', [item], 140);
    [record] = await readStockTiki(db, 'shop-1');
    expect(record?.pending).toBeNull();
    expect(record?.lastError).toBeNull();
  });
});
