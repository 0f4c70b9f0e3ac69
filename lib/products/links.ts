import type { CompanionDatabase, ProductMappingRecord, TikiProductRecord } from '../db';
import { type PairingState, pairingStateOf } from './pairing-state';

/**
 * What the orders feature asks before importing an order line: is this Tiki product paired, and with which
 * Nhanh product. Read-only; one transaction per call.
 */

export interface ProductLink {
  state: PairingState;
  /** The downloaded Tiki product; undefined when the shop's catalogue never held it. */
  product: TikiProductRecord | undefined;
  /** The pairing, also when it is flagged (needs re-pairing, deleted on Tiki). */
  mapping: ProductMappingRecord | undefined;
  /** The Nhanh product to put on an order: set only when `state` is `paired`. */
  nhanhProductId: number | null;
}

/** The stored pairing of one Tiki product, whatever its state. */
export function getMapping(
  db: CompanionDatabase,
  shopId: string,
  tikiProductId: number,
): Promise<ProductMappingRecord | undefined> {
  return db.get('productMappings', [shopId, tikiProductId]);
}

/**
 * Links of several Tiki products of one shop. A product never downloaded but paired (created in Nhanh from an
 * order line) counts as paired while its Nhanh product exists; one neither downloaded nor paired is `unpaired`.
 */
export async function getProductLinks(
  db: CompanionDatabase,
  shopId: string,
  tikiProductIds: readonly number[],
): Promise<Map<number, ProductLink>> {
  const tx = db.transaction(['tikiProducts', 'productMappings', 'nhanhProducts']);
  const products = tx.objectStore('tikiProducts');
  const mappings = tx.objectStore('productMappings');
  const nhanh = tx.objectStore('nhanhProducts');
  const links = new Map<number, ProductLink>();
  await Promise.all(
    [...new Set(tikiProductIds)].map(async (id) => {
      const [product, mapping] = await Promise.all([products.get([shopId, id]), mappings.get([shopId, id])]);
      const nhanhProduct = mapping ? await nhanh.get(mapping.nhanhProductId) : undefined;
      const state: PairingState = product
        ? pairingStateOf(product, mapping, nhanhProduct !== undefined)
        : mapping && nhanhProduct
          ? 'paired'
          : mapping
            ? 'needs-repair'
            : 'unpaired';
      links.set(id, {
        state,
        product,
        mapping,
        nhanhProductId: state === 'paired' && mapping ? mapping.nhanhProductId : null,
      });
    }),
  );
  await tx.done;
  return links;
}

export async function getProductLink(
  db: CompanionDatabase,
  shopId: string,
  tikiProductId: number,
): Promise<ProductLink> {
  return (await getProductLinks(db, shopId, [tikiProductId])).get(tikiProductId)!;
}
