import type {
  CompanionDatabase,
  MatchCandidate,
  NameSuggestion,
  NhanhProductRecord,
  PairingMethod,
  ProductMappingRecord,
  TikiProductRecord,
} from '../db';
import { isCurrentOptionFingerprint } from './keys';
import {
  buildMatchIndex,
  buildNameIndex,
  type MatchIndex,
  matchOne,
  type NameIndex,
  suggestByName,
} from './match';
import { isSellable } from './pairing-state';
import {
  readMappings,
  readNhanhProducts,
  readNhanhProductsById,
  readTikiProductsById,
  updateShop,
  writeMappings,
  writeTikiProducts,
} from './store';

/**
 * Changes to pairings: the automatic matching, pairing and unpairing by hand, confirming suggestions, the
 * one-click re-pairing and the help page's "delete the downloaded product" workaround. Each reads what it
 * needs, computes in memory, then writes in its own transactions.
 */

export function mappingOf(
  shopId: string,
  product: Pick<TikiProductRecord, 'id' | 'fingerprint' | 'attributeFingerprint'>,
  nhanhProductId: number,
  method: PairingMethod,
  now: number,
): ProductMappingRecord {
  return {
    shopId,
    tikiProductId: product.id,
    nhanhProductId,
    method,
    pairedAt: now,
    tikiFingerprint: product.fingerprint,
    ...(product.attributeFingerprint === undefined
      ? {}
      : { tikiAttributeFingerprint: product.attributeFingerprint }),
  };
}

/**
 * Pairings made before the product's option values were known (stored before attributes were downloaded, or
 * under an older fingerprint rule, or made from an order line) take those of `products` as their baseline,
 * while the name and seller SKU they were made with still hold: from then on an option change makes them "cần
 * ghép lại". Returns those updated.
 */
export function withAttributeBaselines(
  mappings: ReadonlyMap<number, ProductMappingRecord>,
  products: Iterable<Pick<TikiProductRecord, 'id' | 'fingerprint' | 'attributeFingerprint'>>,
): ProductMappingRecord[] {
  const updated: ProductMappingRecord[] = [];
  for (const product of products) {
    const mapping = mappings.get(product.id);
    if (
      mapping &&
      !isCurrentOptionFingerprint(mapping.tikiAttributeFingerprint) &&
      isCurrentOptionFingerprint(product.attributeFingerprint) &&
      mapping.tikiFingerprint === product.fingerprint
    )
      updated.push({ ...mapping, tikiAttributeFingerprint: product.attributeFingerprint });
  }
  return updated;
}

export interface AutoMatchSummary {
  /** Newly paired by a rule. */
  paired: number;
  ambiguous: number;
  /** Left unpaired but with at least one name suggestion. */
  suggested: number;
  unmatched: number;
}

/**
 * Runs the rules over the shop's unpaired products (pairings already made, by hand or otherwise, are never
 * touched): a single candidate pairs, several are stored for the seller, none gets name suggestions.
 */
export async function autoMatchShop(
  db: CompanionDatabase,
  shopId: string,
  now: number,
): Promise<AutoMatchSummary> {
  const summary: AutoMatchSummary = { paired: 0, ambiguous: 0, suggested: 0, unmatched: 0 };
  await updateShop(db, shopId, ({ products, mappings, nhanhProducts }) => {
    const index = buildMatchIndex(nhanhProducts);
    // Built on the first product the rules leave unmatched: a catalogue paired by code never pays for it.
    let names: NameIndex | undefined;
    const newMappings: ProductMappingRecord[] = [];
    const updated: TikiProductRecord[] = [];
    for (const product of products) {
      if (!isSellable(product) || product.deletedOnTiki || mappings.has(product.id)) continue;
      const outcome = matchOne(product, index);
      let candidates: MatchCandidate[] = [];
      let suggestions: NameSuggestion[] = [];
      if (outcome.kind === 'paired') {
        newMappings.push(mappingOf(shopId, product, outcome.nhanhProductId, outcome.rule, now));
        summary.paired++;
      } else if (outcome.kind === 'ambiguous') {
        candidates = outcome.candidates;
        summary.ambiguous++;
      } else {
        names ??= buildNameIndex(nhanhProducts);
        suggestions = suggestByName(product.name, names);
        if (suggestions.length > 0) summary.suggested++;
        else summary.unmatched++;
      }
      // Only products whose results change are written: a chunk nothing changed in stays as it is.
      if (!sameResults(product.candidates, candidates) || !sameResults(product.suggestions, suggestions))
        updated.push({ ...product, candidates, suggestions });
    }
    return { products: updated, mappings: newMappings };
  });
  return summary;
}

/** Whether two lists of candidates or suggestions are the same (same order, same fields). */
function sameResults<Item extends object>(before: readonly Item[], after: readonly Item[]): boolean {
  return before.length === after.length && JSON.stringify(before) === JSON.stringify(after);
}

/** Thrown for ids that do not exist: the UI only offers existing products, so this is a bug, not a user error. */
class UnknownProductError extends Error {}

