import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
  type StoreValue,
} from 'idb';
import type { LocalizedText } from './i18n';
import type { ExpectationBasis, OrderResult, ReconcileReport, ReconciliationState } from './reconcile/match';
import type {
  ParsedStatement,
  SheetSummary,
  StatementLine,
  StatementTotals,
  StatementWarning,
} from './reconcile/parse';

/**
 * The extension's IndexedDB: one typed schema, one versioned upgrade. Bulk records live here; settings live in
 * storage.local. Rule for every caller: fetch first, then write in one transaction — never await a network
 * call inside a transaction (IndexedDB commits a transaction as soon as it has nothing queued).
 */

/** The matching rules, in the order they are tried (see `lib/products/match.ts`). */
export type MatchRule = 'sku-code' | 'sku-barcode' | 'tiki-sku-barcode';

/** A Nhanh product one of the rules found for a Tiki product, and which rule found it. */
export interface MatchCandidate {
  nhanhProductId: number;
  rule: MatchRule;
}

/** A Nhanh product with a similar name: shown for confirmation, never paired automatically. */
export interface NameSuggestion {
  nhanhProductId: number;
  /** 0..1, the share of name words the two products have in common. */
  confidence: number;
}

export interface TikiProductRecord {
  shopId: string;
  /** Tiki product id. */
  id: number;
  sku: string;
  /** The seller's own code (`original_sku` / `seller_product_code`), '' when the seller left it empty. */
  originalSku: string;
  name: string;
  /** Configurable parent id, 0 for none. */
  superId: number;
  /** `simple` (sellable) or `configurable` (a parent: never sold, never paired). */
  type: string;
  active: boolean;
  price: number;
  /** Option values of a variant, e.g. "Đỏ / XL": its name after the parent's; '' for other products. */
  optionLabel: string;
  /** Hash of name (which holds a variant's options) + seller SKU, to detect changes since pairing. */
  fingerprint: string;
  /**
   * Fingerprint of the attributes that identify the product, its option values (`optionFingerprint`), to detect
   * changes since pairing; absent when the answer carried no attributes or a variant's option codes are unknown.
   * Records downloaded by an older version may hold one of an older rule (see `isCurrentOptionFingerprint`).
   */
  attributeFingerprint?: string;
  /** Set when a re-download no longer finds the product on Tiki. */
  deletedOnTiki: boolean;
  downloadedAt: number;
  /** The download run that last listed it: a full run marks what it did not list (absent on older records). */
  downloadRun?: string;
  /** Set when the rules found several Nhanh products: the seller chooses (never paired automatically). */
  candidates: MatchCandidate[];
  /** Name-similarity suggestions of the last automatic matching, best first. */
  suggestions: NameSuggestion[];
}

export interface NhanhProductRecord {
  id: number;
  /** The parent's id for a variant, 0 otherwise. */
  parentId: number;
  /** A `parent` only groups variants: orders use the variant, so parents are never paired. */
  kind: 'independent' | 'parent' | 'variant';
  code: string;
  barcode: string;
  name: string;
  price: number;
  /** Lower-cased, trimmed code and barcode: the matching keys. */
  codeKey: string;
  barcodeKey: string;
  downloadedAt: number;
  /** The download run that last listed it: a full run drops what it did not list (absent on older records). */
  downloadRun?: string;
}

/** How a pairing was made: by one of the rules, by hand, from a name suggestion, or by creating the product. */
export type PairingMethod = MatchRule | 'manual' | 'suggestion' | 'created';

export interface ProductMappingRecord {
  shopId: string;
  tikiProductId: number;
  nhanhProductId: number;
  method: PairingMethod;
  pairedAt: number;
  /** The Tiki product's fingerprint when paired; differs from the current one → "cần ghép lại". */
  tikiFingerprint: string;
  /**
   * The Tiki product's option fingerprint when paired (or when first downloaded with it, for a pairing made
   * before); absent or of an older rule → options are not compared until a download gives the current one, so
   * older pairings raise no false alarm.
   */
  tikiAttributeFingerprint?: string;
}

/**
 * Downloaded catalogues are stored in chunks, not one record per product: Chromium pays about 0.1 ms per
 * IndexedDB request whatever its size, so 50,000 single puts take seconds while 64 chunk puts take
 * milliseconds. A product lives in chunk {@link chunkOf} of its id (read and written by `lib/products/store.ts`).
 */
