import type { CompanionDatabase, NhanhProductRecord, TikiProductRecord } from '../db';
import { ApiError, invalidResponse } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import type { NhanhClient } from '../nhanh/client';
import type { NhanhProduct } from '../nhanh/contract';
import type { TikiClient } from '../tiki/client';
import type { TikiProductSummary } from '../tiki/schemas';
import type { Clock } from '../time/clock';
import { matchKey, optionFingerprint, optionLabelOf, productFingerprint } from './keys';
import { withAttributeBaselines } from './pairing';
import {
  readMappings,
  readNhanhProducts,
  readTikiProducts,
  rewriteTikiProducts,
  writeMappings,
  writeNhanhProducts,
  writeTikiProducts,
} from './store';

/**
 * Downloads a shop's Tiki catalogue and the Nhanh catalogue into IndexedDB, in resumable steps: the worker runs
 * it as a job (`lib/products/catalogue-job.ts`), so it goes on with the dashboard closed and resumes where it
 * was after the browser stopped the worker. A step fetches up to `STEP_PRODUCTS` of each source (both at once:
 * two different services) and writes them; each write rewrites whole chunks, so steps are large. Network first,
 * then the write: never a network call inside a transaction.
 *
 * Every record a run writes carries its run id. When a source went through to its last page, its end step
 * marks Tiki products the run did not list as deleted (their pairings stay, flagged) and drops Nhanh products
 * Nhanh no longer has; a cancelled or failed source marks nothing (a partial list proves nothing) and keeps what
 * it fetched. A full Tiki download also gives pairings made before option values were known their baseline
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

/** Products of one source a step fetches before writing them (a write rewrites every chunk it touches). */
export const STEP_PRODUCTS = 5_000;

/** What a step asks of whoever runs it: whether to stop now, and where to report progress within the step. */
export interface StepControl {
  cancelled(): boolean | Promise<boolean>;
  report(progress: DownloadProgress): void | Promise<void>;
}

const NO_CONTROL: StepControl = { cancelled: () => false, report: () => {} };

export interface TikiDownloadCursor {
  /** The next page to ask for. */
  page: number;
  done: number;
  total: number | null;
  /** Option codes of the configurable parents listed so far (null: the answer gave none). */
  parentOptionCodes: Record<string, string[] | null>;
  /** Attributes of variants listed before their parent, kept until the parent gives their option codes. */
  awaiting: Record<string, TikiProductSummary['attributes']>;
  outcome: SourceOutcome | null;
}

export interface NhanhDownloadCursor {
  /** Nhanh's cursor for the next page, as it sent it; undefined before the first page. */
  next: unknown;
  done: number;
  outcome: SourceOutcome | null;
}

export interface CatalogueCursor {
  shopId: string;
  /** Marks every record this run writes (see above). */
  runId: string;
  tiki: TikiDownloadCursor;
  nhanh: NhanhDownloadCursor;
}

export function newCatalogueCursor(shopId: string, runId: string): CatalogueCursor {
  return {
    shopId,
    runId,
    tiki: { page: 1, done: 0, total: null, parentOptionCodes: {}, awaiting: {}, outcome: null },
    nhanh: { next: undefined, done: 0, outcome: null },
  };
}

export function catalogueFinished(cursor: CatalogueCursor): boolean {
  return cursor.tiki.outcome !== null && cursor.nhanh.outcome !== null;
}

class Cancelled extends Error {}

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
  downloadRun?: string,
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
    ...(downloadRun ? { downloadRun } : {}),
    candidates: previous?.candidates ?? [],
    suggestions: previous?.suggestions ?? [],
  };
}

export function nhanhRecordOf(product: NhanhProduct, now: number, downloadRun?: string): NhanhProductRecord {
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
    ...(downloadRun ? { downloadRun } : {}),
  };
}

