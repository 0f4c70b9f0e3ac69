import { z } from 'zod';
import {
  lenientInt,
  lenientNumber,
  lenientText,
  optionalField,
  type UnreadableRecord,
} from '../http/tolerant';
import { tikiDateTimeSchema } from './contract';

/*
 * Answers of the Tiki Open API. Tolerant where the real API is known to vary (money as 409000 or "409000.00",
 * `active` as 1 or "1", an empty seller code as "" or null), strict on the fields the sync relies on (codes,
 * statuses, quantities, money of the statement, timestamps). Unknown fields are dropped.
 */

/** VND amounts: integers or decimal strings such as "409000.00" (OT-x). */
const money = lenientNumber;

/** Counts in paging: numbers, sometimes numeric strings in Laravel-style answers. */
const count = z.union([z.int(), z.string().regex(/^\d+$/, 'expected a whole number')]).transform(Number);

/** `active` is 1/0, sometimes "1"/"0" (OT-prod). */
const activeFlag = z
  .union([z.literal([0, 1, '0', '1']), z.boolean()])
  .transform((value) => value === 1 || value === '1' || value === true);

/** A seller's own code (`original_sku`, `seller_product_code`): "" and null both mean none → null. */
const sellerCode = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null);

/**
 * A configurable product's option attributes: the codes of the attributes its variants differ by (at most 2,
 * OT-struct), `["size","color"]` in Tiki's create-product guide; an object carrying the `code` is read too. Any
 * other shape is dropped (null) rather than failing the page: the codes only sharpen change detection.
 */
const optionAttributeCodes = z
  .array(z.union([z.string(), z.object({ code: z.string() }).transform(({ code }) => code)]))
  .nullish()
  .catch(null);

/** `super_id` is 0 (or absent) when there is no configurable parent. */
const parentId = z
  .int()
  .nullish()
  .transform((value) => value ?? 0);

export const tikiPagingSchema = z.object({
  total: count,
  current_page: count,
  from: count.nullish(),
  to: count.nullish(),
  per_page: count,
  last_page: count,
});

/** `{data, paging}`: the list envelope of products and orders; rows are read one by one by the client. */
export const tikiListSchema = z.object({ data: z.array(z.unknown()), paging: tikiPagingSchema });

/** A page: the rows that could be read, and those set aside with their reason (never a reason to stop). */
export type TikiPage<Item> = {
  data: Item[];
  unreadable: UnreadableRecord[];
  paging: z.output<typeof tikiPagingSchema>;
};

/** Tiki's own sample token class reads no `token_type` [CE]: not required, and any type is accepted. */
export const tikiTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: lenientNumber.pipe(z.number().positive()),
  token_type: optionalField(z.string()),
  scope: optionalField(z.string()),
});
export type TikiTokenAnswer = z.output<typeof tikiTokenSchema>;

export const tikiSellerSchema = z.object({
  id: z.int(),
  name: z.string(),
  active: activeFlag.optional(),
  logo: z.string().nullish(),
  operation_models: z.array(z.string()).optional(),
  can_update_product: activeFlag.optional(),
  registration_status: z.string().nullish(),
  live_at: z.string().nullish(),
});
export type TikiSeller = z.output<typeof tikiSellerSchema>;

const warehouseStockSchema = z.object({
  warehouse_id: z.int(),
  quantity: z.number().optional(),
  quantity_available: z.number().optional(),
  quantity_reserved: z.number().optional(),
  quantity_sellable: z.number(),
});

const inventorySchema = z.object({
  fulfillment_type: z.string(),
  inventory_type: z.string(),
  warehouse_stocks: z.array(warehouseStockSchema).default([]),
});

