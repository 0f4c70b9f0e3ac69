import type { RunningSandbox } from '../../sandbox/server';
import { createTikiStatement } from '../../sandbox/statement';
import {
  downloadAndPairProducts,
  expect,
  importOrdersFromPage,
  importStatementFromPage,
  storeSettings,
  test,
} from './fixtures';
import { type ApiCall, type RoutedSandbox, routeApisToSandbox, sandboxSettings } from './sandbox-route';

/** `api METHOD /path`, one per distinct endpoint (an id or code in the path reads `{id}`). */
const distinct = (calls: ApiCall[]) => [
  ...new Set(
    calls.map((call) => `${call.api} ${call.method} ${call.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`),
  ),
];

test.describe('Tiki and Nhanh are only called by the service worker', () => {
  let running: RunningSandbox | undefined;
  test.afterEach(async () => {
    await running?.close();
  });

  test('Cài đặt, Sản phẩm, Đơn hàng and Đối soát: every API request their flows cause comes from the worker, none from a page', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(150_000);
    const routed: RoutedSandbox = await routeApisToSandbox(context);
    running = routed;
    await storeSettings(context, sandboxSettings(routed));
    const shop = routed.sandbox.seed.tiki.shops[0]!;
    const page = await context.newPage();
    /** The calls a flow caused (made since the previous section). */
    let seen = 0;
    const callsOfSection = () => {
      const section = routed.calls.slice(seen);
      seen = routed.calls.length;
      return section;
    };

    // Cài đặt: both connection checks.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await page
      .getByRole('group', { name: shop.name })
      .getByRole('button', { name: 'Kiểm tra kết nối' })
      .click();
    await expect(page.getByText('Kết nối Tiki tốt', { exact: false })).toBeVisible();
    await page
      .getByRole('group', { name: 'Kết nối Nhanh.vn' })
      .getByRole('button', { name: 'Kiểm tra kết nối' })
      .click();
    await expect(page.getByText('Kết nối Nhanh tốt', { exact: false })).toBeVisible();
    const settingsCalls = callsOfSection();

    // Sản phẩm: download both catalogues, pair automatically, create one unpaired product in Nhanh.
    await downloadAndPairProducts(page, extensionId);
    await page.getByRole('button', { name: /^Chưa ghép/ }).click();
    const name = (await page
      .locator('tbody tr.state-unpaired')
      .first()
      .locator('.cell-main')
      .first()
      .textContent())!;
    await page.getByRole('checkbox', { name: `Chọn ${name}`, exact: true }).check();
    await page.getByRole('button', { name: 'Tạo trên Nhanh (1)' }).click();
    const preview = page.getByRole('dialog', { name: 'Xem trước: sản phẩm sẽ tạo trên Nhanh' });
    await preview.getByRole('button', { name: 'Tạo 1 sản phẩm trên Nhanh' }).click();
    await expect(preview.getByRole('status')).toContainText('Đã tạo và ghép 1 sản phẩm');
    await preview.getByRole('button', { name: 'Đóng' }).click();
    const productsCalls = callsOfSection();

    // Đơn hàng: one import of the ticked statuses.
    await importOrdersFromPage(page, extensionId);
    const ordersCalls = callsOfSection();

    // Đối soát: the sandbox's statement; its orders are matched with what Tiki and Nhanh say of them.
    const statement = createTikiStatement({ ...shop, orders: shop.orders }, Date.now());
    await importStatementFromPage(page, extensionId, statement);
    await expect(
      page.locator('fieldset.reconcile-filters').getByRole('button', { name: /Khớp \d+/ }),
    ).toBeVisible();
    const reconcileCalls = callsOfSection();

    const sections = {
      settings: settingsCalls,
      products: productsCalls,
      orders: ordersCalls,
      reconcile: reconcileCalls,
    };
    test.info().annotations.push({
      type: 'api calls',
      description: Object.entries(sections)
        .map(([section, calls]) => `${section}: ${calls.length} (${distinct(calls).join(', ')})`)
        .join('; '),
    });
    // Each flow reached the APIs, and between them both APIs were called.
    expect(settingsCalls.map((call) => call.api)).toEqual(expect.arrayContaining(['tiki', 'nhanh']));
    expect(distinct(productsCalls)).toEqual(
      expect.arrayContaining(['nhanh POST /v3.0/product/list', 'nhanh POST /v3.0/product/add']),
    );
    expect(productsCalls.some((call) => call.api === 'tiki')).toBe(true);
    expect(distinct(ordersCalls)).toEqual(expect.arrayContaining(['nhanh POST /v3.0/order/add']));
    expect(ordersCalls.some((call) => call.api === 'tiki')).toBe(true);
    expect(distinct(reconcileCalls)).toContain('tiki GET /integration/v2/orders/{id}');
    // Not one of them from a page: the worker sent them all.
    expect(routed.calls.filter((call) => !call.fromServiceWorker)).toEqual([]);

    // The check can tell: a request a page sends itself (extension pages may reach the API hosts) is seen as the page's.
    await page.evaluate(() => fetch('https://api.tiki.vn/integration/v2/sellers/me').catch(() => null));
    expect(callsOfSection()).toEqual([
      expect.objectContaining({
        api: 'tiki',
        path: '/integration/v2/sellers/me',
        fromServiceWorker: false,
        page: `chrome-extension://${extensionId}/dashboard.html#reconcile`,
      }),
    ]);
  });
});
