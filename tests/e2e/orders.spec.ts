import type { BrowserContext, Page } from '@playwright/test';
import { groupOf, type OrderGroup } from '../../lib/orders/status-map';
import { isWithinOrderWindow } from '../../lib/orders/window';
import { parseTikiDateTime } from '../../lib/tiki/contract';
import type { TikiOrder } from '../../lib/tiki/schemas';
import type { RunningSandbox } from '../../sandbox/server';
import { expectedImports } from '../fixtures/expected-orders';
import {
  downloadAndPairProducts,
  expect,
  importOrdersFromPage,
  orderSyncView,
  pairedProductIds,
  serviceWorker,
  stopServiceWorker,
  storeSettings,
  test,
} from './fixtures';
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

const GROUPS: OrderGroup[] = ['new', 'confirmed', 'success', 'canceled'];
async function fireAlarm(context: BrowserContext) {
  const worker = await serviceWorker(context);
  await worker.evaluate(() => chrome.alarms.create('order-sync', { when: Date.now() }));
}

test.describe('Đơn hàng: automatic sync', () => {
  let running: RunningSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  test('an alarm imports the orders; the worker is stopped mid-run and the next wake finishes with exactly the expected orders', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context);
    await storeSettings(context, {
      ...sandboxSettings(running),
      orderStatusFilter: GROUPS,
      autoSync: { enabled: true, intervalMinutes: 15 },
    });
    const page = await context.newPage();
    await downloadAndPairProducts(page, extensionId);
    const paired = new Set(await pairedProductIds(page));
    const now = Date.now();
    const expected = expectedImports(running.sandbox.seed.tiki.shops[0]!.orders as TikiOrder[], {
      groups: GROUPS,
      now,
      paired: (id) => paired.has(id),
    })
      .map((order) => order.code)
      .sort();
    expect(expected.length).toBeGreaterThan(40);

    // Slow Nhanh and Tiki down so the run is still going when the worker is stopped.
    running.sandbox.setFaults({ latencyMs: 60 });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#orders`);
    await fireAlarm(context);
    await expect
      .poll(async () => (await orderSyncView(page))?.counts.created ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(15);
    const beforeStop = (await orderSyncView(page))!;
    expect(beforeStop.state).toBe('running');
    await stopServiceWorker(context, extensionId);

    const createdWhileStopped = running.sandbox.nhanh.snapshot().orders.length;
    expect(createdWhileStopped).toBeLessThan(expected.length);
    // The dashboard follows the job from storage: it still shows the interrupted run's progress.
    await expect(page.getByRole('status').filter({ hasText: 'Đang tải đơn…' })).toBeVisible();

    // The next wake (here the alarm again) resumes the same run from its cursor.
    running.sandbox.setFaults({ latencyMs: 0 });
    await page.evaluate(() => chrome.alarms.create('order-sync', { when: Date.now() }));
    await expect.poll(async () => (await orderSyncView(page))?.state, { timeout: 60_000 }).toBe('done');
    const finished = (await orderSyncView(page))!;
    expect(finished.runId).toBe(beforeStop.runId);

    const inNhanh = running.sandbox.nhanh.snapshot().orders.map((order) => order.appOrderId);
    expect(new Set(inNhanh).size).toBe(inNhanh.length);
    expect([...inNhanh].sort()).toEqual(expected);

    // The section shows the run's results, grouped.
    await expect(page.getByText('Lần chạy gần nhất (Tự động) xong lúc', { exact: false })).toBeVisible();
    await expect(page.locator('details.outcome-created summary')).toContainText('Tạo mới trên Nhanh');
  });
});

