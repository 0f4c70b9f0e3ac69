import type { CompanionDatabase } from '../db';
import { recordAttention } from '../status/attention';
import { RECONCILIATION_STATES } from './match';

/** The states a seller has to look at (everything but "khớp"), until marked reconciled. */
const ATTENTION_STATES = RECONCILIATION_STATES.filter((state) => state !== 'matched');

/** Writes `attention.reconcile`: findings that need a look and are not marked reconciled, over every statement. */
export async function refreshReconcileAttention(db: CompanionDatabase): Promise<number> {
  let count = 0;
  const tx = db.transaction('reconciliations');
  for (const state of ATTENTION_STATES) {
    let cursor = await tx.store.index('by-state').openCursor(state);
    while (cursor) {
      if (cursor.value.reconciledAt === null) count++;
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  await recordAttention('reconcile', count);
  return count;
}
