import type { CompanionDatabase } from '../db';
import type { NhanhClient } from '../nhanh/client';
import { NHANH_MAX_PRODUCTS_PER_ADD } from '../nhanh/contract';
import type { Clock } from '../time/clock';
import { matchKey, productFingerprint } from './keys';
import { type CreatableProduct, nhanhDraftOf } from './nhanh-draft';
import { mappingOf } from './pairing';
import { writeMappings, writeNhanhProducts } from './store';

/**
 * "Tạo sản phẩm trên Nhanh": creates Tiki products that have no Nhanh counterpart with `product/add`, then pairs
 * them (method `created`). `appProductId` is derived from the Tiki product id, and Nhanh updates the product
 * that already has an appProductId instead of adding a second one, so a retry or a repeat never duplicates.
 * Works from a downloaded product or from an order line alone (the "Luôn lấy sản phẩm về" case).
 */

export type CreateResult =
  | { tikiProductId: number; ok: true; nhanhProductId: number }
  /** Nhanh's messages keyed by field (`name`, `code`, `barcode`, `price`, or `item`), shown next to the product. */
  | { tikiProductId: number; ok: false; fieldMessages: Record<string, string> };

export interface CreateDeps {
  db: CompanionDatabase;
  nhanh: Pick<NhanhClient, 'addProducts'>;
  clock: Clock;
}

/**
 * Creates the products in batches of Nhanh's maximum and pairs each created one at once, so a failure in a
 * later batch (network, token) keeps what earlier batches did; the error then propagates and a retry is safe.
 * An item Nhanh refuses gets its per-field messages; the rest of its batch still goes through.
 */
export async function createInNhanh(
  deps: CreateDeps,
  shopId: string,
  products: readonly CreatableProduct[],
): Promise<CreateResult[]> {
  const results: CreateResult[] = [];
  for (let start = 0; start < products.length; start += NHANH_MAX_PRODUCTS_PER_ADD) {
    const batch = products.slice(start, start + NHANH_MAX_PRODUCTS_PER_ADD);
    const drafts = batch.map(nhanhDraftOf);
    const answers = await deps.nhanh.addProducts(drafts);
    const now = deps.clock.now();
    const created = batch.flatMap((product, position) => {
      const answer = answers[position]!;
      if (!answer.ok) {
        results.push({
          tikiProductId: product.tikiProductId,
          ok: false,
          fieldMessages: answer.fieldMessages,
        });
        return [];
      }
      results.push({ tikiProductId: product.tikiProductId, ok: true, nhanhProductId: answer.id });
      const draft = drafts[position]!;
      const barcode = answer.barcode ?? draft.barcode ?? '';
      return [
        {
          nhanh: {
            id: answer.id,
            parentId: 0,
            kind: 'independent' as const,
            code: draft.code ?? '',
            barcode,
            name: draft.name,
            price: draft.price ?? 0,
            codeKey: matchKey(draft.code),
            barcodeKey: matchKey(barcode),
            downloadedAt: now,
          },
          mapping: mappingOf(
            shopId,
            {
              id: product.tikiProductId,
              fingerprint: productFingerprint(product),
              attributeFingerprint: product.attributeFingerprint,
            },
            answer.id,
            'created',
            now,
          ),
        },
      ];
    });
    await writeNhanhProducts(
      deps.db,
      created.map((entry) => entry.nhanh),
    );
    await writeMappings(
      deps.db,
      shopId,
      created.map((entry) => entry.mapping),
    );
  }
  return results;
}
