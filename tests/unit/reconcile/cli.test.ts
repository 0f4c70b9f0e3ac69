import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { netOf, SALES_HEADER, salesRow, xlsxOf } from './workbooks';

const dir = mkdtempSync(path.join(tmpdir(), 'reconcile-cli-'));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', ...args], {
    encoding: 'utf8',
  });
}

describe('npm run reconcile', () => {
  it('should print the statement lines and the per-order report as JSON in integer VND', () => {
    const file = path.join(dir, 'sao-ke.xlsx');
    writeFileSync(
      file,
      xlsxOf({
        'GD bán hàng': [
          ['Kỳ sao kê: 01/03/2026 - 31/03/2026'],
          SALES_HEADER,
          salesRow(1, '1001', 100_000),
          salesRow(2, '1002', 200_000),
        ],
        RMA: [
          ['Mã đơn hàng', 'Số tiền hoàn trả'],
          ['1001', 20_000],
        ],
      }),
    );
    const orders = path.join(dir, 'orders.json');
    writeFileSync(
      orders,
      JSON.stringify([
        // The Nhanh order's value, as an accountant's Nhanh export gives it: compared with the sale too.
        {
          code: '1001',
          sellerIncome: netOf(100_000),
          nhanhOrderId: 9001,
          nhanhAmount: 100_000,
          nhanhStatus: 'Success',
        },
        { code: '1003', sellerIncome: 5, successAt: '10/03/2026' },
      ]),
    );
    const result = run(file, '--orders', orders, '--json');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(
      output.statement.lines.map((line: { kind: string; orderCode: string; netAmount: number }) => [
        line.kind,
        line.orderCode,
        line.netAmount,
      ]),
    ).toEqual([
      ['sale', '1001', netOf(100_000)],
      ['sale', '1002', netOf(200_000)],
      ['rma', '1001', -20_000],
    ]);
    expect(output.statement.lines[0].fees).toEqual({ fixed: 5_000, payment: 1_000, commission: 8_000 });
    expect(output.statement.totals.netAmount).toBe(netOf(100_000) + netOf(200_000) - 20_000);
    expect(
      output.report.orders.map((order: { orderCode: string; state: string }) => [
        order.orderCode,
        order.state,
      ]),
    ).toEqual([
      ['1001', 'matched'],
      ['1002', 'unknown_order'],
      ['1003', 'unpaid'],
    ]);
    expect(output.report.orders[0]).toMatchObject({
      nhanhOrderId: 9001,
      saleValue: 100_000,
      nhanhAmount: 100_000,
      nhanhStatus: 'Thành công',
      nhanhDifference: 0,
      nhanhFinding: null,
    });
  });

  it('should exit with code 2 and one clear line on stderr for a bad file', () => {
    const file = path.join(dir, 'anh.xlsx');
    writeFileSync(file, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const result = run(file, '--json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('không phải bảng tính')]);
  });

  it('should write the report workbook with --xlsx', () => {
    const file = path.join(dir, 'b.xlsx');
    writeFileSync(file, xlsxOf({ S: [SALES_HEADER, salesRow(1, '1001', 100_000)] }));
    const out = path.join(dir, 'bao-cao.xlsx');
    const result = run(file, '--xlsx', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('bao-cao.xlsx');
  });
});
