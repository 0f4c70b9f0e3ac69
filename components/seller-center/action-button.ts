import { element } from './dom';

/** What an action tells the seller when it ends. */
export interface ActionOutcome {
  ok: boolean;
  message: string;
}

export interface ActionButton {
  setLabel(label: string, hint?: string): void;
}

/**
 * A button with a status line under it, for one in-page action ("Lưu vào tiện ích Nhanh", "Đối soát với
 * Nhanh"): disabled while it runs, then says in words what happened. The status is a live region so screen
 * readers announce it.
 */
export function renderActionButton(
  container: HTMLElement,
  options: { label: string; hint?: string; busyMessage: string; run: () => Promise<ActionOutcome> },
): ActionButton {
  const button = element('button', { type: 'button' }, options.label);
  const status = element('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const setLabel = (label: string, hint?: string) => {
    button.textContent = label;
    if (hint) button.title = hint;
    else button.removeAttribute('title');
  };
  setLabel(options.label, options.hint);
  const show = (tone: 'busy' | 'ok' | 'error', message: string) => {
    status.dataset.tone = tone;
    status.textContent = message;
  };
  button.addEventListener('click', async (event) => {
    // Only the seller's own click acts: a page script can reach this button (WXT's shadow root is open).
    if (!event.isTrusted) return;
    button.disabled = true;
    show('busy', options.busyMessage);
    try {
      const outcome = await options.run();
      show(outcome.ok ? 'ok' : 'error', outcome.message);
    } finally {
      button.disabled = false;
    }
  });
  container.replaceChildren(element('div', { class: 'action' }, button, status));
  return { setLabel };
}