test.describe('Đơn hàng: a blocked order leads to its product', () => {
  let running: RunningSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  /** The sandbox's shop importing status Mới, its products downloaded and paired by the rules. */
  async function pairedShop(context: BrowserContext, extensionId: string): Promise<Page> {
    running = await routeApisToSandbox(context);
    await storeSettings(context, { ...sandboxSettings(running), orderStatusFilter: ['new'] });
    const page = await context.newPage();
    await downloadAndPairProducts(page, extensionId);
    return page;
  }

  test("a blocked order's shortcut opens Sản phẩm at that product with its pairing open; a bad link opens just the section", async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(90_000);
    const page = await pairedShop(context, extensionId);

    await importOrdersFromPage(page, extensionId);
    const blocker = page
      .locator('details.outcome-blocked .orders-blockers li')
      .filter({ hasText: 'chưa được ghép với sản phẩm trên Nhanh' })
      .first();
    const shortcut = blocker.getByRole('link', { name: 'Ghép sản phẩm' });
    const href = (await shortcut.getAttribute('href'))!;
    const tikiId = Number(/^#products\?shop=e2e-shop&tiki=(\d+)$/.exec(href)?.[1]);
    const product = running.sandbox.seed.tiki.shops[0]!.orders.flatMap((order) => (order as TikiOrder).items)
      .map((item) => item.product)
      .find((candidate) => candidate.id === tikiId)!;
    const sku = product.seller_product_code || product.sku;
    await expect(blocker).toContainText(`Sản phẩm ${product.name} (${sku}) chưa được ghép`);

    await shortcut.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sản phẩm');
    // Narrowed to the product by the code the order named, scrolled to, marked, and its pairing opened.
    await expect(page.getByRole('searchbox', { name: 'Tìm theo tên, SKU hoặc mã' })).toHaveValue(sku);
    const row = page.locator(`tr[data-tiki-id="${tikiId}"]`);
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row).toBeInViewport();
    const dialog = page.getByRole('dialog', { name: `Ghép "${product.name}" với một sản phẩm Nhanh` });
    await expect(dialog).toBeVisible();
    // The link is acted on once: the address is the bare section again, so a reload does not reopen it.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#products');

    // Pairing from there unblocks the product; going back, the same shortcut still works.
    const nhanh = running.sandbox.seed.nhanh.products.find((candidate) => !candidate.isParent)!;
    await dialog.getByRole('searchbox').fill(nhanh.code);
    await dialog.getByRole('button', { name: `Ghép ${nhanh.code}`, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `với ${nhanh.code}` })).toBeVisible();
    await expect(row.locator('.badge')).toHaveText('Đã ghép');

    // A hand-edited link with a bad product id: just the section, nothing opened.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#orders`);
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#products?shop=e2e-shop&tiki=abc`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sản phẩm');
    await expect(page.getByRole('searchbox', { name: 'Tìm theo tên, SKU hoặc mã' })).toHaveValue('');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test("a product changed on Tiki since pairing: the order's shortcut opens Sản phẩm with that product's one-click re-pair focused", async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(90_000);
    const page = await pairedShop(context, extensionId);
    const paired = new Set(await pairedProductIds(page));
    const now = Date.now();
    const item = (running.sandbox.seed.tiki.shops[0]!.orders as TikiOrder[])
      .filter(
        (order) =>
          groupOf(order.status) === 'new' &&
          isWithinOrderWindow(parseTikiDateTime(order.updated_at), now) &&
          // An order Tiki ships from its own warehouse (FBT) is set aside before its products are looked at.
          !order.items.every((line) => line.product.inventory_type === 'instock'),
      )
      .flatMap((order) => order.items)
      .find((line) => paired.has(line.product.id))!;
    const renamed = `${item.product.name} (mẫu mới)`;

    // The seller renames the product on Tiki (a later route wins): the next download marks it "cần ghép lại".
    await context.route('https://api.tiki.vn/integration/v2.1/products**', async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `${running.origin}/tiki${url.pathname}${url.search}` });
      const body = await response.json();
      for (const product of body.data ?? [])
        if ((product.product_id ?? product.id) === item.product.id) product.name = renamed;
      await route.fulfill({ response, json: body });
    });
    await page.getByRole('button', { name: 'Tải sản phẩm' }).click();
    await expect(page.getByRole('status').first()).toContainText('Nhanh: đã tải', { timeout: 30_000 });

    await importOrdersFromPage(page, extensionId);
    const blocker = page
      .locator('details.outcome-blocked .orders-blockers li')
      .filter({ hasText: 'đã bị sửa tên, SKU hoặc thuộc tính trên Tiki' })
      .filter({ has: page.locator(`a[href$="&tiki=${item.product.id}"]`) })
      .first();
    await blocker.getByRole('link', { name: 'Xem trong Sản phẩm' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sản phẩm');
    const row = page.locator(`tr[data-tiki-id="${item.product.id}"]`);
    await expect(row).toHaveAttribute('aria-current', 'true');
    await expect(row.locator('.badge')).toHaveText('Cần ghép lại');
    const repair = row.getByRole('button', { name: /^Ghép lại với / });
    await expect(repair).toBeFocused();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await repair.click();
    await expect(row.locator('.badge')).toHaveText('Đã ghép');
  });

  test('the shortcut of a product deleted on Tiki opens Cài đặt at "Luôn lấy sản phẩm về"', async ({
    context,
    extensionId,
  }) => {
    // The tab the first install opens at Cài đặt: once it is there, nothing else moves the dashboard.
    await expect
      .poll(() => context.pages().some((open) => open.url().includes('/dashboard.html')))
      .toBe(true);
    const page = context.pages().find((open) => open.url().includes('/dashboard.html'))!;
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhật ký');
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings?field=alwaysFetchProducts`);
    await expect(page.getByRole('checkbox', { name: 'Luôn lấy sản phẩm về' })).toBeFocused();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#settings');
  });
});
