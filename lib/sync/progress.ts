import { ATTENTION_OUTCOMES, type CompanionDatabase } from '../db';
import { attentionItem, attentionSchema } from '../status';

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

/** Writes `attention.orders`, keeping the counts the other features wrote. */
export async function refreshOrderAttention(db: CompanionDatabase): Promise<number> {
  const orders = await countOrdersNeedingAttention(db);
  const current = attentionSchema.safeParse((await attentionItem.getValue()) ?? {});
  await attentionItem.setValue({ ...(current.success ? current.data : {}), orders });
  return orders;
}
