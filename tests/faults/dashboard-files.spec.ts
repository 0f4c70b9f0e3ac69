import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { downloadAndPairProducts, expect, storeSettings, test } from '../e2e/fixtures';
import { routeApisToSandbox, sandboxSettings } from '../e2e/sandbox-route';
import { HOSTILE_FILES } from '../fixtures/hostile/files';

/** The bound for "a clear message". */
const MESSAGE_WITHIN_MS = 5_000;
/** The longest the page's own timer may be held up while a file is handled: past that, a seller sees a freeze. */
const LONGEST_STALL_MS = 1_000;
const VIETNAMESE = /[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i;

/** A timer ticking every 10 ms in the page; reads back the longest gap between two ticks since it started. */
function startHeartbeat(page: Page) {
  return page.evaluate(() => {
    const beat = window as unknown as { __last: number; __longest: number };
    beat.__last = performance.now();
    beat.__longest = 0;
    setInterval(() => {
      const now = performance.now();
      beat.__longest = Math.max(beat.__longest, now - beat.__last);
      beat.__last = now;
    }, 10);
  });
}
const longestStall = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longest: number }).__longest);

/** What the two imports write: statement and line counts, and every stored pairing (held in per-shop chunks). */
function storedState(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('nhanh-tiki-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['statements', 'statementLines', 'productMappingChunks']);
          const state: Record<string, unknown> = {};
          for (const name of ['statements', 'statementLines'] as const) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              state[name] = request.result;
            };
          }
          const pairings = tx.objectStore('productMappingChunks').getAll();
          pairings.onsuccess = () => {
            state.pairings = JSON.stringify(pairings.result);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(state);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

interface Drop {
  section: string;
  input: (page: Page) => Locator;
  /** The notice that answers the file. */
  answer: (page: Page) => Locator;
}

const DROPS: Drop[] = [
  {
    section: 'reconcile',
    input: (page) => page.getByTestId('statement-input'),
    answer: (page) => page.locator('section.reconcile > .notice'),
  },
  {
    section: 'products',
    input: (page) => page.locator('.products-toolbar input[type="file"]'),
    answer: (page) => page.locator('.products > .notice'),
  },
];

test.describe('hostile files dropped into the dashboard', () => {
  // Written once for both sections (the zip bomb takes seconds to build).
  let folder: string;
  test.beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'faults-hostile-files-'));
    for (const [index, file] of HOSTILE_FILES.entries())
      writeFileSync(path.join(folder, `${index}-${file.fileName}`), file.bytes());
  });
  test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

  for (const drop of DROPS)
    test(`${drop.section}: each gets a clear Vietnamese message within 5 s, the page never stalls, nothing stored changes`, async ({
      context,
      extensionId,
    }) => {
      test.setTimeout(90_000);
      // A seeded shop whose Tiki answers from the sandbox: a file that is read gets its orders looked up there.
      const running = await routeApisToSandbox(context);
      await storeSettings(context, sandboxSettings(running));
      try {
        const page = await context.newPage();
        // Stored pairings to protect: a refused pairing file must leave every one of them as it was.
        if (drop.section === 'products') await downloadAndPairProducts(page, extensionId);
        await page.goto(`chrome-extension://${extensionId}/dashboard.html#${drop.section}`);
        for (const [index, file] of HOSTILE_FILES.entries()) {
          // A fresh document per file: its notice and its timer belong to this file alone.
          await page.reload();
          await expect(drop.input(page)).toBeAttached();
          const before = await storedState(page);
          await startHeartbeat(page);

          const startedAt = Date.now();
          await drop.input(page).setInputFiles(path.join(folder, `${index}-${file.fileName}`));
          await expect(drop.answer(page), file.label).toBeVisible({ timeout: MESSAGE_WITHIN_MS });
          const answeredMs = Date.now() - startedAt;
          const stallMs = await longestStall(page);
          const role = await drop.answer(page).getAttribute('role');
          const text = (await drop.answer(page).textContent()) ?? '';
          // The figures the README's Reliability table quotes.
          console.log(
            `${drop.section} · ${file.label}: ${role} in ${answeredMs} ms, longest stall ${Math.round(stallMs)} ms`,
          );

          expect(text, file.label).toMatch(VIETNAMESE);
          expect(stallMs, `${file.label}: longest stall`).toBeLessThan(LONGEST_STALL_MS);
          if (role !== 'alert') expect(file.mayBeRead, `${file.label} was accepted: ${text}`).toBe(true);
          else expect(await storedState(page), file.label).toEqual(before);
        }
      } finally {
        await running.close();
      }
    });
});
