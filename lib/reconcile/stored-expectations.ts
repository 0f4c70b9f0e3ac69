import type { CompanionDatabase, OrderRecord } from '../db';
import type { Settings, Shop } from '../settings';
import { expectationOfOrderRecord } from './expectations';
import type { OrderExpectation } from './match';
import type { ExpectationRequest, LoadedExpectations } from './store';

/*
 * What a statement can be matched with before any API is asked: the orders the orders feature stored. The page
 * matches a new statement with these at once; the worker then asks Tiki and Nhanh for the rest
 * (`./expectation-source.ts`) and matches it again.
 */

/** The statement's shop (its Tiki seller id is in the title rows), else every shop. */
function shopsFor(settings: Pick<Settings, 'shops'>, sellerId: number | null): Shop[] {
  const own = settings.shops.filter((shop) => sellerId !== null && shop.tikiSellerId === sellerId);
  return own.length > 0 ? own : settings.shops;
}

/** Stored orders as expectations, and those of them linked to a Nhanh order that are in the statement. */
export async function storedOrderExpectations(
  request: ExpectationRequest,
  deps: { db: CompanionDatabase; settings: Pick<Settings, 'shops'> },
) {
  const shops = shopsFor(deps.settings, request.sellerId);
  const expectations = new Map<string, OrderExpectation[]>();
  const inStatement = new Set(request.codes);
  const linked: { record: OrderRecord; expectation: OrderExpectation }[] = [];
  let storedOrders = 0;
  for (const shop of shops) {
    const records = await deps.db.getAllFromIndex('orders', 'by-shop', shop.id);
    storedOrders += records.length;
    for (const record of records) {
      const list = expectations.get(record.code) ?? [];
      const expectation = expectationOfOrderRecord(record);
      list.push(expectation);
      expectations.set(record.code, list);
      if (record.nhanhOrderId !== null && inStatement.has(record.code)) linked.push({ record, expectation });
    }
  }
  return { shops, expectations, linked, storedOrders };
}

/**
 * The first match of a statement, in the page: stored orders only. Linked Nhanh orders read "being compared",
 * and orders nobody stored stay to check: the worker's match that follows settles both.
 */
export async function loadStoredExpectations(
  request: ExpectationRequest,
  deps: { db: CompanionDatabase; settings: Pick<Settings, 'shops'> },
): Promise<LoadedExpectations> {
  const { expectations, linked } = await storedOrderExpectations(request, deps);
  for (const { expectation } of linked) expectation.nhanh = { kind: 'unchecked', why: 'pending' };
  return { expectations, ordersComplete: false, notFound: new Set() };
}
