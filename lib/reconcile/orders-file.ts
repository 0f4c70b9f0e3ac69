import { z } from 'zod';
import { NHANH_ORDER_STATUS, type NhanhOrderStatus } from '../nhanh/contract';
import { tikiOrderSchema } from '../tiki/schemas';
import { expectationOfTikiOrder, nhanhStatusOf } from './expectations';
import type { OrderExpectation } from './match';
import { parseStatementDate } from './values';

/**
 * The `--orders` file of the command line: a JSON array (or `{ orders: [...] }` / `{ data: [...] }`) of Tiki
 * orders as the Open API returns them (`GET /v2/orders/{code}?include=status_histories,item.fees`), or of
 * short records `{ code, sellerIncome, status?, successAt?, nhanhOrderId?, nhanhAmount?, nhanhStatus? }` for
 * orders kept elsewhere. `nhanhAmount` (the Nhanh order's value, Σ (price − discount) × quantity) with a
 * `nhanhOrderId` compares the order with Nhanh too; `nhanhStatus` is Nhanh's status name (Success, Canceled…).
 */
const shortOrderSchema = z.object({
  code: z.string().min(1),
  sellerIncome: z.number().int().nullable(),
  status: z.string().default('complete'),
  /** Epoch ms or a date text ("dd/mm/yyyy", ISO). */
  successAt: z.union([z.number(), z.string()]).nullish(),
  nhanhOrderId: z.number().int().nullish(),
  nhanhAmount: z.number().int().nullish(),
  nhanhStatus: z.enum(Object.keys(NHANH_ORDER_STATUS) as [NhanhOrderStatus, ...NhanhOrderStatus[]]).nullish(),
});

const ordersFileSchema = z.union([
  z.array(z.unknown()),
  z.object({ orders: z.array(z.unknown()) }).transform((file) => file.orders),
  z.object({ data: z.array(z.unknown()) }).transform((file) => file.data),
]);

/** Reads the orders file; throws an Error naming the first entry that is neither shape. */
export function expectationsFromOrdersFile(json: unknown): OrderExpectation[] {
  const entries = ordersFileSchema.parse(json);
  return entries.map((entry, index) => {
    const tiki = tikiOrderSchema.safeParse(entry);
    if (tiki.success) return expectationOfTikiOrder(tiki.data, null);
    const short = shortOrderSchema.safeParse(entry);
    if (!short.success)
      throw new Error(`orders[${index}] is neither a Tiki order nor { code, sellerIncome }`);
    const { code, sellerIncome, status, successAt, nhanhOrderId, nhanhAmount, nhanhStatus } = short.data;
    const hasNhanhAmount = nhanhAmount !== undefined && nhanhAmount !== null;
    if (hasNhanhAmount && (nhanhOrderId === undefined || nhanhOrderId === null))
      throw new Error(`orders[${index}] has a nhanhAmount but no nhanhOrderId`);
    return {
      orderCode: code,
      shopId: null,
      status,
      sellerIncome,
      fees: null,
      successAt: successAt === undefined || successAt === null ? null : parseStatementDate(successAt),
      nhanhOrderId: nhanhOrderId ?? null,
      nhanh: hasNhanhAmount
        ? { kind: 'found', amount: nhanhAmount, ...nhanhStatusOf(nhanhStatus ?? undefined, null) }
        : null,
      source: 'orders',
    };
  });
}