/** Pairs each Tiki product with the given Nhanh product (a new pairing replaces an old one). */
export async function pairProducts(
  db: CompanionDatabase,
  shopId: string,
  pairs: readonly { tikiProductId: number; nhanhProductId: number }[],
  method: PairingMethod,
  now: number,
): Promise<void> {
  const [products, nhanhProducts] = await Promise.all([
    readTikiProductsById(
      db,
      shopId,
      pairs.map((pair) => pair.tikiProductId),
    ),
    readNhanhProductsById(
      db,
      pairs.map((pair) => pair.nhanhProductId),
    ),
  ]);
  const mappings = pairs.map((pair) => {
    const product = products.get(pair.tikiProductId);
    const nhanh = nhanhProducts.get(pair.nhanhProductId);
    if (!product) throw new UnknownProductError(`Tiki product ${pair.tikiProductId} is not downloaded`);
    if (!nhanh || nhanh.kind === 'parent')
      throw new UnknownProductError(`Nhanh product ${pair.nhanhProductId} cannot be paired`);
    return mappingOf(shopId, product, nhanh.id, method, now);
  });
  await writeMappings(db, shopId, mappings);
}

export function unpairProducts(
  db: CompanionDatabase,
  shopId: string,
  tikiProductIds: readonly number[],
): Promise<void> {
  return writeMappings(db, shopId, [], tikiProductIds);
}

/** Applies a checked pairing table (see `pairing-file.ts`): pairs by hand, or unpairs where the code is empty. */
export async function applyPairingChanges(
  db: CompanionDatabase,
  shopId: string,
  changes: readonly { tikiProductId: number; nhanhProductId: number | null }[],
  now: number,
): Promise<void> {
  const pairs = changes.flatMap(({ tikiProductId, nhanhProductId }) =>
    nhanhProductId === null ? [] : [{ tikiProductId, nhanhProductId }],
  );
  await pairProducts(db, shopId, pairs, 'manual', now);
  await unpairProducts(
    db,
    shopId,
    changes.filter((change) => change.nhanhProductId === null).map((change) => change.tikiProductId),
  );
}

/** Pairs each listed product with its best name suggestion; returns how many were paired. */
export async function confirmSuggestions(
  db: CompanionDatabase,
  shopId: string,
  tikiProductIds: readonly number[],
  now: number,
): Promise<number> {
  const [products, mappings] = await Promise.all([
    readTikiProductsById(db, shopId, tikiProductIds),
    readMappings(db, shopId),
  ]);
  const pairs = [...products.values()].flatMap((product) => {
    const best = product.suggestions[0];
    return best && !mappings.has(product.id)
      ? [{ tikiProductId: product.id, nhanhProductId: best.nhanhProductId }]
      : [];
  });
  await pairProducts(db, shopId, pairs, 'suggestion', now);
  return pairs.length;
}

export interface RepairTarget {
  nhanhProductId: number;
  /** A rule when one now finds a single Nhanh product; `manual` when the seller keeps the earlier product. */
  method: PairingMethod;
}

/**
 * What one-click re-pairing pairs a "cần ghép lại" product with: the single Nhanh product the rules find on its
 * current data, otherwise the Nhanh product it was paired with, if that still exists. Undefined: pair by hand.
 */
export function repairTargetOf(
  product: Pick<TikiProductRecord, 'id' | 'sku' | 'originalSku'>,
  mapping: Pick<ProductMappingRecord, 'nhanhProductId'> | undefined,
  index: MatchIndex,
  nhanhExists: (id: number) => boolean,
): RepairTarget | undefined {
  const outcome = matchOne(product, index);
  if (outcome.kind === 'paired') return { nhanhProductId: outcome.nhanhProductId, method: outcome.rule };
  if (mapping && nhanhExists(mapping.nhanhProductId))
    return { nhanhProductId: mapping.nhanhProductId, method: 'manual' };
  return undefined;
}

/** One-click re-pairing of the listed products; returns the ids it could not re-pair (to pair by hand). */
export async function repairProducts(
  db: CompanionDatabase,
  shopId: string,
  tikiProductIds: readonly number[],
  now: number,
): Promise<number[]> {
  const [products, mappings, nhanhProducts] = await Promise.all([
    readTikiProductsById(db, shopId, tikiProductIds),
    readMappings(db, shopId),
    readNhanhProducts(db),
  ]);
  const index = buildMatchIndex(nhanhProducts);
  const byId = new Map<number, NhanhProductRecord>(nhanhProducts.map((record) => [record.id, record]));
  const exists = (id: number) => {
    const record = byId.get(id);
    return record !== undefined && record.kind !== 'parent';
  };
  const repaired: ProductMappingRecord[] = [];
  const left: number[] = [];
  tikiProductIds.forEach((id) => {
    const product = products.get(id);
    const target = product && repairTargetOf(product, mappings.get(id), index, exists);
    if (product && target)
      repaired.push(mappingOf(shopId, product, target.nhanhProductId, target.method, now));
    else left.push(id);
  });
  await writeMappings(db, shopId, repaired);
  return left;
}

/**
 * The help page's workaround for a changed product: delete the downloaded product (and its pairing) so the
 * next download brings it back fresh, to be paired again.
 */
export async function deleteDownloadedProducts(
  db: CompanionDatabase,
  shopId: string,
  tikiProductIds: readonly number[],
): Promise<void> {
  await writeTikiProducts(db, shopId, [], tikiProductIds);
  await unpairProducts(db, shopId, tikiProductIds);
}
