import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { type CompanionDatabase, chunkOf, DB_VERSION, openCompanionDb } from '../../lib/db';
import { productFingerprint } from '../../lib/products/keys';
import { getMapping, getProductLinks } from '../../lib/products/links';

interface StoreShape {
  keyPath: string | string[];
  autoIncrement?: boolean;
  indexes: Record<string, string | string[]>;
}

/**
 * The schemas as shipped, frozen here on purpose (not imported): an upgrade test must start from what users
 * really have on disk, even after someone edits an old step. Add a version when a new step ships.
 */
const V1: Record<string, StoreShape> = {
  tikiProducts: {
    keyPath: ['shopId', 'id'],
    indexes: { 'by-shop': 'shopId', 'by-original-sku': ['shopId', 'originalSku'] },
  },
  nhanhProducts: { keyPath: 'id', indexes: { 'by-code-key': 'codeKey', 'by-barcode-key': 'barcodeKey' } },
  productMappings: {
    keyPath: ['shopId', 'tikiProductId'],
    indexes: { 'by-shop': 'shopId', 'by-nhanh-product': 'nhanhProductId' },
  },
  orders: {
    keyPath: ['shopId', 'code'],
    indexes: {
      'by-shop': 'shopId',
      'by-sync-state': ['shopId', 'syncState'],
      'by-tiki-updated': ['shopId', 'tikiUpdatedAt'],
    },
  },
  statements: { keyPath: 'id', indexes: { 'by-imported': 'importedAt' } },
  statementLines: {
    keyPath: 'id',
    indexes: {
      'by-statement': 'statementId',
      'by-order-code': 'orderCode',
      'by-content-hash': 'contentHash',
    },
  },
  reconciliations: {
    keyPath: ['statementId', 'orderCode'],
    indexes: { 'by-state': 'state', 'by-order-code': 'orderCode' },
  },
  activityLog: { keyPath: 'id', autoIncrement: true, indexes: { 'by-at': 'at' } },
  jobs: { keyPath: 'id', indexes: {} },
};

const V2: Record<string, StoreShape> = {
  ...V1,
  tikiProductChunks: { keyPath: ['shopId', 'chunk'], indexes: { 'by-shop': 'shopId' } },
  nhanhProductChunks: { keyPath: 'chunk', indexes: {} },
};

const V3: Record<string, StoreShape> = {
  ...V2,
  productMappingChunks: { keyPath: ['shopId', 'chunk'], indexes: { 'by-shop': 'shopId' } },
};

/** v4: the per-product and per-pairing stores of v1, replaced by chunks in v2 and v3, are gone. */
const V4: Record<string, StoreShape> = Object.fromEntries(
  Object.entries(V3).filter(
    ([store]) => !['tikiProducts', 'nhanhProducts', 'productMappings'].includes(store),
  ),
);

/** v5 (stock push): Tiki's quantities and the push state per shop product, Nhanh's stock per product. */
const V5: Record<string, StoreShape> = {
  ...V4,
  stockTiki: { keyPath: ['shopId', 'tikiProductId'], indexes: { 'by-shop': 'shopId' } },
  stockNhanh: { keyPath: 'nhanhProductId', indexes: {} },
};

const SHIPPED: Record<number, Record<string, StoreShape>> = { 1: V1, 2: V2, 3: V3, 4: V4, 5: V5 };

/**
 * The stores an upgrade retires: what a version older than `movedBefore` still read there is found by `read`;
 * the rest, which no version has read since, is dropped with the store (v1's catalogues: v2 never read them,
 * a download refills the chunks).
 */
const RETIRED: Record<
  string,
  'dropped' | { movedBefore: number; read: (db: CompanionDatabase) => Promise<unknown[]> }
> = {
  tikiProducts: 'dropped',
  nhanhProducts: 'dropped',
  // v3: pairings live in chunks of the shop (lib/products/store.ts).
  productMappings: {
    movedBefore: 3,
    read: async (db) => (await db.getAll('productMappingChunks')).flatMap((chunk) => chunk.mappings),
  },
};

/** A record for any store: its key fields, every indexed field, and a payload a lossy upgrade would drop. */
function recordFor(store: string, shape: StoreShape, n: number): Record<string, unknown> {
  const record: Record<string, unknown> = {
    payload: { store, n, text: `Đơn <b>#${n}</b>`, list: [n, n + 1] },
  };
  const fields = [shape.keyPath, ...Object.values(shape.indexes)].flat();
  for (const field of fields) record[field] = field.endsWith('Id') || field === 'chunk' ? n : `${field}-${n}`;
  if (shape.autoIncrement) delete record[shape.keyPath as string];
  return record;
}

let counter = 0;

