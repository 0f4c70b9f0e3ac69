import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { renderLauncher } from '../../components/seller-center/launcher';
import sellerCenterCss from '../../components/seller-center/seller-center.css?inline';
import { DEFAULT_LOCALE, type Locale } from '../i18n/translator';
import type { SellerCenterIssue } from '../messaging';
import type { HelperDeps, HelperEnv } from './helper-env';
import { createKeyButtons } from './key-buttons';
import { HELPER_TAG, mountHelperUi } from './mount';
import { createOrderChips, ORDER_SCAN_MEASURE } from './order-chips';
import {
  classifyView,
  findKeyPageLink,
  findKeyTable,
  findOrderCodes,
  findStatementExport,
  isHelperHost,
  KEY_PAGE_URL,
  type KeyTable,
  type OrderCodeAnchor,
  readingOnce,
  type SellerCenterView,
  type StatementExport,
  showsNoOrders,
} from './selectors';
import { createStatementButton } from './statement-button';
import { translateHelperText } from './texts';

/**
 * The seller-center helper: follows the single-page app's views, puts "Lưu vào tiện ích Nhanh" beside each key,
 * "Đối soát với Nhanh" beside the statement export, a chip with its state in Nhanh beside each order code of the
 * order pages and a launcher elsewhere, each once per view, and removes them when their anchor leaves. Nothing
 * is read from the page or sent before the seller clicks, except the order codes on screen (to ask the extension
 * what it stored of them) and one log line when a page Tiki changed no longer has the anchor it should have.
 */

/** Quiet time before a missing anchor counts: the seller center renders its views late and in pieces. */
const ISSUE_GRACE_MS = 5_000;
/** Mutations are coalesced into one scan at most this long after the first; a page that never stops changing still gets scanned. */
const SCAN_DELAY_MS = 150;
/** How often a visible page's chips are read again from what the extension stored (IndexedDB, no API call). */
const CHIP_REFRESH_MS = 30_000;

/** The page address for the log: path and route, never the query (it may carry tokens). */
function viewKey(): string {
  const hash = location.hash.split('?')[0] ?? '';
  return `${location.pathname}${hash}`.slice(0, 300);
}

function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && isHelperHost(node as Element);
}

/** What the helper reads of the page on each scan. */
interface PageReading {
  view: SellerCenterView;
  keyTable: KeyTable | null;
  found: StatementExport | null;
  orderCodes: OrderCodeAnchor[];
}

function readPage(root: HTMLElement): PageReading {
  return readingOnce(() => {
    const view = classifyView(root);
    return {
      view,
      keyTable: findKeyTable(root),
      found: findStatementExport(root, location.href),
      orderCodes: view === 'orders' ? findOrderCodes(root) : [],
    };
  });
}

function issueOf(
  { view, keyTable, found, orderCodes }: PageReading,
  root: HTMLElement,
): SellerCenterIssue | null {
  if (view === 'keys' && !keyTable) return 'keyTableMissing';
  if (view === 'statement' && !found) return 'exportControlMissing';
  if (view === 'orders' && orderCodes.length === 0 && !showsNoOrders(root)) return 'orderCodesMissing';
  return null;
}