export const CATALOGUE_CHUNKS = 64;

/** The chunk of a product id, and of the pairing of a Tiki product id: part of the stored layout. */
export function chunkOf(id: number): number {
  return ((id % CATALOGUE_CHUNKS) + CATALOGUE_CHUNKS) % CATALOGUE_CHUNKS;
}

export interface TikiProductChunk {
  shopId: string;
  chunk: number;
  products: TikiProductRecord[];
}

export interface NhanhProductChunk {
  chunk: number;
  products: NhanhProductRecord[];
}

/** A shop's pairings, chunked like its Tiki products (chunk of the Tiki product id): 40,000 single puts took ~7 s. */
export interface ProductMappingChunk {
  shopId: string;
  chunk: number;
  mappings: ProductMappingRecord[];
}

/**
 * Where an order stands: `excluded` = never to be created (a return, a payment under review, an FBT order the
 * shop skips), `unreadable` = Tiki sent a record the extension could not read.
 */
export type OrderSyncState = 'pending' | 'imported' | 'blocked' | 'failed' | 'excluded' | 'unreadable';

/**
 * What the last sync run did with an order (see `lib/orders/`). `returned`: Tiki took it back and Nhanh could
 * not be moved to "Đã hoàn" (the seller acts in Nhanh); `excluded` and `unreadable` as in `OrderSyncState`.
 */
export type OrderOutcome =
  | 'created'
  | 'updated'
  | 'present'
  | 'blocked'
  | 'failed'
  | 'conflict'
  | 'returned'
  | 'excluded'
  | 'unreadable';

/** Outcomes the seller must act on: the popup's and the badge's count, and Nhật ký's warnings. */
export const ATTENTION_OUTCOMES: readonly OrderOutcome[] = [
  'blocked',
  'failed',
  'conflict',
  'returned',
  'unreadable',
];

/** A product line that keeps an order out of Nhanh, and the fix the seller is offered. */
export interface OrderBlocker {
  tikiProductId: number;
  name: string;
  sku: string;
  fix: 'pair' | 'repair' | 'always-fetch';
  text: LocalizedText;
}

export interface OrderRecord {
  shopId: string;
  /** Tiki order code, also Nhanh's `channel.appOrderId`. */
  code: string;
  tikiStatus: string;
  /** Epoch ms of Tiki's `created_at`: no Nhanh order for it can be older, which bounds Nhanh look-ups. */
  tikiCreatedAt: number;
  /** Epoch ms of Tiki's `updated_at`. */
  tikiUpdatedAt: number;
  nhanhOrderId: number | null;
  nhanhStatus: string | null;
  /** Sent to a carrier through Nhanh: Nhanh and the carrier drive it now (absent on older records). */
  nhanhSentToCarrier?: boolean;
  /** A return to handle in Nhanh: the lines to take back, as the seller recognises them. */
  returnLines?: { name: string; sku: string; qty: number }[];
  /** When the seller said the return was handled in Nhanh: it leaves the returns list for good. */
  returnHandledAt?: number;
  syncState: OrderSyncState;
  /** Why it is blocked, failed or in conflict, to show in the seller's language. */
  reason: LocalizedText | null;
  /** Every blocked product line (the first one's text is `reason`). */
  blockers: OrderBlocker[];
  /** The run that last handled the order and what it did: the result list of that run. */
  runId: string;
  outcome: OrderOutcome;
  sellerIncome: number | null;
  updatedAt: number;
}

/** A stored line: the parsed line, and the earlier statement that already counted it (then it is not counted). */
export interface StoredStatementLine extends StatementLine {
  alreadyIn: string | null;
}

/** What the statement list and the summary cards show, kept on the statement record. */
export interface StatementDetail {
  format: ParsedStatement['format'];
  sellerId: number | null;
  sheets: SheetSummary[];
  ignoredSheets: string[];
  /** The first warnings (rows whose amounts could not be read, fee totals that do not add up). */
  warnings: StatementWarning[];
  warningCount: number;
  /** Lines already counted by earlier statements. */
  overlap: { lineCount: number; netAmount: number; statements: string[] };
  basis: ExpectationBasis;
  counts: ReconcileReport['counts'];
  fees: ReconcileReport['fees'];
  claims: ReconcileReport['claims'];
  totalChecks: ReconcileReport['totalChecks'];
  unassigned: ReconcileReport['unassigned'];
  /** Totals of the lines counted by this statement. */
  totals: StatementTotals;
  /** Orders the seller marked reconciled. */
  reconciledCount: number;
}

