import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.test.ts', '{shared,runtime,server,migrations}/**/*.test.ts', 'studio/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'studio/e2e/**'],
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
