import type { BrowserContext, Page } from '@playwright/test';
import { createSandbox } from '../../sandbox';
import { createTikiStatement } from '../../sandbox/statement';
import { activityLog, expect, fixture, serviceWorker, storeSettings, test } from './fixtures';
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

const KEY_PAGE = 'https://sellercenter.tiki.vn/new/#/seller-info/store-setup';
const WRONG_KEY = '00000000-0000-4000-8000-000000000000';

/** Serves a saved look-alike page for every seller-center URL, with the keys the test needs in its table. */
async function serveFixture(context: BrowserContext, name: string, keys: Record<string, string> = {}) {
  let html = fixture(`seller-center/${name}`);
  for (const [placeholder, key] of Object.entries(keys)) html = html.replaceAll(`{{${placeholder}}}`, key);
  await context.route('https://sellercenter.tiki.vn/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

async function storedSettings(context: BrowserContext) {
  const worker = await serviceWorker(context);
  return worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    return settings as { shops: { name: string; connectionKey: string; tikiSellerId: number | null }[] };
  });
}

const keyButtons = (page: Page) => page.getByRole('button', { name: 'Lưu vào tiện ích Nhanh' });

const STATEMENT_PAGE = 'https://sellercenter.tiki.vn/new/#/finance/statements/SK-2410-01';
/** The direct-download fixture's "Tải file Excel" link. */
const STATEMENT_EXPORT_URL = 'https://sellercenter.tiki.vn/new/api/finance/statements/SK-2410-01/export.xlsx';
const SESSION_COOKIE = { name: 'TIKI_SC_SESSION', value: 'signed-in-seller' };

async function dashboardAt(context: BrowserContext, hash: string): Promise<Page> {
  await expect
    .poll(() => context.pages().some((page) => page.url().endsWith(`/dashboard.html${hash}`)))
    .toBe(true);
  return context.pages().find((page) => page.url().endsWith(`/dashboard.html${hash}`))!;
}

