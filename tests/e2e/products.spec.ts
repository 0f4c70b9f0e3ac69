import type { Page } from '@playwright/test';
import type { RunningSandbox } from '../../sandbox/server';
import { expect, storedCatalogue, storeSettings, test } from './fixtures';
import { routeApisToSandbox, sandboxAdmin, sandboxSettings } from './sandbox-route';

/** The count shown on a filter button ("Đã ghép 31" → 31). */
async function counter(page: Page, filter: string): Promise<number> {
  const text = await page.locator(`[data-filter="${filter}"] .count`).textContent();
  return Number(text);
}

test.describe('Sản phẩm', () => {
  let running: RunningSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  test('a seller downloads, auto-matches, pairs one product by hand, creates two in Nhanh, and sees the counters change', async ({
    context,
    extensionId,
  }) => {
    running = await routeApisToSandbox(context);
    await storeSettings(context, sandboxSettings(running));
    const shopSeed = running.sandbox.seed.tiki.shops[0]!;
    const sellable = (shopSeed.products as { type: string }[]).filter(
      (product) => product.type !== 'configurable',
    );
    const nhanhBefore = running.sandbox.nhanh.snapshot().products.length;

    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#products`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm' })).toBeVisible();
    await expect(page.getByText('Chưa có sản phẩm nào.', { exact: false })).toBeVisible();

    // Download: both catalogues, every page.
    await page.getByRole('button', { name: 'Tải sản phẩm' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Tiki: đã tải ${shopSeed.products.length} sản phẩm.`,
    );
    await expect(page.getByRole('status')).toContainText(
      `Nhanh: đã tải ${running.sandbox.seed.nhanh.products.length} sản phẩm.`,
    );
    await expect.poll(() => counter(page, 'all')).toBe(sellable.length);
    expect(await counter(page, 'unpaired')).toBe(sellable.length);
    expect(await counter(page, 'paired')).toBe(0);

    // Automatic matching: the rules pair most, four are ambiguous and stay unpaired.
    await page.getByRole('button', { name: 'Ghép tự động' }).click();
    await expect(page.getByRole('status')).toContainText('Ghép tự động:');
    await expect.poll(() => counter(page, 'ambiguous')).toBe(4);
    const pairedAfterMatch = await counter(page, 'paired');
    const unpairedAfterMatch = await counter(page, 'unpaired');
    expect(pairedAfterMatch).toBeGreaterThan(20);
    expect(pairedAfterMatch + unpairedAfterMatch + 4).toBe(sellable.length);

    // By hand: an ambiguous product, paired with the candidate whose code the seller recognises.
    await page.getByRole('button', { name: /^Trùng nhiều sản phẩm/ }).click();
    const firstAmbiguous = page.locator('tbody tr.state-ambiguous').first();
    const ambiguousName = (await firstAmbiguous.locator('.cell-main').first().textContent())!;
    await firstAmbiguous.getByRole('button', { name: 'Ghép tay…' }).click();
    const dialog = page.getByRole('dialog', { name: `Ghép "${ambiguousName}" với một sản phẩm Nhanh` });
    await expect(dialog.getByRole('heading', { name: 'Các sản phẩm Nhanh cùng khớp quy tắc' })).toBeVisible();
    await dialog
      .getByRole('button', { name: /^Ghép / })
      .first()
      .click();
    await expect(page.getByRole('status')).toContainText(`Đã ghép "${ambiguousName}"`);
    await expect.poll(() => counter(page, 'ambiguous')).toBe(3);
    expect(await counter(page, 'paired')).toBe(pairedAfterMatch + 1);

    // Create two unpaired products in Nhanh, from a preview.
    await page.getByRole('button', { name: /^Chưa ghép/ }).click();
    const unpairedRows = page.locator('tbody tr.state-unpaired');
    const names = [
      (await unpairedRows.nth(0).locator('.cell-main').first().textContent())!,
      (await unpairedRows.nth(1).locator('.cell-main').first().textContent())!,
    ];
    for (const name of names) await page.getByRole('checkbox', { name: `Chọn ${name}`, exact: true }).check();
    await page.getByRole('button', { name: 'Tạo trên Nhanh (2)' }).click();
    const preview = page.getByRole('dialog', { name: 'Xem trước: sản phẩm sẽ tạo trên Nhanh' });
    for (const name of names) await expect(preview.getByRole('cell', { name, exact: true })).toBeVisible();
    await preview.getByRole('button', { name: 'Tạo 2 sản phẩm trên Nhanh' }).click();
    await expect(preview.getByRole('status')).toContainText(
      'Đã tạo và ghép 2 sản phẩm; 0 sản phẩm bị Nhanh từ chối',
    );
    await preview.getByRole('button', { name: 'Đóng' }).click();

    await expect.poll(() => counter(page, 'paired')).toBe(pairedAfterMatch + 3);
    expect(await counter(page, 'unpaired')).toBe(unpairedAfterMatch - 2);
    const created = running.sandbox.nhanh
      .snapshot()
      .products.filter((product) => product.appProductId?.startsWith('tiki-'));
    expect(created.map((product) => product.name).sort()).toEqual([...names].sort());
    expect(running.sandbox.nhanh.snapshot().products).toHaveLength(nhanhBefore + 2);

    // The popup counts what still needs the seller: unpaired + ambiguous.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByText(`${unpairedAfterMatch - 2 + 3} mục cần xử lý`)).toBeVisible();
  });

  test('the download goes on with the dashboard closed: a new tab shows its progress moving, then its outcome, and the catalogues are stored', async ({
    context,
    extensionId,
  }) => {
    test.setTimeout(90_000);
    // About 20 Nhanh pages at 200 ms each: several seconds, time enough to close the tab and open another.
    running = await routeApisToSandbox(context, { faults: { latencyMs: 200 } });
    await sandboxAdmin(running, '/nhanh/products', { count: 2_000 });
    await storeSettings(context, sandboxSettings(running));
    const tikiCount = running.sandbox.seed.tiki.shops[0]!.products.length;
    const nhanhCount = running.sandbox.nhanh.snapshot().products.length;
    const section = `chrome-extension://${extensionId}/dashboard.html#products`;

    // The dashboard tab the install opened (at Cài đặt): the seller's one dashboard tab.
    await expect.poll(() => context.pages().some((tab) => tab.url().includes('/dashboard.html'))).toBe(true);
    const page = context.pages().find((tab) => tab.url().includes('/dashboard.html'))!;
    await page.goto(section);
    await page.getByRole('button', { name: 'Tải sản phẩm' }).click();
    const progress = (tab: Page) => tab.locator('.download-progress');
    await expect(progress(page).getByText(/^Nhanh: [1-9]\d* sản phẩm$/)).toBeVisible();
    await page.close();
    expect(context.pages().filter((tab) => tab.url().startsWith('chrome-extension://'))).toEqual([]);

    const reopened = await context.newPage();
    await reopened.goto(section);
    // The running download's progress is there, and it moves.
    await expect(progress(reopened).locator('progress')).toHaveCount(2);
    const nhanhDone = async () =>
      Number(/Nhanh: (\d+)/.exec((await progress(reopened).textContent()) ?? '')?.[1] ?? -1);
    const first = await nhanhDone();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(nhanhCount);
    await expect.poll(nhanhDone, { timeout: 30_000 }).toBeGreaterThan(first);

    // It ends in this tab as if started here: the outcome notice, and the catalogues stored.
    const status = reopened.getByRole('status');
    await expect(status).toContainText(`Tiki: đã tải ${tikiCount} sản phẩm.`, { timeout: 30_000 });
    await expect(status).toContainText(`Nhanh: đã tải ${nhanhCount} sản phẩm.`);
    await expect(progress(reopened)).toHaveCount(0);
    const stored = await storedCatalogue(reopened);
    expect(stored.tiki).toHaveLength(tikiCount);
    expect(stored.tiki.filter((product) => product.deletedOnTiki)).toEqual([]);
    expect(stored.nhanhIds).toEqual(
      running.sandbox.nhanh
        .snapshot()
        .products.map((product) => product.id)
        .sort((a, b) => a - b),
    );
  });
});
