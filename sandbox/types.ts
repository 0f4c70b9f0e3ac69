import type { CompatCheckId } from '../lib/compat/lines';
import type { Clock } from '../lib/time/clock';

/** One HTTP request as both simulators see it, whether it came over a socket or an in-process fetch. */
export interface SandboxRequest {
  method: string;
  /** Path below the simulator's mount point, e.g. `/integration/v2/orders` for Tiki. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string (then sent as is) or `bytes`. */
  body?: unknown;
  bytes?: Uint8Array<ArrayBuffer>;
}

/** Fault knobs, settable at start (`SANDBOX_FAULTS` JSON) and at run time (`POST /__admin/faults`). */
export interface Faults {
  /** Added to every API answer, in real milliseconds. */
  latencyMs: number;
  /** Fraction (0..1) of API calls answered with a 5xx, drawn from the seeded random source. */
  errorRate: number;
  /** Tiki answers 429 to everything; Nhanh locks every URL it is called on (and extends the lock when called during it). */
  rateLimitStorm: boolean;
  /** Tiki answers every call with HTTP 200 `{"msg":"Kết nối đang tạm ngưng bởi seller"}`. */
  tikiPaused: boolean;
  /**
   * Divides every rate-limit window and lock (Nhanh's 150 per 30 s becomes 150 per 30 s / timeScale), so
   * tests and benchmarks of the limiter run fast. The client under test must be given the same scale.
   */
  timeScale: number;
  /** Lifetime of Tiki OAuth tokens issued from now on, in seconds of sandbox time. */
  tikiTokenTtlSeconds: number;
  /** What Nhanh's order/list does with the undocumented `filters.appOrderIds`: unknown, so all three exist. */
  nhanhAppOrderIdsFilter: 'ignored' | 'honoured' | 'refused';
  /**
   * How Nhanh words an order/edit refused by a business rule (not documented): ERR_INVALID_FORM_FIELDS on
   * `info`, or a bare `{code: 0, messages: "…"}` with no errorCode.
   */
  nhanhEditRefusal: 'form-fields' | 'message';
  /**
   * Whether order/edit takes a payment-only edit of a Thành công order. The docs forbid editing a Success order
   * at all (`refused`, the default as they read); whether Nhanh makes an exception for the payment block is not
   * documented, so `accepted` exists too and the extension must cope with both.
   */
  nhanhPaymentOnSuccess: 'refused' | 'accepted';
  /**
   * Order, in `GET /integration/v2/orders`, among orders that share the sort key's second (`updated_at` or
   * `created_at`). `stable`: by code, so a page boundary never splits them differently between two calls.
   * `shuffled`: a new seeded-random order on every call, as the real Tiki may (it promises no order among equal
   * `updated_at`): paging through more tied orders than a page holds then misses some and repeats others.
   */
  tikiTiedOrder: 'stable' | 'shuffled';
  /**
   * The orders list's `updated_from_date`: `exclusive` (`updated_at > from`, Tiki's documented "greater than",
   * the default) or `inclusive` (`updated_at >= from`, as the products guide words its own filter; evidence is
   * thin, so both are offered). Either way `updated_to_date` stays inclusive, so one second `s` alone is asked
   * for with `from` = s − 1 s, `to` = s (exclusive) or `from` = `to` = s (inclusive).
   */
  tikiUpdatedFromBound: 'inclusive' | 'exclusive';
  /**
   * Who may use the event queue paths. Every official example authenticates them with `Authorization: Bearer`
   * and nothing says the seller-center key (`tiki-api`) works there (OT-evq), so both are offered: `any` (the
   * key works too) and `bearer-only` (the key gets 403).
   */
  tikiQueueAuth: 'any' | 'bearer-only';
  /** API drift on list and detail answers (see `sandbox/surprise.ts`); null = the documented shapes only. */
  contractSurprise: ContractSurprise | null;
  /**
   * Breaks the one assumption a line of "Kiểm tra tương thích API" tests (the key refused on orders, fees absent
   * with `item.fees`, timestamps in UTC, depots as a map…), so that line can be seen to turn "sai" for its own
   * reason (see `sandbox/compat-break.ts`); null = every assumption as the sandbox normally keeps it.
   */
  compatBreak: CompatCheckId | null;
}

/** The "contract surprise" knob: seeded, so a trial reproduces by its seed. */
export interface ContractSurprise {
  seed: number;
  /** Fraction (0..1) of records in each surprised answer that drift (and of answers whose shape varies). */
  rate: number;
  /**
   * Fraction (0..1) of Tiki orders that are truly unreadable (no `items`, or an item without `product.id`),
   * drawn per order code so that every answer agrees; default {@link DEFAULT_UNREADABLE_RATE}.
   */
  unreadableRate?: number;
}

export const DEFAULT_UNREADABLE_RATE = 0.02;

export const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitStorm: false,
  tikiPaused: false,
  timeScale: 1,
  tikiTokenTtlSeconds: 3599,
  nhanhAppOrderIdsFilter: 'ignored',
  nhanhEditRefusal: 'message',
  nhanhPaymentOnSuccess: 'refused',
  tikiTiedOrder: 'stable',
  tikiUpdatedFromBound: 'exclusive',
  tikiQueueAuth: 'any',
  contractSurprise: null,
  compatBreak: null,
};

/** What a simulator gets from the composition root. */
export interface SimulatorContext {
  clock: Clock;
  /** Current fault settings; read on every request, so run-time changes apply at once. */
  faults: () => Faults;
  /** Seeded random source in [0, 1): the same seed gives the same faults and data. */
  random: () => number;
  seed: SeedData;
}

export interface Simulator {
  handle(request: SandboxRequest): Promise<SandboxResponse>;
  /** Invalidates every token issued so far (the "token expires mid-run" fault). */
  expireTokens(): void;
  /** A JSON-able view of the simulator's state, for tests and the admin endpoint. */
  snapshot(): unknown;
}

/** Demo credentials and catalogues, generated deterministically from a seed and "now". */
export interface SeedData {
  tiki: { shops: SeedTikiShop[] };
  nhanh: SeedNhanh;
}

export interface SeedTikiShop {
  sellerId: number;
  name: string;
  /** "Tham số kết nối" from the seller center, sent as the `tiki-api` header. */
  connectionKey: string;
  /** In-house Open API app of this seller (client_credentials). */
  clientId: string;
  clientSecret: string;
  /** Tiki product objects in the shape of `GET /integration/v2.1/products/{id}` (include=inventory). */
  products: unknown[];
  /** Tiki order objects in the shape of `GET /integration/v2/orders/{code}` with status_histories and item.fees. */
  orders: unknown[];
}

export interface SeedNhanh {
  appId: string;
  secretKey: string;
  businessId: number;
  /** A ready token for the manual mode (businessId + accessToken pasted by the user). */
  accessToken: string;
  /** Unix seconds. */
  accessTokenExpiredAt: number;
  depots: { id: number; name: string }[];
  products: SeedNhanhProduct[];
}

export interface SeedNhanhProduct {
  id: number;
  /** 0 for an independent product; the parent's id for a variant; parents have `isParent`. */
  parentId: number;
  isParent?: boolean;
  code: string;
  barcode: string;
  name: string;
  price: number;
  /** Stock on hand per depot id. */
  stock: Record<number, number>;
}
