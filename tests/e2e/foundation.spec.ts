import {
  expect,
  serveSellerCenterPage,
  serviceWorker,
  stopServiceWorker,
  storeSettings,
  test,
} from './fixtures';
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

test.describe('the built extension', () => {
  test('loads with only the permissions and hosts the README lists', async ({ context }) => {
    const worker = await serviceWorker(context);
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      ['alarms', 'identity', 'notifications', 'storage', 'unlimitedStorage'].sort(),
    );
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(
      ['https://api.tiki.vn/*', 'https://pos.open.nhanh.vn/*', 'https://sellercenter.tiki.vn/*'].sort(),
    );
  });

  test('has its own icon in the toolbar and on the extensions page, at every size Chrome asks for', async ({
    context,
  }) => {
    const worker = await serviceWorker(context);
    const icons = await worker.evaluate(async () => {
      const manifest = chrome.runtime.getManifest() as chrome.runtime.ManifestV3;
      const paths = [
        ...Object.entries(manifest.icons ?? {}),
        ...Object.entries((manifest.action?.default_icon ?? {}) as Record<string, string>),
      ];
      return Promise.all(
        paths.map(async ([size, file]) => {
          const bitmap = await createImageBitmap(await (await fetch(chrome.runtime.getURL(file))).blob());
          return `${size}:${bitmap.width}x${bitmap.height}`;
        }),
      );
    });
    const expected = ['16:16x16', '32:32x32', '48:48x48', '128:128x128'];
    expect(icons).toEqual([...expected, ...expected]);
  });

  test('with no shop yet, the popup leads to Cài đặt with one button', async ({ context, extensionId }) => {
    const dashboard = context.pages().find((page) => page.url().includes('/dashboard.html'))!;
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Thêm cửa hàng Tiki' }).click();
    await expect(dashboard.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
    expect(dashboard.url()).toBe(`chrome-extension://${extensionId}/dashboard.html#settings`);
  });

  test('popup renders the connection health and opens the dashboard at a section', async ({
    context,
    extensionId,
  }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('heading', { name: 'Nhanh ↔ Tiki' })).toBeVisible();
    await expect(popup.getByText('Chưa có cửa hàng Tiki nào.')).toBeVisible();
    await expect(popup.getByText('Chưa đồng bộ lần nào')).toBeVisible();

    // The first install already opened a dashboard tab at Cài đặt: the popup reuses it rather than adding one.
    await popup.getByRole('button', { name: 'Đơn hàng' }).click();
    await expect
      .poll(() =>
        context
          .pages()
          .filter((page) => page.url().includes('/dashboard.html'))
          .map((page) => page.url()),
      )
      .toEqual([`chrome-extension://${extensionId}/dashboard.html#orders`]);
    const dashboard = context.pages().find((page) => page.url().includes('/dashboard.html'))!;
    await expect(dashboard.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
    // With no shop yet, the section says what is missing and leads to where it is fixed.
    await expect(dashboard.getByRole('status')).toContainText('Chưa có cửa hàng Tiki nào');
    await dashboard.getByRole('status').getByRole('link', { name: 'Mở Cài đặt' }).click();
    await expect(dashboard.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
    expect(dashboard.url()).toBe(`chrome-extension://${extensionId}/dashboard.html#settings`);
  });

  test('settings saved in the dashboard survive a service-worker restart and a reload', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await page.getByRole('button', { name: 'Thêm cửa hàng Tiki' }).click();
    const shop = page.locator('fieldset.shop-card').first();
    await shop.getByLabel('Tên cửa hàng').fill('Nhà sách Hoa Mai');
    await shop.getByLabel('Tham số kết nối (khóa Tiki)').fill('3f2b9c1e-8d4a-4c6b-9e7f-1a2b3c4d5e6f');
    await shop.getByLabel('Số điện thoại khách mặc định').fill('12345');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();

    // A bad phone number is refused next to its field, and nothing is stored.
    await expect(page.getByText('phải gồm 10 chữ số, bắt đầu bằng 0')).toBeVisible();
    await expect(page.getByRole('alert').first()).toContainText('Chưa lưu');

    await shop.getByLabel('Số điện thoại khách mặc định').fill('0901234567');
    await page.getByLabel('Chu kỳ đồng bộ (phút)').fill('30');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();

    await stopServiceWorker(context, extensionId);
    await page.reload();
    const reloaded = page.getByRole('group', { name: 'Nhà sách Hoa Mai' });
    await expect(reloaded.getByLabel('Tên cửa hàng')).toHaveValue('Nhà sách Hoa Mai');
    await expect(reloaded.getByLabel('Số điện thoại khách mặc định')).toHaveValue('0901234567');
    await expect(page.getByLabel('Chu kỳ đồng bộ (phút)')).toHaveValue('30');

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    // The shop is listed under Tiki and again under its last sync.
    await expect(
      popup.getByRole('region', { name: 'Tiki', exact: true }).getByText('Nhà sách Hoa Mai'),
    ).toBeVisible();
    // A fresh worker wakes for the popup's message and answers from the stored settings.
    const status = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ id: 1, type: 'getStatus', timestamp: Date.now() }),
    );
    expect(status.res.shops).toEqual([expect.objectContaining({ name: 'Nhà sách Hoa Mai' })]);
    // Secrets never go to storage.sync.
    expect(await popup.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
  });

  test('checking Nhanh in Cài đặt lists its depots and offers them in each shop’s depot field, and the popup shows it working', async ({
    context,
    extensionId,
  }) => {
    const running = await routeApisToSandbox(context);
    try {
      await storeSettings(context, sandboxSettings(running));
      const { depots } = running.sandbox.seed.nhanh;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
      await page
        .getByRole('group', { name: 'Kết nối Nhanh.vn' })
        .getByRole('button', { name: 'Kiểm tra kết nối' })
        .click();
      await expect(page.getByText(`Kết nối Nhanh tốt (${depots.length} kho).`)).toBeVisible();
      const depotField = page.getByLabel('Kho Nhanh mặc định (ID)');
      const offered = await depotField.evaluate((input) =>
        [...((input as HTMLInputElement).list?.options ?? [])].map((option) => [option.value, option.label]),
      );
      expect(offered).toEqual(depots.map((depot) => [String(depot.id), depot.name]));

      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(popup.getByText('Token hết hạn')).toBeVisible();
      await expect(popup.getByText('Chưa kiểm tra')).toHaveCount(1); // Tiki not checked yet; Nhanh is.
    } finally {
      await running.close();
    }
  });

  test('Cài đặt → Nâng cao shows where keys go, read-only, and a settings file pointing elsewhere is refused', async ({
    context,
    extensionId,
  }) => {
    const stored = {
      shops: [
        { id: 'shop-1', name: 'Nhà sách Hoa Mai', connectionKey: '3f2b9c1e-8d4a-4c6b-9e7f-1a2b3c4d5e6f' },
      ],
    };
    await storeSettings(context, stored);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await page.getByText('Nâng cao').click();
    for (const [label, url] of [
      ['Địa chỉ API Tiki', 'https://api.tiki.vn'],
      ['Địa chỉ API Nhanh', 'https://pos.open.nhanh.vn'],
      ['Địa chỉ đăng nhập Nhanh (OAuth)', 'https://nhanh.vn/oauth'],
    ]) {
      await expect(page.getByLabel(label!)).toHaveValue(url!);
      await expect(page.getByLabel(label!)).not.toBeEditable();
    }
    await expect(page.getByText('Khóa Tiki và token Nhanh chỉ được gửi tới các địa chỉ này')).toBeVisible();

    // A "ready-made settings file" without secrets would have had the stored key merged in and sent elsewhere.
    const crafted = {
      format: 'nhanh-tiki-companion/settings',
      version: 2,
      includesSecrets: false,
      settings: { ...stored, apiBase: { tiki: 'https://collector.example' } },
    };
    await page.getByLabel('Nhập cài đặt từ file JSON').setInputFiles({
      name: 'cai-dat-san.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(crafted)),
    });
    await expect(page.getByRole('alert').first()).toContainText(
      'Không nhập file "cai-dat-san.json": ô "Địa chỉ API Tiki" trỏ tới https://collector.example',
    );
    const worker = await serviceWorker(context);
    expect(await worker.evaluate(() => chrome.storage.local.get('settings'))).toEqual({ settings: stored });
  });

  test('the dashboard says what the extension reads, keeps and sends, under Quyền riêng tư', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await page.getByRole('link', { name: 'Quyền riêng tư' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quyền riêng tư' })).toBeVisible();
    const sent = page.getByRole('region', { name: 'Nơi gửi' });
    await expect(sent).toContainText('https://api.tiki.vn');
    await expect(sent).toContainText('https://pos.open.nhanh.vn');
    await expect(sent).toContainText('không phân tích (analytics)');
    await expect(
      page.getByRole('region', { name: 'Quyền tiện ích xin, và vì sao' }).getByRole('listitem'),
    ).toHaveCount(8);
  });

  test('switching the language to English re-renders the dashboard in English', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Reconciliation' })).toBeVisible();
  });

  test('the content script is injected into seller-center pages, in a shadow root', async ({ context }) => {
    await serveSellerCenterPage(context, 'https://sellercenter.tiki.vn/**', 'seller-center/home.html');
    const page = await context.newPage();
    await page.goto('https://sellercenter.tiki.vn/new/');
    const host = page.locator('nhanh-tiki-helper');
    await expect(host).toHaveCount(1);
    // The page's own scripts see the host element but not what is inside it (closed to the page's CSS too).
    const pageView = await page.evaluate(() => {
      const element = document.querySelector('nhanh-tiki-helper');
      return {
        exists: element !== null,
        hasChromeRuntime: typeof (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime
          ?.id,
      };
    });
    expect(pageView).toEqual({ exists: true, hasChromeRuntime: 'undefined' });
  });
});
