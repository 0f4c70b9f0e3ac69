import type { CompanionDatabase, NhanhProductRecord, ProductMappingRecord, TikiProductRecord } from '../db';
import { attentionItem, attentionSchema } from '../status';
import { attentionCount, isSellable, pairingStateOf } from './pairing-state';
import { buildRows, countStates, type ProductRow } from './rows';

/** Reading a shop's products for the Sản phẩm section, and the "needs attention" count for the popup. */

export interface ShopCatalogue {
  rows: ProductRow[];
  nhanhProducts: NhanhProductRecord[];
  nhanhById: Map<number, NhanhProductRecord>;
  /** Every downloaded Tiki product of the shop, by id (parents included: the import needs to refuse them). */
  products: Map<number, TikiProductRecord>;
  mappings: Map<number, ProductMappingRecord>;
}

export async function loadShopCatalogue(db: CompanionDatabase, shopId: string): Promise<ShopCatalogue> {
  const [products, mappings, nhanhProducts] = await Promise.all([
    db.getAllFromIndex('tikiProducts', 'by-shop', shopId),
    db.getAllFromIndex('productMappings', 'by-shop', shopId),
    db.getAll('nhanhProducts'),
  ]);
  const mappingById = new Map(mappings.map((mapping) => [mapping.tikiProductId, mapping]));
  const nhanhById = new Map(nhanhProducts.map((record) => [record.id, record]));
  return {
    rows: buildRows(products, mappingById, nhanhById),
    nhanhProducts,
    nhanhById,
    products: new Map(products.map((product) => [product.id, product])),
    mappings: mappingById,
  };
}

/**
 * The first `count` rows of the shop, read with bounded cursors so the table shows something at once while the
 * whole catalogue (and the counters) loads behind it.
 */
export async function loadFirstRows(
  db: CompanionDatabase,
  shopId: string,
  count: number,
): Promise<ProductRow[]> {
  const tx = db.transaction(['tikiProducts', 'productMappings', 'nhanhProducts']);
  const products = (
    await tx
      .objectStore('tikiProducts')
      .index('by-shop')
      .getAll(shopId, count * 2)
  )
    .filter(isSellable)
    .slice(0, count);
  const mappings = await Promise.all(
    products.map((product) => tx.objectStore('productMappings').get([shopId, product.id])),
  );
  const nhanh = await Promise.all(
    mappings.map((mapping) =>
      mapping ? tx.objectStore('nhanhProducts').get(mapping.nhanhProductId) : undefined,
    ),
  );
  await tx.done;
  const mappingById = new Map(
    mappings.flatMap((mapping) => (mapping ? [[mapping.tikiProductId, mapping]] : [])),
  );
  const nhanhById = new Map(nhanh.flatMap((record) => (record ? [[record.id, record]] : [])));
  return buildRows(products, mappingById, nhanhById);
}

/**
 * Recounts, over every shop, the products the seller must act on (unpaired, ambiguous, needs re-pairing) and
 * stores it as the popup's `attention.products`. Returns the count.
 */
export async function refreshProductAttention(db: CompanionDatabase): Promise<number> {
  const [products, mappings, nhanhIds] = await Promise.all([
    db.getAll('tikiProducts'),
    db.getAll('productMappings'),
    db.getAllKeys('nhanhProducts'),
  ]);
  const mappingOf = new Map(
    mappings.map((mapping) => [`${mapping.shopId}:${mapping.tikiProductId}`, mapping]),
  );
  const nhanh = new Set(nhanhIds);
  const states = products.filter(isSellable).map((product) => {
    const mapping = mappingOf.get(`${product.shopId}:${product.id}`);
    return {
      state: pairingStateOf(product, mapping, mapping !== undefined && nhanh.has(mapping.nhanhProductId)),
    };
  });
  const count = attentionCount(countStates(states));
  const current = attentionSchema.safeParse((await attentionItem.getValue()) ?? {});
  await attentionItem.setValue({ ...(current.success ? current.data : {}), products: count });
  return count;
}
