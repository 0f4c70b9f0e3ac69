import { readFile } from 'node:fs/promises';

/**
 * Prints one closing line for the whole `npm test` run ("tests: N passed, N failed"), from the JSON reports
 * vitest and Playwright write (unit, e2e and both halves of the faults suite), so CI can tell how many tests ran.
 */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

async function vitest(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, 'utf8')) as VitestReport;
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests };
}

async function playwright(file: string): Promise<Counts> {
  const { stats } = JSON.parse(await readFile(file, 'utf8')) as PlaywrightReport;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const suites: [string, Counts][] = [
  ['unit', await vitest('reports/vitest.json')],
  ['faults (unit)', await vitest('reports/vitest-faults.json')],
  ['e2e', await playwright('reports/playwright.json')],
  ['faults (browser)', await playwright('reports/playwright-faults.json')],
];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, counts] of suites) {
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(
  `tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
