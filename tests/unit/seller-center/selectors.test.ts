import { readFileSync } from 'node:fs';
import path from 'node:path';
// linkedom is WXT's own HTML parser (installed with wxt): a DOM for node without adding a test environment.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  classifyView,
  findKeyPageLink,
  findKeyTable,
  findLabelElements,
  findStatementExport,
  normalizeLabel,
  readKeyRow,
} from '../../../lib/seller-center/selectors';

const KEY_1 = '6f1c2d3e-4a5b-4c6d-a7e8-9f0a1b2c3d4e';
const KEY_2 = '0a9b8c7d-6e5f-4a3b-a2c1-d0e9f8a7b6c5';
const BASE = 'https://sellercenter.tiki.vn/new/#/finance/statements/SK-2410-01';

function page(name: string): Document {
  const html = readFileSync(path.resolve('tests/fixtures/seller-center', name), 'utf8')
    .replaceAll('{{KEY_1}}', KEY_1)
    .replaceAll('{{KEY_2}}', KEY_2);
  return parseHTML(html).document as unknown as Document;
}

describe('normalizeLabel', () => {
  it('should compare Vietnamese labels without diacritics, case, punctuation or extra spaces', () => {
    expect(normalizeLabel('  Tham SỐ   kết nối: ')).toBe('tham so ket noi');
    expect(normalizeLabel('Đối soát')).toBe('doi soat');
    expect(normalizeLabel('"Xuất sao kê hiện tại"')).toBe(normalizeLabel('xuat sao ke hien tai'));
  });
});

describe('findLabelElements', () => {
  it('should find a label split across nested elements, but not the section that merely contains it', () => {
    const document = page('key-table-nested-labels.html');
    const [label, ...others] = findLabelElements(document.body, 'Kết nối với kênh bán hàng khác');
    expect(others).toEqual([]);
    expect(label?.className).toBe('css-head');
  });
});

describe('findKeyTable and readKeyRow', () => {
  it('should find the one key of a one-shop table and name the shop from the page’s “Tên cửa hàng”', () => {
    const document = page('key-table-one-shop.html');
    const table = findKeyTable(document.body);
    expect(table?.sectionFound).toBe(true);
    expect(table?.rows).toHaveLength(1);
    expect(readKeyRow(table!.rows[0]!, document.body)).toEqual({
      key: KEY_1,
      shopName: 'Nhà Sách & Gia Dụng Minh An',
    });
  });

  it('should read every row of a fixed-header table with several shops, each with its own name', () => {
    const document = page('key-table-several-shops.html');
    const table = findKeyTable(document.body);
    expect(table?.rows).toHaveLength(3);
    const [first, second, masked] = table!.rows.map((row) => readKeyRow(row, document.body));
    expect(first).toEqual({ key: KEY_1, shopName: 'Nhà Sách & Gia Dụng Minh An' });
    // The second key sits in a read-only input.
    expect(second).toEqual({ key: KEY_2, shopName: 'Phụ Kiện Số Hoàng Long' });
    // A masked key cannot be read: the helper says so instead of sending dots.
    expect(masked).toBeNull();
  });

  it('should find the key in an ARIA grid whose labels moved inside nested elements', () => {
    const document = page('key-table-nested-labels.html');
    const table = findKeyTable(document.body);
    expect(table?.sectionFound).toBe(true);
    expect(table?.rows).toHaveLength(1);
    expect(readKeyRow(table!.rows[0]!, document.body)).toEqual({
      key: KEY_2,
      shopName: 'Phụ Kiện Số Hoàng Long',
    });
  });

  it('should find no key table on a page without the section, though it is the key page', () => {
    const document = page('store-setup-without-section.html');
    expect(findKeyTable(document.body)).toBeNull();
    expect(classifyView(document.body)).toBe('keys');
  });

  it('should not read text the helper itself added inside the cell', () => {
    const document = page('key-table-one-shop.html');
    const cell = findKeyTable(document.body)!.rows[0]!.keyCell;
    const host = document.createElement('nhanh-tiki-key-button');
    host.textContent = 'ffffffff-ffff-4fff-afff-ffffffffffff';
    cell.prepend(host);
    expect(readKeyRow(findKeyTable(document.body)!.rows[0]!, document.body)?.key).toBe(KEY_1);
  });
});

describe('findStatementExport', () => {
  it('should find the export button and the direct download link beside it', () => {
    const document = page('statement-direct-download.html');
    const found = findStatementExport(document.body, BASE);
    expect(found?.control.tagName).toBe('BUTTON');
    expect(found?.download).toEqual({
      url: 'https://sellercenter.tiki.vn/new/api/finance/statements/SK-2410-01/export.xlsx',
      fileName: 'export.xlsx',
    });
  });

  it('should find the export control of an email-only page and offer no download', () => {
    const document = page('statement-email-only.html');
    const found = findStatementExport(document.body, BASE);
    expect(found?.control.getAttribute('id')).toBe('export-statement');
    expect(found?.download).toBeNull();
  });

  it('should fall back to a spreadsheet the page itself requested, ignoring other requests', () => {
    const document = page('statement-email-only.html');
    const found = findStatementExport(document.body, BASE, [
      'https://sellercenter.tiki.vn/new/api/finance/statements/SK-2410-01/export?format=xlsx',
      'https://files.tiki.vn/exports/sao-ke-SK-2410-01.xlsx?sig=abc',
      'https://sellercenter.tiki.vn/new/api/me',
    ]);
    expect(found?.download).toEqual({
      url: 'https://files.tiki.vn/exports/sao-ke-SK-2410-01.xlsx?sig=abc',
      fileName: 'sao-ke-SK-2410-01.xlsx',
    });
  });

  it('should find nothing to export on pages without the control', () => {
    expect(findStatementExport(page('key-table-one-shop.html').body, BASE)).toBeNull();
    expect(findStatementExport(page('home.html').body, BASE)).toBeNull();
  });
});

describe('classifyView', () => {
  it('should tell the key page, statement pages and the rest apart by headings, not by the side menu', () => {
    expect(classifyView(page('key-table-one-shop.html').body)).toBe('keys');
    expect(classifyView(page('key-table-nested-labels.html').body)).toBe('keys');
    expect(classifyView(page('statement-direct-download.html').body)).toBe('statement');
    expect(classifyView(page('statement-email-only.html').body)).toBe('statement');
    expect(classifyView(page('home.html').body)).toBe('other');
    // The SPA shell's home view carries the key page only in a <template>, which is not on screen.
    expect(classifyView(page('spa-shell.html').body)).toBe('other');
  });
});

describe('findKeyPageLink', () => {
  it('should find the account menu’s link to the seller details, and nothing on a page without a menu', () => {
    expect(findKeyPageLink(page('spa-shell.html').body)?.getAttribute('href')).toBe('/new/seller-info');
    expect(findKeyPageLink(page('home.html').body)).toBeNull();
  });
});
