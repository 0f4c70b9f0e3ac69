import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/*
 * Whether each shop's new orders arrive through Tiki's event queue, as Cài đặt tells it: written by the worker when
 * it changes (the queue starts working, or Tiki refuses it for the shop's connection), read by the shop's card.
 */

const eventQueueStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('active'), since: z.number() }),
  /**
   * Tiki refused the queue calls for the shop's credentials (the seller-center key or an Open API app), with its
   * HTTP status: the shop is synced by polling only.
   */
  z.object({
    state: z.literal('refused'),
    since: z.number(),
    status: z.number().int(),
    auth: z.enum(['key', 'app']),
  }),
]);
export type EventQueueStatus = z.output<typeof eventQueueStatusSchema>;

export const eventQueueStatusItem = storage.defineItem<unknown>('local:eventQueue', { fallback: {} });

/** Every shop's status that still reads as one (a damaged entry is dropped, never a crash). */
export function readEventQueueStatuses(raw: unknown): Record<string, EventQueueStatus> {
  const statuses: Record<string, EventQueueStatus> = {};
  if (typeof raw !== 'object' || raw === null) return statuses;
  for (const [shopId, value] of Object.entries(raw)) {
    const status = eventQueueStatusSchema.safeParse(value);
    if (status.success) statuses[shopId] = status.data;
  }
  return statuses;
}

export async function recordEventQueueStatus(shopId: string, status: EventQueueStatus): Promise<void> {
  const current = readEventQueueStatuses(await eventQueueStatusItem.getValue());
  await eventQueueStatusItem.setValue({ ...current, [shopId]: status });
}
