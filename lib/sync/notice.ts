import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { LocalizedText } from '../i18n';

/*
 * When a finished order sync is worth a browser notification. Auto-sync runs every 15 minutes; a shop whose
 * orders stay blocked, or whose token stays expired, must not ring the seller every time. Only something new
 * is told: orders blocked that were not blocked before (`newlyBlocked`, counted per order by the import), or a
 * failure other than the one last told, or any failure after a run that succeeded.
 */

/** What the seller was last told of a shop's sync: the failure they know of (its message key), or none. */
export const toldSchema = z.object({ failure: z.string().nullable() });
export type Told = z.infer<typeof toldSchema>;

export const NOTHING_TOLD: Told = { failure: null };

export interface FinishedRun {
  kind: 'done' | 'failed';
  error: LocalizedText | null;
  newlyBlocked: number;
}

export type OrderSyncNotice = { kind: 'failed' } | { kind: 'blocked'; count: number };

/**
 * The notice for `run`, if any, and what the seller knows afterwards. Two failures are the same when their
 * message key is: the parameters carry details (seconds to wait, HTTP status, Nhanh's wording) that vary from
 * run to run of one lasting problem. A new failure outranks newly blocked orders, which stay counted in the
 * popup and listed in Đơn hàng.
 */
export function decideOrderSyncNotice(
  run: FinishedRun,
  told: Told,
): { notice: OrderSyncNotice | null; told: Told } {
  const failure = run.kind === 'failed' ? (run.error?.key ?? 'error.unexpected') : null;
  const notice: OrderSyncNotice | null =
    failure !== null && failure !== told.failure
      ? { kind: 'failed' }
      : run.newlyBlocked > 0
        ? { kind: 'blocked', count: run.newlyBlocked }
        : null;
  return { notice, told: { failure } };
}

/** Per shop id; survives the service worker and the browser (storage.local). */
const toldItem = storage.defineItem<unknown>('local:orderSyncTold', { fallback: {} });

const toldByShopSchema = z.record(z.string(), toldSchema);

/** Decides `run`'s notice against what the shop's seller was told before, and remembers the answer. */
export async function nextOrderSyncNotice(shopId: string, run: FinishedRun): Promise<OrderSyncNotice | null> {
  const stored = toldByShopSchema.safeParse(await toldItem.getValue());
  const byShop = stored.success ? stored.data : {};
  const { notice, told } = decideOrderSyncNotice(run, byShop[shopId] ?? NOTHING_TOLD);
  await toldItem.setValue({ ...byShop, [shopId]: told });
  return notice;
}
