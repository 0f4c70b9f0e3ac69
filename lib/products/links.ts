import type { CompanionDatabase, ProductMappingRecord, TikiProductRecord } from '../db';
import { type PairingState, pairingStateOf } from './pairing-state';
import { readMappingsById, readNhanhProductsById, readTikiProductsById } from './store';

/**
 * What the orders feature asks before importing an order line: is this Tiki product paired, and with which
 * Nhanh product. Read-only.
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
export async function getMapping(
  db: CompanionDatabase,
  shopId: string,
  tikiProductId: number,
): Promise<ProductMappingRecord | undefined> {
  return (await readMappingsById(db, shopId, [tikiProductId])).get(tikiProductId);
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
  const ids = [...new Set(tikiProductIds)];
  const [products, mappings] = await Promise.all([
    readTikiProductsById(db, shopId, ids),
    readMappingsById(db, shopId, ids),
  ]);
  const nhanh = await readNhanhProductsById(
    db,
    [...mappings.values()].map((mapping) => mapping.nhanhProductId),
  );
  const links = new Map<number, ProductLink>();
  for (const id of ids) {
    const product = products.get(id);
    const mapping = mappings.get(id);
    const nhanhExists = mapping !== undefined && nhanh.has(mapping.nhanhProductId);
    const state: PairingState = product
      ? pairingStateOf(product, mapping, nhanhExists)
      : nhanhExists
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
  }
  return links;
}

export async function getProductLink(
  db: CompanionDatabase,
  shopId: string,
  tikiProductId: number,
): Promise<ProductLink> {
  return (await getProductLinks(db, shopId, [tikiProductId])).get(tikiProductId)!;
}
