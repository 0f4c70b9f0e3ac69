import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { base64DecodedSize } from './files/base64';
import type { Locale, LocalizedText } from './i18n';
import type { NhanhDepot } from './nhanh/contract';

/** The depots a page is shown (the page never imports the Nhanh contract itself). */
export type { NhanhDepot };

import type { CancelShipmentResult } from './orders/returns';
import { ORDER_GROUPS, type OrderGroup } from './orders/status-map';
import type { PaymentPreview } from './reconcile/payments';
import type { KeyCaptureResult } from './seller-center/key-capture';
import { MAX_STATEMENT_BYTES } from './seller-center/limits';
import type { ConnectionHealth, StatusSnapshot } from './status/status';

/**
 * The one protocol between the extension's pages, its seller-center content script and the background.
 * Each message has a zod schema for its data and a list of who may send it; the background refuses
 * everything else (see `registerMessageHandlers`).
 */

export const DASHBOARD_SECTIONS = ['settings', 'products', 'orders', 'reconcile', 'log', 'privacy'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** Anchors the seller-center helper can miss on a page that should have them (see `reportSellerCenterIssue`). */
export const SELLER_CENTER_ISSUES = ['keyTableMissing', 'exportControlMissing'] as const;
export type SellerCenterIssue = (typeof SELLER_CENTER_ISSUES)[number];

export interface ProtocolMap {
  /** Health of the connections, last sync and counts, for the popup and the dashboard. */
  getStatus(): StatusSnapshot;
  /** Opens (or focuses) the dashboard at a section. */
  openDashboard(data: { section: DashboardSection }): void;

  // Connections (settings page)
  /** `sellers/me` with a shop's saved credentials; records the outcome as that shop's health. */
  checkTikiConnection(data: { shopId: string }): ConnectionHealth;
  /** Lists the Nhanh depots with the saved token; records Nhanh's health. */
  checkNhanhConnection(): { health: ConnectionHealth; depots: NhanhDepot[] };
  /** Nhanh OAuth in a browser window, then stores the token. */
  connectNhanh(): { ok: true; health: ConnectionHealth } | { ok: false; error: LocalizedText };
  /** "Kiểm tra tương thích API" of one shop (and the Nhanh business), read-only, in the worker. */
  startCompatCheck(data: { shopId: string }): { started: true } | { started: false; error: LocalizedText };

  // Orders (issue 6): imports run in the worker; pages follow them through the job views.
  /** Starts downloading a shop's Tiki orders into Nhanh (the chosen status groups). */
  startOrderImport(data: {
    shopId: string;
    statuses: OrderGroup[];
  }): { started: true } | { started: false; error: LocalizedText };
  /** Stops a running worker job (order import, catalogue download, …) after its current step. */
  cancelJob(data: { jobId: string }): boolean;
  /** Cancels the carrier shipment of one linked order in Nhanh: only on the seller's confirmed click. */
  cancelNhanhShipment(data: { shopId: string; code: string }): CancelShipmentResult;

  // Products: both run in the worker; pages follow them through the job views.
  /** Downloads the shop's Tiki catalogue and the Nhanh catalogue. */
  startCatalogueDownload(data: {
    shopId: string;
  }): { started: true } | { started: false; error: LocalizedText };
  /** Creates these Tiki products in Nhanh and pairs them. */
  startCreateProducts(data: {
    shopId: string;
    tikiProductIds: number[];
  }): { started: true } | { started: false; error: LocalizedText };

  // Reconciliation: the match with Tiki and Nhanh runs in the worker; the statement view follows its job view.
  /** Matches a stored statement with what Tiki and Nhanh say of its orders. */
  startReconcileMatch(data: {
    statementId: string;
  }): { started: true } | { started: false; error: LocalizedText };
  /** "Ghi nhận thanh toán vào Nhanh": what would be recorded, read from Nhanh before the seller approves. */
  previewNhanhPayments(data: {
    statementId: string;
    /** Orders not "khớp" the seller added by hand, one by one, each after confirming it. */
    addedByHand: string[];
  }): { ok: true; preview: PaymentPreview } | { ok: false; error: LocalizedText };
  /** The approved recording of a statement's payouts on their Nhanh orders (a worker job). */
  startNhanhPayments(data: {
    statementId: string;
    addedByHand: string[];
  }): { started: true } | { started: false; error: LocalizedText };

  // Seller-center helpers (issue 4): sent by the content script, only after the seller's click
  /** The extension's UI language, so the in-page helper speaks it. */
  getSellerCenterLocale(): Locale;
  /** A key clicked in the seller center: checked with `sellers/me`, stored on its shop; the answer holds no key. */
  captureTikiKey(data: { shopName: string; key: string }): KeyCaptureResult;
  /** A seller-center page changed too much for the helper: one activity-log line per page view. */
  reportSellerCenterIssue(data: { issue: SellerCenterIssue; page: string }): void;
  /** A statement file the page offered, fetched on the seller's click: left for Đối soát, which opens. */
  deliverStatementFile(data: { fileName: string; base64: string }): void;
  /** The statement goes out by email: Đối soát opens with its file picker ready. */
  openStatementPicker(): void;
}

export type MessageType = keyof ProtocolMap;

/** Who is talking: one of our own pages, our content script on the seller center, or anybody else. */
export type SenderKind = 'extension-page' | 'seller-center' | 'foreign';

export const SELLER_CENTER_ORIGIN = 'https://sellercenter.tiki.vn';

/** A statement's id: the SHA-256 of its file. */
const statementId = z.string().regex(/^[0-9a-f]{64}$/);
const statementRequest = z.object({ statementId }).strict();
const paymentRequest = z
  .object({ statementId, addedByHand: z.array(z.string().min(1).max(40)).max(10_000) })
  .strict();

/** Data schema and allowed senders of each message. A content script never gets settings or secrets. */
export const MESSAGE_POLICY: { [K in MessageType]: { data: z.ZodType; from: readonly SenderKind[] } } = {
  getStatus: { data: z.undefined(), from: ['extension-page'] },
  openDashboard: {
    data: z.object({ section: z.enum(DASHBOARD_SECTIONS) }).strict(),
    from: ['extension-page', 'seller-center'],
  },

  // Connections (settings page)
  checkTikiConnection: { data: z.object({ shopId: z.string().min(1) }).strict(), from: ['extension-page'] },
  checkNhanhConnection: { data: z.undefined(), from: ['extension-page'] },
  connectNhanh: { data: z.undefined(), from: ['extension-page'] },
  startCompatCheck: { data: z.object({ shopId: z.string().min(1) }).strict(), from: ['extension-page'] },

  // Orders (issue 6)
  startOrderImport: {
    data: z.object({ shopId: z.string().min(1), statuses: z.array(z.enum(ORDER_GROUPS)).min(1) }).strict(),
    from: ['extension-page'],
  },
  cancelJob: { data: z.object({ jobId: z.string().min(1).max(200) }).strict(), from: ['extension-page'] },
  cancelNhanhShipment: {
    data: z.object({ shopId: z.string().min(1), code: z.string().min(1).max(64) }).strict(),
    from: ['extension-page'],
  },

  // Seller-center helpers (issue 4)
  startCatalogueDownload: {
    data: z.object({ shopId: z.string().min(1) }).strict(),
    from: ['extension-page'],
  },
  startCreateProducts: {
    data: z
      .object({
        shopId: z.string().min(1),
        tikiProductIds: z.array(z.number().int().positive()).min(1).max(100_000),
      })
      .strict(),
    from: ['extension-page'],
  },
  startReconcileMatch: { data: statementRequest, from: ['extension-page'] },
  previewNhanhPayments: { data: paymentRequest, from: ['extension-page'] },
  startNhanhPayments: { data: paymentRequest, from: ['extension-page'] },
  getSellerCenterLocale: { data: z.undefined(), from: ['seller-center'] },
  captureTikiKey: {
    data: z
      .object({ shopName: z.string().max(120), key: z.string().regex(/^\s*[A-Za-z0-9-]{16,128}\s*$/) })
      .strict(),
    from: ['seller-center'],
  },
  reportSellerCenterIssue: {
    data: z.object({ issue: z.enum(SELLER_CENTER_ISSUES), page: z.string().max(300) }).strict(),
    from: ['seller-center'],
  },
  deliverStatementFile: {
    data: z
      .object({
        fileName: z.string().min(1).max(200),
        base64: z
          .string()
          .min(4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/)
          .refine((base64) => base64DecodedSize(base64) <= MAX_STATEMENT_BYTES, 'file too large'),
      })
      .strict(),
    from: ['seller-center'],
  },
  openStatementPicker: { data: z.undefined(), from: ['seller-center'] },
};

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export function classifySender(sender: SenderInfo, extensionId: string): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'foreign';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'foreign';
  }
  if (url.protocol === 'chrome-extension:' && url.host === extensionId) return 'extension-page';
  // Our content script runs only in seller-center tabs; its sender carries the tab and the page URL.
  if (sender.tab && url.origin === SELLER_CENTER_ORIGIN) return 'seller-center';
  return 'foreign';
}

