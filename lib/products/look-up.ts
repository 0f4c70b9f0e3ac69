import type { CompanionDatabase } from '../db';
import { ApiError } from '../http/api-error';
import type { TikiClient } from '../tiki/client';
import type { Clock } from '../time/clock';
import { tikiRecordOf } from './download';
import { buildMatchIndex, matchOne } from './match';
import { mappingOf } from './pairing';
import { isSellable } from './pairing-state';
import {
  readMappingsById,
  readNhanhProducts,
  readTikiProductsById,
  writeMappings,
  writeTikiProducts,
} from './store';

/*
 * An order line can name a Tiki product the last catalogue download did not list: listed since, hidden (the list
 * carries approved products only; hidden ones come from another API [CE]), or deleted. Absent from the list
 * proves nothing, so before an order is judged the product is asked of Tiki itself: found, it is stored (a hidden
 * or inactive product is not deleted) and paired by the same rules as the catalogue (an exact code/SKU/barcode
 * twin pairs at once); a 404 is Tiki saying it no longer exists.
 */

/** What Tiki said of a product the download did not list. */
export type TikiAnswer = 'found' | 'gone' | 'unknown';

export interface LookUpDeps {
  db: CompanionDatabase;
  clock: Clock;
  tiki: Pick<TikiClient, 'getProduct'>;
  shopId: string;
}

/** Looks each product up on Tiki, stores and pairs the ones found; a failure other than 404 leaves it unknown. */
export async function lookUpUnlisted(
  deps: LookUpDeps,
  tikiProductIds: readonly number[],
): Promise<Map<number, TikiAnswer>> {
  const { db, clock, shopId } = deps;
  const answers = new Map<number, TikiAnswer>();
  const ids = [...new Set(tikiProductIds)];
  if (ids.length === 0) return answers;
  const previous = await readTikiProductsById(db, shopId, ids);
  const found = [];
  for (const id of ids) {
    try {
      found.push(await deps.tiki.getProduct(id));
      answers.set(id, 'found');
    } catch (error) {
      answers.set(id, error instanceof ApiError && error.status === 404 ? 'gone' : 'unknown');
    }
  }
  if (found.length === 0) return answers;
  const now = clock.now();
  const parents = await readTikiProductsById(
    db,
    shopId,
    found.map((product) => product.super_id).filter((id) => id > 0),
  );
  const records = found.map((product) => {
    const parent = parents.get(product.super_id);
    const codes = product.option_attributes?.length
      ? product.option_attributes
      : product.super_id === 0
        ? []
        : undefined;
    return tikiRecordOf(
      shopId,
      product,
      { name: parent?.name, optionCodes: codes },
      previous.get(product.product_id),
      now,
    );
  });
  const mappings = await readMappingsById(db, shopId, ids);
  const index = buildMatchIndex(await readNhanhProducts(db));
  const paired = [];
  for (const [position, record] of records.entries()) {
    if (mappings.has(record.id) || !isSellable(record)) continue;
    const outcome = matchOne(record, index);
    if (outcome.kind === 'paired')
      paired.push(mappingOf(shopId, record, outcome.nhanhProductId, outcome.rule, now));
    // Several twins: the seller chooses, as after a catalogue's automatic matching.
    if (outcome.kind === 'ambiguous') records[position] = { ...record, candidates: outcome.candidates };
  }
  await writeTikiProducts(db, shopId, records);
  await writeMappings(db, shopId, paired);
  return answers;
}
