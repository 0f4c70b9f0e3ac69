import type { CompanionDatabase, OrderRecord } from '../db';
import { ApiError } from '../http/api-error';
import { NHANH_MAX_IDS_PER_FILTER, type NhanhOrder } from '../nhanh/contract';
import type { Settings } from '../settings';
import type { Clock } from '../time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../worker/api-clients';
import { expectationOfTikiOrder, nhanhSideOf } from './expectations';
import type { NhanhSide } from './match';
import type { ExpectationRequest, LoadedExpectations } from './store';
import { storedOrderExpectations } from './stored-expectations';

/**
 * Where the dashboard gets expected amounts (docs/reconciliation.md):
 * 1. the orders the orders feature stored (seller income, Nhanh link), for the statement's shop — the shop whose
 *    Tiki seller id is in the title rows, else every shop;
 * 2. codes still unknown are asked of the Tiki API (`getOrder`, with item fees), a few at a time and at most
 *    `MAX_API_LOOKUPS`; a 404 means Tiki does not know the order;
 * 3. nothing at all: the statement is checked against its own arithmetic.
 * "Không có trong hệ thống" needs certainty: a 404, or stored orders with no API to ask.
 * Stored orders linked to a Nhanh order are fetched from Nhanh (`order/list` by the documented `ids` filter, 100
 * ids a call, through the shared rate limiter, at most `MAX_NHANH_LOOKUP_CALLS` calls) to compare it too.
 */

/** More lookups than this would take minutes at Tiki's pace: the rest stay "cần kiểm tra". */
export const MAX_API_LOOKUPS = 500;
const LOOKUP_CONCURRENCY = 4;
/** Nhanh calls one reconciliation may spend (about 20 s at Nhanh's pace); orders beyond stay "not compared". */
export const MAX_NHANH_LOOKUP_CALLS = 60;

export interface ExpectationSourceDeps {
  db: CompanionDatabase;
  settings: Settings;
  fetch?: typeof fetch;
  /** Tests pass the sandbox's clock (the Nhanh client then gets its own limiter). */
  clock?: Clock;
}

/**
 * The Nhanh side of linked stored orders, by local record. Newest orders first, in batches of 100 Nhanh ids (one
 * call each); the batches past the call budget, and every batch after a failed one (an expired token fails them
 * all alike), are left "not compared" with the reason. A linked id absent from the answer is "missing".
 */
async function nhanhSides(
  linked: readonly OrderRecord[],
  deps: ExpectationSourceDeps,
): Promise<Map<OrderRecord, NhanhSide>> {
  const sides = new Map<OrderRecord, NhanhSide>();
  const client = createNhanhClientFromSettings(deps.settings, { fetch: deps.fetch, clock: deps.clock });
  if (!client) {
    for (const record of linked) sides.set(record, { kind: 'unchecked', why: 'noConnection' });
    return sides;
  }
  const newestFirst = [...linked].sort((a, b) => b.tikiCreatedAt - a.tikiCreatedAt);
  let stopped: NhanhSide | null = null;
  for (let start = 0; start < newestFirst.length; start += NHANH_MAX_IDS_PER_FILTER) {
    const batch = newestFirst.slice(start, start + NHANH_MAX_IDS_PER_FILTER);
    if (!stopped && start / NHANH_MAX_IDS_PER_FILTER >= MAX_NHANH_LOOKUP_CALLS)
      stopped = { kind: 'unchecked', why: 'limit' };
    if (stopped) {
      for (const record of batch) sides.set(record, stopped);
      continue;
    }
    let found: NhanhOrder[];
    try {
      found = await client.listOrdersByIds(batch.map((record) => record.nhanhOrderId as number));
    } catch (error) {
      // Nhanh's refusal or silence must not cost the seller the statement: the orders say they were not compared.
      if (!(error instanceof ApiError)) throw error;
      stopped = { kind: 'unchecked', why: 'failed' };
      for (const record of batch) sides.set(record, stopped);
      continue;
    }
    const byId = new Map(found.map((order) => [order.id, order]));
    for (const record of batch) {
      const order = byId.get(record.nhanhOrderId as number);
      sides.set(record, order ? nhanhSideOf(order) : { kind: 'missing' });
    }
  }
  return sides;
}

/** Loads the expectations of a statement's order codes (see the module comment). Worker only: it calls the APIs. */
export async function loadExpectations(
  request: ExpectationRequest,
  deps: ExpectationSourceDeps,
): Promise<LoadedExpectations> {
  const { shops, expectations, linked, storedOrders } = await storedOrderExpectations(request, deps);
  if (linked.length > 0) {
    const sides = await nhanhSides(
      linked.map((entry) => entry.record),
      deps,
    );
    for (const { record, expectation } of linked) expectation.nhanh = sides.get(record) ?? null;
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
