import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { MAX_STATEMENT_FILE_BYTES, parseStatement } from '../../../lib/reconcile/parse';
import { StatementFileError } from '../../../lib/reconcile/statement-error';
import { CSV_ENCODINGS, csvFileOf, encoder, netOf, SALES_HEADER, salesRow, xlsxOf } from './workbooks';

function refusal(bytes: Uint8Array, name = 'sao-ke.xlsx') {
  try {
    parseStatement(bytes, name);
  } catch (error) {
    if (error instanceof StatementFileError) return error.text;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('finding the header and the columns', () => {
  it('should find the header below title rows and read the period and seller id from them', () => {
    const bytes = xlsxOf({
      'GD bán hàng': [
        ['BẢNG KÊ GIAO DỊCH BÁN HÀNG'],
        ['Nhà bán: Minh An (ID 218431)', '', '', 'Kỳ sao kê: 01/03/2026 - 07/03/2026'],
        [],
        SALES_HEADER,
        salesRow(1, '700000001', 100_000),
      ],
    });
    const parsed = parseStatement(bytes, 'sao-ke.xlsx');
    expect(parsed.sheets[0]?.headerRow).toBe(4);
    expect(parsed.sellerId).toBe(218431);
    expect(parsed.period).toEqual({
      from: Date.UTC(2026, 2, 1) - 7 * 3_600_000,
      to: Date.UTC(2026, 2, 8) - 7 * 3_600_000 - 1,
    });
    expect(parsed.lines).toHaveLength(1);
    expect(parsed.lines[0]).toMatchObject({
      orderCode: '700000001',
      kind: 'sale',
      netAmount: netOf(100_000),
    });
  });

  it('should match renamed and reordered columns without diacritics, case or extra spaces, and list unknown ones', () => {
    const bytes = xlsxOf({
      Sheet1: [
        [
          '  THỰC NHẬN ',
          'Mã kho',
          'MA DON HANG',
          'phí  CHIẾT KHẤU',
          'Phí cố định',
          'Phí quảng cáo',
          'Doanh thu',
        ],
        [88_000, 'x', '700000002', 8_000, 4_000, 0, 100_000],
      ],
    });
    const parsed = parseStatement(bytes, 'renamed.xlsx');
    expect(parsed.lines[0]).toMatchObject({
      orderCode: '700000002',
      netAmount: 88_000,
      gross: 100_000,
      fees: { commission: 8_000, fixed: 4_000 },
      computedNet: 88_000,
    });
    expect(parsed.sheets[0]?.unknownColumns).toEqual(['Mã kho']);
    expect(parsed.sheets[0]?.feeColumns.map((column) => column.fee)).toContain('other:Phí quảng cáo');
  });

  it('should never let a header text reach an object prototype', () => {
    const bytes = xlsxOf({
      Sheet1: [
        ['Mã đơn hàng', '__proto__', 'constructor', 'Thực nhận'],
        ['700000003', 'x', 'y', 5],
      ],
    });
    const parsed = parseStatement(bytes, 'proto.xlsx');
    expect(parsed.lines[0]?.netAmount).toBe(5);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(parsed.sheets[0]?.unknownColumns).toEqual(['__proto__', 'constructor']);
  });

  it('should skip blank rows and read the total row as the sheet total', () => {
    const bytes = xlsxOf({
      'GD bán hàng': [
        SALES_HEADER,
        salesRow(1, '700000001', 100_000),
        [],
        ['', '', '', ''],
        salesRow(2, '700000002', 200_000),
        ['', 'Tổng cộng', '', '', 2, 300_000, '', '', '', '', netOf(100_000) + netOf(200_000) + 1],
      ],
    });
    const parsed = parseStatement(bytes, 'totals.xlsx');
    expect(parsed.lines.map((line) => line.orderCode)).toEqual(['700000001', '700000002']);
    expect(parsed.sheets[0]?.declaredTotal).toBe(netOf(100_000) + netOf(200_000) + 1);
    expect(parsed.sheets[0]?.computedTotal).toBe(netOf(100_000) + netOf(200_000));
  });

  it('should read amounts typed as text and fees printed as positive charges', () => {
    const bytes = xlsxOf({
      Sheet1: [
        ['Mã đơn hàng', 'Giá bán', 'Số lượng', 'Phí hoa hồng', 'Phí thanh toán', 'Số tiền thanh toán'],
        ['700000004', '1.234.000 ₫', '2', '197.440', '24.680', '2,245,880'],
        ['700000005', '(12.000)', 1, '0', '0', '-12.000 đ'],
      ],
    });
    const [first, second] = parseStatement(bytes, 'text.xlsx').lines;
    expect(first).toMatchObject({
      gross: 2_468_000,
      fees: { commission: 197_440, payment: 24_680 },
      netAmount: 2_245_880,
    });
    expect(first?.computedNet).toBe(2_245_880);
    expect(second?.netAmount).toBe(-12_000);
  });

  it('should take line kinds from the sheet names and from a "Loại giao dịch" column', () => {
    const bytes = xlsxOf({
      'GD bán hàng': [SALES_HEADER, salesRow(1, '700000001', 100_000)],
      RMA: [
        ['Mã đơn hàng', 'Số tiền hoàn trả'],
        ['700000001', 91_000],
      ],
      'Bù trừ': [
        ['Mã đơn hàng', 'Nội dung điều chỉnh', 'Số tiền'],
        ['700000001', 'Hoàn phí', '12.500'],
      ],
      Tổng: [
        ['Loại giao dịch', 'Mã đơn hàng', 'Thực nhận'],
        ['Điều chỉnh', '700000009', -20_000],
        ['RMA', '700000010', -5],
      ],
    });
    const lines = parseStatement(bytes, 'kinds.xlsx').lines;
    expect(lines.map((line) => [line.kind, line.netAmount])).toEqual([
      ['sale', netOf(100_000)],
      ['rma', -91_000],
      ['adjustment', 12_500],
      ['adjustment', -20_000],
      ['rma', -5],
    ]);
    expect(lines[2]?.description).toBe('Hoàn phí');
  });

  it('should read CSV, also when it is named .xlsx', () => {
    const csv = `Mã đơn hàng,Giá bán,Phí cố định,Thực nhận,Ngày hoàn thành\n700000001,100000,-5000,95000,02/03/2026\n`;
    for (const name of ['sao-ke.csv', 'sao-ke.xlsx']) {
      const parsed = parseStatement(encoder.encode(csv), name);
      expect(parsed.format).toBe('csv');
      expect(parsed.lines[0]).toMatchObject({
        orderCode: '700000001',
        netAmount: 95_000,
        fees: { fixed: 5_000 },
      });
      expect(parsed.lines[0]?.date).toBe(Date.UTC(2026, 2, 2) - 7 * 3_600_000);
    }
  });

  it('should give the same content hash to the same line in two files, whatever its row', () => {
    const a = parseStatement(xlsxOf({ S: [SALES_HEADER, salesRow(1, '700000001', 100_000)] }), 'a.xlsx');
    const moved = [7, ...salesRow(1, '700000001', 100_000).slice(1)];
    const b = parseStatement(
      xlsxOf({ S: [['title'], SALES_HEADER, salesRow(2, '700000002', 50_000), moved] }),
      'b.xlsx',
    );
    expect(a.lines[0]?.contentHash).toBe(b.lines[1]?.contentHash);
  });
});

describe('CSV statements that end in a multi-byte character', () => {
  // The last cell of a statement often ends in Vietnamese: an amount with its currency sign, a note. In UTF-8
  // those are 2 or 3 bytes (đ, à, a decomposed accent; ₫, ế, ữ, ợ), in UTF-16 one or two units.
  const NET_ENDINGS: [cell: string, net: number][] = [
    ['"95.000 ₫"', 95_000],
    ['95.000 ₫', 95_000],
    ['"95.000 đ"', 95_000],
    ['95.000đ', 95_000],
  ];
  const NOTE_ENDINGS = [
    'Khấu trừ thuế',
    'Khấu trừ thuế'.normalize('NFD'),
    'Trả hàng: áo khoác nữ',
    'Phí dịch vụ hỗ trợ',
    'Quà tặng: bình trà',
    '"Phí đóng gói, trầ"',
  ];
  const LINE_ENDS = ['', '\n', '\r\n'];

  for (const encoding of CSV_ENCODINGS)
    it(`should read a ${encoding} statement whatever character its last cell ends in`, () => {
      for (const end of LINE_ENDS) {
        for (const [cell, net] of NET_ENDINGS) {
          const csv = `Mã đơn hàng,Ghi chú,Thực nhận\n700000001,Giao thành công,${cell}${end}`;
          const parsed = parseStatement(csvFileOf(csv, encoding), 'sao-ke.csv');
          expect(parsed.format, `${cell} + ${JSON.stringify(end)}`).toBe('csv');
          expect(parsed.lines[0]?.netAmount, `${cell} + ${JSON.stringify(end)}`).toBe(net);
        }
        for (const note of NOTE_ENDINGS) {
          const csv = `Mã đơn hàng,Thực nhận,Ghi chú\n700000001,95000,${note}${end}`;
          const parsed = parseStatement(csvFileOf(csv, encoding), 'sao-ke.csv');
          expect(parsed.lines[0]?.description, `${note} + ${JSON.stringify(end)}`).toBe(
            note.replace(/^"|"$/g, ''),
          );
        }
      }
    });

  it('should read a long UTF-8 statement whose first 64 KB end inside a character', () => {
    const rows = Array.from(
      { length: 2_000 },
      (_, index) => `${700_000_000 + index},95000,Phí dịch vụ hỗ trợ\n`,
    );
    const statement = (pad: number) =>
      encoder.encode(`Mã đơn hàng,Thực nhận,Ghi chú${' '.repeat(pad)}\n${rows.join('')}`);
    // The sniff reads the first 65,536 bytes: shift the text until that window ends inside a character.
    const bytes = [0, 1, 2].map(statement).find((candidate) => (candidate[65_536]! & 0xc0) === 0x80)!;
    expect(parseStatement(bytes, 'sao-ke.csv').lines).toHaveLength(2_000);
  });
});

describe('refusing bad files with a message', () => {
  it('should refuse bytes that are not a spreadsheet', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(refusal(png).key).toBe('reconcile.err.notSpreadsheet');
    expect(refusal(encoder.encode('Xin chào anh chị\nđây là thư')).key).toBe('reconcile.err.notSpreadsheet');
  });

  it('should call a cut-short download damaged', () => {
    const whole = xlsxOf({
      S: [SALES_HEADER, ...Array.from({ length: 200 }, (_, i) => salesRow(i, `7000${i}`, 100_000))],
    });
    expect(refusal(whole.subarray(0, Math.floor(whole.length / 2))).key).toBe('reconcile.err.damaged');
  });

  it('should refuse an empty file and a workbook with no cells', () => {
    expect(refusal(new Uint8Array()).key).toBe('reconcile.err.empty');
    expect(refusal(xlsxOf({ Trống: [] })).key).toBe('reconcile.err.empty');
  });

  it('should refuse a password-protected file', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    expect(refusal(bytes).key).toBe('reconcile.err.protected');
  });

  it('should refuse a workbook with no statement sheet, naming its sheets', () => {
    const text = refusal(xlsxOf({ 'Hướng dẫn': [['Bước 1'], ['Bước 2']] }));
    expect(text).toEqual({ key: 'reconcile.err.noKnownSheet', params: { sheets: 'Hướng dẫn' } });
  });

  it('should name the sheet that lacks an order-code column', () => {
    const text = refusal(
      xlsxOf({
        'GD bán hàng': [
          ['STT', 'Giá bán', 'Phí cố định', 'Thực nhận'],
          [1, 100, 5, 95],
        ],
      }),
    );
    expect(text).toEqual({ key: 'reconcile.err.missingOrderCode', params: { sheet: 'GD bán hàng' } });
  });

  it('should name the sheet that lacks an amount column', () => {
    const text = refusal(
      xlsxOf({
        RMA: [
          ['Mã đơn hàng', 'Tên sản phẩm', 'Lý do'],
          ['7001', 'Áo', 'đổi ý'],
        ],
      }),
    );
    expect(text).toEqual({ key: 'reconcile.err.missingAmount', params: { sheet: 'RMA' } });
  });

  it('should refuse a huge file before reading it', () => {
    const huge = new Uint8Array(MAX_STATEMENT_FILE_BYTES + 1);
    huge.set([0x50, 0x4b, 3, 4]);
    expect(refusal(huge).key).toBe('reconcile.err.tooLarge');
  });
});
