import {
  CATALOGUE_CHUNKS,
  type CompanionDatabase,
  chunkOf,
  type NhanhProductChunk,
  type NhanhProductRecord,
  type ProductMappingRecord,
  type TikiProductRecord,
} from '../db';

/**
 * The downloaded catalogues and the pairings in IndexedDB, kept in {@link CATALOGUE_CHUNKS} chunks per shop
 * (and for Nhanh): product `id` lives in chunk `id mod CATALOGUE_CHUNKS`, and so does the pairing of Tiki
 * product `id`. One request per chunk instead of one per record is what makes 50,000 products, or 40,000
 * pairings, store in well under a second in Chromium (see `TikiProductChunk` in lib/db.ts). Every read and
 * write of products and pairings goes through this module.
 */

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
 * Removes `deleteIds` and puts `puts` (replacing an item with the same id), chunk by chunk, with one read and
 * one write per chunk involved, all in the transaction `read` and `write` use (whose `done` is awaited with
 * them: an aborted transaction, e.g. disk full, rejects it all and nothing goes unhandled).
 */
async function rewriteChunks<Item>(
  transaction: { done: Promise<void> },
  change: { puts: readonly Item[]; deleteIds: readonly number[]; idOf: (item: Item) => number },
  read: (chunk: number) => Promise<readonly Item[] | undefined>,
  write: (chunk: number, items: Item[]) => Promise<unknown>,
): Promise<void> {
  const puts = groupByChunk(change.puts, change.idOf);
  const deletes = groupByChunk(change.deleteIds, (id) => id);
  await Promise.all([
    ...[...new Set([...puts.keys(), ...deletes.keys()])].map(async (chunk) => {
      const items = new Map((await read(chunk))?.map((item) => [change.idOf(item), item]));
      for (const id of deletes.get(chunk) ?? []) items.delete(id);
      for (const item of puts.get(chunk) ?? []) items.set(change.idOf(item), item);
      await write(chunk, [...items.values()]);
    }),
    transaction.done,
  ]);
}

/** The items of `ids` found in their chunks: one read per chunk involved. */
async function readById<Item>(
  ids: Iterable<number>,
  read: (chunk: number) => Promise<readonly Item[] | undefined>,
  idOf: (item: Item) => number,
): Promise<Map<number, Item>> {
  const wanted = new Set(ids);
  const chunks = await Promise.all([...groupByChunk(wanted, (id) => id).keys()].map(read));
  const found = new Map<number, Item>();
  for (const item of chunks.flatMap((chunk) => chunk ?? []))
    if (wanted.has(idOf(item))) found.set(idOf(item), item);
  return found;
}

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

/** The listed products of the shop that are downloaded. */
export function readTikiProductsById(
  db: CompanionDatabase,
  shopId: string,
  ids: Iterable<number>,
): Promise<Map<number, TikiProductRecord>> {
  const store = db.transaction('tikiProductChunks').store;
  return readById(
    ids,
    async (chunk) => (await store.get([shopId, chunk]))?.products,
    (record) => record.id,
  );
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
  const tx = db.transaction('tikiProductChunks', 'readwrite');
  await rewriteChunks(
    tx,
    { puts: records, deleteIds, idOf: (record) => record.id },
    async (chunk) => (await tx.store.get([shopId, chunk]))?.products,
    (chunk, products) => tx.store.put({ shopId, chunk, products }),
  );
}

/**
 * Builds records from the stored ones and writes them in one transaction that reads each chunk involved once
 * (`ids`: every product `build` may look at, its results included). A download step used to read the chunks, then
 * read them again to write: the reads were most of its time.
 */
export async function rewriteTikiProducts(
  db: CompanionDatabase,
  shopId: string,
  ids: Iterable<number>,
  build: (stored: ReadonlyMap<number, TikiProductRecord>) => TikiProductRecord[],
): Promise<void> {
  const tx = db.transaction('tikiProductChunks', 'readwrite');
  const chunks = [...groupByChunk(new Set(ids), (id) => id).keys()];
  const loaded = new Map(
    await Promise.all(
      chunks.map(async (chunk) => [chunk, (await tx.store.get([shopId, chunk]))?.products ?? []] as const),
    ),
  );
  const stored = new Map<number, TikiProductRecord>();
  for (const products of loaded.values()) for (const product of products) stored.set(product.id, product);
  const puts = groupByChunk(build(stored), (record) => record.id);
  await Promise.all([
    // Async, so a put refused at once (an aborted transaction: disk full) rejects here instead of throwing
    // before every request has a handler.
    ...[...puts].map(async ([chunk, records]) => {
      const products = new Map((loaded.get(chunk) ?? []).map((product) => [product.id, product]));
      for (const record of records) products.set(record.id, record);
      await tx.store.put({ shopId, chunk, products: [...products.values()] });
    }),
    tx.done,
  ]);
}

