import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { openDatabase } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { startFakeGraphApi, type FakeGraph } from './fake-graph-api.ts';
import { seedServer } from './seed-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { createTestDatabaseUrl } from './test-db.ts';

export interface ServerInstances {
  fake: FakeGraph;
  /** The processes, in the order of `roles`. */
  servers: ServerProcess[];
  /** A connection of the test's own to the shared database (closed by `stop`). */
  db(): Promise<Db>;
  stop(): Promise<void>;
}

/**
 * Several server processes on one database and Redis, as behind a load balancer (or as
 * `docker compose up --scale worker=N`), seeded with one flow on one channel and talking to one
 * fake Graph API. Meant for DATABASE_URL + REDIS_URL runs (see vitest.config.ts).
 */
export async function startServerInstances(o: {
  /** A short name: the data folder's and the secret key's. */
  name: string;
  flow: FlowDocumentInput;
  channel: { phoneNumberId: string };
  appSecret: string;
  accessToken: string;
  /** One process per entry; `all` (the default) runs everything in one process. */
  roles?: ('all' | 'web' | 'worker')[];
  /** Rows the test needs before the servers start (catalog, agendas…). */
  seed?: (db: Db) => Promise<void>;
  /** The status webhooks (sent, delivered) Meta would post for each reply, to the first server. */
  statusCallbacks?: boolean;
  /** Whether the channel marks messages as read (a send of its own); true by default. */
  markRead?: boolean;
  env?: Record<string, string>;
}): Promise<ServerInstances> {
  const dataDir = mkdtempSync(join(tmpdir(), `fluxo-${o.name}-`));
  const database = await createTestDatabaseUrl();
  const fake = await startFakeGraphApi({ expectedToken: o.accessToken });
  const secretKey = `${o.name}-secret-key-`.padEnd(40, 'x');
  await seedServer({
    databaseUrl: database?.url,
    dataDir,
    secretKey,
    flow: o.flow,
    channels: [{ phoneNumberId: o.channel.phoneNumberId, appSecret: o.appSecret, accessToken: o.accessToken }],
    ...(o.markRead === undefined ? {} : { markRead: o.markRead }),
  });
  const opened: { close(): Promise<void> }[] = [];
  const connect = async () => {
    const db = await openDatabase({ databaseUrl: database?.url, dataDir, poolSize: 1 });
    opened.push(db);
    return db.db;
  };
  if (o.seed) {
    const seeding = await openDatabase({ databaseUrl: database?.url, dataDir, poolSize: 1 });
    await o.seed(seeding.db);
    await seeding.close();
  }
  const env = {
    DATA_DIR: dataDir,
    SECRET_KEY: secretKey,
    WHATSAPP_GRAPH_URL: fake.url,
    FLUXO_LOG: 'warn',
    DATABASE_URL: database?.url ?? '',
    REDIS_URL: process.env.REDIS_URL ?? '',
    ...o.env,
  };
  const servers = await Promise.all(
    (o.roles ?? ['all', 'all']).map((role) => startServerProcess(role === 'all' ? env : { ...env, FLUXO_ROLE: role })),
  );
  if (o.statusCallbacks) {
    fake.statusCallback = {
      url: `${servers[0]!.url}/webhooks/whatsapp`,
      appSecret: o.appSecret,
      statuses: ['sent', 'delivered'],
    };
  }
  return {
    fake,
    servers,
    db: connect,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await Promise.all(opened.map((d) => d.close()));
      await fake.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