const productFields = {
  // OT-prod names the id `product_id`; some answers call it `id`: both are accepted, `product_id` is kept.
  product_id: z.int().optional(),
  id: z.int().optional(),
  sku: z.string().min(1),
  original_sku: sellerCode,
  name: z.string(),
  master_id: z.int().nullish(),
  super_id: parentId,
  type: z.string(),
  entity_type: z.string().optional(),
  active: activeFlag,
  price: money,
  market_price: money.nullish(),
  created_at: tikiDateTimeSchema,
  updated_at: tikiDateTimeSchema,
  thumbnail: z.string().nullish(),
  inventory: inventorySchema.nullish(),
  /**
   * In the list only when asked for (`include=attributes`): a variant's option values among data that moves by
   * itself (`price`, `price_restore`, `special_from_date`, `supplier`, `specifications`: the product-v2 sample).
   * An object (OT-prod `attributes{}`); an empty one may come as `[]` (PHP's empty map), so an array is too.
   */
  attributes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish(),
  option_attributes: optionAttributeCodes,
};

/** Moves `id` into `product_id` and fails, naming `product_id`, when neither is there. */
function withProductId<T extends { product_id?: number; id?: number }>(
  product: T,
  context: z.RefinementCtx,
): Omit<T, 'id' | 'product_id'> & { product_id: number } {
  const { id, product_id, ...rest } = product;
  const resolved = product_id ?? id;
  if (resolved === undefined) {
    context.addIssue({ code: 'custom', path: ['product_id'], message: 'product_id is missing' });
    return z.NEVER;
  }
  return { ...rest, product_id: resolved };
}

/** One product of `GET /integration/v2.1/products` (a summary, with `inventory` and `attributes` when included). */
export const tikiProductSummarySchema = z.object(productFields).transform(withProductId);
export type TikiProductSummary = z.output<typeof tikiProductSummarySchema>;

/** `GET /integration/v2.1/products/{id}`: the summary plus categories. */
export const tikiProductSchema = z
  .object({
    ...productFields,
    categories: z.array(z.object({ id: z.int(), name: z.string() })).nullish(),
  })
  .transform(withProductId);
export type TikiProduct = z.output<typeof tikiProductSchema>;

/** OT-item: a fee entry; amounts are negative, `final_amount` is what the statement uses. */
const feeSchema = z.object({
  fee_type_key: z.string(),
  fee_type_name: z.string(),
  quantity: z.number().optional(),
  base_amount: money,
  total_amount: money,
  discount_amount: money.optional(),
  final_amount: money,
});
export type TikiFee = z.output<typeof feeSchema>;

/*
 * Orders are read tolerantly (issue "one odd record never stops a run"): required is only what the import
 * needs to act — the code, the status (any string: an unknown one is followed, never created), the times, and
 * per line the product id, price and quantity. Everything else reads as absent when it is missing, null or of
 * another type, and numbers may come as strings. An order that still fails is set aside by the client.
 */
const orderItemSchema = z.object({
  id: optionalField(lenientInt),
  product: z.object({
    id: lenientInt,
    sku: optionalField(lenientText).transform((sku) => sku ?? ''),
    name: optionalField(z.string()).transform((name) => name ?? ''),
    type: optionalField(z.string()),
    super_id: optionalField(lenientInt).transform((value) => value ?? 0),
    master_id: optionalField(lenientInt),
    inventory_type: optionalField(z.string()),
    seller_product_code: sellerCode.catch(null),
  }),
  confirmation: optionalField(z.object({ status: optionalField(z.string()) })),
  price: money,
  qty: lenientInt.pipe(z.int().positive()),
  invoice: z
    .object({
      subtotal: optionalField(money),
      row_total: optionalField(money),
      discount_amount: optionalField(money),
      discount_coupon: optionalField(money),
      is_seller_discount_coupon: optionalField(z.boolean()),
      seller_fee: optionalField(money),
      seller_income: optionalField(money),
      /** Present only with `include=item.fees`. */
      fees: optionalField(z.array(feeSchema)),
    })
    .nullish()
    .catch(undefined)
    .transform((invoice) => invoice ?? {}),
});
export type TikiOrderItem = z.output<typeof orderItemSchema>;

