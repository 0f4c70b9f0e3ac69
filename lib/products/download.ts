import type { Clock } from '../clock';
import type { CompanionDatabase, NhanhProductRecord, TikiProductRecord } from '../db';
import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import type { NhanhClient } from '../nhanh/client';
import { NHANH_MAX_PAGE_SIZE, type NhanhProduct } from '../nhanh/contract';
import type { TikiClient } from '../tiki/client';
import type { TikiProductSummary } from '../tiki/schemas';
import { matchKey, optionFingerprint, optionLabelOf, productFingerprint } from './keys';
import { withAttributeBaselines } from './pairing';
import {
  readMappings,
  readTikiProducts,
  writeMappings,
  writeNhanhProducts,
  writeTikiProducts,
} from './store';

/**
 * Downloads a shop's Tiki catalogue and the Nhanh catalogue into IndexedDB. Runs in the dashboard page (the
 * seller is watching a progress bar and may cancel; an extension page has the host permissions). The
 * products are written once, when the download ends, finishes with an error or is cancelled (then what was
 * fetched is kept): each write rewrites whole chunks, so writing along the way would store the same products
 * again and again. Network first, then the write: never a network call inside a transaction.
 *
 * A re-download updates records in place (keeping the matching results) and, only when it went through to the
 * last page, marks Tiki products it no longer found as deleted (their pairings stay, flagged) and drops Nhanh
 * products Nhanh no longer has. A cancelled or failed download marks nothing: a partial list proves nothing.
 * A full download also gives pairings made before option values were known their baseline
 * (`withAttributeBaselines`).
 */

export type CatalogueSource = 'tiki' | 'nhanh';

export interface DownloadProgress {
  source: CatalogueSource;
  done: number;
  /** Known for Tiki from its paging; Nhanh does not say how many products it has. */
  total: number | null;
}

export type SourceOutcome =
  | { state: 'done'; count: number; markedDeleted: number }
  | { state: 'cancelled'; count: number }
  | { state: 'failed'; count: number; error: LocalizedText };

export interface DownloadDeps {
  db: CompanionDatabase;
  clock: Clock;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

/** Progress is reported once per Nhanh page of products. */
const NHANH_PAGE = NHANH_MAX_PAGE_SIZE;

class Cancelled extends Error {}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Cancelled();
}

function outcomeOf(error: unknown, count: number): SourceOutcome {
  if (error instanceof Cancelled) return { state: 'cancelled', count };
  if (error instanceof ApiError) return { state: 'failed', count, error: error.text };
  return {
    state: 'failed',
    count,
    error: {
      key: 'error.unexpected',
      params: { message: error instanceof Error ? error.message : String(error) },
    },
  };
}

/**
 * Stores what was downloaded. A write the browser refuses (disk full, quota, database closed) rolls back as a
 * whole, so the previous catalogue stays; the refusal becomes the outcome the seller reads.
 */
async function store(write: () => Promise<unknown>, count: number): Promise<SourceOutcome | null> {
  try {
    await write();
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.name : String(error);
    return { state: 'failed', count, error: { key: 'products.download.notStored', params: { reason } } };
  }
}

/** The record's `attributeFingerprint`, left out when its option values cannot be known. */
function optionalAttributeFingerprint(fingerprint: string | undefined): { attributeFingerprint?: string } {
  return fingerprint === undefined ? {} : { attributeFingerprint: fingerprint };
}

/**
 * The codes of a product's option attributes: its own when the answer gives them, else, for a variant, its
 * configurable parent's (the structure Tiki documents: `option_attributes` on the parent, `super_id` on the
 * variant; undefined while that parent is not known); none for a product without a parent.
 */
function optionCodesOf(
  summary: Pick<TikiProductSummary, 'option_attributes' | 'super_id'>,
  parentOptionCodes: ReadonlyMap<number, readonly string[] | undefined>,
): readonly string[] | undefined {
  if (summary.option_attributes?.length) return summary.option_attributes;
  if (summary.super_id === 0) return [];
  return parentOptionCodes.get(summary.super_id);
}

/** One Tiki product as stored; matching results of an earlier download are kept. */
export function tikiRecordOf(
  shopId: string,
  summary: TikiProductSummary,
  parent: { name: string | undefined; optionCodes: readonly string[] | undefined },
  previous: TikiProductRecord | undefined,
  now: number,
): TikiProductRecord {
  const originalSku = summary.original_sku ?? '';
  return {
    shopId,
    id: summary.product_id,
    sku: summary.sku,
    originalSku,
    name: summary.name,
    superId: summary.super_id,
    type: summary.type,
    active: summary.active,
    price: summary.price,
    optionLabel: optionLabelOf(summary.name, parent.name),
    fingerprint: productFingerprint({ name: summary.name, originalSku }),
    ...optionalAttributeFingerprint(optionFingerprint(summary.attributes, parent.optionCodes)),
    deletedOnTiki: false,
    downloadedAt: now,
    candidates: previous?.candidates ?? [],
    suggestions: previous?.suggestions ?? [],
  };
}

