import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/** The tag of the extension's host element in seller-center pages; everything we show lives in its shadow root. */
export const HELPER_TAG = 'nhanh-tiki-helper';

/**
 * Mounts the helper's isolated UI root in a seller-center page. A Shadow DOM keeps the page's CSS from breaking
 * our UI and ours from breaking the page; the content script runs in the isolated world, so the page's own
 * scripts never see the extension's data.
 */
export async function mountSellerCenterHelper(ctx: ContentScriptContext): Promise<HTMLElement | null> {
  const ui = await createShadowRootUi(ctx, {
    name: HELPER_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      container.dataset.state = 'ready';
      return container;
    },
  });
  ui.mount();
  return ui.mounted ?? null;
}