const addressSchema = z.object({
  full_name: optionalField(z.string()),
  street: optionalField(z.string()),
  ward: optionalField(z.string()),
  district: optionalField(z.string()),
  region: optionalField(z.string()),
  country_id: optionalField(lenientText),
  // Tiki hides the buyer's phone except for seller-delivered orders: "" or null.
  phone: optionalField(lenientText),
  email: optionalField(z.string()),
});

export const tikiOrderSchema = z.object({
  id: optionalField(lenientInt),
  code: lenientText.pipe(z.string().min(1)),
  /** Any string: statuses Tiki adds later are kept and shown as they are (lib/orders/status-map.ts). */
  status: z.string().min(1),
  /** OT-ordapi values, plus `instock` for orders Tiki fulfils from its own warehouse (FBT) [CE]. */
  fulfillment_type: optionalField(z.string()),
  is_rma: optionalField(z.boolean()),
  created_at: tikiDateTimeSchema,
  updated_at: tikiDateTimeSchema,
  items: z.array(orderItemSchema).min(1),
  invoice: z
    .object({
      subtotal: optionalField(money),
      grand_total: optionalField(money),
      collectible_amount: optionalField(money),
      discount_amount: optionalField(money),
      shipping_amount_after_discount: optionalField(money),
      total_seller_fee: optionalField(money),
      total_seller_income: optionalField(money),
      purchased_at: optionalField(z.string()),
    })
    .nullish()
    .catch(undefined)
    .transform((invoice) => invoice ?? {}),
  shipping: optionalField(
    z.object({
      partner_name: optionalField(z.string()),
      tracking_code: optionalField(lenientText),
      plan: optionalField(
        z.object({ name: optionalField(z.string()), promised_delivery_date: optionalField(z.string()) }),
      ),
      address: optionalField(addressSchema),
    }),
  ),
  payment: optionalField(
    z.object({
      method: optionalField(z.string()),
      is_prepaid: optionalField(z.boolean()),
      status: optionalField(z.string()),
    }),
  ),
  customer: optionalField(z.object({ id: optionalField(lenientInt), full_name: optionalField(z.string()) })),
  tiki_warehouse: optionalField(
    z.object({ id: optionalField(lenientInt), code: optionalField(lenientText) }),
  ),
  /** Present only with `include=status_histories`; an entry that cannot be read is dropped. */
  status_histories: optionalField(
    z.array(
      z
        .object({ id: optionalField(lenientInt), status: z.string(), created_at: tikiDateTimeSchema })
        .nullable()
        .catch(null),
    ),
  ).transform((entries) => entries?.filter((entry) => entry !== null)),
});
export type TikiOrder = z.output<typeof tikiOrderSchema>;

/** The code of an order record that could not be read, for the note set aside with it. */
export function tikiOrderCodeOf(row: Record<string, unknown>): unknown {
  return row.code;
}

export const tikiQueueSchema = z.object({ code: z.string().min(1), name: z.string(), status: z.string() });
export type TikiQueue = z.output<typeof tikiQueueSchema>;

export const tikiSubscriptionSchema = z.object({
  code: z.string().min(1),
  active: z.boolean(),
  event_type: z.string(),
  sid: z.string(),
});
export type TikiSubscription = z.output<typeof tikiSubscriptionSchema>;

/** MVC real events: `created_at` is epoch milliseconds; the payload depends on `type`. */
export const tikiEventSchema = z.object({
  id: z.string().min(1),
  sid: z.string().optional(),
  created_at: z.number(),
  type: z.string(),
  version: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
});
export type TikiEvent = z.output<typeof tikiEventSchema>;

/** Events are read one by one in the client: an odd event is set aside, the batch is still acknowledged. */
export const tikiEventBatchSchema = z.object({
  events: z.array(z.unknown()),
  /** Send it back with the next pull to acknowledge this batch; null when nothing was delivered. */
  ack_id: z.string().nullable(),
});
export interface TikiEventBatch {
  events: TikiEvent[];
  unreadable: UnreadableRecord[];
  ack_id: string | null;
}