test.describe('seller-center helpers', () => {
  test('a key is captured with one click, checked against Tiki and stored, and the page never sees it', async ({
    context,
  }) => {
    const running = await routeApisToSandbox(context);
    try {
      const tiki = running.sandbox.seed.tiki.shops[0]!;
      await serveFixture(context, 'key-table-one-shop.html', { KEY_1: tiki.connectionKey });
      const page = await context.newPage();
      await page.goto(KEY_PAGE);

      await expect(keyButtons(page)).toHaveCount(1);
      // The launcher stays out of the way on the key page itself.
      await expect(page.getByRole('button', { name: 'Nhanh ↔ Tiki: lấy khóa kết nối' })).toBeHidden();
      await keyButtons(page).click();
      await expect(
        page.getByText('Đã thêm cửa hàng "Nhà Sách & Gia Dụng Minh An" vào tiện ích với khóa này.'),
      ).toBeVisible();

      const { shops } = await storedSettings(context);
      expect(shops).toEqual([
        expect.objectContaining({
          name: 'Nhà Sách & Gia Dụng Minh An',
          connectionKey: tiki.connectionKey,
          tikiSellerId: tiki.sellerId,
        }),
      ]);

      // What the page's own scripts can reach: the key only where Tiki put it, nowhere the helper wrote.
      const pageView = await page.evaluate((key) => {
        const occurrences = document.documentElement.outerHTML.split(key).length - 1;
        const inShadowRoots = [...document.querySelectorAll('*')].some((element) =>
          element.shadowRoot?.innerHTML.includes(key),
        );
        const inWindow = Object.getOwnPropertyNames(window).some((name) => {
          try {
            const value = (window as unknown as Record<string, unknown>)[name];
            return typeof value === 'string' && value.includes(key);
          } catch {
            return false;
          }
        });
        const inStorage = [localStorage, sessionStorage].some((storage) =>
          JSON.stringify({ ...storage }).includes(key),
        );
        return { occurrences, inShadowRoots, inWindow, inStorage, cookie: document.cookie.includes(key) };
      }, tiki.connectionKey);
      expect(pageView).toEqual({
        occurrences: 1,
        inShadowRoots: false,
        inWindow: false,
        inStorage: false,
        cookie: false,
      });
    } finally {
      await running.close();
    }
  });

  test('each row says what happened: saved, wrong key, paused by the seller, or a key that cannot be read', async ({
    context,
  }) => {
    const running = await routeApisToSandbox(context);
    try {
      const tiki = running.sandbox.seed.tiki.shops[0]!;
      await serveFixture(context, 'key-table-several-shops.html', {
        KEY_1: tiki.connectionKey,
        KEY_2: WRONG_KEY,
      });
      const page = await context.newPage();
      await page.goto(KEY_PAGE);
      await expect(keyButtons(page)).toHaveCount(3);

      await keyButtons(page).nth(1).click();
      await expect(
        page.getByText('Tiki không chấp nhận khóa này nên tiện ích chưa lưu.', { exact: false }),
      ).toBeVisible();
      await keyButtons(page).nth(2).click();
      await expect(page.getByText('Không đọc được khóa ở dòng này', { exact: false })).toBeVisible();
      running.sandbox.setFaults({ tikiPaused: true });
      await keyButtons(page).nth(0).click();
      await expect(page.getByText('Kết nối này đang tạm ngưng bởi nhà bán', { exact: false })).toBeVisible();
      running.sandbox.setFaults({ tikiPaused: false });
      await keyButtons(page).nth(0).click();
      await expect(
        page.getByText('Đã thêm cửa hàng "Nhà Sách & Gia Dụng Minh An"', { exact: false }),
      ).toBeVisible();
      expect((await storedSettings(context)).shops.map((shop) => shop.connectionKey)).toEqual([
        tiki.connectionKey,
      ]);
    } finally {
      await running.close();
    }
  });

  test('the launcher opens the key page through the app’s own menu, and the buttons appear exactly once', async ({
    context,
  }) => {
    const running = await routeApisToSandbox(context);
    try {
      const [first, second] = running.sandbox.seed.tiki.shops;
      await serveFixture(context, 'spa-shell.html', {
        KEY_1: first!.connectionKey,
        KEY_2: second!.connectionKey,
      });
      const page = await context.newPage();
      await page.goto('https://sellercenter.tiki.vn/new/');

      await expect(keyButtons(page)).toHaveCount(0);
      await page.getByRole('button', { name: 'Nhanh ↔ Tiki: lấy khóa kết nối' }).click();
      await expect(
        page.getByText('Khóa kết nối nằm ở: Tài khoản → Thông tin người bán', { exact: false }),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Mở trang có khóa' }).click();

      // A pushState route change, a late render and a re-render of the rows later: still one button per key.
      await expect(page).toHaveURL('https://sellercenter.tiki.vn/new/seller-info');
      await expect(keyButtons(page)).toHaveCount(2);
      await page.waitForTimeout(1_000);
      await expect(page.locator('nhanh-tiki-key-button')).toHaveCount(2);
      await expect(page.getByRole('button', { name: 'Nhanh ↔ Tiki: lấy khóa kết nối' })).toBeHidden();

      // Leaving the view removes them; coming back puts them back, once.
      await page.goBack();
      await expect(page.locator('nhanh-tiki-key-button')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Nhanh ↔ Tiki: lấy khóa kết nối' })).toBeVisible();
      await page.goForward();
      await expect(keyButtons(page)).toHaveCount(2);

      await keyButtons(page).nth(1).click();
      await expect(
        page.getByText('Đã thêm cửa hàng "Phụ Kiện Số Hoàng Long"', { exact: false }),
      ).toBeVisible();
      expect((await storedSettings(context)).shops.map((shop) => shop.tikiSellerId)).toEqual([
        second!.sellerId,
      ]);
    } finally {
      await running.close();
    }
  });

  test('after the extension is reloaded under an open page, the helper removes itself quietly', async ({
    context,
  }) => {
    await serveFixture(context, 'key-table-one-shop.html', { KEY_1: WRONG_KEY });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(KEY_PAGE);
    await expect(keyButtons(page)).toHaveCount(1);

    const worker = await serviceWorker(context);
    await worker.evaluate(() => chrome.runtime.reload());
    // The next change of the page finds the extension gone: our hosts leave, the page stays as it was.
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('p')));
    await expect(page.locator('nhanh-tiki-key-button')).toHaveCount(0);
    await expect(page.locator('nhanh-tiki-helper')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sao chép' })).toBeVisible();
    expect(consoleErrors.filter((text) => /context invalidated/i.test(text))).toEqual([]);
  });

  test('a key page without its section shows nothing broken and logs one line for the view', async ({
    context,
  }) => {
    await serveFixture(context, 'store-setup-without-section.html');
    const page = await context.newPage();
    await page.goto(KEY_PAGE);
    await expect(
      page.getByRole('heading', { name: 'Thiết Lập Cửa Hàng và Thông Tin Liên Lạc' }),
    ).toBeVisible();

    const logged = () =>
      activityLog(context).then((entries) =>
        entries.filter((entry) => entry.text.key === 'sellerCenter.log.keyTableMissing'),
      );
    await expect.poll(logged, { timeout: 15_000 }).toHaveLength(1);
    expect((await logged())[0]?.text.params).toEqual({ page: '/new/#/seller-info/store-setup' });
    // More changes on the same view do not log again.
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('p')));
    await page.waitForTimeout(6_500);
    expect(await logged()).toHaveLength(1);
    await expect(page.locator('nhanh-tiki-key-button')).toHaveCount(0);
  });

  test('on a statement page with a download, one click fetches the file with the seller’s session and Đối soát imports it', async ({
    context,
  }) => {
    test.setTimeout(90_000);
    const running = await routeApisToSandbox(context);
    try {
      await storeSettings(context, sandboxSettings(running));
      const shop = running.sandbox.seed.tiki.shops[0]!;
      const statement = createTikiStatement({ ...shop, orders: shop.orders }, Date.now());
      await serveFixture(context, 'statement-direct-download.html');
      await context.addCookies([{ ...SESSION_COOKIE, domain: 'sellercenter.tiki.vn', path: '/' }]);
      const downloads: string[] = [];
      // Like Tiki: the file only for a signed-in seller, a login page otherwise.
      await context.route(STATEMENT_EXPORT_URL, (route) => {
        const signedIn = (route.request().headers().cookie ?? '').includes(SESSION_COOKIE.value);
        downloads.push(signedIn ? 'signed-in' : 'anonymous');
        return signedIn
          ? route.fulfill({
              status: 200,
              headers: {
                'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('Sao kê SK-2410-01.xlsx')}`,
              },
              body: Buffer.from(statement.bytes),
            })
          : route.fulfill({
              status: 200,
              contentType: 'text/html',
              body: '<html><body>Đăng nhập</body></html>',
            });
      });

      const page = await context.newPage();
      await page.goto(STATEMENT_PAGE);
      const button = page.getByRole('button', { name: 'Đối soát với Nhanh', exact: true });
      await expect(button).toHaveCount(1);
      // Right after the page's own export control.
      expect(
        await page.evaluate(
          () => document.querySelector('nhanh-tiki-statement-button')?.previousElementSibling?.textContent,
        ),
      ).toBe('Xuất sao kê hiện tại');
      expect(downloads).toEqual([]);

      await button.click();
      await expect(
        page.getByText('Đã chuyển file "Sao kê SK-2410-01.xlsx" sang mục Đối soát của tiện ích'),
      ).toBeVisible({ timeout: 20_000 });
      expect(downloads).toEqual(['signed-in']);

      const dashboard = await dashboardAt(context, '#reconcile');
      await expect(dashboard.getByText('Đã nhập Sao kê SK-2410-01.xlsx')).toBeVisible({ timeout: 60_000 });
      await expect(dashboard.locator('table.reconcile-statements tbody tr')).toHaveCount(1);
      const left = await dashboard.evaluate(() => chrome.storage.session.get('reconcilePendingStatement'));
      expect(left).toEqual({});
      const logged = await activityLog(context);
      expect(logged.map((entry) => entry.text)).toContainEqual({
        key: 'sellerCenter.log.statementDelivered',
        params: { name: 'Sao kê SK-2410-01.xlsx' },
      });
    } finally {
      await running.close();
    }
  });

  test('a statement download that answers a login page is refused in the page and nothing opens', async ({
    context,
  }) => {
    await serveFixture(context, 'statement-direct-download.html');
    await context.route(STATEMENT_EXPORT_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Đăng nhập</p>' }),
    );
    const page = await context.newPage();
    await page.goto(STATEMENT_PAGE);
    await page.getByRole('button', { name: 'Đối soát với Nhanh', exact: true }).click();
    await expect(page.getByText('Tiki không trả về file sao kê')).toBeVisible();
    const worker = await serviceWorker(context);
    expect(await worker.evaluate(() => chrome.storage.session.get('reconcilePendingStatement'))).toEqual({});
    expect(context.pages().filter((open) => open.url().includes('#reconcile'))).toEqual([]);
  });

  test('where Tiki only emails the statement, one click asks for the export and opens Đối soát with its picker ready', async ({
    context,
  }) => {
    await serveFixture(context, 'statement-email-only.html');
    const page = await context.newPage();
    await page.goto(STATEMENT_PAGE);
    const button = page.getByRole('button', { name: 'Đối soát với Nhanh (Tiki gửi sao kê qua email)' });
    await expect(button).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { exportRequests: number }).exportRequests)).toBe(
      0,
    );

    await button.click();
    await expect(page.getByText('Đã yêu cầu Tiki xuất sao kê.')).toBeVisible({ timeout: 15_000 });
    // The page's own export ran once, exactly as if the seller had pressed it.
    expect(await page.evaluate(() => (window as unknown as { exportRequests: number }).exportRequests)).toBe(
      1,
    );
    await expect(page.getByText('File sẽ được gửi tới email của bạn.')).toBeVisible();

    const dashboard = await dashboardAt(context, '#reconcile');
    await expect(dashboard.getByText('Tiki gửi file sao kê qua email')).toBeVisible();
    await expect(dashboard.getByRole('button', { name: 'Chọn file sao kê' })).toBeFocused();
  });

  test('where the export makes the page request a spreadsheet, that same file is taken instead of waiting for email', async ({
    context,
  }) => {
    await serveFixture(context, 'statement-email-only.html');
    const fileUrl =
      'https://sellercenter.tiki.vn/new/api/finance/statements/SK-2410-01/sao-ke-SK-2410-01.xlsx';
    const shop = createSandbox().seed.tiki.shops[0]!;
    const statement = createTikiStatement({ ...shop, orders: shop.orders }, Date.now());
    let served = 0;
    await context.route(fileUrl, (route) => {
      served += 1;
      return route.fulfill({ status: 200, body: Buffer.from(statement.bytes) });
    });
    const page = await context.newPage();
    await page.goto(STATEMENT_PAGE);
    // This page variant downloads the file itself when its export is pressed.
    await page.evaluate((url) => {
      document.getElementById('export-statement')?.addEventListener('click', () => void fetch(url));
    }, fileUrl);

    await page.getByRole('button', { name: 'Đối soát với Nhanh (Tiki gửi sao kê qua email)' }).click();
    await expect(page.getByText('Đã chuyển file "sao-ke-SK-2410-01.xlsx" sang mục Đối soát')).toBeVisible({
      timeout: 15_000,
    });
    // The page's own request and the helper's: the same address, no email round trip.
    expect(served).toBe(2);
    const dashboard = await dashboardAt(context, '#reconcile');
    await expect(dashboard.getByText('Đã nhập sao-ke-SK-2410-01.xlsx')).toBeVisible({ timeout: 60_000 });
  });
});