/** Tiki's side of one step: up to `STEP_PRODUCTS` products from the cursor's page on, then written. */
export async function tikiStep(
  deps: DownloadDeps & { tiki: Pick<TikiClient, 'iterateProducts'> },
  shopId: string,
  runId: string,
  cursor: TikiDownloadCursor,
  control: StepControl = NO_CONTROL,
): Promise<TikiDownloadCursor> {
  if (cursor.outcome) return cursor;
  const { db, clock } = deps;
  const parentOptionCodes = new Map(
    Object.entries(cursor.parentOptionCodes).map(([id, codes]) => [Number(id), codes ?? undefined]),
  );
  const awaiting = new Map(
    Object.entries(cursor.awaiting).map(([id, attributes]) => [Number(id), attributes]),
  );
  const listed: { summary: TikiProductSummary; at: number }[] = [];
  let { page, done, total } = cursor;
  let last = false;
  const state = () => ({
    ...cursor,
    page,
    done,
    total,
    parentOptionCodes: Object.fromEntries([...parentOptionCodes].map(([id, codes]) => [id, codes ?? null])),
    awaiting: Object.fromEntries(awaiting),
  });
  /** The step's products as records, written in one pass over the chunks (stored ones read once). */
  const write = () => {
    const ids = listed
      .flatMap(({ summary }) => [summary.product_id, summary.super_id])
      .filter((id) => id > 0);
    const names = new Map(listed.map(({ summary }) => [summary.product_id, summary.name]));
    return store(
      () =>
        rewriteTikiProducts(db, shopId, ids, (stored) =>
          listed.map(({ summary, at }) => {
            const optionCodes = optionCodesOf(summary, parentOptionCodes);
            const parentName = names.get(summary.super_id) ?? stored.get(summary.super_id)?.name;
            if (summary.attributes && !parentOptionCodes.has(summary.super_id) && optionCodes === undefined)
              awaiting.set(summary.product_id, summary.attributes);
            const parent = { name: parentName, optionCodes };
            return tikiRecordOf(shopId, summary, parent, stored.get(summary.product_id), at, runId);
          }),
        ),
      done,
    );
  };
  try {
    const pages = deps.tiki.iterateProducts({ fromPage: page });
    for await (const answer of pages) {
      if (await control.cancelled()) throw new Cancelled();
      const at = clock.now();
      for (const summary of answer.data) {
        if (summary.type === 'configurable') {
          const codes = summary.option_attributes;
          parentOptionCodes.set(summary.product_id, codes?.length ? codes : undefined);
        }
        listed.push({ summary, at });
      }
      page = answer.paging.current_page + 1;
      done += answer.data.length + answer.unreadable.length;
      total = answer.paging.total;
      last = answer.paging.current_page >= answer.paging.last_page || answer.data.length === 0;
      await control.report({ source: 'tiki', done, total });
      if (listed.length >= STEP_PRODUCTS) break;
    }
    last ||= listed.length < STEP_PRODUCTS;
  } catch (error) {
    const failed = await write();
    return { ...state(), outcome: failed ?? outcomeOf(error, done) };
  }
  const refused = await write();
  if (refused) return { ...state(), outcome: refused };
  if (!last) return state();
  return { ...state(), outcome: await finishTiki(db, shopId, runId, state()) };
}

/**
 * The end of a full Tiki download: variants listed before their parent get their option label and fingerprint,
 * pairings made before option values were known their baseline, and products the run did not list are marked
 * deleted.
 */
async function finishTiki(
  db: CompanionDatabase,
  shopId: string,
  runId: string,
  cursor: TikiDownloadCursor,
): Promise<SourceOutcome> {
  const all = await readTikiProducts(db, shopId);
  const parentNames = new Map(
    all.filter((record) => record.type === 'configurable').map((record) => [record.id, record.name]),
  );
  const listed: TikiProductRecord[] = [];
  const changed: TikiProductRecord[] = [];
  for (const record of all) {
    if (record.downloadRun !== runId) {
      if (!record.deletedOnTiki) changed.push({ ...record, deletedOnTiki: true });
      continue;
    }
    listed.push(record);
    if (record.superId === 0 || !parentNames.has(record.superId)) continue;
    const optionLabel = record.optionLabel || optionLabelOf(record.name, parentNames.get(record.superId));
    const codes = cursor.parentOptionCodes[record.superId] ?? undefined;
    const fingerprint =
      record.attributeFingerprint ?? optionFingerprint(cursor.awaiting[record.id], codes ?? undefined);
    if (optionLabel !== record.optionLabel || fingerprint !== record.attributeFingerprint)
      changed.push({ ...record, optionLabel, ...optionalAttributeFingerprint(fingerprint) });
  }
  const markedDeleted = changed.filter((record) => record.downloadRun !== runId).length;
  const current = new Map(listed.map((record) => [record.id, record]));
  for (const record of changed) if (record.downloadRun === runId) current.set(record.id, record);
  const refused = await store(async () => {
    // Baselines first: if the products are then refused, the baselines still hold Tiki's current options.
    await writeMappings(db, shopId, withAttributeBaselines(await readMappings(db, shopId), current.values()));
    await writeTikiProducts(db, shopId, changed);
  }, cursor.done);
  return refused ?? { state: 'done', count: listed.length, markedDeleted };
}

