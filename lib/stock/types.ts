import type { LocalizedText } from '../i18n';

/*
 * What pages read of the stock push (issue 14): preview rows, the last run, a shop's capability and setup. The
 * worker computes and stores; pages read through `./preview.ts` (rows, from IndexedDB) and `./shop-state.ts`
 * (capability, approval, last run, from storage.local), or ask with the `getStockPushSetup` message.
 */

/** The rules, in the order they apply (`./rules.ts`); `freeze` holds a rise back during a flash sale. */
export const STOCK_RULES = ['buffer', 'threshold', 'cap', 'negative', 'freeze'] as const;
export type StockRule = (typeof STOCK_RULES)[number];

/** Why a product is not pushed. */
export const STOCK_BLOCK_REASONS = [
  'notPaired',
  'fbt',
  'notSellable',
  'noNhanhStock',
  'noTikiStock',
  'noWarehouse',
  'frozen',
] as const;
export type StockBlockReason = (typeof STOCK_BLOCK_REASONS)[number];

/**
 * What a push would do to a product: `willZero` (Tiki goes to 0), `willRise`, `willLower`, `unchanged` (nothing
 * is sent), `blocked` (never sent; see `reason`).
 */
export type StockRowState = 'willZero' | 'willRise' | 'willLower' | 'unchanged' | 'blocked';

/** One row of the preview table (and of every push: the worker sends what the rows say). */
export interface StockPreviewRow {
  tikiProductId: number;
  name: string;
  sku: string;
  /** The seller's own code on Tiki, '' when empty. */
  originalSku: string;
  nhanhProductId: number | null;
  /** Nhanh's available stock (remain − holding) summed over the chosen depots; null when never read. */
  nhanhAvailable: number | null;
  /** The rules that changed the quantity, in the order they applied. */
  rules: StockRule[];
  /** What Tiki showed at the last read or push, summed over the chosen warehouses; null when never read. */
  tikiNow: number | null;
  /** What the push sends, summed over the chosen warehouses; null when blocked. */
  toPush: number | null;
  state: StockRowState;
  /** Why it is blocked (`state` = `blocked`). */
  reason: StockBlockReason | null;
  /** Tiki's answer to the last failed push of this product (its own text), until a push succeeds. */
  lastError: LocalizedText | null;
  /** When a push last reached Tiki for this product. */
  lastPushedAt: number | null;
}

export type StockRowFilter = 'all' | 'willZero' | 'willRise' | 'blocked' | 'failed';

/** A product whose push Tiki refused, with Tiki's own words. */
export interface StockPushFailure {
  tikiProductId: number;
  name: string;
  text: LocalizedText;
}

/** How many failures a run keeps for Nhật ký and the page (the rest are counted). */
export const STOCK_FAILURES_KEPT = 50;

/** One push run, as Nhật ký, the popup and the page tell it. */
export interface StockRunSummary {
  runId: string;
  /** `manual`: the seller's push from the preview (all or selected); `auto`: the schedule. */
  trigger: 'manual' | 'auto';
  startedAt: number;
  finishedAt: number;
  /** The run reached its end (false: it stopped on `error`). */
  ok: boolean;
  sent: number;
  unchanged: number;
  failed: number;
  blocked: number;
  /** The first {@link STOCK_FAILURES_KEPT} failures. */
  failures: StockPushFailure[];
  error: LocalizedText | null;
}

/**
 * Whether pushes can reach Tiki for a shop: `cannotUpdate` (`sellers/me.can_update_product` is 0),
 * `authRefused` (Tiki refused an update with the auth in use); both come with the steps to create an in-house app
 * (`stock.capability.steps`), and no push is scheduled for the shop.
 */
export type StockCapability =
  | { state: 'unknown' }
  | { state: 'ok'; checkedAt: number }
  | { state: 'cannotUpdate' | 'authRefused'; checkedAt: number; text: LocalizedText };

/** A Tiki seller warehouse as the settings page offers it. */
export interface StockWarehouseChoice {
  id: number;
  name: string;
  isPrimary: boolean;
}

/** `getStockPushSetup`: what the settings section needs to offer a shop's stock push. */
export type StockPushSetup =
  | {
      ok: true;
      /** The seller's active pickup warehouses (`GET /integration/v2/sellers/me/warehouses`). */
      warehouses: StockWarehouseChoice[];
      capability: StockCapability;
      /** When the seller approved the first push from the preview; null = automatic pushes wait for it. */
      approvedAt: number | null;
      lastRun: StockRunSummary | null;
    }
  | { ok: false; error: LocalizedText };

/** The job views' `summary` of `stock-preview` and `stock-push` runs. */
export interface StockJobSummary {
  phase: 'capability' | 'nhanh' | 'tiki' | 'push';
  /** Products read from Nhanh and from Tiki so far. */
  nhanhRead: number;
  tikiRead: number;
  sent: number;
  unchanged: number;
  failed: number;
}
