// linkedom is WXT's own HTML parser (installed with wxt): a DOM for node without adding a test environment.
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CompanionDatabase, type OrderRecord, openCompanionDb } from '../../../lib/db';
import type { Locale } from '../../../lib/i18n';
import type { HelperEnv } from '../../../lib/seller-center/helper-env';
import { createOrderChips, type OrderChips, orderChipView } from '../../../lib/seller-center/order-chips';
import {
  chipStateOf,
  fixHashOf,
  type OrderChipState,
  openOrderFix,
  readOrderChipStates,
} from '../../../lib/seller-center/order-states';
import { classifyView, findOrderCodes, showsNoOrders } from '../../../lib/seller-center/selectors';
import { translateHelperText } from '../../../lib/seller-center/texts';
import type { Settings } from '../../../lib/settings';
import { fixture } from '../../e2e/fixtures';
import { BLOCKED_BY_UNPAIRED, FAILED_IN_NHANH, storedOrder } from '../../fixtures/order-records';
import { orderCodes, orderDetailPage, orderListPage } from '../../fixtures/seller-center/order-pages';

const SHOP = 'shop-1';
const OTHER_SHOP = 'shop-2';

function page(html: string): Document {
  const { document } = parseHTML(html);
  // The chips create their hosts in the page's document, as the content script does.
  vi.stubGlobal('document', document);
  return document as unknown as Document;
}

const record = (code: string, fields: Partial<OrderRecord> = {}) => storedOrder(SHOP, code, fields);

const BLOCKED = record('812345601', BLOCKED_BY_UNPAIRED);
const STORED: OrderRecord[] = [
  record('812345600', { nhanhOrderId: 5001, nhanhStatus: 'Confirmed', syncState: 'imported' }),
  BLOCKED,
  record('812345602', FAILED_IN_NHANH),
  record('812345603', {
    shopId: OTHER_SHOP,
    syncState: 'excluded',
    outcome: 'excluded',
    reason: { key: 'orders.excluded.fbt' },
  }),
];

let dbCounter = 0;
async function storedDb(records: readonly OrderRecord[]): Promise<CompanionDatabase> {
  const db = await openCompanionDb(`order-chips-${++dbCounter}-${Date.now()}`);
  for (const stored of records) await db.put('orders', stored);
  return db;
}

function settingsIn(language: Locale): () => Promise<Settings> {
  return async () => ({ language, shops: [{ id: SHOP }, { id: OTHER_SHOP }] }) as unknown as Settings;
}

/** The helper's environment, its messages answered by the background's own handlers on a test database. */
function helperEnv(db: CompanionDatabase, language: Locale, asked: string[][] = []): HelperEnv {
  const deps = { db: async () => db, settings: settingsIn(language) };
  return {
    t: (key, params) => translateHelperText(language, { key, params }),
    translate: (text) => translateHelperText(language, text),
    send: (async (type: string, data: { codes: string[] }) => {
      if (type !== 'getOrderChipStates') throw new Error(`unexpected ${type}`);
      asked.push(data.codes);
      return readOrderChipStates(data.codes, deps);
    }) as HelperEnv['send'],
    async ask(call) {
      try {
        return { answer: await call() };
      } catch (error) {
        return { failure: { ok: false, message: (error as Error).message } };
      }
    },
    fetch: () => Promise.reject(new Error('no fetch')),
    requestedUrls: () => [],
    mount: () => Promise.reject(new Error('no mount')),
  };
}

const chipHosts = (document: Document) => [...document.querySelectorAll('nhanh-tiki-order-chip')];
const chipTexts = (document: Document) =>
  chipHosts(document).map((host) => host.shadowRoot?.querySelector('.chip')?.textContent ?? '');

