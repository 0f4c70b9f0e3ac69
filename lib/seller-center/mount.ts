import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { HELPER_TAG_PREFIX } from './selectors';

/** The host of the corner launcher; one per seller-center page. */
export const HELPER_TAG = `${HELPER_TAG_PREFIX}helper`;
/** The host of a "Lưu vào tiện ích Nhanh" button, one per key row. */
export const KEY_BUTTON_TAG = `${HELPER_TAG_PREFIX}key-button`;
/** The host of the "Đối soát với Nhanh" button beside the statement export. */
export const STATEMENT_BUTTON_TAG = `${HELPER_TAG_PREFIX}statement-button`;
/** The host of an order's chip, beside its code on the order pages. */
export const ORDER_CHIP_TAG = `${HELPER_TAG_PREFIX}order-chip`;

/**
 * Keyboard and click events stop at our shadow root: the page's shortcuts and row-click handlers must not fire
 * when the seller uses our controls.
 */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'click'];

export type HelperUi = ShadowRootContentScriptUi<void>;

/**
 * Mounts one piece of the helper's UI in its own shadow root next to `anchor`. A Shadow DOM keeps the page's
 * CSS from breaking our UI and ours from breaking the page; the content script runs in the isolated world, so
 * the page's own scripts never see the extension's data. WXT removes the UI when the extension is reloaded.
 */
export async function mountHelperUi(
  ctx: ContentScriptContext,
  options: {
    tag: string;
    anchor: Element;
    append: 'last' | 'after';
    css: string;
    render: (container: HTMLElement) => void;
  },
): Promise<HelperUi> {
  const ui = await createShadowRootUi(ctx, {
    name: options.tag,
    position: 'inline',
    anchor: options.anchor,
    append: options.append,
    css: options.css,
    isolateEvents: ISOLATED_EVENTS,
    onMount: (container) => options.render(container),
  });
  ui.mount();
  return ui;
}
