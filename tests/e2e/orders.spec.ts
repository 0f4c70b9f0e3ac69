import type { BrowserContext, Page } from '@playwright/test';
import { groupOf, type OrderGroup } from '../../lib/orders/status-map';
import { isWithinOrderWindow } from '../../lib/orders/window';
import type { OrderSyncView } from '../../lib/sync/sync-view';
import { parseTikiDateTime } from '../../lib/tiki/contract';
import type { TikiOrder } from '../../lib/tiki/schemas';
import type { RunningSandbox } from '../../sandbox/server';
import { expect, serviceWorker, stopServiceWorker, storeSettings, test } from './fixtures';
import { routeApisToSandbox, sandboxSettings } from './sandbox-route';

const GROUPS: OrderGroup[] = ['new', 'confirmed', 'success', 'canceled'];
const SHOP_ID = 'e2e-shop';

/** The shop's order-sync view, read from storage by an extension page (works while the worker is stopped). */
async function syncView(page: Page): Promise<OrderSyncView | undefined> {
  return page.evaluate(
    async (shopId) =>
      (
        (await chrome.storage.local.get('orderSync')).orderSync as Record<string, OrderSyncView> | undefined
      )?.[shopId],
    SHOP_ID,
  );
}

/** Tiki product ids paired in the extension's database (read in an extension page). */
async function pairedProductIds(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('nhanh-tiki-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('productMappings').objectStore('productMappings').getAll();
          request.onsuccess = () => {
            resolve((request.result as { tikiProductId: number }[]).map((mapping) => mapping.tikiProductId));
            open.result.close();
          };
        };
      }),
  );
}

async function downloadAndPairProducts(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#products`);
  await page.getByRole('button', { name: 'Tải sản phẩm' }).click();
  await expect(page.getByRole('status')).toContainText('Nhanh: đã tải', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Ghép tự động' }).click();
  await expect(page.getByRole('status')).toContainText('Ghép tự động:');
}

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
    const expected = (running.sandbox.seed.tiki.shops[0]!.orders as TikiOrder[])
      .filter((order) => {
        const group = groupOf(order.status);
        return (
          group !== 'not-accepted' &&
          GROUPS.includes(group) &&
          isWithinOrderWindow(parseTikiDateTime(order.updated_at), now) &&
          order.items.every((item) => paired.has(item.product.id))
        );
      })
      .map((order) => order.code)
      .sort();
    expect(expected.length).toBeGreaterThan(40);

    // Slow Nhanh and Tiki down so the run is still going when the worker is stopped.
    running.sandbox.setFaults({ latencyMs: 60 });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#orders`);
    await fireAlarm(context);
    await expect
      .poll(async () => (await syncView(page))?.counts.created ?? 0, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(15);
    const beforeStop = (await syncView(page))!;
    expect(beforeStop.state).toBe('running');
    await stopServiceWorker(context, extensionId);

    const createdWhileStopped = running.sandbox.nhanh.snapshot().orders.length;
    expect(createdWhileStopped).toBeLessThan(expected.length);
    // The dashboard follows the job from storage: it still shows the interrupted run's progress.
    await expect(page.getByRole('status').filter({ hasText: 'Đang tải đơn…' })).toBeVisible();

    // The next wake (here the alarm again) resumes the same run from its cursor.
    running.sandbox.setFaults({ latencyMs: 0 });
    await page.evaluate(() => chrome.alarms.create('order-sync', { when: Date.now() }));
    await expect.poll(async () => (await syncView(page))?.state, { timeout: 60_000 }).toBe('done');
    const finished = (await syncView(page))!;
    expect(finished.runId).toBe(beforeStop.runId);

    const inNhanh = running.sandbox.nhanh.snapshot().orders.map((order) => order.appOrderId);
    expect(new Set(inNhanh).size).toBe(inNhanh.length);
    expect([...inNhanh].sort()).toEqual(expected);

    // The section shows the run's results, grouped.
    await expect(page.getByText('Lần chạy gần nhất (Tự động) xong lúc', { exact: false })).toBeVisible();
    await expect(page.locator('details.outcome-created summary')).toContainText('Tạo mới trên Nhanh');
  });
});