export interface StatementRecord {
  /** SHA-256 of the file bytes: the same file imported twice is one statement. */
  id: string;
  fileName: string;
  importedAt: number;
  periodFrom: number | null;
  periodTo: number | null;
  payout: number | null;
  lineCount: number;
  /** Sheets, totals, findings and counts of the reconciliation (written by `lib/reconcile/store.ts`). */
  detail: StatementDetail;
}

/** One statement line as parsed (`lib/reconcile/parse.ts`), keyed `${statementId}:${sheet}:${row}`. */
export interface StatementLineRecord extends StoredStatementLine {
  id: string;
  statementId: string;
}

/**
 * Tiki's payout for an order written on its Nhanh order (`lib/reconcile/payment-job.ts`): `sending` is stored
 * before the write and `recorded` once Nhanh took it, so a worker stopped in between checks Nhanh before writing.
 */
export interface NhanhPaymentRecord {
  state: 'sending' | 'recorded';
  nhanhOrderId: number;
  amount: number;
  accountId: number;
  code: string;
  at: number;
}

/**
 * One order's finding in one statement (`lib/reconcile/match.ts`), with when the seller marked it reconciled and
 * the payment recorded on its Nhanh order (absent on records stored before payments were recorded).
 */
export interface ReconciliationRecord extends OrderResult {
  statementId: string;
  nhanhPayment?: NhanhPaymentRecord | null;
}

export type ActivityLevel = 'info' | 'warn' | 'error';

export interface ActivityRecord {
  id?: number;
  at: number;
  level: ActivityLevel;
  /** Which part of the extension wrote it: settings, tiki, nhanh, sync, seller-center, … */
  source: string;
  text: LocalizedText;
  /** Extra technical detail, already free of secrets. */
  detail?: string;
}

export interface JobRecord {
  /** e.g. `order-sync:<shopId>` */
  id: string;
  kind: string;
  shopId: string | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Where to resume after the service worker was stopped; shape owned by the job's module. */
  cursor: unknown;
  /** Who runs it and until when the lease holds; a dead holder's lease expires. */
  lease: { holder: string; expiresAt: number } | null;
  progress: { done: number; total: number | null };
  startedAt: number;
  updatedAt: number;
}

/** A warehouse's quantity as Tiki shows it (`warehouse_stocks`) or as a push sends it (`warehouse_quantities`). */
export interface StockWarehouseQuantity {
  warehouseId: number;
  quantity: number;
}

/**
 * A shop's Tiki product as the stock push knows it (issue 14, `lib/stock/store.ts`): what Tiki showed at the last
 * read or accepted push, and the push state. `pending` is written before a push is sent and cleared once Tiki
 * accepted it; each push carries the Nhanh read (`nhanhReadAt`) its quantities came from.
 */
export interface StockTikiRecord {
  shopId: string;
  tikiProductId: number;
  name: string;
  sku: string;
  originalSku: string;
  /** `seller_simple` products go through the batch update; the others one by one. */
  entityType: string;
  /** `configurable` parents carry no stock of their own. */
  productType: string;
  /** Tiki stores and ships it (FBT, inventory type `instock`): Tiki's own stock, never pushed. */
  fulfilledByTiki: boolean;
  /** Every warehouse Tiki listed for the product with its quantity; null until Tiki's inventory was read. */
  warehouses: StockWarehouseQuantity[] | null;
  tikiReadAt: number | null;
  lastPushed: { quantities: StockWarehouseQuantity[]; nhanhReadAt: number; at: number } | null;
  pending: { quantities: StockWarehouseQuantity[]; nhanhReadAt: number; at: number } | null;
  lastError: { text: LocalizedText; at: number; nhanhReadAt: number } | null;
}

/** A Nhanh product's available stock per depot (`product/inventory`), from the read started at `readAt`. */
export interface StockNhanhRecord {
  nhanhProductId: number;
  depots: { depotId: number; available: number }[];
  /** When the read that brought it started: an older read never overwrites a newer one. */
  readAt: number;
}

