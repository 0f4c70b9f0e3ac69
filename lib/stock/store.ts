import type { CompanionDatabase, StockNhanhRecord, StockTikiRecord, StockWarehouseQuantity } from '../db';
import type { LocalizedText } from '../i18n';

/*
 * The stock push's IndexedDB records (stores `stockTiki` and `stockNhanh`, v5). Every write reads and puts in one
 * transaction, so two runs racing on a product settle by their versions, never by who wrote last:
 * - a Nhanh read never replaces one that started later (`readAt`);
 * - a Tiki read that started before a push was accepted does not bring back the quantities the push replaced;
 * - a push's outcome is recorded only if no later Nhanh read was pushed in the meantime.
 */

/** A Tiki product's stock as one read of Tiki's product list (`include=inventory`) gave it. */
export type TikiStockRead = Pick<
  StockTikiRecord,
  | 'tikiProductId'
  | 'name'
  | 'sku'
  | 'originalSku'
  | 'entityType'
  | 'productType'
  | 'fulfilledByTiki'
  | 'warehouses'
>;

/** One product's push: the complete warehouse list and the Nhanh read it came from. */
export interface StockPushItem {
  tikiProductId: number;
  quantities: StockWarehouseQuantity[];
  nhanhReadAt: number;
}

export async function readStockTiki(db: CompanionDatabase, shopId: string): Promise<StockTikiRecord[]> {
  return db.getAllFromIndex('stockTiki', 'by-shop', shopId);
}

export async function readStockNhanh(db: CompanionDatabase): Promise<Map<number, StockNhanhRecord>> {
  const records = await db.getAll('stockNhanh');
  return new Map(records.map((record) => [record.nhanhProductId, record]));
}

/** Keeps each Nhanh product's newest read: a read that started earlier than the stored one is dropped. */
export async function writeNhanhReads(
  db: CompanionDatabase,
  reads: readonly StockNhanhRecord[],
): Promise<void> {
  const tx = db.transaction('stockNhanh', 'readwrite');
  await Promise.all(
    reads.map(async (read) => {
      const stored = await tx.store.get(read.nhanhProductId);
      if (!stored || stored.readAt <= read.readAt) await tx.store.put(read);
    }),
  );
  await tx.done;
}

function emptyRecord(shopId: string, read: TikiStockRead): StockTikiRecord {
  return { ...read, shopId, tikiReadAt: null, lastPushed: null, pending: null, lastError: null };
}

/**
 * Stores what a read of Tiki (started at `readAt`) showed. The product's details always follow the read; its
 * quantities only when the read started after the last accepted push (an earlier one may predate it).
 */
export async function writeTikiReads(
  db: CompanionDatabase,
  shopId: string,
  reads: readonly TikiStockRead[],
  readAt: number,
): Promise<void> {
  const tx = db.transaction('stockTiki', 'readwrite');
  await Promise.all(
    reads.map(async (read) => {
      const stored = (await tx.store.get([shopId, read.tikiProductId])) ?? emptyRecord(shopId, read);
      const newer = (stored.tikiReadAt ?? 0) <= readAt && (stored.lastPushed?.at ?? 0) <= readAt;
      await tx.store.put({
        ...stored,
        ...read,
        warehouses: newer ? read.warehouses : stored.warehouses,
        tikiReadAt: newer ? readAt : stored.tikiReadAt,
      });
    }),
  );
  await tx.done;
}

/** Rewrites the record of each item's product (a product with no record is left alone; null keeps it as is). */
async function updateEach<Item extends { tikiProductId: number }>(
  db: CompanionDatabase,
  shopId: string,
  items: readonly Item[],
  update: (record: StockTikiRecord, item: Item) => StockTikiRecord | null,
): Promise<void> {
  const tx = db.transaction('stockTiki', 'readwrite');
  await Promise.all(
    items.map(async (item) => {
      const stored = await tx.store.get([shopId, item.tikiProductId]);
      const next = stored && update(stored, item);
      if (next) await tx.store.put(next);
    }),
  );
  await tx.done;
}

/** Before sending: what is about to go out (a worker stopped mid-push knows which products to look at again). */
export function markPending(
  db: CompanionDatabase,
  shopId: string,
  items: readonly StockPushItem[],
  at: number,
): Promise<void> {
  return updateEach(db, shopId, items, (record, { quantities, nhanhReadAt }) => ({
    ...record,
    pending: { quantities, nhanhReadAt, at },
  }));
}

/**
 * Tiki accepted these pushes: its quantities are now the pushed ones. An outcome older than the last recorded push
 * (a later Nhanh read already went out) changes nothing.
 */
export function markPushed(
  db: CompanionDatabase,
  shopId: string,
  items: readonly StockPushItem[],
  at: number,
): Promise<void> {
  return updateEach(db, shopId, items, (record, { quantities, nhanhReadAt }) => {
    if (record.lastPushed && record.lastPushed.nhanhReadAt > nhanhReadAt) return null;
    const settled = record.pending && record.pending.nhanhReadAt <= nhanhReadAt;
    return {
      ...record,
      warehouses: quantities,
      lastPushed: { quantities, nhanhReadAt, at },
      pending: settled ? null : record.pending,
      lastError: null,
    };
  });
}

/** Tiki refused these pushes (its own words in `text`); they stay pending, to be sent again or superseded. */
export function markFailed(
  db: CompanionDatabase,
  shopId: string,
  failures: readonly { tikiProductId: number; nhanhReadAt: number; text: LocalizedText }[],
  at: number,
): Promise<void> {
  return updateEach(db, shopId, failures, (record, { text, nhanhReadAt }) => ({
    ...record,
    lastError: { text, at, nhanhReadAt },
  }));
}
