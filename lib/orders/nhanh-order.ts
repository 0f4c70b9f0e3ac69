import type { NhanhOrderInput } from '../nhanh/contract';
import type { Shop } from '../settings';
import { TIKI_FULFILLED_INVENTORY_TYPE } from '../tiki/contract';
import type { TikiOrder } from '../tiki/schemas';

/** `channel.sourceName` of every imported order: the free-text source Nhanh shows (no Tiki saleChannel input). */
export const ORDER_SOURCE_NAME = 'Tiki';

/** The delivery address Tiki gives, as one line ("Số 12 Lê Lợi, Phường 2, Quận 3, Hồ Chí Minh"). */
export function deliveryAddressOf(order: Pick<TikiOrder, 'shipping'>): string | undefined {
  const address = order.shipping?.address;
  if (!address) return undefined;
  const parts = [address.street, address.ward, address.district, address.region]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The seller-funded discount of an order line (OT-item: `discount_coupon` when `is_seller_discount_coupon`). */
function sellerDiscountOf(item: TikiOrder['items'][number]): number {
  return item.invoice.is_seller_discount_coupon ? (item.invoice.discount_coupon ?? 0) : 0;
}

/**
 * One Tiki order as a Nhanh `order/add`: `appOrderId` = the Tiki order code, the paired Nhanh products with
 * Tiki's unit price and the line's seller discount per unit (Tiki gives it per line; rounded to whole đồng),
 * the shop's default customer name and phone (Tiki sends neither), Tiki's delivery address, the chosen depot.
 * Only the seller's discount: a Tiki-funded coupon is Tiki's cost, so Nhanh holds the sale the statement
 * shows (price × qty − seller discount), which the reconciliation compares. No payment block: Tiki collects
 * the money and pays the seller.
 */
export function nhanhOrderOf(
  order: TikiOrder,
  shop: Pick<Shop, 'defaultCustomerName' | 'defaultCustomerPhone'>,
  depotId: number,
  nhanhProductIds: readonly number[],
  status: NhanhOrderInput['status'],
): NhanhOrderInput {
  return {
    appOrderId: order.code,
    depotId,
    status,
    sourceName: ORDER_SOURCE_NAME,
    customer: {
      name: shop.defaultCustomerName,
      mobile: shop.defaultCustomerPhone,
      address: deliveryAddressOf(order),
    },
    products: order.items.map((item, index) => ({
      id: nhanhProductIds[index]!,
      price: item.price,
      quantity: item.qty,
      discount: Math.round(sellerDiscountOf(item) / item.qty),
    })),
  };
}

/** Tiki ships it from its own warehouse (FBT): its stock is Tiki's, not the seller's depot's. */
export function isFulfilledByTiki(order: Pick<TikiOrder, 'fulfillment_type' | 'items'>): boolean {
  return (
    order.fulfillment_type === TIKI_FULFILLED_INVENTORY_TYPE ||
    (order.items.length > 0 &&
      order.items.every((item) => item.product.inventory_type === TIKI_FULFILLED_INVENTORY_TYPE))
  );
}

/** The depot an order goes into, or null when the shop skips FBT orders (or has no depot for them yet). */
export function depotOf(
  order: Pick<TikiOrder, 'fulfillment_type' | 'items'>,
  shop: Pick<Shop, 'fbtOrders' | 'fbtDepotId'> & { nhanhDepotId: number },
): number | null {
  if (!isFulfilledByTiki(order)) return shop.nhanhDepotId;
  return shop.fbtOrders === 'import' ? shop.fbtDepotId : null;
}
