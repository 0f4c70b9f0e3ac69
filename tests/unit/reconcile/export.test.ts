import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { neutralizeFormula, restoreNeutralized } from '../../../lib/files/spreadsheet-cells';
import { indexExpectations } from '../../../lib/reconcile/expectations';
import { claimsWorkbook, reportWorkbook, templateWorkbook } from '../../../lib/reconcile/export';
import { reconcileStatement } from '../../../lib/reconcile/match';
import { parseStatement } from '../../../lib/reconcile/parse';
import { netOf, SALES_HEADER, salesRow, xlsxOf } from './workbooks';

function cells(bytes: Uint8Array, sheetIndex = 0): XLSX.CellObject[] {
  const workbook = XLSX.read(bytes, { type: 'array', cellFormula: true });
  const sheet = workbook.Sheets[workbook.SheetNames[sheetIndex] as string] as XLSX.WorkSheet;
  return Object.entries(sheet)
    .filter(([address]) => !address.startsWith('!'))
    .map(([, cell]) => cell as XLSX.CellObject);
}

const hostile = parseStatement(
  xlsxOf({
    'GD bán hàng': [
      [...SALES_HEADER, 'Tên sản phẩm', 'Nội dung'],
      [...salesRow(1, '1001', 100_000, '=HYPERLINK("http://x","y")'), '+cmd|/C calc', '@SUM(A1)'],
      [...salesRow(2, '1002', 50_000, '-2+3'), 'Áo thun', 'bình thường'],
    ],
  }),
  'hostile.xlsx',
);

describe('exports', () => {
  it('should prefix texts that start like a formula with an apostrophe, and leave others alone', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('+84 987')).toBe("'+84 987");
    expect(neutralizeFormula('-x')).toBe("'-x");
    expect(neutralizeFormula('@x')).toBe("'@x");
    expect(neutralizeFormula('Áo = đẹp')).toBe('Áo = đẹp');
    for (const text of ['=1+1', '-SALE', "'quoted", 'Áo'])
      expect(restoreNeutralized(neutralizeFormula(text))).toBe(text);
  });

  it('should write no formula cell in the template, and every formula-like text as neutralised text', () => {
    const written = cells(templateWorkbook(hostile.lines));
    expect(written.some((cell) => cell.f !== undefined)).toBe(false);
    const texts = written.filter((cell) => cell.t === 's').map((cell) => String(cell.v));
    expect(texts).toContain('\'=HYPERLINK("http://x","y")');
    expect(texts).toContain("'+cmd|/C calc");
    expect(texts).toContain("'@SUM(A1)");
    expect(texts).toContain("'-2+3");
    expect(texts.filter((text) => /^[=+\-@]/.test(text))).toEqual([]);
  });

  it('should give back the same lines when its own template is imported', () => {
    const plain = parseStatement(
      xlsxOf({
        'GD bán hàng': [SALES_HEADER, salesRow(1, '1001', 100_000), salesRow(2, '1002', 50_000)],
        RMA: [
          ['Mã đơn hàng', 'Số tiền hoàn trả', 'Ngày trả hàng'],
          ['1001', 91_000, '20/03/2026 08:15:30'],
        ],
        'Bù trừ': [
          ['Mã đơn hàng', 'Nội dung điều chỉnh', 'Số tiền'],
          ['1002', 'Hoàn phí', 12_500],
        ],
      }),
      'plain.xlsx',
    );
    const again = parseStatement(templateWorkbook(plain.lines), 'mau.xlsx');
    const summary = (lines: typeof plain.lines) =>
      lines.map(({ kind, orderCode, netAmount, fees, gross, date, contentHash }) => ({
        kind,
        orderCode,
        netAmount,
        fees,
        gross,
        date,
        contentHash,
      }));
    expect(summary(again.lines)).toEqual(summary(plain.lines));
  });

  it('should write the report with summary, orders and claims sheets and neutralised texts', () => {
    const report = reconcileStatement(hostile.lines, hostile.sheets, {
      expectations: new Map(),
      ordersComplete: false,
      notFound: new Set(),
      inOtherStatements: new Set(),
      period: null,
      contract: { commissionPercent: 5, paymentPercent: null, commissionBySkuPrefix: [] },
      now: 0,
    });
    const bytes = reportWorkbook('vi', {
      fileName: '=evil.xlsx',
      period: null,
      payout: report.totals.netAmount,
      report,
      orders: report.orders,
    });
    const workbook = XLSX.read(bytes, { type: 'array' });
    expect(workbook.SheetNames).toEqual(['Tổng quan', 'Đối soát đơn', 'Khiếu nại phí']);
    expect(cells(bytes, 0).map((cell) => cell.v)).toContain("'=evil.xlsx");
    const orders = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      workbook.Sheets['Đối soát đơn'] as XLSX.WorkSheet,
    );
    expect(orders.map((row) => [row['Mã đơn hàng'], row['Trạng thái']])).toEqual([
      ['1001', 'Khớp'],
      ['1002', 'Khớp'],
    ]);
    const claims = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(claimsWorkbook('vi', report.claims), { type: 'array' }).Sheets[
        'Khiếu nại phí'
      ] as XLSX.WorkSheet,
    );
    expect(
      claims.map((row) => [row['Mã đơn hàng'], row['Phí theo hợp đồng'], row['Phí đã thu'], row['Thu dư']]),
    ).toEqual([
      ['1001', 5_000, 8_000, 3_000],
      ['1002', 2_500, 4_000, 1_500],
    ]);
  });

  it("should show each order's Nhanh amount, difference, note and recorded payment in the report", () => {
    const statement = parseStatement(
      xlsxOf({ 'GD bán hàng': [SALES_HEADER, salesRow(1, '1001', 100_000)] }),
      'nhanh.xlsx',
    );
    const report = reconcileStatement(statement.lines, statement.sheets, {
      expectations: indexExpectations([
        {
          orderCode: '1001',
          shopId: 'shop',
          status: 'complete',
          sellerIncome: netOf(100_000),
          fees: null,
          successAt: null,
          nhanhOrderId: 9001,
          nhanh: { kind: 'found', amount: 90_000, status: 'Thành công', canceled: false },
          source: 'orders',
        },
      ]),
      ordersComplete: true,
      notFound: new Set(),
      inOtherStatements: new Set(),
      period: null,
      contract: null,
      now: 0,
    });
    const bytes = reportWorkbook('vi', {
      fileName: 'nhanh.xlsx',
      period: null,
      payout: report.totals.netAmount,
      report,
      orders: report.orders.map((order) => ({
        ...order,
        nhanhPayment: {
          state: 'recorded' as const,
          nhanhOrderId: 9001,
          amount: 88_000,
          accountId: 7,
          code: 'TIKI #1001',
          at: 0,
        },
      })),
    });
    const [row] = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(bytes, { type: 'array' }).Sheets['Đối soát đơn'] as XLSX.WorkSheet,
    );
    expect(row).toMatchObject({
      'Mã đơn hàng': '1001',
      'Trạng thái': 'Cần kiểm tra',
      'Mã đơn Nhanh': 9001,
      'Giá trị bán (sao kê)': 100_000,
      'Giá trị đơn Nhanh': 90_000,
      'Lệch với Nhanh': 10_000,
      'Trạng thái đơn Nhanh': 'Thành công',
      'Đã ghi nhận vào Nhanh': 88_000,
    });
    expect(row?.['Ghi chú Nhanh']).toContain('Đơn Nhanh 9001 ghi');
  });
});
