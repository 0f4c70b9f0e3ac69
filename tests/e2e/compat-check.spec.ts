import { readFileSync } from 'node:fs';
import { COMPAT_CHECK_IDS } from '../../lib/compat/lines';
import { expect, storeSettings, test } from './fixtures';
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

test.describe('Kiểm tra tương thích API', () => {
  test('a seller runs the check from Cài đặt, reads a verdict and its evidence per line, and downloads a report with no order code or key in it', async ({
    context,
    extensionId,
  }) => {
    const running = await routeApisToSandbox(context);
    try {
      await storeSettings(context, sandboxSettings(running));
      const shop = running.sandbox.seed.tiki.shops[0]!;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
      const panel = page
        .getByRole('group', { name: 'Kiểm tra tương thích API' })
        .getByRole('region', { name: shop.name });
      await panel.getByRole('button', { name: 'Kiểm tra tương thích API' }).click();
      await expect(panel.getByRole('status')).toContainText('sai', { timeout: 60_000 });

      // One row per line, each with its assumption, a verdict chip and the evidence.
      await expect(panel.getByRole('row')).toHaveCount(COMPAT_CHECK_IDS.length + 1);
      const keyOnOrders = panel.locator('tr[data-line="tiki.key.orders"]');
      await expect(keyOnOrders).toContainText('Khóa kết nối đọc được danh sách đơn hàng');
      await expect(keyOnOrders.getByText('đúng', { exact: true })).toBeVisible();
      await expect(keyOnOrders).toContainText('GET /integration/v2/orders trả lời với khóa kết nối.');
      // The e2e shop has no in-house app: nothing to judge, and the line says why.
      const basic = panel.locator('tr[data-line="tiki.app.basic"]');
      await expect(basic.getByText('chưa rõ', { exact: true })).toBeVisible();
      await expect(basic).toContainText('Cửa hàng chưa có Client ID và Client secret');
      await expect(panel.locator('tr[data-line="nhanh.order.returnedStatus"]')).toContainText(
        'Không kiểm tra được khi chỉ đọc',
      );

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Tải báo cáo (JSON)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^kiem-tra-tuong-thich-api-\d{4}-\d{2}-\d{2}\.json$/);
      const text = readFileSync((await download.path()) as string, 'utf8');
      const report = JSON.parse(text);
      expect(report).toMatchObject({ format: 'nhanh-tiki-companion/compat-report', state: 'done' });
      expect(report.lines.map((line: { id: string }) => line.id)).toEqual([...COMPAT_CHECK_IDS]);
      expect(report.lines.find((line: { id: string }) => line.id === 'tiki.key.orders')).toMatchObject({
        verdict: 'right',
        facts: { answerKeys: ['data', 'paging'] },
      });
      for (const order of shop.orders as { code: string }[]) expect(text).not.toContain(order.code);
      expect(text).not.toContain(shop.connectionKey);
      expect(text).not.toContain(running.sandbox.seed.nhanh.accessToken);
    } finally {
      await running.close();
    }
  });
});
