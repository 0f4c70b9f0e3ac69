import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { SETTINGS_VERSION } from '../../lib/config/settings-schema';
import { type JobView, readJobViews } from '../../lib/jobs/views';
import { type OrderSyncView, orderSyncViews } from '../../lib/sync/sync-view';

export const EXTENSION_PATH = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES = path.resolve('tests/fixtures');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A fresh Chromium profile with the built extension loaded (`wxt build` first). Close it when done. */
export function launchExtension(): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * Each test gets a fresh profile (`launchExtension`). No network: every host the extension or the pages touch is
 * answered by `context.route`, and anything unrouted is refused.
 */
export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  context: async ({}, use) => {
    const context = await launchExtension();
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = await serviceWorker(context);
    // The first install opens Cài đặt in a tab of its own, or re-points an open dashboard there: a test starts once
    // that has happened, so its own first navigation is never cut short by it.
    await base.expect
      .poll(() => context.pages().some((page) => page.url().includes('/dashboard.html#settings')), {
        timeout: 10_000,
      })
      .toBe(true);
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;

/** No serious or critical accessibility violation (axe, WCAG 2 A and AA) on the page as it is now. */
export async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const grave = violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    grave.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
    `${where}: serious or critical accessibility violations`,
  ).toEqual([]);
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [worker] = context.serviceWorkers();
  return worker ?? (await context.waitForEvent('serviceworker'));
}

/** Stores settings as the extension keeps them (the value and its schema version), as if the seller saved them. */
export async function storeSettings(context: BrowserContext, settings: object): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate(
    ([value, version]) => chrome.storage.local.set({ settings: value, settings$: { v: version } }),
    [settings, SETTINGS_VERSION] as const,
  );
}

/**
 * Stops the extension's service worker the way the browser does when it idles it out (CDP
 * `Target.closeTarget`), so tests can prove that nothing lives only in the worker's memory.
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter(
      (target) =>
        target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    for (const target of workers) await cdp.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
}

/** Serves a saved look-alike page at its real seller-center URL. */
export async function serveSellerCenterPage(context: BrowserContext, urlGlob: string, fixtureName: string) {
  await context.route(urlGlob, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(fixtureName) }),
  );
}

/** Downloads both catalogues in Sản phẩm and pairs them automatically, as a seller starts (settings stored first). */
export async function downloadAndPairProducts(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#products`);
  await page.getByRole('button', { name: 'Tải sản phẩm' }).click();
  await test.expect(page.getByRole('status')).toContainText('Nhanh: đã tải', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Ghép tự động' }).click();
  await test.expect(page.getByRole('status')).toContainText('Ghép tự động:');
}

/** Tồn kho: runs "Xem trước" and waits for the preview table (the shop's stock push on in the stored settings). */
export async function previewStockFromPage(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#stock`);
  await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
  await test
    .expect(page.locator('table.stock-table tr[data-tiki-id]').first())
    .toBeVisible({ timeout: 60_000 });
}

/**
 * The Chrome Web Store's screenshots (1280×800) are taken from the demo by the e2e tests themselves, so they show the
 * product as it is; only `npm run store:screenshots` (STORE_SCREENSHOTS=1) writes them into `store/screenshots/`.
 */
export async function storeScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.STORE_SCREENSHOTS !== '1') return;
  const directory = path.resolve('store/screenshots');
  mkdirSync(directory, { recursive: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(directory, `${name}.png`) });
  if (viewport) await page.setViewportSize(viewport);
}

/** Đối soát: imports a statement file through the section's picker, as a seller does, and waits for it to land. */
export async function importStatementFromPage(
  page: Page,
  extensionId: string,
  statement: { fileName: string; bytes: Uint8Array },
): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#reconcile`);
  await page.getByTestId('statement-input').setInputFiles({
    name: statement.fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(statement.bytes),
  });
  await base.expect(page.getByText(`Đã nhập ${statement.fileName}`)).toBeVisible({ timeout: 60_000 });
}

export const E2E_SHOP_ID = 'e2e-shop';

/** Every worker job's view, read from storage by an extension page (works while the worker is stopped). */
export async function jobViews(page: Page): Promise<Record<string, JobView>> {
  return readJobViews(await page.evaluate(async () => (await chrome.storage.local.get('jobs')).jobs));
}

/** The shop's order-sync view (see `jobViews`). */
export async function orderSyncView(page: Page, shopId = E2E_SHOP_ID): Promise<OrderSyncView | undefined> {
  return orderSyncViews(await jobViews(page))[shopId];
}

