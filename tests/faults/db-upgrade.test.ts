import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCompanionDb } from '../../lib/db';

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

const SHIPPED: Record<number, Record<string, StoreShape>> = { 1: V1, 2: V2 };

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

describe('IndexedDB upgrade from every shipped version', () => {
  it.each(
    Object.keys(SHIPPED)
      .map(Number)
      .filter((version) => version < DB_VERSION),
  )('should keep every record of a v%i database and end with the fresh schema', async (version) => {
    const name = `upgrade-${version}-${++counter}`;
    const schema = SHIPPED[version]!;
    const old = await openDB(name, version, {
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
    const written: Record<string, unknown[]> = {};
    for (const [store, shape] of Object.entries(schema)) {
      for (let n = 1; n <= 3; n++) await old.add(store, recordFor(store, shape, n));
      written[store] = await old.getAll(store);
    }
    old.close();

    const upgraded = await openCompanionDb(name);
    expect(upgraded.version).toBe(DB_VERSION);
    for (const [store, records] of Object.entries(written))
      expect(await upgraded.getAll(store as never), store).toEqual(records);
    const fresh = await openCompanionDb(`fresh-${name}`);
    expect(describeSchema(upgraded as unknown as IDBDatabase)).toEqual(
      describeSchema(fresh as unknown as IDBDatabase),
    );
    upgraded.close();
    fresh.close();
  });
});
