import { ATTENTION_OUTCOMES, type CompanionDatabase } from '../db';
import { recordAttention } from '../status/attention';

/** Orders the seller must act on (`ATTENTION_OUTCOMES`): the popup's and the badge's count. */
export async function countOrdersNeedingAttention(db: CompanionDatabase): Promise<number> {
  let count = 0;
  let cursor = await db.transaction('orders').store.openCursor();
  while (cursor) {
    if (ATTENTION_OUTCOMES.includes(cursor.value.outcome)) count++;
    cursor = await cursor.continue();
  }
  return count;
}

/** Recounts the orders needing attention and stores the count for the popup and the badge. */
export async function refreshOrderAttention(db: CompanionDatabase): Promise<number> {
  const orders = await countOrdersNeedingAttention(db);
  await recordAttention('orders', orders);
  return orders;
}
