import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n';
import { downloadCatalogues } from '../../lib/products/download';
import { readNhanhProducts, readTikiProducts } from '../../lib/products/store';
import { ordersSetup, SHOP_ID } from '../unit/orders/harness';

const originalPut = IDBObjectStore.prototype.put;

/**
 * The disk fills up while the catalogue is written: as in a browser, the transaction that writes the chunks
 * aborts at once (the request is made, then the whole transaction is rolled back).
 */
function fillDiskOn(stores: readonly string[]) {
  IDBObjectStore.prototype.put = function put(
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    const request = originalPut.apply(this, args);
    if (stores.includes(this.name)) this.transaction.abort();
    return request;
  };
}

afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

describe('a storage error during a products download', () => {
  it('should keep the previous catalogues whole and say what happened in Vietnamese', async () => {
    const setup = await ordersSetup();
    await setup.pairProducts();
    const before = {
      tiki: await readTikiProducts(setup.db, SHOP_ID),
      nhanh: await readNhanhProducts(setup.db),
    };
    expect(before.tiki.length).toBeGreaterThan(0);

    // Something changed on Tiki since, so the new download has different records to write.
    setup.clock.advance(60_000);
    fillDiskOn(['tikiProductChunks', 'nhanhProductChunks']);
    const result = await downloadCatalogues(
      { db: setup.db, clock: setup.clock, tiki: setup.tiki, nhanh: setup.nhanh },
      SHOP_ID,
    );
    IDBObjectStore.prototype.put = originalPut;

    for (const outcome of [result.tiki, result.nhanh]) {
      expect(outcome.state).toBe('failed');
      if (outcome.state !== 'failed') continue;
      expect(outcome.error.key).toBe('products.download.notStored');
      expect(translate('vi', outcome.error)).toContain('Danh sách cũ vẫn giữ nguyên');
    }
    expect(await readTikiProducts(setup.db, SHOP_ID)).toEqual(before.tiki);
    expect(await readNhanhProducts(setup.db)).toEqual(before.nhanh);
  });
});
