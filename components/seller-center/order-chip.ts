import { type ActionOutcome, renderActionButton } from './action-button';
import { element } from './dom';

/** What one order chip shows, already in the seller's language (built by `lib/seller-center/order-chips.ts`). */
export interface OrderChipView {
  /** `data-state` of the chip, for its colour. */
  state: string;
  text: string;
  /** The order's page in Nhanh, opened in a new tab. */
  href?: string;
  /** The chip is a button that opens the fix in the extension. */
  fix?: { hint: string; open: () => void };
  /** "Đẩy sang Nhanh ngay" beside the chip. */
  push?: { label: string; busyMessage: string; run: () => Promise<ActionOutcome> };
}

/**
 * Draws one chip into its (shadow) root, replacing what was there: a pill with the order's state in Nhanh, as a
 * link to the order in Nhanh, a button to the fix, or plain text; and the push button when the order can go now.
 * Long texts are cut with an ellipsis; the whole text is the pill's title.
 */
export function renderOrderChip(root: ParentNode, view: OrderChipView): void {
  let pill: HTMLElement;
  if (view.href) pill = element('a', { href: view.href, target: '_blank', rel: 'noreferrer' }, view.text);
  else if (view.fix) {
    const { open } = view.fix;
    pill = element('button', { type: 'button', 'aria-description': view.fix.hint }, view.text);
    // Only the seller's own click opens a tab: a page script can reach this button (the shadow root is open).
    pill.addEventListener('click', (event) => event.isTrusted && open());
  } else pill = element('span', {}, view.text);
  pill.title = view.fix ? `${view.text}\n${view.fix.hint}` : view.text;
  const chip = element('span', { class: 'chip', 'data-state': view.state }, pill);
  if (view.push) {
    const slot = element('span');
    chip.append(slot);
    renderActionButton(slot, view.push);
  }
  root.replaceChildren(chip);
}