/** Tiki product ids paired in the extension's database (read in an extension page). */
export async function pairedProductIds(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('nhanh-tiki-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('productMappingChunks').objectStore('productMappingChunks');
          const request = store.getAll();
          request.onsuccess = () => {
            const chunks = request.result as { mappings: { tikiProductId: number }[] }[];
            resolve(chunks.flatMap((chunk) => chunk.mappings.map((mapping) => mapping.tikiProductId)));
            open.result.close();
          };
        };
      }),
  );
}

/** What the extension stored of the catalogues and pairings (read in an extension page, worker running or not). */
export interface StoredCatalogue {
  /** The shop's Tiki products: id, and whether a download marked it deleted on Tiki. */
  tiki: { id: number; deletedOnTiki: boolean }[];
  nhanhIds: number[];
  /** The shop's pairings, `tikiProductId→nhanhProductId`. */
  pairings: string[];
}

export async function storedCatalogue(page: Page, shopId = E2E_SHOP_ID): Promise<StoredCatalogue> {
  const stored = await page.evaluate(
    (shop) =>
      new Promise<StoredCatalogue>((resolve, reject) => {
        const open = indexedDB.open('nhanh-tiki-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['tikiProductChunks', 'nhanhProductChunks', 'productMappingChunks']);
          const all = (store: string) =>
            new Promise<unknown[]>((done, fail) => {
              const request = tx.objectStore(store).getAll();
              request.onsuccess = () => done(request.result);
              request.onerror = () => fail(request.error);
            });
          Promise.all([all('tikiProductChunks'), all('nhanhProductChunks'), all('productMappingChunks')])
            .then(([tiki, nhanh, mappings]) => {
              type Chunk<T> = { shopId?: string; products?: T[]; mappings?: T[] };
              const ofShop = (chunks: unknown[]) =>
                (chunks as Chunk<never>[]).filter((chunk) => chunk.shopId === shop);
              resolve({
                tiki: ofShop(tiki).flatMap((chunk) =>
                  (chunk as Chunk<{ id: number; deletedOnTiki: boolean }>).products!.map(
                    ({ id, deletedOnTiki }) => ({
                      id,
                      deletedOnTiki,
                    }),
                  ),
                ),
                nhanhIds: (nhanh as Chunk<{ id: number }>[]).flatMap((chunk) =>
                  chunk.products!.map(({ id }) => id),
                ),
                pairings: ofShop(mappings).flatMap((chunk) =>
                  (chunk as Chunk<{ tikiProductId: number; nhanhProductId: number }>).mappings!.map(
                    (mapping) => `${mapping.tikiProductId}→${mapping.nhanhProductId}`,
                  ),
                ),
              });
              db.close();
            })
            .catch(reject);
        };
      }),
    shopId,
  );
  const byNumber = (a: number, b: number) => a - b;
  return {
    tiki: stored.tiki.sort((a, b) => a.id - b.id),
    nhanhIds: stored.nhanhIds.sort(byNumber),
    pairings: stored.pairings.sort(),
  };
}

/**
 * Clicks "Tải đơn" in Đơn hàng (opened first unless the page is there already) with the statuses ticked, and
 * waits for that run, not an earlier one, to finish: the page then shows it as the last run. Returns its view.
 */
export async function importOrdersFromPage(page: Page, extensionId: string): Promise<OrderSyncView> {
  const section = `chrome-extension://${extensionId}/dashboard.html#orders`;
  if (page.url() !== section) await page.goto(section);
  const previousRun = (await orderSyncView(page))?.runId;
  await page.getByRole('button', { name: 'Tải đơn' }).click();
  let view: OrderSyncView | undefined;
  await test.expect
    .poll(
      async () => {
        view = await orderSyncView(page);
        return view !== undefined && view.runId !== previousRun && view.state !== 'running';
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  test.expect(view!.state, JSON.stringify(view!.error)).toBe('done');
  await test.expect(page.getByText('Lần chạy gần nhất (Tải tay) xong lúc', { exact: false })).toBeVisible();
  return view!;
}

/** Every line of the activity log (Nhật ký), read from the extension's database by its service worker. */
export async function activityLog(context: BrowserContext) {
  const worker = await serviceWorker(context);
  return worker.evaluate(
    () =>
      new Promise<{ level: string; text: { key: string; params?: Record<string, unknown> } }[]>(
        (resolve, reject) => {
          const request = indexedDB.open('nhanh-tiki-companion');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const all = request.result.transaction('activityLog').objectStore('activityLog').getAll();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
          };
        },
      ),
  );
}
