import type { MatchCandidate, MatchRule, NameSuggestion, NhanhProductRecord, TikiProductRecord } from '../db';
import { matchKey, nameWords } from './keys';

/**
 * Automatic matching of Tiki products to Nhanh products: pure, deterministic and explainable. Three rules,
 * tried in this order, each comparing with {@link matchKey} (no case, no surrounding spaces):
 *   1. `sku-code`         the seller SKU (`original_sku` / `seller_product_code`) = a Nhanh product code;
 *   2. `sku-barcode`      the seller SKU = a Nhanh barcode;
 *   3. `tiki-sku-barcode` Tiki's own SKU = a Nhanh barcode.
 * The candidates of all three rules are gathered: exactly one Nhanh product → paired by the first rule that
 * found it; several → ambiguous, listed with the rule that found each, and NEVER paired automatically (a SKU
 * that is one product's code and another's barcode is a conflict the seller settles). Nhanh parents only
 * group variants and are never candidates. Everything is Map lookups: linear in the size of both catalogues.
 */

export type MatchableTiki = Pick<TikiProductRecord, 'id' | 'sku' | 'originalSku'>;
export type MatchableNhanh = Pick<NhanhProductRecord, 'id' | 'code' | 'barcode' | 'kind'>;

export type MatchOutcome =
  | { kind: 'paired'; nhanhProductId: number; rule: MatchRule }
  | { kind: 'ambiguous'; candidates: MatchCandidate[] }
  | { kind: 'none' };

/**
 * The Nhanh catalogue keyed by normalised code and barcode. A key almost always has one product, so it holds
 * the id itself and becomes a list only for a shared key: one small array per key was most of the time spent.
 */
export interface MatchIndex {
  byCode: Map<string, number | number[]>;
  byBarcode: Map<string, number | number[]>;
}

function addId(map: Map<string, number | number[]>, key: string, id: number): void {
  if (key === '') return;
  const present = map.get(key);
  if (present === undefined) map.set(key, id);
  else if (typeof present === 'number') map.set(key, [present, id]);
  else present.push(id);
}

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  if (key === '') return;
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

export function buildMatchIndex(nhanhProducts: Iterable<MatchableNhanh>): MatchIndex {
  const index: MatchIndex = { byCode: new Map(), byBarcode: new Map() };
  for (const product of nhanhProducts) {
    if (product.kind === 'parent') continue;
    addId(index.byCode, matchKey(product.code), product.id);
    addId(index.byBarcode, matchKey(product.barcode), product.id);
  }
  return index;
}

const NO_IDS: readonly number[] = [];
const RULES: readonly MatchRule[] = ['sku-code', 'sku-barcode', 'tiki-sku-barcode'];

/** Applies the three rules to one Tiki product. */
export function matchOne(product: MatchableTiki, index: MatchIndex): MatchOutcome {
  const sellerSku = matchKey(product.originalSku);
  const tikiSku = matchKey(product.sku);
  let first: MatchCandidate | undefined;
  let candidates: MatchCandidate[] | undefined;
  for (const rule of RULES) {
    const key = rule === 'tiki-sku-barcode' ? tikiSku : sellerSku;
    if (key === '') continue;
    const found = (rule === 'sku-code' ? index.byCode : index.byBarcode).get(key);
    if (found === undefined) continue;
    const count = typeof found === 'number' ? 1 : found.length;
    for (let position = 0; position < count; position++) {
      const nhanhProductId = typeof found === 'number' ? found : found[position]!;
      if (!first) first = { nhanhProductId, rule };
      else if (nhanhProductId !== first.nhanhProductId) {
        candidates ??= [first];
        if (!candidates.some((candidate) => candidate.nhanhProductId === nhanhProductId))
          candidates.push({ nhanhProductId, rule });
      }
    }
  }
  if (candidates) {
    // Rule order, then Nhanh id: the same list whatever order the catalogue was downloaded in.
    candidates.sort(
      (a, b) => RULES.indexOf(a.rule) - RULES.indexOf(b.rule) || a.nhanhProductId - b.nhanhProductId,
    );
    return { kind: 'ambiguous', candidates };
  }
  if (first) return { kind: 'paired', nhanhProductId: first.nhanhProductId, rule: first.rule };
  return { kind: 'none' };
}

/** Matches a whole catalogue; the outcomes are in the order of `tikiProducts`. */
export function matchProducts(
  tikiProducts: readonly MatchableTiki[],
  nhanhProducts: Iterable<MatchableNhanh>,
): MatchOutcome[] {
  const index = buildMatchIndex(nhanhProducts);
  return tikiProducts.map((product) => matchOne(product, index));
}

/**
 * Name similarity, for suggestions only. Confidence is the Dice coefficient of the two names' word sets
 * (diacritics and case ignored): 1 for the same words, 0.5 when half of them are shared. Candidates are found
 * through the words that are rare in the Nhanh catalogue (a word in many names, such as "sách", would make
 * every lookup scan thousands of products); each candidate is then scored on all its words.
 */
export interface NameIndex {
  ids: number[];
  words: string[][];
  /** Rare word → positions in `ids`. */
  postings: Map<string, number[]>;
}

export const SUGGESTION_DEFAULTS = { limit: 3, minConfidence: 0.5 } as const;

export function buildNameIndex(
  nhanhProducts: Iterable<Pick<NhanhProductRecord, 'id' | 'name' | 'kind'>>,
): NameIndex {
  const index: NameIndex = { ids: [], words: [], postings: new Map() };
  for (const product of nhanhProducts) {
    if (product.kind === 'parent') continue;
    const words = nameWords(product.name);
    const position = index.ids.length;
    index.ids.push(product.id);
    index.words.push(words);
    for (const word of words) addTo(index.postings, word, position);
  }
  const commonAbove = Math.max(50, Math.ceil(index.ids.length * 0.02));
  for (const [word, positions] of index.postings)
    if (positions.length > commonAbove) index.postings.delete(word);
  return index;
}

/** The most similar Nhanh products to `name`, best first (ties: lower Nhanh id first). */
export function suggestByName(
  name: string,
  index: NameIndex,
  options: { limit?: number; minConfidence?: number } = {},
): NameSuggestion[] {
  const limit = options.limit ?? SUGGESTION_DEFAULTS.limit;
  const minConfidence = options.minConfidence ?? SUGGESTION_DEFAULTS.minConfidence;
  const words = nameWords(name);
  if (words.length === 0) return [];
  const wordSet = new Set(words);
  const seen = new Set<number>();
  const suggestions: NameSuggestion[] = [];
  for (const word of words)
    for (const position of index.postings.get(word) ?? NO_IDS) {
      if (seen.has(position)) continue;
      seen.add(position);
      const other = index.words[position]!;
      const shared = other.reduce((count, candidate) => count + (wordSet.has(candidate) ? 1 : 0), 0);
      const confidence = (2 * shared) / (words.length + other.length);
      if (confidence >= minConfidence)
        suggestions.push({
          nhanhProductId: index.ids[position]!,
          confidence: Math.round(confidence * 100) / 100,
        });
    }
  suggestions.sort((a, b) => b.confidence - a.confidence || a.nhanhProductId - b.nhanhProductId);
  return suggestions.slice(0, limit);
}
