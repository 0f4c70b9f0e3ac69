import type {
  CompanionDatabase,
  NhanhProductChunk,
  NhanhProductRecord,
  TikiProductChunk,
  TikiProductRecord,
} from '../db';

/**
 * The downloaded catalogues in IndexedDB, kept in {@link CATALOGUE_CHUNKS} chunks per shop (and for Nhanh):
 * product `id` lives in chunk `id mod CATALOGUE_CHUNKS`. One request per chunk instead of one per product is
 * what makes 50,000 products store in well under a second in Chromium (see `TikiProductChunk` in lib/db.ts).
 * Every read and write of products goes through this module.
 */

export const CATALOGUE_CHUNKS = 64;

export function chunkOf(id: number): number {
  return ((id % CATALOGUE_CHUNKS) + CATALOGUE_CHUNKS) % CATALOGUE_CHUNKS;
}

function groupByChunk<Item>(items: Iterable<Item>, idOf: (item: Item) => number): Map<number, Item[]> {
  const groups = new Map<number, Item[]>();
  for (const item of items) {
    const chunk = chunkOf(idOf(item));
    const group = groups.get(chunk);
    if (group) group.push(item);
    else groups.set(chunk, [item]);
  }
  return groups;
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/**
 * Every downloaded product of the shop in storage order (chunk, then id): the order of the table, so its
 * first rows can be read from the first chunk alone ({@link readFirstTikiProducts}).
 */
export async function readTikiProducts(db: CompanionDatabase, shopId: string): Promise<TikiProductRecord[]> {
  const chunks = await db.getAllFromIndex('tikiProductChunks', 'by-shop', shopId);
  return chunks.flatMap((chunk) => chunk.products.sort(byId));
}

/** The first products in storage order, reading only as many chunks as it takes. */
export async function readFirstTikiProducts(
  db: CompanionDatabase,
  shopId: string,
  count: number,
): Promise<TikiProductRecord[]> {
  const first: TikiProductRecord[] = [];
  let cursor = await db
    .transaction('tikiProductChunks')
    .store.index('by-shop')
    .openCursor(IDBKeyRange.only(shopId));
  while (cursor && first.length < count) {
    first.push(...cursor.value.products.sort(byId));
    cursor = await cursor.continue();
  }
  return first;
}

/** The downloaded products of every shop. */
export async function readAllTikiProducts(db: CompanionDatabase): Promise<TikiProductRecord[]> {
  return (await db.getAll('tikiProductChunks')).flatMap((chunk) => chunk.products);
}

/** The listed products of the shop that are downloaded (one read per chunk involved). */
export async function readTikiProductsById(
  db: CompanionDatabase,
  shopId: string,
  ids: Iterable<number>,
): Promise<Map<number, TikiProductRecord>> {
  const wanted = new Set(ids);
  const store = db.transaction('tikiProductChunks').store;
  const chunks = await Promise.all(
    [...groupByChunk(wanted, (id) => id).keys()].map((chunk) => store.get([shopId, chunk])),
  );
  const found = new Map<number, TikiProductRecord>();
  for (const product of chunks.flatMap((chunk) => chunk?.products ?? []))
    if (wanted.has(product.id)) found.set(product.id, product);
  return found;
}

/**
 * Puts records in their chunks (replacing products with the same id) and removes `deleteIds`, in one
 * transaction of one read and one write per chunk involved.
 */
export async function writeTikiProducts(
  db: CompanionDatabase,
  shopId: string,
  records: readonly TikiProductRecord[],
  deleteIds: readonly number[] = [],
): Promise<void> {
  const puts = groupByChunk(records, (record) => record.id);
  const deletes = groupByChunk(deleteIds, (id) => id);
  const tx = db.transaction('tikiProductChunks', 'readwrite');
  await Promise.all([
    ...[...new Set([...puts.keys(), ...deletes.keys()])].map(async (chunk) => {
      const stored: TikiProductChunk = (await tx.store.get([shopId, chunk])) ?? {
        shopId,
        chunk,
        products: [],
      };
      const products = new Map(stored.products.map((product) => [product.id, product]));
      for (const id of deletes.get(chunk) ?? []) products.delete(id);
      for (const record of puts.get(chunk) ?? []) products.set(record.id, record);
      await tx.store.put({ shopId, chunk, products: [...products.values()] });
    }),
    // Awaited with the writes: an aborted transaction (disk full) rejects both, and neither goes unhandled.
    tx.done,
  ]);
}

/** The whole downloaded Nhanh catalogue, by Nhanh id. */
export async function readNhanhProducts(db: CompanionDatabase): Promise<NhanhProductRecord[]> {
  return (await db.getAll('nhanhProductChunks')).flatMap((chunk) => chunk.products).sort(byId);
}

export async function readNhanhProductsById(
  db: CompanionDatabase,
  ids: Iterable<number>,
): Promise<Map<number, NhanhProductRecord>> {
  const wanted = new Set(ids);
  const store = db.transaction('nhanhProductChunks').store;
  const chunks = await Promise.all(
    [...groupByChunk(wanted, (id) => id).keys()].map((chunk) => store.get(chunk)),
  );
  const found = new Map<number, NhanhProductRecord>();
  for (const product of chunks.flatMap((chunk) => chunk?.products ?? []))
    if (wanted.has(product.id)) found.set(product.id, product);
  return found;
}

/** Puts Nhanh records in their chunks; with `keepOnly`, every product not in it is dropped (a full download). */
export async function writeNhanhProducts(
  db: CompanionDatabase,
  records: readonly NhanhProductRecord[],
  keepOnly?: ReadonlySet<number>,
): Promise<number> {
  const puts = groupByChunk(records, (record) => record.id);
  const tx = db.transaction('nhanhProductChunks', 'readwrite');
  const chunks = keepOnly ? Array.from({ length: CATALOGUE_CHUNKS }, (_, chunk) => chunk) : [...puts.keys()];
  let dropped = 0;
  await Promise.all([
    ...chunks.map(async (chunk) => {
      const stored: NhanhProductChunk = (await tx.store.get(chunk)) ?? { chunk, products: [] };
      const products = new Map(stored.products.map((product) => [product.id, product]));
      for (const record of puts.get(chunk) ?? []) products.set(record.id, record);
      if (keepOnly)
        for (const id of products.keys())
          if (!keepOnly.has(id)) {
            products.delete(id);
            dropped++;
          }
      await tx.store.put({ chunk, products: [...products.values()] });
    }),
    tx.done,
  ]);
  return dropped;
}