/** Starts the helper in a seller-center tab; returns when its first view is set up. */
export async function startSellerCenterHelper(ctx: ContentScriptContext, deps: HelperDeps): Promise<void> {
  let locale: Locale = DEFAULT_LOCALE;
  try {
    locale = await deps.send('getSellerCenterLocale');
  } catch {
    // The worker may be restarting; Vietnamese is the seller center's own language.
  }
  if (ctx.isInvalid) return;
  const env: HelperEnv = {
    ...deps,
    t: (key, params) => translateHelperText(locale, { key, params }),
    translate: (text) => translateHelperText(locale, text),
    async ask(call) {
      try {
        return { answer: await call() };
      } catch (error) {
        const message = ctx.isInvalid
          ? env.t('sellerCenter.extensionReloaded')
          : env.t('error.unexpected', { message: (error as Error).message });
        return { failure: { ok: false, message } };
      }
    },
    mount: (tag, anchor, append, render) =>
      mountHelperUi(ctx, { tag, anchor, append, css: sellerCenterCss, render }),
  };

  // The corner launcher, shown everywhere but on the key page.
  let launcher: { setVisible(visible: boolean): void } | undefined;
  await env.mount(HELPER_TAG, document.body, 'last', (container) => {
    launcher = renderLauncher(
      container,
      {
        toggle: env.t('sellerCenter.launcher.toggle'),
        where: env.t('sellerCenter.launcher.where'),
        open: env.t('sellerCenter.launcher.open'),
        close: env.t('sellerCenter.launcher.close'),
      },
      () => {
        // The app's own menu link keeps the seller in the single-page app; the guessed URL is the fallback.
        const link = findKeyPageLink(document.body);
        if (link) link.click();
        else location.assign(KEY_PAGE_URL);
      },
    );
  });
  const keyButtons = createKeyButtons(env);
  const statementButton = createStatementButton(env);
  // One parsed sheet for every chip: hundreds of chips must not each parse the CSS.
  const chipSheet = new CSSStyleSheet();
  chipSheet.replaceSync(`:host{all:initial}${sellerCenterCss}`);
  const orderChips = createOrderChips(env, [chipSheet]);
  ctx.onInvalidated(() => orderChips.removeAll());

  // One log line per page view whose expected anchor stays missing once the page has settled.
  let reportedView: string | null = null;
  let issueTimer: number | undefined;
  function watchIssue(issue: SellerCenterIssue | null): void {
    clearTimeout(issueTimer);
    if (!issue || reportedView === viewKey()) return;
    issueTimer = ctx.setTimeout(() => {
      const still = issueOf(readPage(document.body), document.body);
      if (still !== issue || reportedView === viewKey()) return;
      reportedView = viewKey();
      void env.ask(() => deps.send('reportSellerCenterIssue', { issue, page: viewKey() }));
    }, ISSUE_GRACE_MS);
  }

  function scan(): void {
    if (ctx.isInvalid) return;
    const started = performance.now();
    const root = document.body;
    const reading = readPage(root);
    keyButtons.sync(reading.keyTable?.rows ?? []);
    statementButton.sync(reading.found);
    orderChips.sync(reading.orderCodes);
    if (reading.orderCodes.length > 0) {
      performance.clearMeasures(ORDER_SCAN_MEASURE);
      performance.measure(ORDER_SCAN_MEASURE, {
        start: started,
        detail: { codes: reading.orderCodes.length },
      });
    }
    launcher?.setVisible(reading.view !== 'keys');
    watchIssue(issueOf(reading, root));
  }

  let scanTimer: number | undefined;
  const observer = new MutationObserver((records) => {
    if (ctx.isInvalid) return observer.disconnect();
    // Mounting our own hosts is a mutation too; rescanning for it would only find everything in place.
    const pageChanged = records.some((record) => {
      const nodes = [...record.addedNodes, ...record.removedNodes];
      return !isOwnNode(record.target) && (nodes.length === 0 || !nodes.every(isOwnNode));
    });
    if (!pageChanged || scanTimer !== undefined) return;
    scanTimer = ctx.setTimeout(() => {
      scanTimer = undefined;
      scan();
    }, SCAN_DELAY_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    reportedView = null;
    orderChips.forget();
    scan();
  });
  // Back from the dashboard (a fix, a sync), and while the seller watches (the event queue brings orders in every
  // few seconds): the chips say what is stored now. Only a state that changed is drawn again.
  const refreshChips = () => {
    if (document.visibilityState !== 'visible') return;
    orderChips.forget();
    scan();
  };
  ctx.addEventListener(document, 'visibilitychange', refreshChips);
  ctx.setInterval(refreshChips, CHIP_REFRESH_MS);
  scan();
}
