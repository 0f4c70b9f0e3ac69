import type { CompanionDatabase, NhanhProductRecord, ProductMappingRecord, TikiProductRecord } from '../db';
import { recordAttention } from '../status/attention';
import { type CatalogueSummary, recordCatalogueSummaries } from '../status/setup';
import { attentionCount, isSellable, type PairingState, pairingStateOf } from './pairing-state';
import { buildRows, countStates, type ProductRow } from './rows';
import {
  readAllMappings,
  readAllTikiProducts,
  readFirstTikiProducts,
  readMappings,
  readMappingsById,
  readNhanhProducts,
  readNhanhProductsById,
  readTikiProducts,
} from './store';

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
  const [products, mappingById, nhanhProducts] = await Promise.all([
    readTikiProducts(db, shopId),
    readMappings(db, shopId),
    readNhanhProducts(db),
  ]);
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
 * The first `count` rows of the shop, in the order of the full list, read from the first chunk only: the
 * table shows them at once while the whole catalogue (counters, filters, the Nhanh list) loads behind it.
 */
export async function loadFirstRows(
  db: CompanionDatabase,
  shopId: string,
  count: number,
): Promise<ProductRow[]> {
  const products = (await readFirstTikiProducts(db, shopId, count)).filter(isSellable).slice(0, count);
  const mappingById = await readMappingsById(
    db,
    shopId,
    products.map((product) => product.id),
  );
  const nhanh = await readNhanhProductsById(
    db,
    [...mappingById.values()].map((mapping) => mapping.nhanhProductId),
  );
  return buildRows(products, mappingById, nhanh);
}

/**
 * Recounts, over every shop, the products the seller must act on (unpaired, ambiguous, needs re-pairing) and
 * stores it as the popup's `attention.products`, with each shop's summary for the setup checklist. Returns the
 * count.
 */
export async function refreshProductAttention(db: CompanionDatabase): Promise<number> {
  const [products, mappings, nhanhProducts] = await Promise.all([
    readAllTikiProducts(db),
    readAllMappings(db),
    readNhanhProducts(db),
  ]);
  const mappingOf = new Map(
    mappings.map((mapping) => [`${mapping.shopId}:${mapping.tikiProductId}`, mapping]),
  );
  const nhanh = new Set(nhanhProducts.map((product) => product.id));
  const byShop = new Map<string, { state: PairingState }[]>();
  for (const product of products.filter(isSellable)) {
    const mapping = mappingOf.get(`${product.shopId}:${product.id}`);
    const state = pairingStateOf(
      product,
      mapping,
      mapping !== undefined && nhanh.has(mapping.nhanhProductId),
    );
    byShop.set(product.shopId, [...(byShop.get(product.shopId) ?? []), { state }]);
  }
  const summaries: Record<string, CatalogueSummary> = {};
  let count = 0;
  for (const [shopId, states] of byShop) {
    const counts = countStates(states);
    const needsDecision = attentionCount(counts);
    summaries[shopId] = { total: counts.all, paired: counts.paired, needsDecision };
    count += needsDecision;
  }
  await recordAttention('products', count);
  await recordCatalogueSummaries(summaries);
  return count;
}