/** Every product of the shop (all pages, active and inactive, parents and their variants). */
export async function downloadTikiProducts(
  deps: DownloadDeps & { tiki: Pick<TikiClient, 'iterateProducts'> },
  shopId: string,
  options: DownloadOptions = {},
): Promise<SourceOutcome> {
  const { db, clock } = deps;
  const previous = new Map((await readTikiProducts(db, shopId)).map((record) => [record.id, record]));
  const seen = new Map<number, TikiProductRecord>();
  const parentNames = new Map<number, string>();
  for (const record of previous.values())
    if (record.type === 'configurable') parentNames.set(record.id, record.name);
  // The configurable parents listed so far, with their option codes when the answer gives them.
  const parentOptionCodes = new Map<number, readonly string[] | undefined>();
  // Attributes of variants listed before their parent, kept until the parent gives their option codes.
  const awaitingOptionCodes = new Map<number, TikiProductSummary['attributes']>();
  try {
    for await (const page of deps.tiki.iterateProducts()) {
      throwIfCancelled(options.signal);
      const now = clock.now();
      for (const summary of page.data)
        if (summary.type === 'configurable') {
          parentNames.set(summary.product_id, summary.name);
          const codes = summary.option_attributes;
          parentOptionCodes.set(summary.product_id, codes?.length ? codes : undefined);
        }
      for (const summary of page.data) {
        const optionCodes = optionCodesOf(summary, parentOptionCodes);
        const parent = { name: parentNames.get(summary.super_id), optionCodes };
        const record = tikiRecordOf(shopId, summary, parent, previous.get(summary.product_id), now);
        if (summary.attributes && !parentOptionCodes.has(summary.super_id) && optionCodes === undefined)
          awaitingOptionCodes.set(record.id, summary.attributes);
        seen.set(record.id, record);
      }
      options.onProgress?.({ source: 'tiki', done: seen.size, total: page.paging.total });
    }
  } catch (error) {
    return (
      (await store(() => writeTikiProducts(db, shopId, [...seen.values()]), seen.size)) ??
      outcomeOf(error, seen.size)
    );
  }
  // A variant listed before its parent got no option label or option fingerprint: give them now that the
  // parent is known.
  for (const record of seen.values()) {
    if (record.superId === 0 || !parentNames.has(record.superId)) continue;
    const optionLabel = record.optionLabel || optionLabelOf(record.name, parentNames.get(record.superId));
    const fingerprint =
      record.attributeFingerprint ??
      optionFingerprint(awaitingOptionCodes.get(record.id), parentOptionCodes.get(record.superId));
    if (optionLabel !== record.optionLabel || fingerprint !== record.attributeFingerprint)
      seen.set(record.id, { ...record, optionLabel, ...optionalAttributeFingerprint(fingerprint) });
  }
  const gone = [...previous.values()]
    .filter((record) => !seen.has(record.id) && !record.deletedOnTiki)
    .map((record) => ({ ...record, deletedOnTiki: true }));
  const refused = await store(async () => {
    // Baselines first: if the products are then refused, the baselines still hold Tiki's current options.
    await writeMappings(db, shopId, withAttributeBaselines(await readMappings(db, shopId), seen.values()));
    await writeTikiProducts(db, shopId, [...seen.values(), ...gone]);
  }, seen.size);
  if (refused) return refused;
  return { state: 'done', count: seen.size, markedDeleted: gone.length };
}

export function nhanhRecordOf(product: NhanhProduct, now: number): NhanhProductRecord {
  const barcode = product.barcode ?? '';
  return {
    id: product.id,
    parentId: product.parentId ?? 0,
    kind: product.kind,
    code: product.code,
    barcode,
    name: product.name,
    price: product.price,
    codeKey: matchKey(product.code),
    barcodeKey: matchKey(barcode),
    downloadedAt: now,
  };
}

/** The whole Nhanh catalogue (cursor paging; parents, variants and independent products). */
export async function downloadNhanhProducts(
  deps: DownloadDeps & { nhanh: Pick<NhanhClient, 'iterateProducts'> },
  options: DownloadOptions = {},
): Promise<SourceOutcome> {
  const { db, clock } = deps;
  const seen = new Set<number>();
  const pending: NhanhProductRecord[] = [];
  try {
    for await (const product of deps.nhanh.iterateProducts()) {
      throwIfCancelled(options.signal);
      pending.push(nhanhRecordOf(product, clock.now()));
      seen.add(product.id);
      if (seen.size % NHANH_PAGE === 0)
        options.onProgress?.({ source: 'nhanh', done: seen.size, total: null });
    }
    throwIfCancelled(options.signal);
  } catch (error) {
    return (await store(() => writeNhanhProducts(db, pending), seen.size)) ?? outcomeOf(error, seen.size);
  }
  let dropped = 0;
  const refused = await store(async () => {
    dropped = await writeNhanhProducts(db, pending, seen);
  }, seen.size);
  if (refused) return refused;
  options.onProgress?.({ source: 'nhanh', done: seen.size, total: null });
  return { state: 'done', count: seen.size, markedDeleted: dropped };
}

export interface CatalogueDownload {
  tiki: SourceOutcome;
  nhanh: SourceOutcome;
}

/** Both catalogues at once (two different services): one failing does not stop the other. */
export async function downloadCatalogues(
  deps: DownloadDeps & {
    tiki: Pick<TikiClient, 'iterateProducts'>;
    nhanh: Pick<NhanhClient, 'iterateProducts'>;
  },
  shopId: string,
  options: DownloadOptions = {},
): Promise<CatalogueDownload> {
  const [tiki, nhanh] = await Promise.all([
    downloadTikiProducts(deps, shopId, options),
    downloadNhanhProducts(deps, options),
  ]);
  return { tiki, nhanh };
}
