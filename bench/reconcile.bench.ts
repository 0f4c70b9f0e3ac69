import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { indexExpectations } from '../lib/reconcile/expectations';
import { type OrderExpectation, reconcileStatement } from '../lib/reconcile/match';
import { parseStatement, sheetJsOptions } from '../lib/reconcile/parse';
import { SALES_HEADERS } from '../sandbox/statement';

/**
 * A 100,000-line statement reconciled against 100,000 orders. Target: parse + matching at most 1.5× the time
 * SheetJS alone takes to read the same file (with the same options), and peak memory under 1 GB.
 * The file is generated in a child process and the peak memory of parse + match is measured in another, so
 * neither building the file nor other benchmarks of the same run count in the peak (max RSS is a high-water mark).
 */
const LINES = 100_000;
const RUNS = 3;

function buildStatement(): { bytes: Uint8Array; expectations: OrderExpectation[] } {
  const rows: (string | number)[][] = [
    ['BẢNG KÊ GIAO DỊCH BÁN HÀNG'],
    ['Kỳ sao kê: 01/03/2026 - 31/03/2026'],
    [],
    SALES_HEADERS,
  ];
  const expectations: OrderExpectation[] = [];
  for (let index = 0; index < LINES; index++) {
    const code = String(700_000_000 + index);
    const price = 50_000 + (index % 97) * 1_000;
    const fixed = -5_000;
    const payment = -Math.round(price / 100);
    const commission = -Math.round((price * 8) / 100);
    const total = fixed + payment + commission;
    const income = price + total;
    // Every tenth amount as text, as pasted sheets have them.
    const asText = index % 10 === 9;
    rows.push([
      index + 1,
      code,
      `88${index}`,
      `SKU-${index % 500}`,
      `Sản phẩm ${index % 500}`,
      1,
      asText ? `${price.toLocaleString('de-DE')} ₫` : price,
      0,
      fixed,
      payment,
      commission,
      0,
      total,
      `${((-total / price) * 100).toFixed(2)}%`,
      asText ? income.toLocaleString('de-DE') : income,
      `${String((index % 28) + 1).padStart(2, '0')}/03/2026 10:15`,
      'Bán hàng',
    ]);
    expectations.push({
      orderCode: code,
      shopId: 'bench',
      status: 'complete',
      sellerIncome: index % 1000 === 0 ? income - 1 : income,
      fees: null,
      successAt: Date.UTC(2026, 2, (index % 28) + 1),
      // Every order linked to Nhanh, so the Nhanh comparison is timed too; one in a thousand edited there.
      nhanhOrderId: 2_000_000 + index,
      nhanh: {
        kind: 'found',
        amount: index % 1000 === 500 ? price - 1_000 : price,
        status: 'Thành công',
        canceled: false,
      },
      source: 'orders',
    });
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'GD bán hàng');
  return {
    bytes: new Uint8Array(
      XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
    ),
    expectations,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function reconcile(bytes: Uint8Array, expectations: OrderExpectation[]) {
  const parsed = parseStatement(bytes, 'bench.xlsx');
  const matchStart = performance.now();
  const report = reconcileStatement(parsed.lines, parsed.sheets, {
    expectations: indexExpectations(expectations),
    ordersComplete: true,
    notFound: new Set(),
    inOtherStatements: new Set(),
    period: parsed.period,
    contract: { commissionPercent: 8, paymentPercent: 1, commissionBySkuPrefix: [] },
    now: Date.UTC(2026, 3, 1),
  });
  if (parsed.lines.length !== LINES)
    throw new Error(`parsed ${parsed.lines.length} lines, expected ${LINES}`);
  return { report, matchMs: performance.now() - matchStart };
}

const SELF = fileURLToPath(import.meta.url);
const CHILD_MODE = process.env.RECONCILE_BENCH_MODE;
const CHILD_DIR = process.env.RECONCILE_BENCH_DIR;

function runChild(mode: 'generate' | 'measure', dir: string): string {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF], {
    env: { ...process.env, RECONCILE_BENCH_MODE: mode, RECONCILE_BENCH_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench child (${mode}) failed: ${child.stderr}`);
  return child.stdout.trim();
}

async function load(dir: string) {
  const bytes = new Uint8Array(await readFile(path.join(dir, 'statement.xlsx')));
  const expectations = JSON.parse(
    await readFile(path.join(dir, 'orders.json'), 'utf8'),
  ) as OrderExpectation[];
  return { bytes, expectations };
}

if (CHILD_MODE === 'generate' && CHILD_DIR) {
  const { bytes, expectations } = buildStatement();
  await writeFile(path.join(CHILD_DIR, 'statement.xlsx'), bytes);
  await writeFile(path.join(CHILD_DIR, 'orders.json'), JSON.stringify(expectations));
} else if (CHILD_MODE === 'measure' && CHILD_DIR) {
  const { bytes, expectations } = await load(CHILD_DIR);
  reconcile(bytes, expectations);
  console.log(String(process.resourceUsage().maxRSS / 1024));
}

export default async function reconcileBench(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reconcile-bench-'));
  try {
    runChild('generate', dir);
    const { bytes, expectations } = await load(dir);
    const readTimes: number[] = [];
    const fullTimes: number[] = [];
    const matchTimes: number[] = [];
    let matched = 0;
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      XLSX.read(bytes, { ...sheetJsOptions(), type: 'array' });
      readTimes.push(performance.now() - start);
      start = performance.now();
      const { report, matchMs } = reconcile(bytes, expectations);
      fullTimes.push(performance.now() - start);
      matchTimes.push(matchMs);
      matched = report.counts.matched;
    }
    const peakMb = Number(runChild('measure', dir));
    const read = median(readTimes);
    const full = median(fullTimes);
    console.log(
      `file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${LINES.toLocaleString('en')} lines, ${expectations.length.toLocaleString('en')} orders (${matched.toLocaleString('en')} matched)`,
    );
    console.log(`SheetJS read alone: ${read.toFixed(0)} ms (median of ${RUNS})`);
    console.log(
      `parse + match:      ${full.toFixed(0)} ms (of which matching ${median(matchTimes).toFixed(0)} ms)`,
    );
    console.log(`ratio: ${(full / read).toFixed(2)} (target ≤ 1.50) ${full / read <= 1.5 ? 'OK' : 'OVER'}`);
    console.log(
      `peak memory of parse + match (max RSS of a fresh process): ${peakMb.toFixed(0)} MB (target < 1024 MB) ${peakMb < 1024 ? 'OK' : 'OVER'}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
