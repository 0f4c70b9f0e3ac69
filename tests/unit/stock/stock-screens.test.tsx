import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StockPushPanel, stockPushProblem } from '../../../components/settings/stock-push-panel';
import { CapabilityNotice } from '../../../components/stock/capability-notice';
import { FreezeNotice } from '../../../components/stock/stock-section';
import { StockTable } from '../../../components/stock/stock-table';
import { fromDraft, newShopDraft, type SettingsDraft, toDraft } from '../../../lib/config/settings-form';
import type { Locale } from '../../../lib/i18n';
import { DEFAULT_SETTINGS, type FieldError, newShopId, validateSettings } from '../../../lib/settings';
import type { StockPreviewRow } from '../../../lib/stock/types';
import { previewRow } from './preview-row';

/** The visible text of some markup, tags dropped. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** A form holding one shop whose stock push is being filled in, as the seller typed it. */
function draftWith(stockPush: Partial<SettingsDraft['shops'][number]['stockPush']>): SettingsDraft {
  const shop = newShopDraft('shop-a');
  return {
    ...toDraft({}, DEFAULT_SETTINGS, newShopId),
    shops: [
      {
        ...shop,
        name: 'Nhà sách Hoa Mai',
        clientId: 'app',
        clientSecret: 'secret',
        nhanhDepotId: '12',
        stockPush: { ...shop.stockPush, enabled: true, ...stockPush },
      },
    ],
  };
}

function problems(draft: SettingsDraft, locale: Locale): FieldError[] {
  const validation = validateSettings(fromDraft(draft), locale);
  return validation.ok ? [] : validation.errors;
}

const FIELDS = [
  'nhanhDepotIds',
  'tikiWarehouseIds',
  'buffer.value',
  'threshold',
  'cap',
  'freeze.from',
  'freeze.to',
];
const problemsByField = (errors: readonly FieldError[]) =>
  Object.fromEntries(FIELDS.map((field) => [field, stockPushProblem(errors, 0, field)]));

const BAD = {
  nhanhDepotIds: '12, kho hai',
  tikiWarehouseIds: [],
  bufferUnit: 'percent' as const,
  bufferValue: '150',
  threshold: '-1',
  cap: 'nhiều',
  freezeOn: true,
  freezeFrom: '2026-12-12T22:00',
  freezeTo: '2026-12-12T20:00',
};

describe('Cài đặt → Đồng bộ tồn kho lên Tiki: validation', () => {
  it('should name every wrong field in Vietnamese at once', () => {
    expect(problemsByField(problems(draftWith(BAD), 'vi'))).toEqual({
      nhanhDepotIds: 'phải là số ID kho trên Nhanh.',
      tikiWarehouseIds: 'chọn ít nhất một kho Tiki nhận tồn.',
      'buffer.value': 'phần trăm phải từ 0 đến 100.',
      threshold: 'phải là số nguyên từ 0 đến 1.000.000.',
      cap: 'phải là số nguyên từ 0 đến 1.000.000.',
      'freeze.from': undefined,
      'freeze.to': 'thời điểm kết thúc phải sau thời điểm bắt đầu.',
    });
  });

  it('should say the same in English', () => {
    const byField = problemsByField(problems(draftWith(BAD), 'en'));
    expect(byField['freeze.to']).toBe('the end must be after the start.');
    expect(byField.threshold).toBe('must be a whole number from 0 to 1,000,000.');
    expect(byField.nhanhDepotIds).toBe('must be a Nhanh depot ID number.');
  });

  it('should ask for the flash-sale times once the window is switched on, and for a depot when none is given', () => {
    const byField = problemsByField(
      problems(draftWith({ nhanhDepotIds: ' ', tikiWarehouseIds: [7], freezeOn: true }), 'vi'),
    );
    expect(byField.nhanhDepotIds).toBe('chọn ít nhất một kho Nhanh để tính tồn.');
    expect(byField['freeze.from']).toBe('chọn ngày và giờ (giờ Việt Nam).');
    expect(byField['freeze.to']).toBe('chọn ngày và giờ (giờ Việt Nam).');
  });

  it('should not hold back saving a shop that does not push, whatever its empty push fields', () => {
    const off = draftWith({
      enabled: false,
      nhanhDepotIds: '',
      tikiWarehouseIds: [],
      cap: '',
      threshold: '',
    });
    expect(problems(off, 'vi')).toEqual([]);
  });

  it('should show each message next to its field', () => {
    const draft = draftWith({ ...BAD, nhanhDepotIds: '12', threshold: '0', cap: '' });
    const errors = problems(draft, 'vi');
    const html = renderToStaticMarkup(
      <StockPushPanel
        shop={draft.shops[0]!}
        depots={[]}
        errorAt={(field) => stockPushProblem(errors, 0, field)}
        onChange={() => {}}
      />,
    );
    expect(html).toContain('name="stockPush.buffer" value="150"');
    for (const message of [
      'chọn ít nhất một kho Tiki nhận tồn.',
      'phần trăm phải từ 0 đến 100.',
      'thời điểm kết thúc phải sau thời điểm bắt đầu.',
    ])
      expect(html).toContain(`role="alert">${message}</p>`);
    expect(textOf(html)).toContain('Số âm → 0 (luôn áp dụng).');
  });

  it('should offer the in-house app steps to a shop connected by its key only, before any push is refused', () => {
    const panel = (app: { clientId: string; clientSecret: string }) => {
      const draft = draftWith({ tikiWarehouseIds: [7] });
      return textOf(
        renderToStaticMarkup(
          <StockPushPanel
            shop={{ ...draft.shops[0]!, ...app }}
            depots={[]}
            errorAt={() => undefined}
            onChange={() => {}}
          />,
        ),
      );
    };
    expect(panel({ clientId: '', clientSecret: '' })).toContain(
      'Tài liệu của Tiki chỉ cho cập nhật tồn kho bằng ứng dụng riêng của người bán',
    );
    expect(panel({ clientId: '', clientSecret: '' })).toContain('Tạo ứng dụng nội bộ (In-house app)');
    expect(panel({ clientId: 'app', clientSecret: 'secret' })).not.toContain('In-house app');
  });

  it('should keep what the seller saved through the form unchanged', () => {
    const stockPush = {
      enabled: true,
      nhanhDepotIds: [12, 15],
      tikiWarehouseIds: [7, 3],
      buffer: { unit: 'percent', value: 10 },
      threshold: 2,
      cap: 50,
      freeze: { from: '2026-12-12T20:00', to: '2026-12-12T23:59' },
    };
    const stored = { shops: [{ id: 'shop-a', name: 'A', clientId: 'x', clientSecret: 'y', stockPush }] };
    const draft = toDraft(stored, DEFAULT_SETTINGS, newShopId);
    expect(draft.shops[0]!.stockPush.nhanhDepotIds).toBe('12, 15');
    const validation = validateSettings(fromDraft(draft), 'vi');
    expect(validation.ok && validation.settings.shops[0]!.stockPush).toEqual(stockPush);
  });
});

