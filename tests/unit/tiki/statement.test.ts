import { describe, expect, it } from 'vitest';
import { read, utils } from 'xlsx';
import { createManualClock } from '../../../lib/time/clock';
import { createSandbox } from '../../../sandbox/index';
import { createTikiStatement } from '../../../sandbox/statement';

// biome-ignore lint/suspicious/noExplicitAny: raw API-shaped JSON and sheet rows
type Json = any;

function setup() {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock });
  const shop = sandbox.seed.tiki.shops[0]!;
  const statement = createTikiStatement(shop, clock.now());
  const workbook = read(statement.bytes, { type: 'array' });
  const rows = (sheet: string) =>
    utils.sheet_to_json<Json[]>(workbook.Sheets[sheet]!, { header: 1, defval: '' });
  return { clock, sandbox, shop, statement, workbook, rows };
}

describe('Tiki statement file (sandbox)', () => {
  it('should have the three sheets with title rows above a Vietnamese header row', () => {
    const { workbook, rows } = setup();
    expect(workbook.SheetNames).toEqual(['GD bán hàng', 'RMA', 'Bù trừ']);
    const sales = rows('GD bán hàng');
    expect(sales[3]).toContain('Mã đơn hàng');
    expect(sales[3]).toContain('Số tiền thanh toán/Thực nhận');
    expect(sales.at(-1)?.[1]).toBe('Tổng cộng');
    expect(rows('RMA')[3]).toContain('Mã đơn hàng');
    expect(rows('Bù trừ').length).toBeGreaterThan(4);
  });

  it('should plant an overcharged fee, a duplicated line and a missing order, and mix text amounts in', () => {
    const { rows, shop, statement } = setup();
    const lines = rows('GD bán hàng').slice(4, -1);
    const codes = lines.map((line) => line[1]);
    const { overchargedOrderCode, duplicatedOrderCode, missingOrderCode } = statement.discrepancies;
    expect(codes).not.toContain(missingOrderCode);
    const duplicated = lines.filter((line) => line[1] === duplicatedOrderCode);
    expect(duplicated.length).toBe(
      (shop.orders as Json[]).find((order) => order.code === duplicatedOrderCode).items.length + 1,
    );
    const order = (shop.orders as Json[]).find((candidate) => candidate.code === overchargedOrderCode);
    const apiCommission = order.items[0].invoice.fees.find(
      (fee: Json) => fee.fee_type_key === 'commission_fee',
    );
    const line = lines.find((candidate) => candidate[1] === overchargedOrderCode)!;
    expect(line[10]).toBe(2 * apiCommission.final_amount);
    expect(lines.some((candidate) => typeof candidate[14] === 'string')).toBe(true);
    expect(lines.some((candidate) => typeof candidate[14] === 'number')).toBe(true);
  });

  it('should be served by the simulator at /tiki/sellercenter/statement.xlsx', async () => {
    const { sandbox } = setup();
    const response = await sandbox.fetch('http://sandbox.test/tiki/sellercenter/statement.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = read(new Uint8Array(await response.arrayBuffer()), { type: 'array' });
    expect(workbook.SheetNames).toContain('GD bán hàng');
  });
});
