import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../files/base64';

/**
 * The hand-off between the seller-center helper and the Đối soát section: the background stores a statement
 * fetched in the seller center (or a request to open the file picker) in `storage.session`, then opens the
 * dashboard at `#reconcile`; the section takes it on mount and when storage changes. Session storage holds JSON
 * only, so the bytes wait as base64, and it is cleared when the browser closes, so a file never lingers.
 */

/** Where a pending statement came from. */
export type PendingStatementSource = 'seller-center';

export interface PendingStatement {
  fileName: string;
  bytes: Uint8Array;
  source: PendingStatementSource;
}

const storedStatementSchema = z.object({
  fileName: z.string(),
  base64: z.string(),
  source: z.literal('seller-center'),
  at: z.number(),
});
type StoredStatement = z.infer<typeof storedStatementSchema>;

/** The statement waiting for the Đối soát section (at most one: a newer one replaces it). */
export const pendingStatementItem = storage.defineItem<StoredStatement | null>(
  'session:reconcilePendingStatement',
  {
    fallback: null,
  },
);

/** Epoch ms of a pending "open the file picker" request, or null. */
export const pickerRequestItem = storage.defineItem<number | null>('session:reconcilePickerRequest', {
  fallback: null,
});

/** Leaves a statement for the Đối soát section (replacing any earlier one not yet taken). */
export async function putPendingStatement(
  statement: PendingStatement,
  now: () => number = Date.now,
): Promise<void> {
  await pendingStatementItem.setValue({
    fileName: statement.fileName,
    base64: bytesToBase64(statement.bytes),
    source: statement.source,
    at: now(),
  });
}

/** Returns the pending statement and clears it, so it is imported once; undefined when none is waiting. */
export async function takePendingStatement(): Promise<PendingStatement | undefined> {
  const stored = storedStatementSchema.safeParse(await pendingStatementItem.getValue());
  await pendingStatementItem.removeValue();
  if (!stored.success) return undefined;
  return {
    fileName: stored.data.fileName,
    bytes: base64ToBytes(stored.data.base64),
    source: stored.data.source,
  };
}

/** Asks the Đối soát section to open its file picker (the statement then comes by email from Tiki). */
export async function requestStatementPicker(now: () => number = Date.now): Promise<void> {
  await pickerRequestItem.setValue(now());
}

/** True once when a picker request is waiting, and clears it. */
export async function takePickerRequest(): Promise<boolean> {
  const requested = await pickerRequestItem.getValue();
  await pickerRequestItem.removeValue();
  return typeof requested === 'number';
}
