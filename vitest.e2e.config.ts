import { defineConfig } from 'vitest/config';

/** Browser tests: the built studio against the real server in headless Chromium, one at a time. */
export default defineConfig({
  test: {
    include: ['studio/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
