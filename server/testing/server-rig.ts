import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startFakeGraphApi, type FakeGraph } from './fake-graph-api.ts';
import { echoFlow } from './messaging-harness.ts';
import { seedServer, type SeedChannel } from './seed-server.ts';
import { freePort, startServerProcess, type ServerProcess } from './server-process.ts';
import { createTestDatabaseUrl } from './test-db.ts';

export interface ServerRig {
  readonly fake: FakeGraph;
  readonly dataDir: string;
  /** The test's own Postgres database, or undefined on the embedded one (in `dataDir`). */
  readonly databaseUrl: string | undefined;
  /**
   * Seeds the echo flow on the channel, picks the server's port, has the fake Graph API post
   * Meta's `sent` and `delivered` status webhooks to it, and returns the server's environment
   * (the machine's Redis included when the run has one), with `extra` on top.
   */
  prepare(extra?: Record<string, string>): Promise<Record<string, string>>;
  /** Starts the server; one still running when the file's tests end is killed then. */
  start(env: Record<string, string>): Promise<ServerProcess>;
}

/**
 * What a test file that runs the real server in a child process needs around it, set up before
 * its tests and taken down after them: a fake Graph API, a data dir and database of its own,
 * and the echo flow on one channel (`channel`: its own number per file, since the Redis send
 * rate is per number and shared by the test files running at once).
 */
export function useServerRig(name: string, channel: SeedChannel): ServerRig {
  let fake: FakeGraph | undefined;
  let dataDir = '';
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>> = null;
  let running: ServerProcess | null = null;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `fluxo-${name}-`));
    database = await createTestDatabaseUrl();
    fake = await startFakeGraphApi({ expectedToken: channel.accessToken });
  });
  afterAll(async () => {
    await running?.kill();
    await fake?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the server rig is used before its beforeAll ran');
    return value;
  };
  return {
    get fake() {
      return ready(fake);
    },
    get dataDir() {
      return dataDir;
    },
    get databaseUrl() {
      return database?.url;
    },
    async prepare(extra = {}) {
      const port = await freePort();
      const graph = ready(fake);
      graph.statusCallback = {
        url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
        appSecret: channel.appSecret,
        statuses: ['sent', 'delivered'],
      };
      const secretKey = `${name}-secret-key-`.padEnd(40, 'x');
      await seedServer({ databaseUrl: database?.url, dataDir, secretKey, flow: echoFlow, channels: [channel] });
      return {
        PORT: String(port),
        DATA_DIR: dataDir,
        SECRET_KEY: secretKey,
        WHATSAPP_GRAPH_URL: graph.url,
        FLUXO_LOG: 'warn',
        ...(database ? { DATABASE_URL: database.url } : {}),
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        ...extra,
      };
    },
    async start(env) {
      running = await startServerProcess(env);
      return running;
    },
  };
}
