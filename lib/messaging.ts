import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Locale, LocalizedText } from './i18n';
import type { NhanhDepot } from './nhanh/contract';

/** The depots a page is shown (the page never imports the Nhanh contract itself). */
export type { NhanhDepot };

import type { CancelShipmentResult } from './orders/returns';
import type { OrderGroup } from './orders/status-map';
import type { PaymentPreview } from './reconcile/payments';
import type { KeyCaptureAnswer } from './seller-center/key-capture';
import type { OrderChipState, PushOrderAnswer } from './seller-center/order-states';
import type { ConnectionHealth, StatusSnapshot } from './status/status';

/**
 * The one protocol between the extension's pages, its seller-center content script and the background.
 * Each message has a zod schema for its data and a list of who may send it; the background refuses
 * everything else (see `registerMessageHandlers` in `worker/message-policy.ts`). This module holds only the map
 * and the typed send: pages and the content script import it without the schemas.
 */

export const DASHBOARD_SECTIONS = ['settings', 'products', 'orders', 'reconcile', 'log', 'privacy'] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

/** Anchors the seller-center helper can miss on a page that should have them (see `reportSellerCenterIssue`). */
export const SELLER_CENTER_ISSUES = ['keyTableMissing', 'exportControlMissing', 'orderCodesMissing'] as const;
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
  /** A key clicked in the seller center: checked with `sellers/me`, stored on its shop; the answer, already in the seller's language, holds no key. */
  captureTikiKey(data: { shopName: string; key: string }): KeyCaptureAnswer;
  /** A seller-center page changed too much for the helper: one activity-log line per page view. */
  reportSellerCenterIssue(data: { issue: SellerCenterIssue; page: string }): void;
  /** A statement file the page offered, fetched on the seller's click: left for Đối soát, which opens. */
  deliverStatementFile(data: { fileName: string; base64: string }): void;
  /** The statement goes out by email: Đối soát opens with its file picker ready. */
  openStatementPicker(): void;

  // Order chips in the seller center (issue 15): read from what the extension stored, no API call
  /** What the extension knows of each order code on the page, as its chip shows it. */
  getOrderChipStates(data: { codes: string[] }): Record<string, OrderChipState>;
  /** "Đẩy sang Nhanh ngay" on a not-yet-synced order, on the seller's click: imported now, answered as its new chip. */
  pushOrderToNhanh(data: { code: string }): PushOrderAnswer;
  /** A blocked order's chip clicked: the dashboard opens at its fix (the product to pair, or the setting). */
  openOrderFix(data: { code: string }): void;

  // Event queue (issue 15)
  /** An open dashboard or seller-center tab asks for new Tiki orders every 15 s (`lib/sync/page-pull.ts`). */
  pullOrderEvents(): void;
}

export type MessageType = keyof ProtocolMap;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
