import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import type { OrderRecord } from '../../lib/db';
import type { TikiOrder } from '../../lib/tiki/schemas';
import { expectedImports } from '../fixtures/expected-orders';
import { BLOCKED_BY_UNPAIRED, FAILED_IN_NHANH, storedOrder } from '../fixtures/order-records';
import {
  type ListedOrder,
  orderCodes,
  orderDetailPage,
  orderListPage,
} from '../fixtures/seller-center/order-pages';
import {
  activityLog,
  downloadAndPairProducts,
  E2E_SHOP_ID,
  expect,
  serviceWorker,
  storedCatalogue,
  storeSettings,
  test,
} from './fixtures';
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

const ORDER_LIST = 'https://sellercenter.tiki.vn/new/#/orders';

/** Serves a look-alike order page for every seller-center URL (its script routes by hash, as the app does). */
async function servePage(context: BrowserContext, html: string) {
  await context.route('https://sellercenter.tiki.vn/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** Stores order records as the order sync would have, once the extension has created its database. */
async function storeOrders(context: BrowserContext, records: OrderRecord[]) {
  const worker = await serviceWorker(context);
  await expect
    .poll(() =>
      worker.evaluate(async () =>
        (await indexedDB.databases()).some(
          (db) => db.name === 'nhanh-tiki-companion' && (db.version ?? 0) >= 4,
        ),
      ),
    )
    .toBe(true);
  await worker.evaluate(
    (values) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nhanh-tiki-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('orders', 'readwrite');
          for (const value of values) tx.objectStore('orders').put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

function record(code: string, fields: Partial<OrderRecord>): OrderRecord {
  return storedOrder(E2E_SHOP_ID, code, { tikiCreatedAt: Date.now(), tikiUpdatedAt: Date.now(), ...fields });
}

const chips = (page: Page) => page.locator('nhanh-tiki-order-chip');
const chipOf = (page: Page, code: string) =>
  page.locator(
    `tr[data-code="${code}"] nhanh-tiki-order-chip, .css-value:has-text("${code}") nhanh-tiki-order-chip`,
  );

/** The chips' main-thread cost as the content script measured it (User Timing), collected by the page. */
async function collectMeasures(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: { name: string; duration: number; detail: unknown }[] = [];
    (window as unknown as { chipMeasures: typeof seen }).chipMeasures = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.name.startsWith('nhanh-tiki-order'))
          seen.push({
            name: entry.name,
            duration: entry.duration,
            detail: (entry as PerformanceMeasure).detail,
          });
    }).observe({ type: 'measure', buffered: true });
    const longTasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = longTasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

test.describe('order chips in the seller center', () => {
  test('each order shows its state in Nhanh, and “Đẩy sang Nhanh ngay” imports a not-yet-synced order', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    const running = await routeApisToSandbox(context);
    try {
      await storeSettings(context, sandboxSettings(running));
      const dashboard = await context.newPage();
      await downloadAndPairProducts(dashboard, extensionId);
      // A buyer places an order of paired products now: no sync has seen it yet.
      const paired = new Set(
        (await storedCatalogue(dashboard)).pairings.map((pair) => Number(pair.split('→')[0])),
      );
      const seedOrders = running.sandbox.seed.tiki.shops[0]!.orders as TikiOrder[];
      const [template] = expectedImports(seedOrders, {
        groups: ['new'],
        now: Date.now(),
        paired: (id) => paired.has(id),
      });
      const fresh = running.sandbox.tiki.placeOrder(template!.code);
      const [imported, blocked, failed] = orderCodes(3, 812_300_000);
      await storeOrders(context, [
        record(imported!, { nhanhOrderId: 990_001, nhanhStatus: 'Confirmed', syncState: 'imported' }),
        record(blocked!, BLOCKED_BY_UNPAIRED),
        record(failed!, FAILED_IN_NHANH),
      ]);
      const listed: ListedOrder[] = [imported, blocked, failed, fresh].map((code) => ({ code: code! }));
      await servePage(context, orderListPage(listed));

      const page = await context.newPage();
      await page.goto(ORDER_LIST);
      await expect(chips(page)).toHaveCount(4);
      const toNhanh = chipOf(page, imported!).getByRole('link');
      await expect(toNhanh).toHaveText('Đã có trên Nhanh · #990001 · Đã xác nhận');
      await expect(toNhanh).toHaveAttribute('href', 'https://nhanh.vn/order/manage/detail?id=990001');
      await expect(chipOf(page, blocked!).getByRole('button')).toHaveText(
        'Bị chặn: Sản phẩm Sổ tay bìa da A5 (ST-A5) chưa được ghép với sản phẩm trên Nhanh',
      );
      await expect(chipOf(page, failed!)).toContainText(
        'Lỗi: Nhanh từ chối yêu cầu: Số điện thoại không hợp lệ',
      );
      await expect(chipOf(page, fresh)).toContainText('Chưa đồng bộ');
      // Every chip reads well (contrast, names of its link and buttons) over the page's own loud styles. Tried again
      // while axe's frame contexts race a chip redraw ("No elements found for include", seen once in five runs).
      await expect(async () => {
        const { violations, passes } = await new AxeBuilder({ page })
          .include('nhanh-tiki-order-chip')
          .withTags(['wcag2a', 'wcag2aa'])
          .analyze();
        expect(violations.map((violation) => violation.id)).toEqual([]);
        expect(passes.map((pass) => pass.id)).toContain('color-contrast');
      }).toPass({ timeout: 15_000 });

      // A page script clicking the button does nothing: only the seller's own click pushes.
      const push = chipOf(page, fresh).getByRole('button', { name: 'Đẩy sang Nhanh ngay' });
      await page.evaluate((code) => {
        const host = document.querySelector(`tr[data-code="${code}"] nhanh-tiki-order-chip`);
        (host?.shadowRoot?.querySelector('button') as HTMLButtonElement | null)?.click();
      }, fresh);
      await page.waitForTimeout(1_000);
      const inNhanh = () =>
        running.sandbox.nhanh.snapshot().orders.filter((order) => order.appOrderId === fresh);
      expect(inNhanh()).toHaveLength(0);
      // The chips came from what the extension stored: no API call named any of the listed orders.
      const aboutListed = () =>
        running.calls.filter((call) => listed.some(({ code }) => call.path.includes(code)));
      expect(aboutListed()).toEqual([]);

      await push.click();
      await expect(chipOf(page, fresh).getByRole('link')).toHaveText(/^Đã có trên Nhanh · #\d+ · Đơn mới$/, {
        timeout: 30_000,
      });
      expect(inNhanh()).toHaveLength(1);
      // One shop: no probing of whose order it is, just the import's own re-read of that order on Tiki.
      expect(aboutListed().map((call) => `${call.api} ${call.method} ${call.path}`)).toEqual([
        `tiki GET /integration/v2/orders/${fresh}`,
      ]);
      await expect(chipOf(page, fresh).getByRole('link')).toHaveText(
        `Đã có trên Nhanh · #${inNhanh()[0]!.id} · Đơn mới`,
      );
      // The click stayed on the chip: the row's own handler (open the order) did not run.
      expect(page.url()).toBe(ORDER_LIST);

      // The blocked chip opens the fix in the dashboard, as Đơn hàng's shortcut does.
      await chipOf(page, blocked!).getByRole('button').click();
      await expect
        .poll(() => context.pages().some((open) => open.url().includes('/dashboard.html#products')))
        .toBe(true);
    } finally {
      await running.close();
    }
  });

  test('filters, pagination, a re-render and a route to an order’s page keep exactly one chip per order', async ({
    context,
  }) => {
    const listed: ListedOrder[] = orderCodes(25).map((code, index) => ({
      code,
      status: index % 5 === 4 ? 'canceled' : 'queueing',
    }));
    await servePage(context, orderListPage(listed));
    const page = await context.newPage();
    await page.goto(ORDER_LIST);
    await expect(chips(page)).toHaveCount(10);
    await expect(chips(page).first()).toContainText('Chưa đồng bộ');
    // The app draws the same rows again a moment later: still one chip each.
    await page.waitForTimeout(1_000);
    await expect(chips(page)).toHaveCount(10);

    await page.getByRole('button', { name: '2', exact: true }).click();
    await expect(page.locator('tr[data-code="812345610"] nhanh-tiki-order-chip')).toHaveCount(1);
    await expect(chips(page)).toHaveCount(10);
    await expect(page.locator('tr[data-code="812345600"]')).toHaveCount(0);

    await page.getByRole('tab', { name: 'Đã hủy' }).click();
    await expect(chips(page)).toHaveCount(5);
    await page.getByRole('tab', { name: 'Đang giao' }).click();
    await expect(page.getByText('Không có đơn hàng nào')).toBeVisible();
    await expect(chips(page)).toHaveCount(0);
    await page.getByRole('tab', { name: /Tất cả/ }).click();
    await expect(chips(page)).toHaveCount(10);

    // A route to an order's page (hash change), and back.
    await page.getByRole('link', { name: '812345603' }).click();
    await expect(page.getByRole('heading', { name: 'Chi tiết đơn hàng' })).toBeVisible();
    await expect(chips(page)).toHaveCount(1);
    await expect(page.locator('.css-value nhanh-tiki-order-chip')).toContainText('Chưa đồng bộ');
    await page.goBack();
    await expect(chips(page)).toHaveCount(10);
  });

  test('an order page the helper cannot read stays untouched and logs one line', async ({ context }) => {
    const changed = orderDetailPage('812345678').replace('Mã đơn hàng:', 'Số hiệu:');
    await servePage(context, changed);
    const page = await context.newPage();
    await page.goto('https://sellercenter.tiki.vn/new/#/orders/812345678');
    await expect(page.getByRole('heading', { name: 'Chi tiết đơn hàng' })).toBeVisible();
    const logged = () =>
      activityLog(context).then((entries) =>
        entries.filter((entry) => entry.text.key === 'sellerCenter.log.orderCodesMissing'),
      );
    await expect.poll(logged, { timeout: 15_000 }).toHaveLength(1);
    expect((await logged())[0]?.text.params).toEqual({ page: '/new/#/orders/812345678' });
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('p')));
    await page.waitForTimeout(6_500);
    expect(await logged()).toHaveLength(1);
    await expect(chips(page)).toHaveCount(0);
  });

  test('200 orders on one page get their chips in little main-thread time (figures printed)', async ({
    context,
  }) => {
    test.setTimeout(90_000);
    await collectMeasures(context);
    await servePage(
      context,
      orderListPage(
        orderCodes(200).map((code) => ({ code })),
        200,
      ),
    );
    const page = await context.newPage();
    type Measure = { name: string; duration: number; detail: unknown };
    const measures = () =>
      page.evaluate(() => (window as unknown as { chipMeasures: Measure[] }).chipMeasures);
    const named = (all: Measure[], name: string) =>
      all.filter((entry) => entry.name === `nhanh-tiki-order-${name}`);
    const fullDraw = (all: Measure[]) =>
      named(all, 'chips').find((entry) => (entry.detail as { chips: number }).chips === 200);

    // Five first visits (a fresh page each time): the scan that finds the 200 codes, then the first drawing of their chips.
    const firstVisits: number[] = [];
    for (let visit = 0; visit < 5; visit++) {
      await page.goto(`https://sellercenter.tiki.vn/new/?visit=${visit}#/orders`);
      await expect.poll(async () => fullDraw(await measures()) !== undefined).toBe(true);
      const all = await measures();
      firstVisits.push(named(all, 'scan')[0]!.duration + fullDraw(all)!.duration);
    }
    await expect(chips(page)).toHaveCount(200);
    await expect(chips(page).last()).toContainText('Chưa đồng bộ');

    // The app draws its 200 rows again, ten times: each time a scan reads the page and puts every chip back.
    const scansSoFar = async () => named(await measures(), 'scan').length;
    const before = await scansSoFar();
    for (let round = 0; round < 10; round++) {
      const seen = await scansSoFar();
      await page.evaluate(() => (window as unknown as { rerenderRows: () => void }).rerenderRows());
      await expect.poll(scansSoFar).toBeGreaterThan(seen);
    }
    await expect(chips(page)).toHaveCount(200);
    const redraws = named(await measures(), 'scan')
      .slice(before)
      .map((entry) => entry.duration);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

    const ms = (value: number | undefined) => `${(value ?? Number.NaN).toFixed(1)} ms`;
    const spread = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `min ${ms(sorted[0])}, median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted.at(-1))}`;
    };
    console.log(
      [
        'order chips, 200 rows: main-thread time in Chromium (the content script’s User Timing; wall time, so a busy machine inflates it)',
        `  first visit, scan + first drawing of 200 chips, 5 fresh pages: ${spread(firstVisits)} (target < 50 ms)`,
        `  the app redraws its rows, scan + 200 chips put back, 10 times: ${spread(redraws)} (target < 50 ms)`,
        `  long tasks (> 50 ms) on the last page: ${longTasks.length > 0 ? longTasks.map(ms).join(', ') : 'none'}`,
      ].join('\n'),
    );
  });
});
