import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** The browser half of the faults-and-abuse suite (issue 8): same single-worker setup as the e2e suite. */
export default defineConfig({
  ...base,
  testDir: 'tests/faults',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-faults.json' }]],
});