describe('Tồn kho: the preview table', () => {
  const render = (rows: StockPreviewRow[], selected = new Set<number>()) =>
    renderToStaticMarkup(
      <StockTable rows={rows} selected={selected} onToggle={() => {}} onToggleAll={() => {}} />,
    );
  const rowText = (html: string, id: number) =>
    textOf(new RegExp(`<tr[^>]*data-tiki-id="${id}"[^>]*>(.*?)</tr>`).exec(html)?.[1] ?? '');

  it('should show Nhanh available, the rules, what Tiki shows and what goes out, with why a row is blocked or refused', () => {
    const html = render([
      previewRow(1, { rules: ['buffer', 'threshold'], toPush: 0, state: 'willZero', nhanhAvailable: 3 }),
      previewRow(2, { toPush: null, rules: [], state: 'blocked', reason: 'fbt', tikiNow: 8 }),
      previewRow(3, {
        lastError: { key: 'tiki.error.updateRejected', params: { detail: 'warehouse 9 not found' } },
      }),
    ]);
    expect(rowText(html, 1)).toBe('Sản phẩm 1 SKU TK1 3 Giữ lại → Dưới ngưỡng → 0 4 0 Về 0');
    expect(rowText(html, 2)).toContain('Hàng trong kho Tiki (FBT): Tiki tự quản lý tồn, không đẩy.');
    expect(rowText(html, 2)).toMatch(/— 8 — Bị chặn$/);
    expect(rowText(html, 3)).toContain(
      'Tiki báo: Tiki không nhận thay đổi của sản phẩm này. Tiki báo: warehouse 9 not found',
    );
  });

  it('should let only rows a push changes be ticked', () => {
    const html = render([
      previewRow(1),
      previewRow(2, { state: 'unchanged', toPush: 4 }),
      previewRow(3, { state: 'blocked', toPush: null, reason: 'notPaired' }),
    ]);
    const checkbox = (id: number) =>
      new RegExp(`data-tiki-id="${id}".*?<input([^>]*)>`).exec(html)?.[1] ?? '';
    expect(checkbox(1)).not.toContain('disabled');
    expect(checkbox(2)).toContain('disabled');
    expect(checkbox(3)).toContain('disabled');
  });

  it('should draw only the rows in view of 50,000', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => previewRow(i + 1));
    const drawn = render(rows).match(/data-tiki-id=/g)?.length ?? 0;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(30);
  });
});

describe('Cài đặt: a shop that cannot push', () => {
  it('should say why in plain words with the steps to create and connect an in-house app', () => {
    const text = textOf(
      renderToStaticMarkup(
        <CapabilityNotice
          capability={{ state: 'cannotUpdate', checkedAt: 1, text: { key: 'stock.capability.cannotUpdate' } }}
        />,
      ),
    );
    expect(text).toContain('can_update_product = 0');
    expect(text).toContain('Tạo ứng dụng nội bộ (In-house app)');
    expect(text).toContain('Mở open.tiki.vn/console');
  });

  it('should say nothing when the shop can push or was never checked', () => {
    expect(renderToStaticMarkup(<CapabilityNotice capability={{ state: 'ok', checkedAt: 1 }} />)).toBe('');
    expect(renderToStaticMarkup(<CapabilityNotice capability={{ state: 'unknown' }} />)).toBe('');
  });
});

describe('Tồn kho: the flash-sale window', () => {
  const freeze = { from: '2026-12-12T20:00', to: '2026-12-12T23:59' };
  // 20:00 in Vietnam (UTC+7) is 13:00 UTC.
  const notice = (now: number) => textOf(renderToStaticMarkup(<FreezeNotice freeze={freeze} now={now} />));

  it('should say when it comes, in Vietnam time, then that it is on, then nothing once it is over', () => {
    expect(notice(Date.UTC(2026, 11, 12, 12, 59))).toBe(
      'Flash sale từ 20:00 12/12/2026 đến 23:59 12/12/2026: trong khung giờ đó tồn trên Tiki chỉ giảm, không tăng.',
    );
    expect(notice(Date.UTC(2026, 11, 12, 13, 0))).toBe(
      'Flash sale đang diễn ra đến 23:59 12/12/2026: tồn trên Tiki chỉ giảm, không tăng.',
    );
    expect(notice(Date.UTC(2026, 11, 12, 16, 59))).toBe('');
    expect(renderToStaticMarkup(<FreezeNotice freeze={null} now={0} />)).toBe('');
  });
});
