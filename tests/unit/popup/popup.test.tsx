import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupView } from '../../../components/popup/popup-app';
import { formatDateTime } from '../../../lib/i18n/format';
import { saveSettings } from '../../../lib/settings';
import { readStatus, recordLastSync } from '../../../lib/status/status';
import { sectionLines } from './section-lines';

/** The text a seller reads in the popup's section `label`, one line per list item or paragraph. */
async function sectionText(label: string): Promise<string[]> {
  const html = renderToStaticMarkup(
    <PopupView status={await readStatus()} orderSyncs={{}} onOpen={() => {}} />,
  );
  return sectionLines(html, label);
}

describe('popup', () => {
  beforeEach(() => fakeBrowser.reset());

  it("should show each shop's own last sync and how it went", async () => {
    const shops = [
      { id: 'shop-a', name: 'Nhà sách Hoa Mai', clientId: 'app-a', clientSecret: 'secret-a' },
      { id: 'shop-b', name: 'Đồ chơi Bé Na', clientId: 'app-b', clientSecret: 'secret-b' },
      { id: 'shop-c', name: 'Gốm Bát Tràng', clientId: 'app-c', clientSecret: 'secret-c' },
    ];
    expect((await saveSettings({ shops, autoSync: { enabled: false } }, 'vi')).ok).toBe(true);
    const morning = Date.UTC(2026, 10, 28, 2, 0);
    const noon = Date.UTC(2026, 10, 28, 5, 30);
    await recordLastSync('shop-a', { at: morning, ok: true, created: 3, updated: 1, blocked: 0, failed: 0 });
    await recordLastSync('shop-b', { at: noon, ok: false, created: 0, updated: 0, blocked: 1, failed: 2 });

    expect(await sectionText('Lần đồng bộ gần nhất')).toEqual([
      'Lần đồng bộ gần nhất',
      `Nhà sách Hoa Mai Thành công ${formatDateTime(morning, 'vi')} · 3 đơn mới, 1 cập nhật, 0 bị chặn, 0 lỗi`,
      `Đồ chơi Bé Na Bị lỗi ${formatDateTime(noon, 'vi')} · 0 đơn mới, 0 cập nhật, 1 bị chặn, 2 lỗi`,
      'Gốm Bát Tràng Chưa đồng bộ lần nào',
      'Tự động đồng bộ đang tắt',
    ]);
  });

  it('should say it never synced when there is no shop yet', async () => {
    expect(await sectionText('Lần đồng bộ gần nhất')).toContain('Chưa đồng bộ lần nào');
  });

  it('should offer one button to add a Tiki shop when there is none', async () => {
    const html = renderToStaticMarkup(
      <PopupView status={await readStatus()} orderSyncs={{}} onOpen={() => {}} />,
    );
    expect(html).toContain('Chưa có cửa hàng Tiki nào. <button type="button">Thêm cửa hàng Tiki</button>');
  });
});
