import { createTikiClientForShop } from '../api-clients';
import type { CompanionDatabase } from '../db';
import { ApiError } from '../http/api-error';
import type { Settings, Shop } from '../settings';
import { expectationOfOrderRecord, expectationOfTikiOrder } from './expectations';
import type { OrderExpectation } from './match';
import type { ExpectationRequest, LoadedExpectations } from './store';

/**
 * Where the dashboard gets expected amounts (docs/reconciliation.md):
 * 1. the orders the orders feature stored (seller income, Nhanh link), for the statement's shop — the shop whose
 *    Tiki seller id is in the title rows, else every shop;
 * 2. codes still unknown are asked of the Tiki API (`getOrder`, with item fees), a few at a time and at most
 *    `MAX_API_LOOKUPS`; a 404 means Tiki does not know the order;
 * 3. nothing at all: the statement is checked against its own arithmetic.
 * "Không có trong hệ thống" needs certainty: a 404, or stored orders with no API to ask.
 */

/** More lookups than this would take minutes at Tiki's pace: the rest stay "cần kiểm tra". */
export const MAX_API_LOOKUPS = 500;
const LOOKUP_CONCURRENCY = 4;

export interface ExpectationSourceDeps {
  db: CompanionDatabase;
  settings: Settings;
  fetch?: typeof fetch;
}

function shopsFor(settings: Settings, sellerId: number | null): Shop[] {
  const own = settings.shops.filter((shop) => sellerId !== null && shop.tikiSellerId === sellerId);
  return own.length > 0 ? own : settings.shops;
}

/** Loads the expectations of a statement's order codes (see the module comment). */
export async function loadExpectations(
  request: ExpectationRequest,
  deps: ExpectationSourceDeps,
): Promise<LoadedExpectations> {
  const shops = shopsFor(deps.settings, request.sellerId);
  const expectations = new Map<string, OrderExpectation[]>();
  let storedOrders = 0;
  for (const shop of shops) {
    const records = await deps.db.getAllFromIndex('orders', 'by-shop', shop.id);
    storedOrders += records.length;
    for (const record of records) {
      const list = expectations.get(record.code) ?? [];
      list.push(expectationOfOrderRecord(record));
      expectations.set(record.code, list);
    }
  }
  const notFound = new Set<string>();
  const missing = request.codes.filter((code) => !expectations.has(code));
  const clients = shops
    .map((shop) => ({ shop, client: createTikiClientForShop(deps.settings, shop, { fetch: deps.fetch }) }))
    .filter((entry) => entry.client !== null);
  if (missing.length > 0 && clients.length > 0) {
    const queue = missing.slice(0, MAX_API_LOOKUPS);
    const worker = async () => {
      for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
        let answered = 0;
        for (const { shop, client } of clients) {
          try {
            const order = await client!.getOrder(code);
            expectations.set(code, [
              ...(expectations.get(code) ?? []),
              expectationOfTikiOrder(order, shop.id),
            ]);
            answered++;
          } catch (error) {
            if (error instanceof ApiError && error.status === 404) answered++;
          }
        }
        if (answered === clients.length && !expectations.has(code)) notFound.add(code);
      }
    };
    await Promise.all(Array.from({ length: LOOKUP_CONCURRENCY }, worker));
  }
  return { expectations, ordersComplete: storedOrders > 0 && clients.length === 0, notFound };
}