/** Every pairing of the shop, by Tiki product id. */
export async function readMappings(
  db: CompanionDatabase,
  shopId: string,
): Promise<Map<number, ProductMappingRecord>> {
  const chunks = await db.getAllFromIndex('productMappingChunks', 'by-shop', shopId);
  return new Map(
    chunks.flatMap((chunk) => chunk.mappings.map((mapping) => [mapping.tikiProductId, mapping])),
  );
}

/** The pairings of every shop. */
export async function readAllMappings(db: CompanionDatabase): Promise<ProductMappingRecord[]> {
  return (await db.getAll('productMappingChunks')).flatMap((chunk) => chunk.mappings);
}

/** The pairings of the listed Tiki products of the shop. */
export function readMappingsById(
  db: CompanionDatabase,
  shopId: string,
  tikiProductIds: Iterable<number>,
): Promise<Map<number, ProductMappingRecord>> {
  const store = db.transaction('productMappingChunks').store;
  return readById(
    tikiProductIds,
    async (chunk) => (await store.get([shopId, chunk]))?.mappings,
    (mapping) => mapping.tikiProductId,
  );
}

/**
 * Puts pairings (a new one replaces the Tiki product's earlier one) and removes those of `deleteIds`, in one
 * transaction of one read and one write per chunk involved.
 */
export async function writeMappings(
  db: CompanionDatabase,
  shopId: string,
  mappings: readonly ProductMappingRecord[],
  deleteIds: readonly number[] = [],
): Promise<void> {
  const tx = db.transaction('productMappingChunks', 'readwrite');
  await rewriteChunks(
    tx,
    { puts: mappings, deleteIds, idOf: (mapping) => mapping.tikiProductId },
    async (chunk) => (await tx.store.get([shopId, chunk]))?.mappings,
    (chunk, merged) => tx.store.put({ shopId, chunk, mappings: merged }),
  );
}

/** What {@link updateShop} shows the decision: the shop's products and pairings, and the Nhanh catalogue. */
export interface ShopSnapshot {
  products: TikiProductRecord[];
  mappings: Map<number, ProductMappingRecord>;
  /** By Nhanh id. */
  nhanhProducts: NhanhProductRecord[];
}

/**
 * Reads the shop's products and pairings and the Nhanh catalogue, lets `decide` work out (synchronously) which
 * products and pairings to put, and puts them, in one transaction: each chunk is read once, and nothing another
 * page writes meanwhile (a pairing by hand) can be overwritten by a decision made without it.
 */
export async function updateShop(
  db: CompanionDatabase,
  shopId: string,
  decide: (snapshot: ShopSnapshot) => { products: TikiProductRecord[]; mappings: ProductMappingRecord[] },
): Promise<void> {
  const tx = db.transaction(['tikiProductChunks', 'productMappingChunks', 'nhanhProductChunks'], 'readwrite');
  const tikiStore = tx.objectStore('tikiProductChunks');
  const mappingStore = tx.objectStore('productMappingChunks');
  const [tikiChunks, mappingChunks, nhanhChunks] = await Promise.all([
    tikiStore.index('by-shop').getAll(shopId),
    mappingStore.index('by-shop').getAll(shopId),
    tx.objectStore('nhanhProductChunks').getAll(),
  ]);
  const change = decide({
    products: tikiChunks.flatMap((chunk) => chunk.products),
    mappings: new Map(
      mappingChunks.flatMap((chunk) => chunk.mappings.map((mapping) => [mapping.tikiProductId, mapping])),
    ),
    nhanhProducts: nhanhChunks.flatMap((chunk) => chunk.products).sort(byId),
  });
  const storedProducts = new Map(tikiChunks.map((chunk) => [chunk.chunk, chunk.products]));
  const storedMappings = new Map(mappingChunks.map((chunk) => [chunk.chunk, chunk.mappings]));
  // Both at once: the transaction commits when it has nothing queued, so neither may wait for the other.
  await Promise.all([
    rewriteChunks(
      tx,
      { puts: change.products, deleteIds: [], idOf: (record) => record.id },
      async (chunk) => storedProducts.get(chunk),
      (chunk, products) => tikiStore.put({ shopId, chunk, products }),
    ),
    rewriteChunks(
      tx,
      { puts: change.mappings, deleteIds: [], idOf: (mapping) => mapping.tikiProductId },
      async (chunk) => storedMappings.get(chunk),
      (chunk, mappings) => mappingStore.put({ shopId, chunk, mappings }),
    ),
  ]);
}

/** The whole downloaded Nhanh catalogue, by Nhanh id. */
export async function readNhanhProducts(db: CompanionDatabase): Promise<NhanhProductRecord[]> {
  return (await db.getAll('nhanhProductChunks')).flatMap((chunk) => chunk.products).sort(byId);
}

export function readNhanhProductsById(
  db: CompanionDatabase,
  ids: Iterable<number>,
): Promise<Map<number, NhanhProductRecord>> {
  const store = db.transaction('nhanhProductChunks').store;
  return readById(
    ids,
    async (chunk) => (await store.get(chunk))?.products,
    (record) => record.id,
  );
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
