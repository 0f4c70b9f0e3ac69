import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../../lib/messaging';
import { startSellerCenterHelper } from '../../lib/seller-center/helper';
import { keepOrderEventsFlowing } from '../../lib/sync/page-pull';

export default defineContentScript({
  matches: ['https://sellercenter.tiki.vn/*'],
  // The helper's CSS is passed to each shadow root; nothing is injected into the page itself.
  cssInjectionMode: 'manual',
  main: (ctx) => {
    // New Tiki orders reach Nhanh every 15 s while the seller works here (see lib/sync/page-pull.ts).
    ctx.onInvalidated(keepOrderEventsFlowing(() => sendMessage('pullOrderEvents', undefined)));
    return startSellerCenterHelper(ctx, {
      send: sendMessage,
      fetch: (input, init) => fetch(input, init),
      requestedUrls: () => performance.getEntriesByType('resource').map((entry) => entry.name),
    });
  },
});
