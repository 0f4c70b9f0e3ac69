import type { NhanhProductRecord, ProductMappingRecord, TikiProductRecord } from '../db';
import { foldText } from './keys';
import {
  emptyCounts,
  isSellable,
  type PairingState,
  pairingStateOf,
  type StateCounts,
} from './pairing-state';

/** One line of the Sản phẩm table: a sellable Tiki product with its pairing and where it stands. */
export interface ProductRow {
  product: TikiProductRecord;
  mapping: ProductMappingRecord | undefined;
  nhanh: NhanhProductRecord | undefined;
  state: PairingState;
  /** Name, SKUs and paired Nhanh code, folded once so typing in the filter box stays instant. */
  searchText: string;
}

export type RowFilter = PairingState | 'all';

export function buildRows(
  products: readonly TikiProductRecord[],
  mappings: ReadonlyMap<number, ProductMappingRecord>,
  nhanhById: ReadonlyMap<number, NhanhProductRecord>,
): ProductRow[] {
  const rows: ProductRow[] = [];
  for (const product of products) {
    if (!isSellable(product)) continue;
    const mapping = mappings.get(product.id);
    const nhanh = mapping ? nhanhById.get(mapping.nhanhProductId) : undefined;
    rows.push({
      product,
      mapping,
      nhanh,
      state: pairingStateOf(product, mapping, nhanh !== undefined),
      searchText: foldText(
        `${product.name}\n${product.sku}\n${product.originalSku}\n${product.id}\n${nhanh?.code ?? ''}`,
      ),
    });
  }
  return rows;
}

export function countStates(rows: readonly Pick<ProductRow, 'state'>[]): StateCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    counts.all++;
    counts[row.state]++;
  }
  return counts;
}

/** Rows in `filter` whose name, SKU, seller SKU, id or paired Nhanh code contains `query` (no accents, no case). */
export function filterRows(rows: readonly ProductRow[], filter: RowFilter, query: string): ProductRow[] {
  const needle = foldText(query.trim());
  return rows.filter(
    (row) => (filter === 'all' || row.state === filter) && (needle === '' || row.searchText.includes(needle)),
  );
}
