import {
  type ActionButton,
  type ActionOutcome,
  renderActionButton,
} from '../../components/seller-center/action-button';
import { bytesToBase64 } from '../files/base64';
import type { HelperEnv } from './helper-env';
import { type HelperUi, STATEMENT_BUTTON_TAG } from './mount';
import { findStatementExport, type StatementDownload, type StatementExport } from './selectors';
import { fetchStatementFile } from './statement-file';

/**
 * "Đối soát với Nhanh" right after the page's "Xuất sao kê hiện tại". On the seller's click: when the page offers
 * the file (a link, or a spreadsheet it requested), the same bytes are fetched in the page's origin and handed to
 * the extension, which opens Đối soát with them; otherwise the export is triggered as the page would, and if no
 * file shows up Đối soát opens with its picker ready for the file Tiki emails.
 */

/** How long after triggering the export a spreadsheet request of the page still counts as its answer. */
const EXPORT_ANSWER_WAIT_MS = 2_000;
const EXPORT_ANSWER_POLL_MS = 200;

interface PlacedButton {
  control: Element;
  ui: Promise<HelperUi>;
  button?: ActionButton;
}

export function createStatementButton(
  env: HelperEnv,
  options: { exportAnswerWaitMs?: number } = {},
): { sync(found: StatementExport | null): void } {
  let current: PlacedButton | null = null;
  const waitMs = options.exportAnswerWaitMs ?? EXPORT_ANSWER_WAIT_MS;

  function labelFor(found: StatementExport): string {
    return env.t(found.download ? 'sellerCenter.statement.button' : 'sellerCenter.statement.buttonEmail');
  }

  /** The page's export as it is now: the seller may have clicked around since the button was placed. */
  function exportNow(): StatementExport | null {
    return findStatementExport(document.body, location.href, env.requestedUrls());
  }

  async function deliver(download: StatementDownload): Promise<ActionOutcome> {
    const fetched = await fetchStatementFile(download, { fetch: env.fetch });
    if (!fetched.ok) return { ok: false, message: env.translate(fetched.text) };
    const asked = await env.ask(() =>
      env.send('deliverStatementFile', { fileName: fetched.fileName, base64: bytesToBase64(fetched.bytes) }),
    );
    if ('failure' in asked) return asked.failure;
    return { ok: true, message: env.t('sellerCenter.statement.delivered', { name: fetched.fileName }) };
  }

  /** Clicks the page's export, then waits briefly for a spreadsheet request the click may have made. */
  async function triggerExport(control: Element): Promise<StatementDownload | null> {
    const before = new Set(env.requestedUrls());
    (control as HTMLElement).click();
    for (let waited = 0; waited < waitMs; waited += EXPORT_ANSWER_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, EXPORT_ANSWER_POLL_MS));
      const fresh = env.requestedUrls().filter((url) => !before.has(url));
      const download =
        fresh.length > 0 ? findStatementExport(document.body, location.href, fresh)?.download : null;
      if (download) return download;
    }
    return null;
  }

  async function reconcile(): Promise<ActionOutcome> {
    const found = exportNow();
    if (!found) return { ok: false, message: env.t('sellerCenter.statement.controlGone') };
    const download = found.download ?? (await triggerExport(found.control));
    if (download) return deliver(download);
    const asked = await env.ask(() => env.send('openStatementPicker'));
    if ('failure' in asked) return asked.failure;
    return { ok: true, message: env.t('sellerCenter.statement.emailRequested') };
  }

  function remove(): void {
    const gone = current;
    current = null;
    void gone?.ui.then((ui) => ui.remove());
  }

  return {
    sync(found) {
      if (!found || (current && current.control !== found.control)) remove();
      if (!found) return;
      if (current) {
        const placed = current;
        void placed.ui.then((ui) => {
          if (current !== placed) return;
          // The page re-rendered around its control: put the button back, with the label for what it offers now.
          if (!ui.shadowHost.isConnected) ui.mount();
          placed.button?.setLabel(labelFor(found));
        });
        return;
      }
      const placed: PlacedButton = {
        control: found.control,
        ui: env.mount(STATEMENT_BUTTON_TAG, found.control, 'after', (container) => {
          placed.button = renderActionButton(container, {
            label: labelFor(found),
            busyMessage: env.t('sellerCenter.statement.fetching'),
            run: reconcile,
          });
        }),
      };
      current = placed;
    },
  };
}
