import { readFile } from 'node:fs/promises';

/**
 * Prints one closing line for the whole `npm test` run ("tests: N passed, N failed"), from the JSON reports
 * vitest and Playwright write, so CI can tell how many tests ran.
 */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

const unit = JSON.parse(await readFile('reports/vitest.json', 'utf8')) as VitestReport;
const e2e = JSON.parse(await readFile('reports/playwright.json', 'utf8')) as PlaywrightReport;
const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + e2e.stats.skipped;
console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
console.log(`e2e: ${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
