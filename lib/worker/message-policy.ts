import { z } from 'zod';
import { base64DecodedSize } from '../files/base64';
import {
  DASHBOARD_SECTIONS,
  type MessageType,
  onMessage,
  type ProtocolMap,
  SELLER_CENTER_ISSUES,
} from '../messaging';
import { ORDER_GROUPS } from '../orders/status-map';
import { MAX_CHIP_CODES, MAX_STATEMENT_BYTES } from '../seller-center/limits';

/**
 * The background's side of the protocol (`../messaging.ts`): who may send each message and the zod schema of its
 * data. Only the service worker loads it, so no page or content script carries the schemas.
 */

/** Who is talking: one of our own pages, our content script on the seller center, or anybody else. */
export type SenderKind = 'extension-page' | 'seller-center' | 'foreign';

export const SELLER_CENTER_ORIGIN = 'https://sellercenter.tiki.vn';

/** A statement's id: the SHA-256 of its file. */
const statementId = z.string().regex(/^[0-9a-f]{64}$/);
const statementRequest = z.object({ statementId }).strict();
const paymentRequest = z
  .object({ statementId, addedByHand: z.array(z.string().min(1).max(40)).max(10_000) })
  .strict();

/** A Tiki order code as the seller-center helper reads it (`ORDER_CODE` in `seller-center/selectors.ts`). */
const orderCode = z.string().regex(/^\d{9,20}$/);

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

  // Order chips in the seller center (issue 15)
  getOrderChipStates: {
    data: z.object({ codes: z.array(orderCode).max(MAX_CHIP_CODES) }).strict(),
    from: ['seller-center'],
  },
  pushOrderToNhanh: { data: z.object({ code: orderCode }).strict(), from: ['seller-center'] },
  openOrderFix: { data: z.object({ code: orderCode }).strict(), from: ['seller-center'] },

  // Event queue (issue 15)
  pullOrderEvents: { data: z.undefined(), from: ['extension-page', 'seller-center'] },
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
