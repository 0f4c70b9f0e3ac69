import type { TikiProductRecord } from '../db';
import type { NhanhProductInput } from '../nhanh/contract';
import type { TikiOrderItem } from '../tiki/schemas';

/*
 * The Nhanh product "Tạo trên Nhanh" sends for a Tiki product: the preview shows it before anything is sent,
 * and the worker sends exactly it (`./create-in-nhanh.ts`).
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
