import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `npm run size`: the JavaScript the popup must load before its first paint (its entry script and every
 * module it preloads), gzipped, against the 150 KB budget; and the seller-center content script, which loads on
 * every seller-center page, against its 25 KB budget. Run after `wxt build`.
 */
const OUTPUT = path.resolve('.output/chrome-mv3');
const POPUP_BUDGET_BYTES = 150 * 1024;
const CONTENT_SCRIPT = 'content-scripts/seller-center.js';
const CONTENT_SCRIPT_BUDGET_BYTES = 25 * 1024;
const FORBIDDEN = [/xlsx/i, /dashboard/i];

async function firstPaintScripts(page: string): Promise<string[]> {
  const html = await readFile(path.join(OUTPUT, page), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="modulepreload"/g),
  ].map((match) => match[1] as string);
  return [...new Set(sources)];
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Prints one built file's raw and gzipped size; returns its bytes and gzipped size. */
async function measure(file: string): Promise<{ bytes: Buffer; gzipped: number }> {
  const bytes = await readFile(path.join(OUTPUT, file.replace(/^\//, '')));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  console.log(
    `  ${file.padEnd(52)} ${kb(bytes.length).padStart(7)} KB  → ${kb(gzipped).padStart(6)} KB gzip`,
  );
  return { bytes, gzipped };
}

function checkBudget(label: string, gzipped: number, budget: number): void {
  console.log(
    `${label}: ${kb(gzipped)} KB gzip of a ${budget / 1024} KB budget (ratio ${(gzipped / budget).toFixed(2)})`,
  );
  if (gzipped > budget) {
    console.error(`${label} is over budget`);
    process.exitCode = 1;
  }
}

let popupTotal = 0;
for (const src of await firstPaintScripts('popup.html')) {
  const { bytes, gzipped } = await measure(src);
  popupTotal += gzipped;
  const text = bytes.toString('utf8');
  const offender = FORBIDDEN.find(
    (pattern) => pattern.test(src) || (pattern.source === 'xlsx' && text.includes('SheetJS')),
  );
  if (offender) {
    console.error(
      `popup loads ${src}, which matches ${offender}: keep xlsx and dashboard code out of the popup`,
    );
    process.exitCode = 1;
  }
}
checkBudget('popup first-paint JS', popupTotal, POPUP_BUDGET_BYTES);

const contentScript = await measure(CONTENT_SCRIPT);
checkBudget('seller-center content script', contentScript.gzipped, CONTENT_SCRIPT_BUDGET_BYTES);
