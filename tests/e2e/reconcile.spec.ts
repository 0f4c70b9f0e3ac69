import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
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
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

test.describe('Đối soát', () => {
  let running: RunningSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  test("imports the sandbox's statement, shows the states and the fee chart, marks an order and exports the report", async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context);
    await storeSettings(context, sandboxSettings(running));
    const shop = running.sandbox.seed.tiki.shops[0]!;
    // The file the sandbox serves at /tiki/sellercenter/statement.xlsx, with its planted mistakes.
    const statement = createTikiStatement({ ...shop, orders: shop.orders }, Date.now());
    const { overchargedOrderCode, duplicatedOrderCode } = statement.discrepancies;

    const page = await context.newPage();
    await importStatementFromPage(page, extensionId, statement);

    // Expected amounts came from the Tiki API (no orders downloaded): the planted mistakes are found.
    await expect(page.getByText('So với: Đơn tra trên Tiki')).toBeVisible();
    const states = page.locator('fieldset.reconcile-filters');
    await expect(states.getByRole('button', { name: /Khớp \d+/ })).toBeVisible();
    await expect(states.getByRole('button', { name: 'Trả thiếu 1' })).toBeVisible();
    await expect(states.getByRole('button', { name: 'Nghi trùng 1' })).toBeVisible();
    await expect(page.getByText(/Tổng ghi trong trang "GD bán hàng" khớp với tổng các dòng/)).toBeVisible();

    // Each fee's name and amount beside its bar.
    const chart = page.getByRole('figure').filter({ hasText: 'Phí theo loại' });
    await expect(chart.locator('li[data-fee]')).toHaveCount(4);
    const commission = chart.locator('li[data-fee="commission"]');
    await expect(commission).toContainText('Hoa hồng/chiết khấu');
    await expect(commission.locator('.fee-amount')).toContainText('₫');
    await expect(commission.locator('.fee-bar')).toBeVisible();

    await states.getByRole('button', { name: 'Trả thiếu 1' }).click();
    const row = page.locator(`tr[data-order="${overchargedOrderCode}"]`);
    await expect(row).toContainText('Trả thiếu');
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Đánh dấu đã đối soát (1)' }).click();
    await expect(row).toContainText('Đã đối soát');
    await states.getByRole('button', { name: 'Nghi trùng 1' }).click();
    const duplicated = page.locator(`tr[data-order="${duplicatedOrderCode}"]`);
    await expect(duplicated).toContainText('Một dòng của đơn xuất hiện 2 lần');
    // The row's own switch marks one order, and takes the mark back.
    const rowSwitch = duplicated.getByRole('switch', {
      name: `Đánh dấu đơn ${duplicatedOrderCode} đã đối soát`,
    });
    await rowSwitch.click();
    await expect(rowSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(duplicated).toContainText('Đã đối soát');
    await rowSwitch.click();
    await expect(rowSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(duplicated).not.toContainText('Đã đối soát');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo đối soát (.xlsx)' }).click(),
    ]);
    const workbook = XLSX.read(readFileSync((await download.path()) as string), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['Tổng quan', 'Đối soát đơn', 'Khiếu nại phí']);
    const orders = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['Đối soát đơn']!);
    const overcharged = orders.find((entry) => entry['Mã đơn hàng'] === overchargedOrderCode);
    expect(overcharged?.['Trạng thái']).toBe('Trả thiếu');
    expect(overcharged?.['Đã đối soát lúc']).toBeTruthy();
    expect(orders.find((entry) => entry['Mã đơn hàng'] === duplicatedOrderCode)?.['Trạng thái']).toBe(
      'Nghi trùng',
    );

    // The same file again: recognised, nothing counted twice.
    await page.getByTestId('statement-input').setInputFiles({
      name: 'copy.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(statement.bytes),
    });
    await expect(page.getByText('File copy.xlsx đã được nhập trước đây')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('table.reconcile-statements tbody tr')).toHaveCount(1);
  });

  test('takes a statement the seller-center helper left, and tells where the file comes from on a picker request', async ({
    context,
    extensionId,
  }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      workbook,
      XLSX.utils.aoa_to_sheet([
        ['Mã đơn hàng', 'Giá bán', 'Phí cố định', 'Thực nhận'],
        ['700000001', 100_000, -5_000, 95_000],
      ]),
      'GD bán hàng',
    );
    const base64 = Buffer.from(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString(
      'base64',
    );
    await page.evaluate(
      (stored) =>
        chrome.storage.session.set({ reconcilePendingStatement: stored, reconcilePickerRequest: Date.now() }),
      { fileName: 'tu-seller-center.xlsx', base64, source: 'seller-center', at: Date.now() },
    );
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#reconcile`);
    await expect(page.getByText('Đã nhập tu-seller-center.xlsx: 1 dòng.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Tiki gửi file sao kê qua email')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Chọn file sao kê' })).toBeFocused();
    const left = await page.evaluate(() =>
      chrome.storage.session.get(['reconcilePendingStatement', 'reconcilePickerRequest']),
    );
    expect(left).toEqual({});
  });

  test("records Tiki's payouts on the synced Nhanh orders after a preview, once, and counts them in the statement", async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(180_000);
    running = await routeApisToSandbox(context);
    running.sandbox.setFaults({ nhanhPaymentOnSuccess: 'accepted' });
    const settings = sandboxSettings(running);
    await storeSettings(context, {
      ...settings,
      shops: settings.shops.map((shop) => ({ ...shop, nhanhTransferAccountId: 9001 })),
      orderStatusFilter: ['success'],
    });
    const page = await context.newPage();
    await downloadAndPairProducts(page, extensionId);
    await importOrdersFromPage(page, extensionId);

    const shop = running.sandbox.seed.tiki.shops[0]!;
    const statement = createTikiStatement({ ...shop, orders: shop.orders }, Date.now());
    await importStatementFromPage(page, extensionId, statement);
    const record = page.getByRole('button', { name: 'Ghi nhận thanh toán vào Nhanh' });
    await expect(record).toBeEnabled({ timeout: 60_000 });

    await record.click();
    const preview = page.getByRole('dialog', { name: 'Ghi nhận thanh toán vào Nhanh' });
    const rows = preview.locator('table').first().locator('tbody tr');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);
    await expect(preview.getByText(/Không ghi nhận: \d+ đơn/)).toBeVisible();
    await preview.getByRole('button', { name: new RegExp(`^Xác nhận ghi nhận ${count} đơn`) }).click();

    await expect(page.getByText(`Đã ghi nhận ${count} đơn, bỏ qua 0 đơn, lỗi 0 đơn.`)).toBeVisible({
      timeout: 60_000,
    });
    const paid = running.sandbox.nhanh
      .snapshot()
      .orders.filter((order) => order.payment?.transferAccountId === 9001);
    expect(paid).toHaveLength(count);
    for (const order of paid)
      expect(order.payment?.code).toMatch(new RegExp(`^TIKI .* #${order.appOrderId}$`));
    const card = page.locator('.reconcile-card').filter({ hasText: 'Đã ghi nhận vào Nhanh' });
    await expect(card).toContainText(`${count}/${count} đơn`);

    // Again: every order is left out as already recorded, nothing to confirm.
    await record.click();
    await expect(preview.getByText('Không có đơn nào cần ghi nhận.')).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByRole('button', { name: /^Xác nhận ghi nhận 0 đơn/ })).toBeDisabled();

    // An order that does not match is recorded only when the seller adds it by hand and confirms it.
    await preview.getByText(/Không ghi nhận: \d+ đơn/).click();
    await preview.getByRole('button', { name: 'Vẫn ghi nhận…' }).first().click();
    await expect(preview.getByText(/dù đơn chưa khớp\?/)).toBeVisible();
    await preview.getByRole('button', { name: 'Thêm đơn này' }).click();
    await expect(rows.filter({ hasText: '(thêm tay)' })).toHaveCount(1, { timeout: 30_000 });
    await preview.getByRole('button', { name: /^Xác nhận ghi nhận 1 đơn/ }).click();
    await expect(page.getByText('Đã ghi nhận 1 đơn, bỏ qua 0 đơn, lỗi 0 đơn.')).toBeVisible({
      timeout: 60_000,
    });
    expect(
      running.sandbox.nhanh.snapshot().orders.filter((order) => order.payment?.transferAccountId === 9001),
    ).toHaveLength(count + 1);
  });
});
