import { type ActionOutcome, renderActionButton } from '../../components/seller-center/action-button';
import type { HelperEnv } from './helper-env';
import type { HelperUi } from './mount';
import { KEY_BUTTON_TAG } from './mount';
import { findKeyTable, type KeyRowAnchor, readKeyRow } from './selectors';

/**
 * "Lưu vào tiện ích Nhanh" beside each key of the key table: one per key cell, put back when the page re-renders
 * the cell, removed when the row leaves. The key is read from the cell only when the seller clicks.
 */
export function createKeyButtons(env: HelperEnv): { sync(rows: readonly KeyRowAnchor[]): void } {
  // Filled before the async mount, so a scan running meanwhile does not mount a second button.
  const mounted = new Map<Element, Promise<HelperUi>>();

  async function capture(anchor: KeyRowAnchor): Promise<ActionOutcome> {
    // The page may have re-rendered the row since: read the current one.
    const row =
      findKeyTable(document.body)?.rows.find((current) => current.keyCell === anchor.keyCell) ?? anchor;
    const captured = readKeyRow(row, document.body);
    if (!captured) return { ok: false, message: env.t('sellerCenter.key.unreadable') };
    const asked = await env.ask(() => env.send('captureTikiKey', captured));
    if ('failure' in asked) return asked.failure;
    return asked.answer;
  }

  return {
    sync(rows) {
      const cells = new Set(rows.map((row) => row.keyCell));
      for (const [cell, ui] of mounted)
        if (!cells.has(cell) || !cell.isConnected) {
          mounted.delete(cell);
          void ui.then((gone) => gone.remove());
        }
      for (const row of rows) {
        const existing = mounted.get(row.keyCell);
        if (existing) {
          void existing.then((ui) => {
            if (mounted.get(row.keyCell) === existing && !ui.shadowHost.isConnected) ui.mount();
          });
          continue;
        }
        mounted.set(
          row.keyCell,
          env.mount(KEY_BUTTON_TAG, row.keyCell, 'last', (container) => {
            renderActionButton(container, {
              label: env.t('sellerCenter.key.save'),
              hint: env.t('sellerCenter.key.saveHint'),
              busyMessage: env.t('sellerCenter.key.checking'),
              run: () => capture(row),
            });
          }),
        );
      }
    },
  };
}
