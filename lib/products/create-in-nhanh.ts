import type { Clock } from '../clock';
import type { CompanionDatabase, TikiProductRecord } from '../db';
import type { NhanhClient } from '../nhanh/client';
import { NHANH_MAX_PRODUCTS_PER_ADD, type NhanhProductInput } from '../nhanh/contract';
import type { TikiOrderItem } from '../tiki/schemas';
import { matchKey, productFingerprint } from './keys';
import { mappingOf } from './pairing';
import { writeMappings, writeNhanhProducts } from './store';

/**
 * "Tạo sản phẩm trên Nhanh": creates Tiki products that have no Nhanh counterpart with `product/add`, then pairs
 * them (method `created`). `appProductId` is derived from the Tiki product id, and Nhanh updates the product
 * that already has an appProductId instead of adding a second one, so a retry or a repeat never duplicates.
 * Works from a downloaded product or from an order line alone (the "Luôn lấy sản phẩm về" case).
 */

/** What creating a product needs: a downloaded Tiki product has it, and so does an order line. */
export interface CreatableProduct {
  tikiProductId: number;
  /** Tiki's own SKU (13 digits). */
  sku: string;
  /** The seller SKU, '' when the seller left it empty. */
  originalSku: string;
  /** For a variant, Tiki's name already ends with its options ("Áo thun - Đỏ, XL"). */
  name: string;
  price: number;
  /** A downloaded product's option fingerprint when paired (see `TikiProductRecord`); an order line has none. */
  attributeFingerprint?: string;
}

export function appProductIdOf(tikiProductId: number): string {
  return `tiki-${tikiProductId}`;
}

/** EAN-8, UPC-A or EAN-13: a seller SKU of that shape is the pack's barcode. */
const BARCODE_SHAPE = /^(\d{8}|\d{12}|\d{13})$/;

/**
 * The Nhanh product that will be created (shown in the preview before anything is sent): the Tiki name, the
 * seller SKU as code (Tiki's SKU when the seller left it empty, so every product gets a findable code), the
 * seller SKU as barcode too when it has a barcode's shape, and the Tiki price. Variants are created as
 * separate products under their full Tiki name: the client's `product/add` input has no parent field.
 */
export function nhanhDraftOf(product: CreatableProduct): NhanhProductInput {
  const sellerSku = product.originalSku.trim();
  return {
    appProductId: appProductIdOf(product.tikiProductId),
    name: product.name.trim(),
    code: sellerSku || product.sku,
    ...(BARCODE_SHAPE.test(sellerSku) ? { barcode: sellerSku } : {}),
    price: Math.round(product.price),
  };
}

/** A downloaded Tiki product, to create. */
export function creatableOf(
  product: Pick<TikiProductRecord, 'id' | 'sku' | 'originalSku' | 'name' | 'price' | 'attributeFingerprint'>,
): CreatableProduct {
  return {
    tikiProductId: product.id,
    sku: product.sku,
    originalSku: product.originalSku,
    name: product.name,
    price: product.price,
    attributeFingerprint: product.attributeFingerprint,
  };
}

/** The product of an order line, for creating it in Nhanh when it was never downloaded or was deleted on Tiki. */
export function creatableFromOrderItem(item: Pick<TikiOrderItem, 'product' | 'price'>): CreatableProduct {
  return {
    tikiProductId: item.product.id,
    sku: item.product.sku,
    originalSku: item.product.seller_product_code ?? '',
    name: item.product.name,
    price: item.price,
  };
}

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
