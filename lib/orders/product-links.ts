import type { CompanionDatabase } from '../db';
import type { NhanhClient } from '../nhanh/client';
import { createInNhanh } from '../products/create-in-nhanh';
import { getProductLinks, type ProductLink } from '../products/links';
import { lookUpUnlisted, type TikiAnswer } from '../products/look-up';
import { creatableFromOrderItem } from '../products/nhanh-draft';
import { readFirstTikiProducts } from '../products/store';
import type { TikiClient } from '../tiki/client';
import type { TikiOrderItem } from '../tiki/schemas';
import type { Clock } from '../time/clock';

/**
 * Everything the orders import asks of the products feature, behind one interface: where each Tiki product
 * stands with Nhanh, and "Luôn lấy sản phẩm về" (create a product in Nhanh from an order line, then pair it).
 */
export type { ProductLink };

export type CreatedFromOrder =
  | { ok: true; nhanhProductId: number }
  /** Nhanh's own messages, keyed by field. */
  | { ok: false; fieldMessages: Record<string, string> };

export interface OrderProductLinks {
  linksOf(tikiProductIds: readonly number[]): Promise<Map<number, ProductLink>>;
  /** Asks Tiki about products the last download did not list (see `lookUpUnlisted`). */
  lookUpUnlisted(tikiProductIds: readonly number[]): Promise<Map<number, TikiAnswer>>;
  /** Whether the shop's Tiki catalogue was ever downloaded: only then is a product missing from it gone. */
  catalogueDownloaded(): Promise<boolean>;
  /** Creates (idempotently) and pairs one Nhanh product per distinct Tiki product of `items`. */
  createFromOrderItems(items: readonly TikiOrderItem[]): Promise<Map<number, CreatedFromOrder>>;
}

export function createOrderProductLinks(deps: {
  db: CompanionDatabase;
  nhanh: Pick<NhanhClient, 'addProducts'>;
  /** Without it (no Tiki credentials), unlisted products are judged by the download alone. */
  tiki?: Pick<TikiClient, 'getProduct'>;
  clock: Clock;
  shopId: string;
}): OrderProductLinks {
  const { tiki } = deps;
  return {
    linksOf: (ids) => getProductLinks(deps.db, deps.shopId, ids),
    lookUpUnlisted: async (ids) => (tiki ? lookUpUnlisted({ ...deps, tiki }, ids) : new Map()),
    catalogueDownloaded: async () => (await readFirstTikiProducts(deps.db, deps.shopId, 1)).length > 0,
    async createFromOrderItems(items) {
      const distinct = new Map(items.map((item) => [item.product.id, creatableFromOrderItem(item)]));
      const results = await createInNhanh(deps, deps.shopId, [...distinct.values()]);
      return new Map(
        results.map((result) => [
          result.tikiProductId,
          result.ok
            ? { ok: true, nhanhProductId: result.nhanhProductId }
            : { ok: false, fieldMessages: result.fieldMessages },
        ]),
      );
    },
  };
}
