import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { JobView } from '../../lib/jobs/views';
import { STOCK_PUSH_ALARM } from '../../lib/stock/schedule';
import {
  downloadAndPairProducts,
  E2E_SHOP_ID,
  expect,
  expectAccessible,
  jobViews,
  serviceWorker,
  storedCatalogue,
  storeSettings,
  test,
} from './fixtures';
import { type RoutedSandbox, routeApisToSandbox, sandboxAdmin, sandboxSettings } from './sandbox-route';

/*
 * Issue 14, "Push stock from Nhanh to Tiki", as a seller does it in Chromium: turn the push on in Cài đặt, preview in
 * Tồn kho, approve a selected product then all, change a product's stock in the sandbox's Nhanh, and see Tiki's
 * quantities (read from the sandbox) follow, and each run in Nhật ký.
 */

type StockJob = 'stock-preview' | 'stock-push';

async function stockJob(page: Page, kind: StockJob): Promise<JobView | undefined> {
  return (await jobViews(page))[`${kind}:${E2E_SHOP_ID}`];
}

/** Runs `start` and waits for the run of `kind` it started (not an earlier one) to end as `ending`; returns its view. */
async function runToEnd(
  page: Page,
  kind: StockJob,
  start: () => Promise<void>,
  ending: JobView['state'] = 'done',
): Promise<JobView> {
  const before = (await stockJob(page, kind))?.startedAt ?? 0;
  await start();
  let view: JobView | undefined;
  await expect
    .poll(
      async () => {
        view = await stockJob(page, kind);
        return view !== undefined && view.startedAt > before && view.state !== 'running';
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  expect(view!.state, JSON.stringify(view!.error)).toBe(ending);
  return view!;
}

/** The preview row of a Tiki product, and the quantity its "Sẽ đẩy" cell shows. */
function stockRow(page: Page, tikiId: number): Locator {
  return page.locator(`table.stock-table tr[data-tiki-id="${tikiId}"]`);
}
async function toPushOf(row: Locator): Promise<number> {
  return Number(await row.locator('.stock-to-push').textContent());
}

async function fireStockAlarm(context: BrowserContext) {
  const worker = await serviceWorker(context);
  await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), STOCK_PUSH_ALARM);
}

/**
 * Stores settings for the sandbox's first shop, connected through its in-house app (Tiki documents stock updates
 * for the seller's own token) unless `key` says by its connection key, its stock push as `stockPush` gives it (off
 * when absent). Returns what the tests need of the seed: the shop, the Nhanh depot counted and Tiki's primary
 * warehouse.
 */
async function storeShop(
  context: BrowserContext,
  running: RoutedSandbox,
  options: { key?: boolean; autoSync?: boolean; stockPush?: boolean } = {},
) {
  const shopSeed = running.sandbox.seed.tiki.shops[0]!;
  const depotId = running.sandbox.seed.nhanh.depots[0]!.id;
  const primary = shopSeed.warehouses!.find((warehouse) => warehouse.is_primary)!;
  const seeded = sandboxSettings(running);
  await storeSettings(context, {
    ...seeded,
    shops: [
      {
        ...seeded.shops[0]!,
        ...(options.key ? {} : { clientId: shopSeed.clientId, clientSecret: shopSeed.clientSecret }),
        ...(options.stockPush
          ? { stockPush: { enabled: true, nhanhDepotIds: [depotId], tikiWarehouseIds: [primary.id] } }
          : {}),
      },
    ],
    autoSync: { enabled: options.autoSync ?? false, intervalMinutes: 15 },
  });
  return { shopSeed, depotId, primary };
}

/** The shop with its stock push on and its products downloaded and paired, in a page open at Tồn kho. */
async function pairedShopAtStock(
  context: BrowserContext,
  extensionId: string,
  running: RoutedSandbox,
): Promise<Page> {
  await storeShop(context, running, { stockPush: true });
  const page = await context.newPage();
  await downloadAndPairProducts(page, extensionId);
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#stock`);
  return page;
}

