import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * `npm run size`: the JavaScript the popup must load before its first paint (its entry script and every
 * module it preloads), gzipped, against the 150 KB budget. Run after `wxt build`.
 */
const OUTPUT = path.resolve('.output/chrome-mv3');
const BUDGET_BYTES = 150 * 1024;
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

const scripts = await firstPaintScripts('popup.html');
let total = 0;
for (const src of scripts) {
  const bytes = await readFile(path.join(OUTPUT, src.replace(/^\//, '')));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  console.log(
    `  ${src.padEnd(52)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  → ${(gzipped / 1024).toFixed(1).padStart(6)} KB gzip`,
  );
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
const ratio = total / BUDGET_BYTES;
console.log(
  `popup first-paint JS: ${(total / 1024).toFixed(1)} KB gzip of a ${BUDGET_BYTES / 1024} KB budget (ratio ${ratio.toFixed(2)})`,
);
if (total > BUDGET_BYTES) {
  console.error('popup first-paint JavaScript is over budget');
  process.exitCode = 1;
}
