import type { BrowserContext, Page } from '@playwright/test';
import type { TikiOrder } from '../../lib/tiki/schemas';
import { expectedImports } from '../fixtures/expected-orders';
import {
  downloadAndPairProducts,
  expect,
  orderSyncView,
  pairedProductIds,
  serviceWorker,
  storeSettings,
  test,
} from './fixtures';
import { type RoutedSandbox, routeApisToSandbox, sandboxAdmin, sandboxSettings } from './sandbox-route';

/** Tiki starts routing a subscription's events about 5 s after it (OT-evqguide). */
const ROUTING_DELAY_MS = 6_000;

interface QueueSnapshot {
  queues: { subscriptions: string[]; pending: number }[];
}

function queues(running: RoutedSandbox): QueueSnapshot['queues'] {
  return (running.sandbox.tiki.snapshot() as QueueSnapshot).queues;
}

/** The shop with automatic sync on, its products downloaded and paired: ready for new orders. */
async function syncingShop(
  context: BrowserContext,
  extensionId: string,
  running: RoutedSandbox,
): Promise<Page> {
  await storeSettings(context, {
    ...sandboxSettings(running),
    orderStatusFilter: ['new'],
    autoSync: { enabled: true, intervalMinutes: 15 },
  });
  const page = await context.newPage();
  await downloadAndPairProducts(page, extensionId);
  return page;
}

test.describe('Tiki event queue', () => {
  let running: RoutedSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  test('a new Tiki order reaches Nhanh through the event queue while the dashboard is open, without the automatic sync', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context);
    const page = await syncingShop(context, extensionId, running);
    const paired = new Set(await pairedProductIds(page));
    const [template] = expectedImports(running.sandbox.seed.tiki.shops[0]!.orders as TikiOrder[], {
      groups: ['new'],
      now: Date.now(),
      paired: (id) => paired.has(id),
    });

    // The open dashboard asks the worker to pull: the shop's queue is set up and subscribed.
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#orders`);
    await expect
      .poll(() => queues(running).map((queue) => queue.subscriptions.sort()), { timeout: 30_000 })
      .toEqual([['ORDER_CREATED_SUCCESSFULLY', 'ORDER_STATUS_UPDATED']]);
    await page.waitForTimeout(ROUTING_DELAY_MS);

    const { code } = (await sandboxAdmin(running, '/tiki/orders/place', { template: template!.code })) as {
      code: string;
    };
    await expect
      .poll(
        () => running.sandbox.nhanh.snapshot().orders.filter((order) => order.appOrderId === code).length,
        {
          timeout: 45_000,
        },
      )
      .toBe(1);
    // It came by the event path: the automatic sync (every 15 minutes) has not run.
    expect(await orderSyncView(page)).toBeUndefined();
    expect(running.calls.some((call) => call.path === `/integration/v2/orders/${code}`)).toBe(true);
    await expect.poll(() => queues(running)[0]?.pending, { timeout: 30_000 }).toBe(0);

    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await expect(page.getByText('Đơn mới được nhận ngay qua hàng đợi sự kiện của Tiki')).toBeVisible();
  });

  test('a queue Tiki refuses for the connection key is said once in Cài đặt, and the automatic sync still runs', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    running = await routeApisToSandbox(context, { faults: { tikiQueueAuth: 'bearer-only' } });
    const page = await syncingShop(context, extensionId, running);
    const worker = await serviceWorker(context);

    await worker.evaluate(() => chrome.alarms.create('order-events', { when: Date.now() }));
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    const notice = page.getByText('Tiki không cho dùng hàng đợi sự kiện với cách kết nối này (HTTP 403)');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    const queueCalls = () => running.calls.filter((call) => call.path.startsWith('/integration/v1/queues'));
    const refusedCalls = queueCalls().length;

    // More pulls (the alarm again, the open tab's asks) do not ask Tiki again, nor say it again.
    await worker.evaluate(() => chrome.alarms.create('order-events', { when: Date.now() }));
    await page.waitForTimeout(2_000);
    expect(queueCalls()).toHaveLength(refusedCalls);
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    await expect(page.getByText('Tiki không cho dùng hàng đợi sự kiện')).toHaveCount(1);

    await worker.evaluate(() => chrome.alarms.create('order-sync', { when: Date.now() }));
    await expect.poll(async () => (await orderSyncView(page))?.state, { timeout: 60_000 }).toBe('done');
  });
});
