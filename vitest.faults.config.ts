import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The faults-and-abuse suite (issue 8): deterministic by seed, one fork per core on these 2-core machines. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/faults/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    mockReset: true,
    restoreMocks: true,
    testTimeout: 60_000,
    maxWorkers: 2,
  },
});