export interface CompanionDB extends DBSchema {
  orders: {
    key: [string, string];
    value: OrderRecord;
    indexes: {
      'by-shop': string;
      'by-sync-state': [string, OrderSyncState];
      'by-tiki-updated': [string, number];
    };
  };
  statements: { key: string; value: StatementRecord; indexes: { 'by-imported': number } };
  statementLines: {
    key: string;
    value: StatementLineRecord;
    indexes: { 'by-statement': string; 'by-order-code': string; 'by-content-hash': string };
  };
  reconciliations: {
    key: [string, string];
    value: ReconciliationRecord;
    indexes: { 'by-state': ReconciliationState; 'by-order-code': string };
  };
  activityLog: { key: number; value: ActivityRecord; indexes: { 'by-at': number } };
  jobs: { key: string; value: JobRecord };
  tikiProductChunks: { key: [string, number]; value: TikiProductChunk; indexes: { 'by-shop': string } };
  nhanhProductChunks: { key: number; value: NhanhProductChunk };
  productMappingChunks: { key: [string, number]; value: ProductMappingChunk; indexes: { 'by-shop': string } };
  stockTiki: { key: [string, number]; value: StockTikiRecord; indexes: { 'by-shop': string } };
  stockNhanh: { key: number; value: StockNhanhRecord };
}

export type CompanionDatabase = IDBPDatabase<CompanionDB>;
export type StoreName = StoreNames<CompanionDB>;

export const DB_NAME = 'nhanh-tiki-companion';
export const DB_VERSION = 5;

/**
 * The database as an upgrade step sees it: with the stores of older versions, which the current schema type
 * no longer names.
 */
type UpgradingDatabase = IDBPDatabase<unknown>;
type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Each step brings a database from the version before it; a database several versions old runs every step
 * after its own, each once the one before has finished, so nothing the extension still reads is dropped on the
 * way.
 */
const UPGRADE_STEPS: ((db: UpgradingDatabase, tx: UpgradeTransaction) => void | Promise<void>)[] = [
  // v1: the first schema.
  (db) => {
    const tikiProducts = db.createObjectStore('tikiProducts', { keyPath: ['shopId', 'id'] });
    tikiProducts.createIndex('by-shop', 'shopId');
    tikiProducts.createIndex('by-original-sku', ['shopId', 'originalSku']);

    const nhanhProducts = db.createObjectStore('nhanhProducts', { keyPath: 'id' });
    nhanhProducts.createIndex('by-code-key', 'codeKey');
    nhanhProducts.createIndex('by-barcode-key', 'barcodeKey');

    const mappings = db.createObjectStore('productMappings', { keyPath: ['shopId', 'tikiProductId'] });
    mappings.createIndex('by-shop', 'shopId');
    mappings.createIndex('by-nhanh-product', 'nhanhProductId');

    const orders = db.createObjectStore('orders', { keyPath: ['shopId', 'code'] });
    orders.createIndex('by-shop', 'shopId');
    orders.createIndex('by-sync-state', ['shopId', 'syncState']);
    orders.createIndex('by-tiki-updated', ['shopId', 'tikiUpdatedAt']);

    db.createObjectStore('statements', { keyPath: 'id' }).createIndex('by-imported', 'importedAt');

    const lines = db.createObjectStore('statementLines', { keyPath: 'id' });
    lines.createIndex('by-statement', 'statementId');
    lines.createIndex('by-order-code', 'orderCode');
    lines.createIndex('by-content-hash', 'contentHash');

    const reconciliations = db.createObjectStore('reconciliations', {
      keyPath: ['statementId', 'orderCode'],
    });
    reconciliations.createIndex('by-state', 'state');
    reconciliations.createIndex('by-order-code', 'orderCode');

    db.createObjectStore('activityLog', { keyPath: 'id', autoIncrement: true }).createIndex('by-at', 'at');
    db.createObjectStore('jobs', { keyPath: 'id' });
  },
  // v2 (products): catalogues in chunks; nothing reads v1's per-product stores any more (a download refills
  // the chunks).
  (db) => {
    db.createObjectStore('tikiProductChunks', { keyPath: ['shopId', 'chunk'] }).createIndex(
      'by-shop',
      'shopId',
    );
    db.createObjectStore('nhanhProductChunks', { keyPath: 'chunk' });
  },
  // v3 (products): pairings in chunks; v2's pairings move into them (in the upgrade's own transaction, so all or
  // nothing) and nothing reads the per-pairing store of v1 any more.
  async (db, tx) => {
    const chunks = db.createObjectStore('productMappingChunks', { keyPath: ['shopId', 'chunk'] });
    chunks.createIndex('by-shop', 'shopId');
    const mappings: ProductMappingRecord[] = await tx.objectStore('productMappings').getAll();
    const grouped = new Map<string, ProductMappingChunk>();
    for (const mapping of mappings) {
      const chunk = chunkOf(mapping.tikiProductId);
      const key = JSON.stringify([mapping.shopId, chunk]);
      const group = grouped.get(key) ?? { shopId: mapping.shopId, chunk, mappings: [] };
      group.mappings.push(mapping);
      grouped.set(key, group);
    }
    await Promise.all([...grouped.values()].map((group) => chunks.put(group)));
  },
  // v4: the three stores of v1 that v2 and v3 replaced with chunks go (v3 has moved the pairings out first).
  (db) => {
    for (const store of ['tikiProducts', 'nhanhProducts', 'productMappings']) db.deleteObjectStore(store);
  },
  // v5 (stock push, issue 14): what Tiki shows and was sent per shop product, and Nhanh's stock per product.
  (db) => {
    db.createObjectStore('stockTiki', { keyPath: ['shopId', 'tikiProductId'] }).createIndex(
      'by-shop',
      'shopId',
    );
    db.createObjectStore('stockNhanh', { keyPath: 'nhanhProductId' });
  },
];

