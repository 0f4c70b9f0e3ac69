import type { CompanionDatabase } from '../db';
import { ApiError } from '../http/api-error';
import type { LocalizedText } from '../i18n';
import type { NhanhClient } from '../nhanh/client';
import { logActivity } from '../status/activity-log';

/*
 * What the seller does about orders the sync cannot settle alone: a return Nhanh cannot record (handled in
 * Nhanh, then marked here), and an order stuck with a carrier (its shipment cancelled on an explicit click:
 * `order/cancelcarrier` is never called by the sync itself).
 */

/** The return was handled in Nhanh: the order leaves the returns list and does not come back. */
export async function markReturnHandled(
  db: CompanionDatabase,
  shopId: string,
  code: string,
  now: number,
): Promise<boolean> {
  const record = await db.get('orders', [shopId, code]);
  if (record?.outcome !== 'returned') return false;
  await db.put('orders', {
    ...record,
    outcome: 'present',
    reason: null,
    returnHandledAt: now,
    updatedAt: now,
  });
  return true;
}

/** On success, the Nhanh order whose shipment was cancelled (the seller's message names it). */
export type CancelShipmentResult = { ok: true; nhanhOrderId: number } | { ok: false; error: LocalizedText };

/** Cancels the carrier shipment of one linked order in Nhanh, on the seller's click; logged either way. */
export async function cancelShipment(
  deps: {
    db: CompanionDatabase;
    nhanh: Pick<NhanhClient, 'cancelCarrier'>;
    now: () => number;
    secrets: string[];
  },
  shopId: string,
  code: string,
): Promise<CancelShipmentResult> {
  const record = await deps.db.get('orders', [shopId, code]);
  if (!record?.nhanhOrderId)
    return { ok: false, error: { key: 'orders.cancelShipment.notLinked', params: { code } } };
  const log = (level: 'info' | 'error', text: LocalizedText) =>
    logActivity(
      deps.db,
      { level, source: 'orders', text, detail: `Tiki ${code}` },
      {
        secrets: deps.secrets,
        now: deps.now(),
      },
    );
  try {
    await deps.nhanh.cancelCarrier(record.nhanhOrderId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const text: LocalizedText = {
      key: 'orders.cancelShipment.failed',
      params: { code, message: error.code },
    };
    await log('error', text);
    return { ok: false, error: error.text };
  }
  await deps.db.put('orders', { ...record, nhanhSentToCarrier: false, updatedAt: deps.now() });
  await log('info', { key: 'orders.cancelShipment.done', params: { code, id: record.nhanhOrderId } });
  return { ok: true, nhanhOrderId: record.nhanhOrderId };
}
