import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { CompanionDatabase, TikiProductRecord } from '../db';
import type { NhanhClient } from '../nhanh/client';
import type { TikiClient } from '../tiki/client';
import type { Clock } from '../time/clock';
import { nhanhRecordOf, tikiRecordOf } from './download';
import { buildMatchIndex, matchOne } from './match';
import { mappingOf } from './pairing';
import { isSellable } from './pairing-state';
import {
  readMappingsById,
  readNhanhProducts,
  readTikiProductsById,
  writeMappings,
  writeNhanhProducts,
  writeTikiProducts,
} from './store';

/*
 * Catalogues that stay fresh without a button: before an automatic order sync judges orders, the products Tiki
 * and Nhanh changed since the last refresh (minus an overlap) are read and stored, and new Tiki listings paired by
 * the rules, so a rename or a new listing is seen first. Nothing is marked deleted here: only a full download
 * (Sản phẩm) can tell what is gone. The first refresh starts from the last full download.
 */

/** Changes are asked from the last refresh minus this: clocks differ, and `updated_at` is written late. */
export const REFRESH_OVERLAP_MS = 10 * 60_000;

const marksSchema = z.record(z.string(), z.object({ tiki: z.number(), nhanh: z.number() }));
type RefreshMarks = z.output<typeof marksSchema>;

/** When each shop's catalogues were last brought up to date (epoch ms), per source. */
const refreshMarksItem = storage.defineItem<RefreshMarks>('local:catalogueRefresh', { fallback: {} });

async function readMarks(): Promise<RefreshMarks> {
  const read = marksSchema.safeParse(await refreshMarksItem.getValue());
  return read.success ? read.data : {};
}

/** A full download of the shop finished at `at`: later refreshes start from there. */
export async function markCatalogueFresh(shopId: string, at: number): Promise<void> {
  await refreshMarksItem.setValue({ ...(await readMarks()), [shopId]: { tiki: at, nhanh: at } });
}

export interface RefreshDeps {
  db: CompanionDatabase;
  clock: Clock;
  tiki: Pick<TikiClient, 'iterateProducts'>;
  nhanh: Pick<NhanhClient, 'listProducts'>;
}

export interface RefreshResult {
  tiki: number;
  nhanh: number;
  paired: number;
}

/** Brings one shop's catalogues up to date; null when no full download gave them a start. */
export async function refreshCatalogues(deps: RefreshDeps, shopId: string): Promise<RefreshResult | null> {
  const since = (await readMarks())[shopId];
  if (!since) return null;
  const startedAt = deps.clock.now();
  const nhanh = await refreshNhanh(deps, since.nhanh - REFRESH_OVERLAP_MS);
  const { tiki, paired } = await refreshTiki(deps, shopId, since.tiki - REFRESH_OVERLAP_MS);
  await refreshMarksItem.setValue({
    ...(await readMarks()),
    [shopId]: { tiki: startedAt, nhanh: startedAt },
  });
  return { tiki, nhanh, paired };
}

async function refreshNhanh(deps: RefreshDeps, from: number): Promise<number> {
  let next: unknown;
  let count = 0;
  do {
    const page = await deps.nhanh.listProducts({ updatedAtFrom: Math.floor(from / 1000) }, next);
    const now = deps.clock.now();
    await writeNhanhProducts(
      deps.db,
      page.products.map((product) => nhanhRecordOf(product, now)),
    );
    count += page.products.length;
    next = page.next;
  } while (next !== undefined);
  return count;
}

async function refreshTiki(deps: RefreshDeps, shopId: string, from: number) {
  const { db, clock } = deps;
  let tiki = 0;
  let paired = 0;
  const index = buildMatchIndex(await readNhanhProducts(db));
  for await (const page of deps.tiki.iterateProducts({ updatedFrom: from })) {
    const ids = page.data.flatMap((summary) => [summary.product_id, summary.super_id]).filter((id) => id > 0);
    const stored = await readTikiProductsById(db, shopId, ids);
    const mappings = await readMappingsById(db, shopId, ids);
    const now = clock.now();
    const records: TikiProductRecord[] = page.data.map((summary) => {
      const parent = stored.get(summary.super_id);
      const codes = summary.option_attributes?.length
        ? summary.option_attributes
        : summary.super_id === 0
          ? []
          : undefined;
      return tikiRecordOf(
        shopId,
        summary,
        { name: parent?.name, optionCodes: codes },
        stored.get(summary.product_id),
        now,
      );
    });
    const newPairings = records.flatMap((record) => {
      if (mappings.has(record.id) || !isSellable(record)) return [];
      const outcome = matchOne(record, index);
      return outcome.kind === 'paired'
        ? [mappingOf(shopId, record, outcome.nhanhProductId, outcome.rule, now)]
        : [];
    });
    await writeTikiProducts(db, shopId, records);
    await writeMappings(db, shopId, newPairings);
    tiki += records.length;
    paired += newPairings.length;
  }
  return { tiki, paired };
}