/**
 * Runs the steps from `oldVersion` on in the upgrade's transaction, each once the one before has finished; a
 * step that returns no promise is followed at once, in the same turn.
 */
async function upgradeFrom(oldVersion: number, db: UpgradingDatabase, tx: UpgradeTransaction): Promise<void> {
  for (const step of UPGRADE_STEPS.slice(oldVersion, DB_VERSION)) {
    const pending = step(db, tx);
    if (pending) await pending;
  }
}

/** Opens (and upgrades) the database. Tests pass their own name for isolation. */
export function openCompanionDb(name = DB_NAME): Promise<CompanionDatabase> {
  let db: CompanionDatabase | undefined;
  return openDB<CompanionDB>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      const tx = transaction as unknown as UpgradeTransaction;
      upgradeFrom(oldVersion, database as unknown as UpgradingDatabase, tx).catch(() => {
        // A step that fails must not leave half a schema: the whole upgrade is undone and opening fails.
        try {
          tx.abort();
        } catch {
          // A refused request has aborted it already.
        }
      });
    },
    // Another context (popup, dashboard, worker) needs a newer version: let it upgrade instead of hanging.
    blocking() {
      db?.close();
      cached = undefined;
    },
    terminated() {
      cached = undefined;
    },
  }).then((opened) => {
    db = opened;
    return opened;
  });
}

let cached: Promise<CompanionDatabase> | undefined;

/** The shared connection of this context. */
export function getDb(): Promise<CompanionDatabase> {
  cached ??= openCompanionDb();
  return cached;
}

/** What the browser's storage throws when a write cannot be kept: a full disk or quota, an aborted transaction. */
const STORAGE_FAILURES = ['QuotaExceededError', 'AbortError', 'UnknownError'];

/** Whether `error` is IndexedDB refusing a write (disk full, quota, aborted transaction). */
export function isStorageFailure(error: unknown): error is DOMException {
  return error instanceof DOMException && STORAGE_FAILURES.includes(error.name);
}

/**
 * Puts records into several stores in one transaction: all are kept or none (a refused write aborts it all).
 * Every request is awaited, so a refused write rejects once instead of leaving rejections unhandled.
 */
export async function putAllOrNothing(
  db: CompanionDatabase,
  writes: { [S in StoreName]?: readonly StoreValue<CompanionDB, S>[] },
): Promise<void> {
  const stores = Object.keys(writes) as StoreName[];
  const tx = db.transaction(stores, 'readwrite');
  const requests: Promise<unknown>[] = [];
  try {
    for (const store of stores) {
      const target = tx.objectStore(store);
      for (const record of writes[store] ?? []) requests.push(target.put(record as never));
    }
  } catch (error) {
    // The transaction ended under the puts (a refused write aborts it): report the write's own failure.
    const settled = await Promise.allSettled([...requests, tx.done]);
    throw settled.find((result) => result.status === 'rejected')?.reason ?? error;
  }
  await Promise.all([...requests, tx.done]);
}