function describeSchema(db: IDBDatabase) {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  return Object.fromEntries(
    [...db.objectStoreNames].map((name) => {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries(
        [...store.indexNames].map((index) => [index, store.index(index).keyPath]),
      );
      return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

/** A database created exactly as version `version` shipped it, empty. */
function openShipped(name: string, version: number) {
  const schema = SHIPPED[version]!;
  return openDB(name, version, {
    upgrade(db) {
      for (const [store, shape] of Object.entries(schema)) {
        const created = db.createObjectStore(store, {
          keyPath: shape.keyPath,
          autoIncrement: shape.autoIncrement ?? false,
        });
        for (const [index, keyPath] of Object.entries(shape.indexes)) created.createIndex(index, keyPath);
      }
    },
  });
}

describe('IndexedDB upgrade from every shipped version', () => {
  it.each(
    Object.keys(SHIPPED)
      .map(Number)
      .filter((version) => version < DB_VERSION),
  )('should keep every record a v%i database still reads and end with the fresh schema', async (version) => {
    const name = `upgrade-${version}-${++counter}`;
    const schema = SHIPPED[version]!;
    const old = await openShipped(name, version);
    const written: Record<string, unknown[]> = {};
    for (const [store, shape] of Object.entries(schema)) {
      for (let n = 1; n <= 3; n++) await old.add(store, recordFor(store, shape, n));
      written[store] = await old.getAll(store);
    }
    old.close();

    const upgraded = await openCompanionDb(name);
    expect(upgraded.version).toBe(DB_VERSION);
    for (const [store, records] of Object.entries(written)) {
      const retired = RETIRED[store];
      if (!retired) expect(await upgraded.getAll(store as never), store).toEqual(records);
      else {
        expect(upgraded.objectStoreNames.contains(store as never), store).toBe(false);
        if (retired !== 'dropped' && version < retired.movedBefore) {
          const found = await retired.read(upgraded);
          expect(found, store).toHaveLength(records.length);
          expect(found, store).toEqual(expect.arrayContaining(records));
        }
      }
    }
    const fresh = await openCompanionDb(`fresh-${name}`);
    expect(describeSchema(upgraded as unknown as IDBDatabase)).toEqual(
      describeSchema(fresh as unknown as IDBDatabase),
    );
    upgraded.close();
    fresh.close();
  });

  it('should create, on a fresh install, the schema of the newest shipped version', async () => {
    const name = `fresh-install-${++counter}`;
    const fresh = await openCompanionDb(name);
    const shipped = await openShipped(`shipped-${name}`, DB_VERSION);
    expect(describeSchema(fresh as unknown as IDBDatabase)).toEqual(
      describeSchema(shipped as unknown as IDBDatabase),
    );
    fresh.close();
    shipped.close();
  });

  it("should keep a v2 seller's pairings paired, per shop, once v3 moves them into chunks and v4 drops their old store", async () => {
    const name = `upgrade-pairings-${++counter}`;
    const old = await openShipped(name, 2);
    const product = (shopId: string, id: number, productName: string, originalSku: string) => ({
      shopId,
      id,
      sku: `8000000${id}`,
      originalSku,
      name: productName,
      superId: 0,
      type: 'simple',
      active: true,
      price: 99_000,
      optionLabel: '',
      // v2 fingerprints: name and seller SKU, no attributes.
      fingerprint: productFingerprint({ name: productName, originalSku }),
      deletedOnTiki: false,
      downloadedAt: 1,
      candidates: [],
      suggestions: [],
    });
    const nhanh = (id: number, code: string) => ({
      id,
      parentId: 0,
      kind: 'independent',
      code,
      barcode: '',
      name: code,
      price: 1000,
      codeKey: code.toLowerCase(),
      barcodeKey: '',
      downloadedAt: 1,
    });
    // Products 1 and 65 share a chunk; product 2 stays unpaired; shop-2 has its own product 1.
    const shop1 = [
      product('shop-1', 1, 'Nhà Giả Kim', 'BK-1'),
      product('shop-1', 65, 'Đắc Nhân Tâm', 'BK-65'),
    ];
    await old.put('tikiProductChunks', { shopId: 'shop-1', chunk: chunkOf(1), products: shop1 });
    await old.put('tikiProductChunks', {
      shopId: 'shop-1',
      chunk: chunkOf(2),
      products: [product('shop-1', 2, 'Bút bi', 'BB-2')],
    });
    await old.put('tikiProductChunks', {
      shopId: 'shop-2',
      chunk: chunkOf(1),
      products: [product('shop-2', 1, 'Áo thun', 'AO-1')],
    });
    // 101 and 165 share a chunk, 201 has its own.
    await old.put('nhanhProductChunks', {
      chunk: chunkOf(101),
      products: [nhanh(101, 'BK-1'), nhanh(165, 'BK-65')],
    });
    await old.put('nhanhProductChunks', { chunk: chunkOf(201), products: [nhanh(201, 'AO-1')] });
    const pairing = (shopId: string, tikiProductId: number, nhanhProductId: number, fingerprint: string) => ({
      shopId,
      tikiProductId,
      nhanhProductId,
      method: 'manual',
      pairedAt: 5,
      tikiFingerprint: fingerprint,
    });
    for (const mapping of [
      pairing('shop-1', 1, 101, shop1[0]!.fingerprint),
      pairing('shop-1', 65, 165, shop1[1]!.fingerprint),
      pairing('shop-2', 1, 201, product('shop-2', 1, 'Áo thun', 'AO-1').fingerprint),
    ])
      await old.put('productMappings', mapping);
    old.close();

    const upgraded = await openCompanionDb(name);
    const states = async (shopId: string, ids: number[]) =>
      [...(await getProductLinks(upgraded, shopId, ids)).values()].map((link) => [
        link.state,
        link.nhanhProductId,
      ]);
    expect(await states('shop-1', [1, 65, 2])).toEqual([
      ['paired', 101],
      ['paired', 165],
      ['unpaired', null],
    ]);
    expect(await states('shop-2', [1])).toEqual([['paired', 201]]);
    expect(await getMapping(upgraded, 'shop-1', 65)).toMatchObject({ method: 'manual', pairedAt: 5 });
    expect(upgraded.objectStoreNames.contains('productMappings' as never)).toBe(false);
    upgraded.close();
  });
});
