import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import { createApp } from './app.ts';
import { createSecretBox } from './auth/secret-box.ts';
import { resolveSecretKey } from './auth/secret-key.ts';
import { ensureStudioBuilt } from './build-studio.ts';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { ensureAdmin } from './db/queries/users.ts';
import { readConfig } from './env.ts';
import { startMessaging } from './messaging.ts';
import { createLogger } from './logger.ts';
import { createRedisHitCounter } from './http/rate-limit/redis-hit-counter.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);

const studioDir = config.skipStudio ? undefined : await ensureStudioBuilt(logger);
// Webhook storage (two writers), two processors, the sender's claims and records, and the API share it.
const database = await openDatabase({
  databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 20,
  onEmbeddedFailure: (err) => {
    // Nothing is lost (webhooks not stored were not answered 200); a restart recovers the rest.
    logger.error('embedded database thread stopped; exiting so Fluxo is restarted', { err });
    process.exit(1);
  },
});
const applied = await migrateToLatest(database.db);
if (applied.length) logger.info('migrations applied', { applied });
if (config.admin && (await ensureAdmin(database.db, config.admin))) {
  logger.info('first admin created', { email: config.admin.email });
}

const secrets = createSecretBox(resolveSecretKey(config.secretKey, config.dataDir));
const clock = { now: () => new Date() };
const messaging = startMessaging({
  db: database.db, urgentDb: database.urgentDb, config, clock, logger, secrets, leaseMs: config.leaseMs, reconcileMs: config.reconcileMs,
});
// Rate limits shared by every instance. No offline queue: while Redis is away a count fails at
// once and the request goes through (see hitOrNull) instead of waiting for a reconnect.
const limitsRedis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
limitsRedis?.on('error', (err) => logger.debug('rate limit redis', { err }));
const hitCounter = limitsRedis ? createRedisHitCounter(limitsRedis) : undefined;
const app = createApp({ db: database.db, config, clock, secrets, logger, hitCounter, messaging: messaging.deps }, { studioDir });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(`Fluxo is running on http://localhost:${info.port}`, { database: database.kind });
}) as Server;
// Meta (and proxies in front of us) reuse connections: closing an idle one after Node's default
// 5 s races with a request already on its way, which then fails and is delivered again later.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  server.close();
  await messaging.stop();
  limitsRedis?.disconnect();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
