import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startFakeGraphApi, type FakeGraph } from '../server/testing/fake-graph-api.ts';
import { echoFlow } from '../server/testing/messaging-harness.ts';
import { menuFlow } from './menu-flow.ts';
import { seedServer } from '../server/testing/seed-server.ts';
import { freePort, startServerProcess, type ServerProcess } from '../server/testing/server-process.ts';

/** The bearer token the bench reads `/metrics` with. */
export const benchMetricsToken = 'bench-metrics-token';
export const appSecret = 'bench-app-secret';
const accessToken = 'EAAG-bench-token';

/**
 * Meta allows 80 messages/s per number by default, "inclusive of inbound and outbound messages":
 * 500 inbound messages/s, their 500 replies and 500 read receipts need at least 19 numbers.
 */
export const benchChannels = Array.from({ length: 20 }, (_, i) => ({
  phoneNumberId: `1060000000009${String(i).padStart(2, '0')}`,
  displayPhone: `155501009${String(i).padStart(2, '0')}`,
  wabaId: '0',
}));

/**
 * The menu flow's numbers: 650 inbound messages/s owe ~975 replies and 650 read receipts, and
 * Meta allows 80 messages/s per number: at least 29 numbers.
 */
export const menuChannels = Array.from({ length: 30 }, (_, i) => ({
  phoneNumberId: `1060000000008${String(i).padStart(2, '0')}`,
  displayPhone: `155501008${String(i).padStart(2, '0')}`,
  wabaId: '0',
}));

export interface Target {
  server: ServerProcess;
  fake: FakeGraph;
  kind: string;
  /** Where the embedded server writes its time per statement (BENCH_SQL_PROFILE), else undefined. */
  sqlProfileFile: string | undefined;
  close(): Promise<void>;
}

/**
 * The system under test: the real server as a child process (embedded PGlite in a temp dir,
 * or a fresh database on DATABASE_URL plus REDIS_URL when set) and a fake Graph API that
 * answers sends and posts `sent` + `delivered` status webhooks back, as Meta does.
 */
export async function startTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fluxo-bench-'));
  const baseUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  if (baseUrl) {
    const name = `fluxo_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      // BENCH_KEEP_DB=1 leaves it for looking at query plans afterwards (it is named on stdout).
      if (process.env.BENCH_KEEP_DB) return void process.stdout.write(`kept database ${name}\n`);
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    };
  }
  const port = await freePort();
  const sqlProfileFile = process.env.BENCH_SQL_PROFILE && !databaseUrl ? join(dataDir, 'sql-profile.json') : undefined;
  const fake = await startFakeGraphApi({
    expectedToken: accessToken,
    statusCallback: { url: `http://127.0.0.1:${port}/webhooks/whatsapp`, appSecret, statuses: ['sent', 'delivered'] },
  });
  const secretKey = 'bench-secret-key-bench-secret-key-bench';
  await seedServer({
    databaseUrl,
    dataDir,
    secretKey,
    flow: echoFlow,
    channels: benchChannels.map((c) => ({ phoneNumberId: c.phoneNumberId, appSecret, accessToken })),
    more: [
      {
        flow: menuFlow,
        channels: menuChannels.map((c) => ({ phoneNumberId: c.phoneNumberId, appSecret, accessToken })),
      },
    ],
  });
  const server = await startServerProcess(
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      SECRET_KEY: secretKey,
      WHATSAPP_GRAPH_URL: fake.url,
      FLUXO_LOG: 'warn',
      // The bench reads the server's time per stage from /metrics (see `stages.ts`).
      METRICS_TOKEN: benchMetricsToken,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...(process.env.BENCH_COUNT_IO ? { FLUXO_COUNT_IO: 'true' } : {}),
      ...(sqlProfileFile ? { FLUXO_SQL_PROFILE: sqlProfileFile } : {}),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      // PGOPTIONS (e.g. `-c plan_cache_mode=force_generic_plan`) reaches the server's connections, for tuning.
      ...(process.env.PGOPTIONS ? { PGOPTIONS: process.env.PGOPTIONS } : {}),
      // BENCH_CPU_PROF=dir writes the server's CPU profile there when it stops (for tuning).
    },
    { nodeArgs: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [] },
  );
  return {
    server,
    fake,
    sqlProfileFile,
    kind: databaseUrl ? `Postgres${process.env.REDIS_URL ? ' + Redis' : ''}` : 'embedded (PGlite, in-process queue)',
    async close() {
      // The fake first: its status webhooks on kept-alive connections would keep the server busy.
      await fake.close();
      await server.stop();
      await dropDatabase();
      // BENCH_KEEP_DB=1 keeps the embedded database too, to read per-message timings afterwards.
      if (process.env.BENCH_KEEP_DB && !databaseUrl)
        return void process.stdout.write(`kept embedded database in ${dataDir}/pglite\n`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
