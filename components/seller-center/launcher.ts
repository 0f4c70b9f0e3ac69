import { element } from './dom';

/**
 * The small corner launcher shown elsewhere in the seller center: collapsed to one pill, it unfolds into where
 * the key is and a button that opens that page.
 */
export function renderLauncher(
  container: HTMLElement,
  texts: { toggle: string; where: string; open: string; close: string },
  onOpen: () => void,
): { setVisible(visible: boolean): void } {
  const panelId = 'nhanh-tiki-launcher-panel';
  const toggle = element(
    'button',
    { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': panelId },
    texts.toggle,
  );
  const open = element('button', { type: 'button' }, texts.open);
  const close = element('button', { type: 'button', class: 'secondary' }, texts.close);
  const panel = element(
    'div',
    { class: 'panel', id: panelId, role: 'region', 'aria-label': texts.toggle, hidden: '' },
    element('p', {}, texts.where),
    element('div', { class: 'buttons' }, close, open),
  );
  const setExpanded = (expanded: boolean) => {
    panel.hidden = !expanded;
    toggle.setAttribute('aria-expanded', String(expanded));
  };
  toggle.addEventListener('click', () => setExpanded(panel.hidden));
  close.addEventListener('click', () => setExpanded(false));
  open.addEventListener('click', () => {
    setExpanded(false);
    onOpen();
  });
  const corner = element('div', { class: 'corner' }, panel, toggle);
  container.replaceChildren(corner);
  return {
    setVisible(visible) {
      corner.hidden = !visible;
      if (!visible) setExpanded(false);
    },
  };
}
