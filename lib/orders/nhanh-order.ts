import type { NhanhOrderInput } from '../nhanh/contract';
import type { Shop } from '../settings';
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
 * the shop's default customer name and phone (Tiki sends neither), Tiki's delivery address, the shop's depot.
 * Only the seller's discount: a Tiki-funded coupon is Tiki's cost, so Nhanh holds the sale the statement
 * shows (price × qty − seller discount), which the reconciliation compares. No payment block: Tiki collects
 * the money and pays the seller.
 */
export function nhanhOrderOf(
  order: TikiOrder,
  shop: Pick<Shop, 'nhanhDepotId' | 'defaultCustomerName' | 'defaultCustomerPhone'> & {
    nhanhDepotId: number;
  },
  nhanhProductIds: readonly number[],
  status: NhanhOrderInput['status'],
): NhanhOrderInput {
  return {
    appOrderId: order.code,
    depotId: shop.nhanhDepotId,
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
