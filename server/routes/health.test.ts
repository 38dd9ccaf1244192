import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/connect.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { readinessTimeoutMs } from './health.ts';

describe('readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is ready when the database answers', async () => {
    const res = await t.anonymous.json('GET', '/readyz');
    expect(res).toEqual({ status: 200, body: { status: 'ready' } });
  });
});

/**
 * A database host that accepts connections and never says a word (a network partition, a
 * frozen primary): queries hang rather than fail. Readiness must still answer, and in time.
 */
describe('readiness when the database hangs', () => {
  const sockets = new Set<Socket>();
  const silent = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  let hanging: OpenDatabase;
  let t: TestApp;

  beforeAll(async () => {
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    hanging = await openDatabase({
      databaseUrl: `postgres://fluxo@127.0.0.1:${port}/fluxo`,
      dataDir: '/nonexistent',
      poolSize: 2,
      onConnectionError: () => undefined,
    });
    t = await createTestApp({ db: hanging.db });
  });
  afterAll(async () => {
    // Connections waiting on the silent host fail at once, so the pool can close.
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
    await hanging.close();
    await t.close();
  });

  it('answers 503 within the readiness timeout instead of hanging', async () => {
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await t.anonymous.json('GET', '/readyz');
      const ms = performance.now() - started;
      expect(res).toEqual({
        status: 503,
        body: {
          status: 'unavailable',
          error: { code: 'database_unavailable', message: 'Banco de dados indisponível.' },
        },
      });
      expect(ms).toBeGreaterThanOrEqual(readinessTimeoutMs - 50);
      expect(ms).toBeLessThan(1000);
    }
  });
});
