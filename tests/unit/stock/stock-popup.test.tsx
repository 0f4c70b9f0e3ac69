import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupView } from '../../../components/popup/popup-app';
import { formatDateTime } from '../../../lib/i18n/format';
import type { JobView } from '../../../lib/jobs/views';
import { saveSettings } from '../../../lib/settings';
import { readStatus } from '../../../lib/status/status';
import { updateStockShopState } from '../../../lib/stock/shop-state';
import type { StockRunSummary } from '../../../lib/stock/types';
import { stockJobView } from '../../../lib/ui-state/stock-job-view';
import { sectionLines } from '../popup/section-lines';

/** The popup's "Tồn kho lên Tiki" section, one line per shop or paragraph, tags dropped (none without the section). */
async function stockLines(jobs: Record<string, JobView> = {}): Promise<string[]> {
  const status = await readStatus();
  const stockPushes = Object.fromEntries(
    status.shops
      .map((shop) => [shop.id, stockJobView(jobs, 'stock-push', shop.id)!])
      .filter(([, job]) => job),
  );
  const html = renderToStaticMarkup(
    <PopupView status={status} orderSyncs={{}} stockPushes={stockPushes} onOpen={() => {}} />,
  );
  return sectionLines(html, 'Tồn kho lên Tiki');
}

const AT = Date.UTC(2026, 11, 1, 3, 30);

function run(patch: Partial<StockRunSummary>): StockRunSummary {
  return {
    runId: 'run-1',
    trigger: 'auto',
    startedAt: AT - 60_000,
    finishedAt: AT,
    ok: true,
    sent: 12,
    unchanged: 40,
    failed: 0,
    blocked: 3,
    failures: [],
    error: null,
    ...patch,
  };
}

const shop = (id: string, name: string, enabled: boolean) => ({
  id,
  name,
  clientId: `app-${id}`,
  clientSecret: `secret-${id}`,
  nhanhDepotId: 12,
  stockPush: { enabled, nhanhDepotIds: [12], tikiWarehouseIds: [7] },
});

describe('popup: the stock push', () => {
  beforeEach(() => fakeBrowser.reset());

  it("should show each pushing shop's last push and name the products Tiki refused", async () => {
    const saved = await saveSettings(
      {
        shops: [
          shop('a', 'Nhà sách Hoa Mai', true),
          shop('b', 'Đồ chơi Bé Na', true),
          shop('c', 'Gốm Bát Tràng', true),
          shop('d', 'Không đẩy', false),
        ],
      },
      'vi',
    );
    expect(saved.ok).toBe(true);
    await updateStockShopState('a', () => ({ lastRun: run({}) }));
    const failures = ['Bút bi', 'Vở kẻ ngang', 'Thước kẻ', 'Gôm'].map((name, index) => ({
      tikiProductId: index + 1,
      name,
      text: { key: 'tiki.error.updateRejected' as const, params: { detail: 'warehouse not found' } },
    }));
    await updateStockShopState('b', () => ({ lastRun: run({ sent: 2, failed: 4, failures }) }));
    await updateStockShopState('c', () => ({
      capability: { state: 'cannotUpdate', checkedAt: AT, text: { key: 'stock.capability.cannotUpdate' } },
    }));

    const time = formatDateTime(AT, 'vi');
    expect(await stockLines()).toEqual([
      'Tồn kho lên Tiki',
      `Nhà sách Hoa Mai Thành công ${time} · đã gửi 12, không đổi 40, lỗi 0`,
      `Đồ chơi Bé Na Bị lỗi ${time} · đã gửi 2, không đổi 40, lỗi 4 4 sản phẩm Tiki không nhận: Bút bi, Vở kẻ ngang, Thước kẻ… Mở Tồn kho`,
      'Gốm Bát Tràng Chưa đẩy lần nào Tiki chưa cho cửa hàng này cập nhật tồn kho: xem cách sửa trong Cài đặt',
    ]);
  });

  it('should say a push stopped, and show one running now', async () => {
    await saveSettings({ shops: [shop('a', 'Nhà sách Hoa Mai', true)] }, 'vi');
    await updateStockShopState('a', () => ({
      lastRun: run({ ok: false, error: { key: 'tiki.error.serverError', params: { status: 503 } } }),
    }));
    const running: JobView = {
      id: 'stock-push:a',
      kind: 'stock-push',
      shopId: 'a',
      state: 'running',
      progress: { done: 30, total: 100 },
      summary: { phase: 'push', nhanhRead: 100, tikiRead: 100, sent: 20, unchanged: 8, failed: 2 },
      error: null,
      startedAt: AT,
      updatedAt: AT,
    };
    expect(await stockLines({ 'stock-push:a': running })).toEqual([
      'Tồn kho lên Tiki',
      `Nhà sách Hoa Mai Bị lỗi Lần đẩy gần nhất dừng lúc ${formatDateTime(AT, 'vi')}`,
      'Đang đẩy tồn kho của Nhà sách Hoa Mai: 30 sản phẩm',
    ]);
  });

  it('should leave the section out while no shop pushes its stock', async () => {
    await saveSettings({ shops: [shop('a', 'Nhà sách Hoa Mai', false)] }, 'vi');
    expect(await stockLines()).toEqual([]);
  });
});