test.describe('Tồn kho: push stock from Nhanh to Tiki', () => {
  let running: RoutedSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  test('a seller turns the push on in Cài đặt, previews, approves one product then all; a later Nhanh change reaches Tiki on its own; Nhật ký lists each run', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(240_000);
    running = await routeApisToSandbox(context);
    const { shopSeed, depotId, primary } = await storeShop(context, running, { autoSync: true });
    const page = await context.newPage();
    await downloadAndPairProducts(page, extensionId);

    // Tồn kho says the push is off and leads to Cài đặt, where it is turned on: the order depot is offered, the
    // primary Tiki warehouse listed and ticked.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#stock`);
    await expect(
      page.getByText(`Cửa hàng ${shopSeed.name} chưa bật "Đồng bộ tồn kho lên Tiki".`),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Bật trong Cài đặt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cài đặt');
    const panel = page.getByRole('group', { name: 'Đồng bộ tồn kho lên Tiki' });
    await panel.getByLabel('Đẩy tồn kho từ Nhanh lên Tiki cho cửa hàng này').check();
    await expect(panel.getByRole('checkbox', { name: `${primary.name} (#${primary.id})` })).toBeChecked();
    await expect(panel.getByRole('textbox', { name: 'Kho Nhanh được tính' })).toHaveValue(String(depotId));
    // A wrong value is named in the seller's language, next to its field.
    const threshold = panel.getByRole('textbox', { name: 'Ngưỡng về 0' });
    await threshold.fill('-1');
    await expect(panel.getByRole('alert')).toHaveText('phải là số nguyên từ 0 đến 1.000.000.');
    await threshold.fill('0');
    await panel.getByRole('textbox', { name: 'Giữ lại', exact: true }).fill('1');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt.' })).toBeVisible();

    // Tồn kho: nothing read yet; the preview reads both sides and sends nothing.
    await panel.getByRole('link', { name: 'Xem trước và duyệt ở mục Tồn kho' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tồn kho');
    await expect(page.getByText('Chưa có dữ liệu tồn kho của cửa hàng này.', { exact: false })).toBeVisible();
    const sentBefore = running.calls.filter((call) => call.method === 'PUT').length;
    await runToEnd(page, 'stock-preview', () =>
      page.getByRole('button', { name: 'Xem trước', exact: true }).click(),
    );
    expect(running.calls.filter((call) => call.method === 'PUT').length).toBe(sentBefore);
    await expect(page.locator('table.stock-table tr[data-tiki-id]').first()).toBeVisible();
    await expectAccessible(page, 'Tồn kho (preview)');

    // "Sẽ tăng": two products whose Tiki stock is below what Nhanh has.
    await page.locator('[data-filter="willRise"]').click();
    const rising = page.locator('table.stock-table tr[data-tiki-id]');
    await expect(rising.nth(1)).toBeVisible();
    const [first, second] = await Promise.all(
      [0, 1].map(async (n) => Number(await rising.nth(n).getAttribute('data-tiki-id'))),
    );
    const firstToPush = await toPushOf(stockRow(page, first!));
    const secondToPush = await toPushOf(stockRow(page, second!));
    const tikiQuantity = (tikiId: number) =>
      running.sandbox.tiki.productStock(tikiId).warehouses.find((stock) => stock.warehouse_id === primary.id)
        ?.quantity_available;
    const secondBefore = tikiQuantity(second!);
    expect(secondBefore).toBeLessThan(secondToPush);

    // Approve one selected product: only it changes on Tiki.
    await stockRow(page, first!).getByRole('checkbox').check();
    await runToEnd(page, 'stock-push', () =>
      page.getByRole('button', { name: 'Đẩy 1 sản phẩm đã chọn' }).click(),
    );
    expect(tikiQuantity(first!)).toBe(firstToPush);
    expect(tikiQuantity(second!)).toBe(secondBefore);
    await expect(page.getByText('Lần đẩy gần nhất (đẩy tay) xong lúc', { exact: false })).toContainText(
      'đã gửi 1,',
    );

    // Then all: every product the preview would change, the second one included.
    await page.locator('[data-filter="all"]').click();
    await expect(stockRow(page, first!).locator('.badge')).toHaveText('Không đổi');
    const pushAll = page.getByRole('button', { name: /^Đẩy tất cả \(\d+\)$/ });
    const toSend = Number(/\((\d+)\)/.exec((await pushAll.textContent()) ?? '')?.[1]);
    expect(toSend).toBeGreaterThan(0);
    await runToEnd(page, 'stock-push', () => pushAll.click());
    expect(tikiQuantity(second!)).toBe(secondToPush);
    await expect(page.getByText('Lần đẩy gần nhất (đẩy tay) xong lúc', { exact: false })).toContainText(
      `đã gửi ${toSend},`,
    );
    await expect(page.getByRole('button', { name: 'Đẩy tất cả (0)' })).toBeDisabled();
    await expect(stockRow(page, second!).locator('[data-col="tiki"]')).toHaveText(String(secondToPush));

    // A stock bill in Nhanh: the next automatic push (approved above) carries it to Tiki, minus the 1 kept back.
    const nhanhId = Number(
      (await storedCatalogue(page)).pairings
        .find((pairing) => pairing.startsWith(`${first}→`))!
        .split('→')[1],
    );
    const { available } = (await sandboxAdmin(running, '/nhanh/stock', {
      productId: nhanhId,
      depotId,
      change: 25,
    })) as { available: number };
    await runToEnd(page, 'stock-push', () => fireStockAlarm(context));
    expect(tikiQuantity(first!)).toBe(available - 1);
    await expect(page.getByText('Lần đẩy gần nhất (tự động) xong lúc', { exact: false })).toBeVisible();
    await expect(stockRow(page, first!).locator('[data-col="nhanh"]')).toHaveText(String(available));
    await expect(stockRow(page, first!).locator('[data-col="tiki"]')).toHaveText(String(available - 1));

    // Nhật ký: the three push runs, newest first.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    const runs = page
      .locator('.log-table tbody tr')
      .filter({ hasText: `Đẩy tồn kho lên Tiki (${shopSeed.name}): đã gửi` });
    await expect(runs).toHaveCount(3);
    await expect(runs.nth(0)).toContainText('đã gửi 1, không đổi');
    await expect(runs.nth(1)).toContainText(`đã gửi ${toSend},`);
    await expect(runs.nth(2)).toContainText('đã gửi 1, không đổi');
  });

  test('a product Tiki refuses: its own words under the product, in the last run and in the popup; the others are sent', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context);
    const page = await pairedShopAtStock(context, extensionId, running);
    await runToEnd(page, 'stock-preview', () =>
      page.getByRole('button', { name: 'Xem trước', exact: true }).click(),
    );

    // The seller deleted a product on Tiki after the preview: Tiki refuses its update, the rest go through.
    await page.locator('[data-filter="willRise"]').click();
    const victimRow = page.locator('table.stock-table tr[data-tiki-id]').first();
    const victim = Number(await victimRow.getAttribute('data-tiki-id'));
    const victimName = (await victimRow.locator('.cell-main').first().textContent())!;
    await sandboxAdmin(running, `/tiki/products/${victim}/delete`, {});
    await page.locator('[data-filter="all"]').click();
    await runToEnd(page, 'stock-push', () => page.getByRole('button', { name: /^Đẩy tất cả/ }).click());

    const lastRun = page.getByRole('region', { name: 'Lần đẩy gần nhất' });
    await expect(lastRun).toContainText(/đã gửi [1-9]\d*, không đổi \d+, lỗi 1,/);
    const failure = lastRun.getByRole('listitem');
    await expect(failure).toContainText(`${victimName}:`);
    await expect(failure).toContainText('is not found');
    await page.locator('[data-filter="failed"]').click();
    await expect(page.locator('[data-filter="failed"] .count')).toHaveText('1');
    await expect(stockRow(page, victim).locator('.stock-note')).toContainText('Tiki báo:');
    await expect(stockRow(page, victim).locator('.stock-note')).toContainText('is not found');

    // Nhật ký: the run as a warning, the refused product on a line of its own under it.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    const logged = page.locator('.log-table tbody tr').filter({ hasText: 'Đẩy tồn kho lên Tiki (' });
    await expect(logged).toHaveCount(1);
    await expect(logged.locator('td').nth(1)).toHaveText('Cảnh báo');
    await expect(logged.locator('.log-detail')).toContainText(`#${victim} ${victimName}: `);

    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const popup = page.getByRole('region', { name: 'Tồn kho lên Tiki' });
    await expect(popup).toContainText(`1 sản phẩm Tiki không nhận: ${victimName}`);
    await expect(popup.getByRole('button', { name: 'Mở Tồn kho' })).toBeVisible();
    await expectAccessible(page, 'popup (a refused product)');
  });

  test('a preview shows its progress while it reads and stops on "Dừng", saying so', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context);
    const page = await pairedShopAtStock(context, extensionId, running);
    running.sandbox.setFaults({ latencyMs: 400 });
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();

    const progress = page.getByRole('status').filter({ hasText: 'Đang đọc tồn kho…' });
    await expect(progress).toBeVisible();
    await expect(progress.locator('progress')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Xem trước', exact: true })).toBeDisabled();
    await page.getByRole('button', { name: 'Dừng' }).click();
    await expect
      .poll(async () => (await stockJob(page, 'stock-preview'))?.state, { timeout: 30_000 })
      .toBe('cancelled');
    await expect(
      page.getByRole('status').filter({ hasText: 'Lần chạy đã dừng theo yêu cầu.' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Xem trước', exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Dừng' })).toHaveCount(0);
  });

  test('a shop connected by its key: Tiki refuses the push, both screens give the in-house app steps, and once the app is connected in Cài đặt the push goes through', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context);
    const { shopSeed, primary } = await storeShop(context, running, { key: true, stockPush: true });
    const page = await context.newPage();
    await downloadAndPairProducts(page, extensionId);
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#stock`);
    await runToEnd(page, 'stock-preview', () =>
      page.getByRole('button', { name: 'Xem trước', exact: true }).click(),
    );
    const rising = page.locator('table.stock-table tr.stock-willRise[data-tiki-id]').first();
    const risingId = Number(await rising.getAttribute('data-tiki-id'));
    const risingTo = await toPushOf(rising);
    const tikiQuantity = () =>
      running.sandbox.tiki
        .productStock(risingId)
        .warehouses.find((stock) => stock.warehouse_id === primary.id)?.quantity_available;
    const before = tikiQuantity();
    const pushAll = page.getByRole('button', { name: /^Đẩy tất cả/ });
    await runToEnd(page, 'stock-push', () => pushAll.click(), 'failed');
    expect(tikiQuantity()).toBe(before);

    // Tiki's refusal, in plain words, with the steps; no push can start meanwhile.
    const refusal = page
      .getByRole('alert')
      .filter({ hasText: 'Cửa hàng này chưa đẩy được tồn kho lên Tiki' });
    await expect(refusal).toContainText('Tiki từ chối cập nhật tồn kho với cách kết nối hiện tại');
    await expect(refusal).toContainText('Tạo ứng dụng nội bộ (In-house app)');
    await expect(pushAll).toBeDisabled();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    const shopCard = page.getByRole('group', { name: shopSeed.name });
    await expect(
      shopCard.getByRole('alert').filter({ hasText: 'Cửa hàng này chưa đẩy được tồn kho lên Tiki' }),
    ).toBeVisible();

    // The seller follows the steps: the in-house app's client id and secret, saved.
    await shopCard.getByRole('textbox', { name: 'Client ID' }).fill(shopSeed.clientId);
    await shopCard.getByLabel('Client secret').fill(shopSeed.clientSecret);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt.' })).toBeVisible();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#stock`);
    await expect(page.getByRole('alert').filter({ hasText: 'chưa đẩy được' })).toHaveCount(0);
    await runToEnd(page, 'stock-push', () => pushAll.click());
    await expect(page.getByText('Lần đẩy gần nhất (đẩy tay) xong lúc', { exact: false })).toContainText(
      /đã gửi [1-9]\d*,/,
    );
    expect(tikiQuantity()).toBe(risingTo);
  });

  test('a shop Tiki does not let update products: Cài đặt says so with the steps to connect an in-house app, and Tồn kho cannot push', async ({
    context,
    extensionId,
  }) => {
    running = await routeApisToSandbox(context);
    const { shopSeed } = await storeShop(context, running, { key: true, stockPush: true });
    await sandboxAdmin(running, `/tiki/sellers/${shopSeed.sellerId}/can-update-product`, {
      canUpdateProduct: false,
    });

    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    const notice = page
      .getByRole('group', { name: 'Đồng bộ tồn kho lên Tiki' })
      .getByRole('alert')
      .filter({ hasText: 'Cửa hàng này chưa đẩy được tồn kho lên Tiki' });
    await expect(notice).toContainText('can_update_product = 0');
    await expect(notice).toContainText('Tạo ứng dụng nội bộ (In-house app)');
    await expect(notice.getByRole('link', { name: 'Mở open.tiki.vn/console' })).toHaveAttribute(
      'href',
      'https://open.tiki.vn/console',
    );
    await expectAccessible(page, 'Cài đặt (cannot push)');

    await page.goto(`chrome-extension://${extensionId}/dashboard.html#stock`);
    await expect(page.getByRole('alert').filter({ hasText: 'can_update_product = 0' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Đẩy tất cả/ })).toBeDisabled();
  });
});
