import { defineConfig } from 'vitest/config';

// Tests of several server instances need a database and queue they can share: they run in
// the Postgres + Redis pass of CI and are left out of the embedded one, not skipped.
const sharedServices = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const needsSharedServices = [
  'server/webhooks/multi-instance.test.ts',
  'server/webhooks/web-and-workers.test.ts',
  'server/webhooks/booking-race.test.ts',
  'server/webhooks/stock-race.test.ts',
  'server/webhooks/redis-fault.test.ts',
  'server/db/postgres-faults.test.ts',
  'server/db/process-liveness.test.ts',
  'server/webhooks/shared-pacing.test.ts',
  'server/conversation/shared-in-flight.test.ts',
  'server/webhooks/web-worker-reordering.test.ts',
];

export default defineConfig({
  test: {
    include: ['*.test.ts', '{shared,runtime,server,migrations,bench}/**/*.test.ts', 'studio/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'studio/e2e/**', ...(sharedServices ? [] : needsSharedServices)],
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
