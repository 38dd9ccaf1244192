import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import { createApp } from './app.ts';
import { createSecretBox } from './auth/secret-box.ts';
import { resolveSecretKey } from './auth/secret-key.ts';
import { ensureStudioBuilt } from './build-studio.ts';
import { startLeaseIdentity } from './conversation/lease-identity.ts';
import { migrateToLatest, openDatabase } from './db/connect.ts';
import { ensureAdmin } from './db/queries/users.ts';
import { readConfig } from './env.ts';
import { createHttpDrain } from './http-drain.ts';
import { startMessaging } from './messaging.ts';
import { createLlmSource } from './conversation/llm-source.ts';
import { createLogger } from './logger.ts';
import { createRedisHitCounter } from './http/rate-limit/redis-hit-counter.ts';
import { createLocalEventBus, createRedisEventBus } from './events/event-bus.ts';
import { connectRedis } from './queue/redis-client.ts';
import { enableIoCounting } from './metrics/io-count.ts';

const config = readConfig();
const logger = createLogger(config.logLevel);
// Before the database and Redis connections are made: they count through it (bench only).
if (config.countIo) enableIoCounting();

const serveWeb = config.role !== 'worker';
const studioDir = config.skipStudio || !serveWeb ? undefined : await ensureStudioBuilt(logger);
// Webhook storage (two writers), two processors, the sender's claims and records, and the API share it.
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: 20,
  sqlProfileFile: config.sqlProfileFile,
  onEmbeddedFailure: (err) => {
    // Nothing is lost (webhooks not stored were not answered 200); a restart recovers the rest.
    logger.error('embedded database thread stopped; exiting so Fluxo is restarted', { err });
    process.exit(1);
  },
  // Postgres restarting or failing over: queries in flight fail and are retried; we stay up.
  onConnectionError: (err) => logger.warn('postgres connection lost', { err }),
});
const applied = await migrateToLatest(database.db);
if (applied.length) logger.info('migrations applied', { applied });
if (config.admin && (await ensureAdmin(database.db, config.admin))) {
  logger.info('first admin created', { email: config.admin.email });
}

const clock = { now: () => new Date() };
// Leases name a process whose liveness can be checked: a restart after a crash takes back the
// dead run's leases at once instead of leaving its contacts waiting for them to expire.
const leases = await startLeaseIdentity({ databaseUrl: config.databaseUrl, db: database.db, clock, logger });
if (leases.reclaimed.contacts + leases.reclaimed.sends > 0)
  logger.info('took back what a stopped process held', { ...leases.reclaimed });

const secrets = createSecretBox(resolveSecretKey(config.secretKey, config.dataDir));
// The studio's live view: with Redis, an event published where a webhook arrived reaches the
// studio streams of every instance (a subscribed connection takes no other commands: two).
const events = config.redisUrl
  ? createRedisEventBus(
      connectRedis(config.redisUrl, logger, 'events'),
      connectRedis(config.redisUrl, logger, 'events-subscriber'),
    )
  : createLocalEventBus();
// One per process: the API invalidates it when a provider is saved, the processors use it.
const llm = createLlmSource({ db: database.db, secrets, config, logger, now: () => clock.now().getTime() });
const messaging = startMessaging({
  events,
  llm,
  owner: leases.owner,
  db: database.db,
  urgentDb: database.urgentDb,
  config,
  clock,
  logger,
  secrets,
  leaseMs: config.leaseMs,
  reconcileMs: config.reconcileMs,
  // A `web` process stores webhooks and wakes the workers (through Redis) but runs no loop itself.
  autoStart: config.role !== 'web',
});
// Rate limits shared by every instance. No offline queue: while Redis is away a count fails at
// once and the request goes through (see hitOrNull) instead of waiting for a reconnect.
const limitsRedis = config.redisUrl
  ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  : null;
limitsRedis?.on('error', (err) => logger.debug('rate limit redis', { err }));
const hitCounter = limitsRedis ? createRedisHitCounter(limitsRedis) : undefined;
const app = createApp(
  { db: database.db, config, clock, secrets, logger, hitCounter, events, llm, messaging: messaging.deps },
  { studioDir, workerOnly: !serveWeb },
);

// While stopping, requests are turned away before they reach the app (see `http-drain.ts`).
const drain = createHttpDrain();
const server = serve({ fetch: drain.fetch(app.fetch), port: config.port, hostname: config.host }, (info) => {
  logger.info(`Fluxo is running on http://localhost:${info.port}`, { database: database.kind, role: config.role });
}) as Server;
drain.attach(server);
// Meta (and proxies in front of us) reuse connections: closing an idle one after Node's default
// 5 s races with a request already on its way, which then fails and is delivered again later.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

/** Under Kubernetes' default 30 s grace period, with room for the steps after it. */
const requestsGraceMs = 20_000;

let stopping = false;
/**
 * In order, so nothing uses what was already closed: stop taking requests (new ones are
 * answered 503 and delivered again elsewhere), let those in flight finish (they still store
 * webhooks), stop the workers after their current pass, give up the leases still held, and
 * only then close the database. Exit code 0: a stop is not a failure.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  let code = 0;
  try {
    drain.stopIntake();
    // Studio event streams never end on their own: closing the bus ends them, so they do not
    // hold the requests' grace period (EventSource reconnects to another instance).
    await events.close();
    if (!(await drain.settled(requestsGraceMs))) {
      logger.warn('requests still in flight after the grace period; stopping anyway', { inFlight: drain.inFlight });
    }
    await messaging.stop();
    await leases.release();
    limitsRedis?.disconnect();
    await database.close();
  } catch (err) {
    logger.error('shutdown failed', { err });
    code = 1;
  }
  drain.closeConnections();
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