export class MessageRefusedError extends Error {
  constructor(type: string, reason: string) {
    super(`Message "${type}" refused: ${reason}`);
    this.name = 'MessageRefusedError';
  }
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

export type MessageHandlers = {
  [K in MessageType]: (
    data: Parameters<ProtocolMap[K]>[0],
    sender: SenderInfo,
  ) => ReturnType<ProtocolMap[K]> | Promise<ReturnType<ProtocolMap[K]>>;
};

/**
 * Registers the background's handlers behind the sender policy and data validation. Must be called
 * synchronously in the background's `main()` so a message that woke the worker finds its listener.
 */
export function registerMessageHandlers(handlers: MessageHandlers, extensionId: string): void {
  for (const type of Object.keys(handlers) as MessageType[]) {
    const policy = MESSAGE_POLICY[type];
    // async: a refusal must travel back to the sender as an error, not escape as an uncaught throw.
    onMessage(type, async (message) => {
      const sender = message.sender as SenderInfo;
      const kind = classifySender(sender, extensionId);
      if (!policy.from.includes(kind)) throw new MessageRefusedError(type, `sender ${kind} not allowed`);
      const parsed = policy.data.safeParse(message.data);
      if (!parsed.success)
        throw new MessageRefusedError(type, `invalid data: ${parsed.error.issues[0]?.message}`);
      // biome-ignore lint/suspicious/noExplicitAny: each handler gets the data its own schema just checked.
      return (await (handlers[type] as (data: any, sender: SenderInfo) => unknown)(
        parsed.data,
        sender,
      )) as never;
    });
  }
}
