import type { NhanhProductRecord } from '../db';
import { foldText, matchKey } from './keys';

/**
 * Searching the downloaded Nhanh catalogue when pairing by hand: by code, barcode or name, ignoring case and
 * Vietnamese accents. Ranked: an exact code or barcode first, then codes/barcodes starting with the text, then
 * names containing it; within a rank, by code. Parents are left out (orders need the variant).
 */
export function searchNhanhProducts(
  products: readonly NhanhProductRecord[],
  query: string,
  limit = 30,
): NhanhProductRecord[] {
  const key = matchKey(query);
  if (key === '') return [];
  const folded = foldText(key);
  const ranked: [number, NhanhProductRecord][] = [];
  for (const product of products) {
    if (product.kind === 'parent') continue;
    let rank: number;
    if (product.codeKey === key || product.barcodeKey === key) rank = 0;
    else if (product.codeKey.startsWith(key) || product.barcodeKey.startsWith(key)) rank = 1;
    else if (foldText(product.name).includes(folded) || product.codeKey.includes(key)) rank = 2;
    else continue;
    ranked.push([rank, product]);
  }
  ranked.sort(([rankA, a], [rankB, b]) => rankA - rankB || a.code.localeCompare(b.code));
  return ranked.slice(0, limit).map(([, product]) => product);
}