/** Nhanh's side of one step: up to `STEP_PRODUCTS` products from its cursor on (cursor paging), then written. */
export async function nhanhStep(
  deps: DownloadDeps & { nhanh: Pick<NhanhClient, 'listProducts'> },
  runId: string,
  cursor: NhanhDownloadCursor,
  control: StepControl = NO_CONTROL,
): Promise<NhanhDownloadCursor> {
  if (cursor.outcome) return cursor;
  const { db, clock } = deps;
  const batch: NhanhProductRecord[] = [];
  let { next, done } = cursor;
  let last = false;
  try {
    while (batch.length < STEP_PRODUCTS) {
      if (await control.cancelled()) throw new Cancelled();
      const page = await deps.nhanh.listProducts({}, next);
      for (const product of page.products) batch.push(nhanhRecordOf(product, clock.now(), runId));
      done += page.products.length + page.unreadable.length;
      // A cursor that comes back unchanged would page forever: a broken answer.
      if (page.next !== undefined && JSON.stringify(page.next) === JSON.stringify(next))
        throw invalidResponse(
          'nhanh',
          'POST /v3.0/product/list',
          'paginator.next',
          'repeats the previous page',
        );
      next = page.next;
      await control.report({ source: 'nhanh', done, total: null });
      if (next === undefined) {
        last = true;
        break;
      }
    }
  } catch (error) {
    const failed = await store(() => writeNhanhProducts(db, batch), done);
    return { next, done, outcome: failed ?? outcomeOf(error, done) };
  }
  const refused = await store(() => writeNhanhProducts(db, batch), done);
  if (refused) return { next, done, outcome: refused };
  if (!last) return { next, done, outcome: null };
  // The whole catalogue was listed: what the run did not see is gone from Nhanh.
  let dropped = 0;
  const listed = new Set(
    (await readNhanhProducts(db)).filter((record) => record.downloadRun === runId).map((record) => record.id),
  );
  const dropRefused = await store(async () => {
    dropped = await writeNhanhProducts(db, [], listed);
  }, done);
  return {
    next,
    done,
    outcome: dropRefused ?? { state: 'done', count: listed.size, markedDeleted: dropped },
  };
}

/** One step of both sources at once: one failing does not stop the other. */
export async function catalogueStep(
  deps: DownloadDeps & {
    tiki: Pick<TikiClient, 'iterateProducts'>;
    nhanh: Pick<NhanhClient, 'listProducts'>;
  },
  cursor: CatalogueCursor,
  control: StepControl = NO_CONTROL,
): Promise<CatalogueCursor> {
  const [tiki, nhanh] = await Promise.all([
    tikiStep(deps, cursor.shopId, cursor.runId, cursor.tiki, control),
    nhanhStep(deps, cursor.runId, cursor.nhanh, control),
  ]);
  return { ...cursor, tiki, nhanh };
}

/** A cancelled run's sources that had not ended. */
export function cancelCatalogue(cursor: CatalogueCursor): CatalogueCursor {
  const cancel = <S extends { done: number; outcome: SourceOutcome | null }>(source: S): S =>
    source.outcome ? source : { ...source, outcome: { state: 'cancelled', count: source.done } };
  return { ...cursor, tiki: cancel(cursor.tiki), nhanh: cancel(cursor.nhanh) };
}

export interface CatalogueDownload {
  tiki: SourceOutcome;
  nhanh: SourceOutcome;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  runId?: string;
}

function controlOf(options: DownloadOptions): StepControl {
  return {
    cancelled: () => options.signal?.aborted ?? false,
    report: (progress) => options.onProgress?.(progress),
  };
}

/** Both catalogues in this context, step after step to the end (tests, benchmarks). */
export async function downloadCatalogues(
  deps: DownloadDeps & {
    tiki: Pick<TikiClient, 'iterateProducts'>;
    nhanh: Pick<NhanhClient, 'listProducts'>;
  },
  shopId: string,
  options: DownloadOptions = {},
): Promise<CatalogueDownload> {
  let cursor = newCatalogueCursor(shopId, options.runId ?? crypto.randomUUID());
  while (!catalogueFinished(cursor)) cursor = await catalogueStep(deps, cursor, controlOf(options));
  return { tiki: cursor.tiki.outcome!, nhanh: cursor.nhanh.outcome! };
}

/** The Tiki catalogue alone, step after step to the end. */
export async function downloadTikiProducts(
  deps: DownloadDeps & { tiki: Pick<TikiClient, 'iterateProducts'> },
  shopId: string,
  options: DownloadOptions = {},
): Promise<SourceOutcome> {
  const runId = options.runId ?? crypto.randomUUID();
  let cursor = newCatalogueCursor(shopId, runId).tiki;
  while (!cursor.outcome) cursor = await tikiStep(deps, shopId, runId, cursor, controlOf(options));
  return cursor.outcome;
}

/** The Nhanh catalogue alone, step after step to the end. */
export async function downloadNhanhProducts(
  deps: DownloadDeps & { nhanh: Pick<NhanhClient, 'listProducts'> },
  options: DownloadOptions = {},
): Promise<SourceOutcome> {
  const runId = options.runId ?? crypto.randomUUID();
  let cursor = newCatalogueCursor('', runId).nhanh;
  while (!cursor.outcome) cursor = await nhanhStep(deps, runId, cursor, controlOf(options));
  return cursor.outcome;
}