/** Syncs the chips with the page as it is now and waits for the background's answer to be drawn. */
async function syncChips(chips: OrderChips, document: Document, expected: number) {
  chips.sync(findOrderCodes(document.body));
  await vi.waitFor(() =>
    expect(chipHosts(document).filter((host) => host.shadowRoot?.firstChild)).toHaveLength(expected),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('order chip texts', () => {
  const noActions = { openFix: () => {}, push: async () => ({ ok: true, message: '' }) };
  const STATES: OrderChipState[] = [
    { kind: 'imported', nhanhOrderId: 5001, nhanhStatus: 'Đã xác nhận' },
    { kind: 'imported', nhanhOrderId: 5002, nhanhStatus: '' },
    { kind: 'blocked', reason: 'Sản phẩm "Sổ tay" chưa ghép' },
    { kind: 'failed', message: 'Số điện thoại không hợp lệ' },
    { kind: 'excluded', reason: 'Đơn FBT' },
    { kind: 'notSynced' },
  ];
  const textsIn = (locale: Locale) =>
    STATES.map((state) => {
      const view = orderChipView(
        state,
        (key, params) => translateHelperText(locale, { key, params }),
        noActions,
      );
      return { text: view.text, href: view.href, fix: Boolean(view.fix), push: view.push?.label };
    });

  it('should say each state in Vietnamese, linking to Nhanh, to the fix, or offering the push', () => {
    expect(textsIn('vi')).toEqual([
      {
        text: 'Đã có trên Nhanh · #5001 · Đã xác nhận',
        href: 'https://nhanh.vn/order/manage/detail?id=5001',
        fix: false,
        push: undefined,
      },
      {
        text: 'Đã có trên Nhanh · #5002',
        href: 'https://nhanh.vn/order/manage/detail?id=5002',
        fix: false,
        push: undefined,
      },
      { text: 'Bị chặn: Sản phẩm "Sổ tay" chưa ghép', href: undefined, fix: true, push: undefined },
      { text: 'Lỗi: Số điện thoại không hợp lệ', href: undefined, fix: false, push: undefined },
      { text: 'Không đưa sang Nhanh: Đơn FBT', href: undefined, fix: false, push: undefined },
      { text: 'Chưa đồng bộ', href: undefined, fix: false, push: 'Đẩy sang Nhanh ngay' },
    ]);
  });

  it('should say each state in English when the extension speaks English', () => {
    expect(textsIn('en').map(({ text, push }) => [text, push])).toEqual([
      ['In Nhanh · #5001 · Đã xác nhận', undefined],
      ['In Nhanh · #5002', undefined],
      ['Blocked: Sản phẩm "Sổ tay" chưa ghép', undefined],
      ['Error: Số điện thoại không hợp lệ', undefined],
      ['Not sent to Nhanh: Đơn FBT', undefined],
      ['Not synced yet', 'Push to Nhanh now'],
    ]);
  });
});

describe('what the background answers for the chips', () => {
  it('should answer each code from the stored orders of any shop, in the seller’s language, and nothing else', async () => {
    const db = await storedDb(STORED);
    const codes = ['812345600', '812345601', '812345602', '812345603', '812345699'];
    const vi = await readOrderChipStates(codes, { db: async () => db, settings: settingsIn('vi') });
    expect(vi).toEqual({
      '812345600': { kind: 'imported', nhanhOrderId: 5001, nhanhStatus: 'Đã xác nhận' },
      '812345601': { kind: 'blocked', reason: expect.stringContaining('Sổ tay bìa da A5') },
      '812345602': { kind: 'failed', message: expect.stringContaining('Số điện thoại không hợp lệ') },
      '812345603': { kind: 'excluded', reason: expect.any(String) },
      '812345699': { kind: 'notSynced' },
    });
    // No shop, no product id, no settings reach the page.
    expect(JSON.stringify(vi)).not.toMatch(/shop-|7001/);
    const en = await readOrderChipStates(['812345603'], { db: async () => db, settings: settingsIn('en') });
    expect((en['812345603'] as { reason: string }).reason).not.toBe(
      (vi['812345603'] as { reason: string }).reason,
    );
  });

  it('should treat a Tiki record the extension could not read as an error, and a pending one as not synced', () => {
    const unreadable = record('812345604', {
      syncState: 'unreadable',
      reason: { key: 'orders.unreadable', params: { reason: 'items: missing', keys: '' } },
    });
    expect(chipStateOf(unreadable, 'vi')).toMatchObject({ kind: 'failed' });
    expect(chipStateOf(record('812345605'), 'vi')).toEqual({ kind: 'notSynced' });
  });

  it('should open the dashboard at the fix of a blocked order, as Đơn hàng’s shortcuts do', async () => {
    expect(fixHashOf(BLOCKED)).toBe('#products?shop=shop-1&tiki=7001');
    const alwaysFetch = { ...BLOCKED, blockers: [{ ...BLOCKED.blockers[0]!, fix: 'always-fetch' as const }] };
    expect(fixHashOf(alwaysFetch)).toBe('#settings?field=alwaysFetchProducts');
    expect(fixHashOf(undefined)).toBe('#orders');

    const db = await storedDb(STORED);
    const opened: string[] = [];
    await openOrderFix('812345601', {
      db: async () => db,
      settings: settingsIn('vi'),
      openDashboardAt: async (hash) => void opened.push(hash),
    });
    expect(opened).toEqual(['#products?shop=shop-1&tiki=7001']);
  });
});

describe('order codes on the seller center’s order pages', () => {
  it('should find each row’s code on the list, never the filter’s field, a phone, a SKU or a tracking code', () => {
    const document = page(orderListPage(orderCodes(12).map((code) => ({ code }))));
    expect(classifyView(document.body)).toBe('orders');
    const found = findOrderCodes(document.body);
    expect(found.map((anchor) => anchor.code)).toEqual(orderCodes(10));
    expect(found.every((anchor) => anchor.element.tagName === 'A')).toBe(true);
  });

  it('should put the chip on the row, not on an applied filter naming the same code above the list', () => {
    const document = page(orderListPage(orderCodes(3).map((code) => ({ code }))));
    document
      .querySelector('form')!
      .insertAdjacentHTML(
        'beforebegin',
        '<div class="css-applied"><span>Mã đơn hàng: 812345601</span> ×</div>',
      );
    const found = findOrderCodes(document.body);
    expect(found.map((anchor) => [anchor.code, anchor.element.tagName])).toEqual(
      orderCodes(3).map((code) => [code, 'A']),
    );
  });

  it('should find the one code of an order’s page beside its “Mã đơn hàng” label', () => {
    const document = page(orderDetailPage('812345678'));
    expect(classifyView(document.body)).toBe('orders');
    const found = findOrderCodes(document.body);
    expect(found.map((anchor) => [anchor.code, anchor.element.tagName])).toEqual([['812345678', 'STRONG']]);
  });

  it('should read nothing from a list whose order column it cannot recognise, and tell that from an empty list', () => {
    const changed = page(fixture('seller-center/order-list-changed.html'));
    expect(classifyView(changed.body)).toBe('orders');
    expect(findOrderCodes(changed.body)).toEqual([]);
    expect(showsNoOrders(changed.body)).toBe(false);

    const empty = page(orderListPage([]));
    empty
      .getElementById('rows')!
      .insertAdjacentHTML('beforeend', '<tr><td colspan="6">Không có đơn hàng nào</td></tr>');
    expect(findOrderCodes(empty.body)).toEqual([]);
    expect(showsNoOrders(empty.body)).toBe(true);
  });

  it('should not take the statement page or the home page for an order page', () => {
    expect(classifyView(page(fixture('seller-center/statement-direct-download.html')).body)).toBe(
      'statement',
    );
    expect(classifyView(page(fixture('seller-center/home.html')).body)).toBe('other');
  });
});

describe('order chips on the page', () => {
  it('should put one chip beside each code with its stored state, asking the background once for them all', async () => {
    const document = page(orderListPage(orderCodes(10).map((code) => ({ code }))));
    const asked: string[][] = [];
    const chips = createOrderChips(helperEnv(await storedDb(STORED), 'vi', asked), []);
    await syncChips(chips, document, 10);

    expect(asked).toEqual([orderCodes(10)]);
    expect(chipTexts(document).slice(0, 5)).toEqual([
      'Đã có trên Nhanh · #5001 · Đã xác nhận',
      expect.stringMatching(/^Bị chặn: .*Sổ tay bìa da A5/),
      expect.stringMatching(/^Lỗi: .*Số điện thoại không hợp lệ/),
      expect.stringMatching(/^Không đưa sang Nhanh: /),
      'Chưa đồng bộĐẩy sang Nhanh ngay',
    ]);
    // Right after the code's link, inside its cell: the table keeps its columns.
    const first = chipHosts(document)[0]!;
    expect(first.previousElementSibling?.textContent).toBe('812345600');
    expect(first.parentElement?.tagName).toBe('TD');
    // The page's own text is unchanged: the chips live in shadow roots.
    expect(findOrderCodes(document.body).map((anchor) => anchor.code)).toEqual(orderCodes(10));
  });

  it('should keep one chip per row when the page re-renders the same rows, without asking again', async () => {
    const document = page(orderListPage(orderCodes(10).map((code) => ({ code }))));
    const asked: string[][] = [];
    const chips = createOrderChips(helperEnv(await storedDb(STORED), 'vi', asked), []);
    await syncChips(chips, document, 10);

    // React-like: the same rows drawn again with new elements.
    const body = document.getElementById('rows')!;
    body.innerHTML = body.innerHTML.replace(/<nhanh-tiki-order-chip[^>]*>.*?<\/nhanh-tiki-order-chip>/g, '');
    expect(chipHosts(document)).toHaveLength(0);
    await syncChips(chips, document, 10);
    chips.sync(findOrderCodes(document.body));
    expect(chipHosts(document)).toHaveLength(10);
    expect(asked).toHaveLength(1);
  });

  it('should redraw only the chip whose stored state changed when the states are read again', async () => {
    const document = page(orderListPage(orderCodes(10).map((code) => ({ code }))));
    const db = await storedDb(STORED);
    const chips = createOrderChips(helperEnv(db, 'vi'), []);
    await syncChips(chips, document, 10);
    const drawn = () => chipHosts(document).map((host) => host.shadowRoot?.querySelector('.chip'));
    const before = drawn();

    // The sync imported the fifth order meanwhile.
    await db.put(
      'orders',
      record('812345604', { nhanhOrderId: 5005, nhanhStatus: 'New', syncState: 'imported' }),
    );
    chips.forget();
    chips.sync(findOrderCodes(document.body));
    await vi.waitFor(() => expect(chipTexts(document)[4]).toBe('Đã có trên Nhanh · #5005 · Đơn mới'));
    const after = drawn();
    expect(after.filter((chip, index) => chip !== before[index])).toHaveLength(1);
    expect(after[4]).not.toBe(before[4]);
  });

  it('should follow pagination: chips for the new page’s codes, none left of the old page', async () => {
    const orders = orderCodes(20).map((code) => ({ code }));
    const document = page(orderListPage(orders));
    const asked: string[][] = [];
    const chips = createOrderChips(helperEnv(await storedDb(STORED), 'vi', asked), []);
    await syncChips(chips, document, 10);

    // Page 2: the app swaps the rows for the next ten.
    const secondPage = page(orderListPage(orders.slice(10)));
    vi.stubGlobal('document', document);
    document.getElementById('rows')!.innerHTML = secondPage.getElementById('rows')!.innerHTML;
    await syncChips(chips, document, 10);
    expect(chipHosts(document).map((host) => host.previousElementSibling?.textContent)).toEqual(
      orderCodes(20).slice(10),
    );
    expect(asked).toEqual([orderCodes(10), orderCodes(20).slice(10)]);
  });

  it('should move with a route change from the list to an order’s page, and remove every chip when told', async () => {
    const document = page(orderListPage(orderCodes(10).map((code) => ({ code }))));
    const chips = createOrderChips(helperEnv(await storedDb(STORED), 'vi'), []);
    await syncChips(chips, document, 10);

    // The app renders the order's page in place of the list (a hash route).
    const detail = page(orderDetailPage('812345601'));
    vi.stubGlobal('document', document);
    document.getElementById('view')!.innerHTML = detail.getElementById('view')!.innerHTML;
    chips.forget();
    await syncChips(chips, document, 1);
    expect(chipTexts(document)).toEqual([expect.stringMatching(/^Bị chặn: /)]);

    chips.removeAll();
    expect(chipHosts(document)).toHaveLength(0);
  });

  it('should leave a page it cannot read untouched', async () => {
    const document = page(fixture('seller-center/order-list-changed.html'));
    const before = document.body.innerHTML;
    const asked: string[][] = [];
    const chips = createOrderChips(helperEnv(await storedDb(STORED), 'vi', asked), []);
    chips.sync(findOrderCodes(document.body));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.body.innerHTML).toBe(before);
    expect(asked).toEqual([]);
  });
});
