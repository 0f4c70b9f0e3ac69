import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

/**
 * Renders scripts/icon.svg into the PNG sizes Chrome asks of an extension (toolbar, extensions page, store,
 * notifications) under public/icon/, where WXT finds them. Run after changing the SVG: `npx tsx scripts/icons.ts`.
 */
const SIZES = [16, 32, 48, 128];

const svg = await readFile(path.resolve('scripts/icon.svg'), 'utf8');
await mkdir(path.resolve('public/icon'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: path.resolve(`public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons: ${SIZES.map((size) => `public/icon/${size}.png`).join(', ')}`);
