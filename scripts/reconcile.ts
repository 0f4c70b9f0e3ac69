import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { translate } from '../lib/i18n';
import { formatVnd } from '../lib/i18n/format';
import { contractRatesSchema } from '../lib/reconcile/contract-rates';
import { indexExpectations } from '../lib/reconcile/expectations';
import { reportWorkbook, stateLabel } from '../lib/reconcile/export';
import { type OrderExpectation, reconcileStatement } from '../lib/reconcile/match';
import { expectationsFromOrdersFile } from '../lib/reconcile/orders-file';
import { parseStatement } from '../lib/reconcile/parse';
import { StatementFileError } from '../lib/reconcile/statement-error';

/**
 * `npm run reconcile -- <statement.xlsx|csv> [--orders <orders.json>] [--rates <rates.json>] [--json | --xlsx <out.xlsx>]`
 * The dashboard's parsing and matching, for accountants and automation. Amounts are integer VND. A bad file
 * (or bad arguments) exits with code 2 and one line on stderr; the statement's findings never change the code.
 */
const USAGE =
  'Cách dùng: npm run reconcile -- <sao-ke.xlsx|csv> [--orders <orders.json>] [--rates <rates.json>] [--json | --xlsx <out.xlsx>]';

function failWith(line: string): never {
  process.stderr.write(`${line.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

interface Arguments {
  statement: string;
  orders?: string;
  rates?: string;
  json: boolean;
  xlsx?: string;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Partial<Arguments> & { json: boolean } = { json: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    const next = () => argv[++index] ?? failWith(`Thiếu giá trị sau ${argument}. ${USAGE}`);
    if (argument === '--json') parsed.json = true;
    else if (argument === '--orders') parsed.orders = next();
    else if (argument === '--rates') parsed.rates = next();
    else if (argument === '--xlsx') parsed.xlsx = next();
    else if (argument === '--help' || argument === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (argument.startsWith('--')) failWith(`Không hiểu tùy chọn ${argument}. ${USAGE}`);
    else if (parsed.statement) failWith(`Chỉ nhận một file sao kê. ${USAGE}`);
    else parsed.statement = argument;
  }
  if (!parsed.statement) failWith(USAGE);
  if (parsed.json && parsed.xlsx) failWith(`Chọn --json hoặc --xlsx, không cả hai. ${USAGE}`);
  return parsed as Arguments;
}

async function readJson(file: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    failWith(`Không đọc được file ${what} ${path.basename(file)}: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.statement));
  } catch (error) {
    failWith(
      `Không mở được file ${args.statement}: ${(error as NodeJS.ErrnoException).code ?? 'lỗi đọc file'}`,
    );
  }
  let expectations: OrderExpectation[] = [];
  if (args.orders) {
    try {
      expectations = expectationsFromOrdersFile(await readJson(args.orders, 'đơn hàng'));
    } catch (error) {
      failWith(
        `File đơn hàng ${path.basename(args.orders)} không đúng định dạng: ${(error as Error).message}`,
      );
    }
  }
  let contract = null;
  if (args.rates) {
    const rates = contractRatesSchema.safeParse(await readJson(args.rates, 'tỷ lệ phí'));
    if (!rates.success) failWith(`File tỷ lệ phí ${path.basename(args.rates)} không đúng định dạng.`);
    contract = rates.data;
  }

  let parsed: ReturnType<typeof parseStatement>;
  try {
    parsed = parseStatement(bytes, path.basename(args.statement));
  } catch (error) {
    if (error instanceof StatementFileError) failWith(translate('vi', error.text));
    throw error;
  }
  const report = reconcileStatement(parsed.lines, parsed.sheets, {
    expectations: indexExpectations(expectations),
    ordersComplete: args.orders !== undefined,
    notFound: new Set(),
    inOtherStatements: new Set(),
    period: parsed.period,
    contract,
    now: Date.now(),
  });

  if (args.json) {
    const { lines, totals, ...statement } = parsed;
    process.stdout.write(
      `${JSON.stringify({ statement: { ...statement, lines, totals }, report }, null, 2)}\n`,
    );
    return;
  }
  if (args.xlsx) {
    await writeFile(
      args.xlsx,
      reportWorkbook('vi', {
        fileName: parsed.fileName,
        period: parsed.period,
        payout: parsed.totals.netAmount,
        report,
        orders: report.orders,
      }),
    );
  }
  const lines = [
    `${parsed.fileName}: ${parsed.lines.length} dòng, thực nhận ${formatVnd(parsed.totals.netAmount)}`,
    ...Object.entries(report.counts)
      .filter(([, count]) => count > 0)
      .map(([state, count]) => `  ${stateLabel('vi', state as keyof typeof report.counts)}: ${count}`),
    ...report.totalChecks
      .filter((check) => check.difference !== 0)
      .map(
        (check) =>
          `  Trang "${check.sheet}": tổng ghi trong file lệch ${formatVnd(check.difference)} so với các dòng`,
      ),
    ...(report.claims.length > 0 ? [`  Khiếu nại phí: ${report.claims.length} đơn`] : []),
    ...(args.xlsx ? [`Đã ghi báo cáo: ${args.xlsx}`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
