import type { BrowserContext, Locator, Page } from '@playwright/test';
import { shownSku } from '../../lib/orders/blocking';
import type { TikiOrder } from '../../lib/tiki/schemas';
import type { NhanhSnapshot } from '../../sandbox/nhanh';
import type { RunningSandbox } from '../../sandbox/server';
import { downloadAndPairProducts, expect, importOrdersFromPage, storeSettings, test } from './fixtures';
import { routeApisToSandbox, sandboxAdmin, sandboxSettings } from './sandbox-route';

/*
 * What a seller notices when Tiki moves orders already imported into Nhanh (docs/order-status.md): a first
 * import from Đơn hàng creates the new orders as Đơn mới, Tiki (and the seller in Nhanh) then change them
 * through the sandbox's admin routes, and the next import, run from the same page, brings Nhanh along, or
 * says why it does not.
 */

type NhanhOrder = NhanhSnapshot['orders'][number];
type Stock = NhanhSnapshot['stock'];

test.describe('Đơn hàng: Tiki status changes reach Nhanh', () => {
  let running: RunningSandbox;
  test.afterEach(async () => {
    await running?.close();
  });

  const nhanhOrders = () => running.sandbox.nhanh.snapshot().orders;
  const nhanhOrder = (id: number) => nhanhOrders().find((order) => order.id === id)!;
  const tikiOrder = (code: string) =>
    (running.sandbox.seed.tiki.shops[0]!.orders as TikiOrder[]).find((order) => order.code === code)!;
  const setTikiStatus = (code: string, status: string) =>
    sandboxAdmin(running, `/tiki/orders/${code}/status`, { status });
  const editInNhanh = (id: number, edit: object) => sandboxAdmin(running, `/nhanh/orders/${id}`, edit);

  /**
   * The sandbox's shop importing Mới (the default), products downloaded and paired, and a first import run
   * from Đơn hàng: every order it created is Đơn mới in Nhanh. Returns the stock from before that import.
   */
  async function firstImport(context: BrowserContext, extensionId: string) {
    running = await routeApisToSandbox(context);
    await storeSettings(context, { ...sandboxSettings(running), orderStatusFilter: ['new'] });
    const page = await context.newPage();
    await downloadAndPairProducts(page, extensionId);
    const stockBefore = running.sandbox.nhanh.snapshot().stock;
    await importOrdersFromPage(page, extensionId);
    const created = nhanhOrders();
    expect(created.length).toBeGreaterThanOrEqual(6);
    expect(new Set(created.map((order) => order.status))).toEqual(new Set(['New']));
    return { page, stockBefore, created };
  }

  /**
   * `count` imported orders whose products no other Nhanh order holds, so each one's stock moves are its own;
   * then, if asked, `others` more of any kind. Every line's product once.
   */
  function chooseOrders(created: readonly NhanhOrder[], count: number, others = 0): NhanhOrder[] {
    const holders = new Map<number, number>();
    for (const order of created)
      for (const line of order.products) holders.set(line.id, (holders.get(line.id) ?? 0) + 1);
    const own = created.filter((order) => order.products.every((line) => holders.get(line.id) === 1));
    expect(own.length, 'imported orders with products of their own').toBeGreaterThanOrEqual(count);
    const chosen = own.slice(0, count);
    const rest = created.filter((order) => !chosen.includes(order)).slice(0, others);
    expect(rest).toHaveLength(others);
    return [...chosen, ...rest];
  }

  /** Stock of each line of `order` in its depot: remain and holding, with what the order moved added. */
  function expectStock(order: NhanhOrder, before: Stock, moved: { remain: number; holding: number }) {
    const now = running.sandbox.nhanh.snapshot().stock;
    for (const line of order.products) {
      const was = before[line.id]![order.depotId]!;
      expect(now[line.id]![order.depotId], `stock of Nhanh product ${line.id}`).toMatchObject({
        remain: was.remain + moved.remain * line.quantity,
        holding: was.holding + moved.holding * line.quantity,
      });
    }
  }

  /** A result group of the last run (a `<details>` titled by its summary), opened if it was folded. */
  async function resultGroup(page: Page, title: string): Promise<Locator> {
    const group = page.locator('details').filter({ has: page.locator('summary', { hasText: title }) });
    await expect(group).toHaveCount(1);
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    return group;
  }

  const rowOf = (scope: Locator, code: string) => scope.getByRole('row').filter({ hasText: code });
  const lastRun = (page: Page) => page.getByRole('status').filter({ hasText: 'Lần chạy gần nhất' });

  test('the next import follows Tiki: picking → Đã xác nhận, complete → Thành công with the stock out, canceled → Khách hủy with the holding released, packed in Nhanh then complete → Thành công', async ({
    context,
    extensionId,
  }) => {
    const { page, stockBefore, created } = await firstImport(context, extensionId);
    const [completed, canceled, picked, packed] = chooseOrders(created, 2, 2) as [
      NhanhOrder,
      NhanhOrder,
      NhanhOrder,
      NhanhOrder,
    ];
    // The first import holds the lines of what it created.
    for (const order of [completed, canceled]) expectStock(order, stockBefore, { remain: 0, holding: 1 });
    const untouched = created.filter((order) => ![completed, canceled, picked, packed].includes(order));

    await setTikiStatus(picked.appOrderId, 'picking');
    await setTikiStatus(completed.appOrderId, 'complete');
    await setTikiStatus(canceled.appOrderId, 'canceled');
    // The seller packs one in Nhanh; Tiki then says it is complete.
    await editInNhanh(packed.id, { status: 'Packed' });
    await setTikiStatus(packed.appOrderId, 'complete');
    await importOrdersFromPage(page, extensionId);

    expect(nhanhOrder(picked.id).status).toBe('Confirmed');
    expect(nhanhOrder(completed.id).status).toBe('Success');
    expect(nhanhOrder(canceled.id).status).toBe('Canceled');
    expect(nhanhOrder(packed.id).status).toBe('Success');
    for (const order of untouched) expect(nhanhOrder(order.id).status, order.appOrderId).toBe('New');
    // Success takes the lines out of stock and lets go of the holding; a cancel only lets go of it.
    expectStock(completed, stockBefore, { remain: -1, holding: 0 });
    expectStock(canceled, stockBefore, { remain: 0, holding: 0 });

    await expect(lastRun(page)).toContainText('Cập nhật trạng thái: 4');
    await expect(lastRun(page)).toContainText('Xung đột trạng thái: 0');
    const updated = await resultGroup(page, 'Cập nhật trạng thái');
    const expectations = [
      [picked, 'Đã xác nhận (picking)', 'Đã xác nhận'],
      [completed, 'Thành công (complete)', 'Thành công'],
      [canceled, 'Đã hủy (canceled)', 'Khách hủy'],
      [packed, 'Thành công (complete)', 'Thành công'],
    ] as const;
    for (const [order, tiki, nhanh] of expectations) {
      const row = rowOf(updated, order.appOrderId);
      await expect(row).toContainText(tiki);
      await expect(row).toContainText(`#${order.id} · ${nhanh}`);
    }
    await expect(updated.getByRole('row')).toHaveCount(1 + expectations.length);
  });

  test('an order sent to a carrier in Nhanh is left alone; when Tiki cancels it, "Hủy vận chuyển trên Nhanh" cancels the shipment and the next import cancels the order', async ({
    context,
    extensionId,
  }) => {
    const { page, stockBefore, created } = await firstImport(context, extensionId);
    const [shipped] = chooseOrders(created, 1) as [NhanhOrder];
    const code = shipped.appOrderId;
    await editInNhanh(shipped.id, { status: 'Shipping', sendToCarrier: true });

    // Tiki completes it: the carrier drives it now, nothing is sent to Nhanh and nothing is wrong.
    await setTikiStatus(code, 'complete');
    await importOrdersFromPage(page, extensionId);
    expect(nhanhOrder(shipped.id)).toMatchObject({ status: 'Shipping', carrier: expect.anything() });
    await expect(lastRun(page)).toContainText('Xung đột trạng thái: 0');
    const present = rowOf(await resultGroup(page, 'Đã có trên Nhanh'), code);
    await expect(present).toContainText(`#${shipped.id} · Đang chuyển`);
    await expect(present).toContainText('Nhanh/hãng vận chuyển đang xử lý');
    await expect(present.getByRole('button')).toHaveCount(0);

    // Tiki cancels it: a conflict the seller settles with one click, after confirming.
    await setTikiStatus(code, 'canceled');
    await importOrdersFromPage(page, extensionId);
    expect(nhanhOrder(shipped.id)).toMatchObject({ status: 'Shipping', carrier: expect.anything() });
    await expect(lastRun(page)).toContainText('Xung đột trạng thái: 1');
    const conflict = rowOf(await resultGroup(page, 'Xung đột trạng thái'), code);
    await expect(conflict).toContainText('đã gửi sang hãng vận chuyển ("Đang chuyển")');
    const cancelShipment = conflict.getByRole('button', { name: 'Hủy vận chuyển trên Nhanh' });
    const dialog = page.waitForEvent('dialog');
    const click = cancelShipment.click();
    const confirm = await dialog;
    expect(confirm.type()).toBe('confirm');
    expect(confirm.message()).toContain(`Hủy vận chuyển đơn ${code} trên Nhanh?`);
    await confirm.accept();
    await click;
    await expect(page.getByRole('status').filter({ hasText: 'Đã hủy vận chuyển' })).toHaveText(
      `Đã hủy vận chuyển đơn ${code} (Nhanh #${shipped.id}). Tải lại đơn để cập nhật trạng thái.`,
    );
    await expect(cancelShipment).toHaveCount(0);
    // Back to Đã đóng gói in Nhanh, no longer with a carrier: editable again.
    expect(nhanhOrder(shipped.id)).toMatchObject({ status: 'Packed', carrier: null });

    // The next import does what the conflict said: the order is cancelled and its holding released.
    await importOrdersFromPage(page, extensionId);
    expect(nhanhOrder(shipped.id).status).toBe('Canceled');
    expectStock(shipped, stockBefore, { remain: 0, holding: 0 });
    await expect(lastRun(page)).toContainText('Xung đột trạng thái: 0');
    await expect(rowOf(await resultGroup(page, 'Cập nhật trạng thái'), code)).toContainText(
      `#${shipped.id} · Khách hủy`,
    );
  });

  test('a return of an order Nhanh has as Thành công is listed with its lines until "Đã xử lý trên Nhanh"; an editable order goes to Đã chuyển hoàn', async ({
    context,
    extensionId,
  }) => {
    const { page, created } = await firstImport(context, extensionId);
    const [sold, open] = chooseOrders(created, 0, 2) as [NhanhOrder, NhanhOrder];
    await setTikiStatus(sold.appOrderId, 'complete');
    await importOrdersFromPage(page, extensionId);
    expect(nhanhOrder(sold.id).status).toBe('Success');

    await setTikiStatus(sold.appOrderId, 'returned');
    await setTikiStatus(open.appOrderId, 'returned');
    await importOrdersFromPage(page, extensionId);
    // Thành công cannot be edited through the API: Nhanh stays as it is; the open order is marked returned.
    expect(nhanhOrder(sold.id).status).toBe('Success');
    expect(nhanhOrder(open.id).status).toBe('Returned');

    const returns = page.getByRole('region', { name: /^Đơn trả hàng — cần xử lý trên Nhanh/ });
    await expect(returns.getByRole('heading')).toHaveText('Đơn trả hàng — cần xử lý trên Nhanh 1');
    const row = rowOf(returns, sold.appOrderId);
    await expect(row).toContainText(`#${sold.id} · Thành công`);
    const items = tikiOrder(sold.appOrderId).items;
    await expect(row.getByRole('listitem')).toHaveCount(items.length);
    for (const item of items)
      await expect(row.getByRole('listitem').filter({ hasText: item.product.name })).toContainText(
        `${item.qty} × ${item.product.name} (${shownSku(item)})`,
      );
    await expect(rowOf(returns, open.appOrderId)).toHaveCount(0);
    await expect(rowOf(await resultGroup(page, 'Cập nhật trạng thái'), open.appOrderId)).toContainText(
      `#${open.id} · Đã chuyển hoàn`,
    );

    await row.getByRole('button', { name: 'Đã xử lý trên Nhanh' }).click();
    await expect(returns).toHaveCount(0);
    // Handled stays handled: the next import does not list it again.
    await importOrdersFromPage(page, extensionId);
    await expect(lastRun(page)).toContainText('Đơn trả hàng — cần xử lý trên Nhanh: 0');
    await expect(returns).toHaveCount(0);
    expect(nhanhOrder(sold.id).status).toBe('Success');
  });
});
