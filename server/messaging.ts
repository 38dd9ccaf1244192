import { randomUUID } from 'node:crypto';
import type { Ports } from '../runtime/ports.ts';
import type { SecretBox } from './auth/secret-box.ts';
import type { Clock, MessagingDeps } from './context.ts';
import { createReminderLoop } from './agenda/reminder-loop.ts';
import { createAgendaPort } from './conversation/agenda-port.ts';
import { createCatalogPort } from './conversation/catalog-port.ts';
import { createPaymentsPort } from './payments/payments-port.ts';
import { createNamedModels } from './conversation/named-models.ts';
import { createAiMedia } from './conversation/ai-media.ts';
import { channelMedia } from './conversation/media-port.ts';
import { createFlowVersions } from './conversation/flow-versions.ts';
import { createInboundInFlight } from './conversation/inbound-in-flight.ts';
import { createRedisInboundInFlight } from './conversation/shared-in-flight.ts';
import { createHttpPort } from './conversation/http-port.ts';
import { createLlmSource, type LlmSource } from './conversation/llm-source.ts';
import { fetchMissingMedia } from './conversation/media-fetcher.ts';
import { runDueCampaigns } from './conversation/run-campaigns.ts';
import { processBatch } from './conversation/processor.ts';
import { createSender } from './conversation/sender.ts';
import { storeInboundChanges } from './conversation/store-inbound.ts';
import { createLocalEventBus, type EventBus } from './events/event-bus.ts';
import type { InboundDelivery } from './whatsapp/inbound-delivery.ts';
import type { Db } from './db/database.ts';
import { createVacuumLoop } from './db/vacuum.ts';
import { createRetentionLoop } from './privacy/retention.ts';
import { createRollupLoop } from './dashboard/rollup.ts';
import { createMetaSyncLoop } from './meta-catalog/auto-sync.ts';
import { createHandoffWatch } from './handoffs/watch.ts';
import { createTimeZoneSource } from './settings/time-zone-source.ts';
import { createOptOutSource } from './campaigns/opt-out-source.ts';
import type { Config } from './env.ts';
import type { Logger } from './logger.ts';
import { createGroupCommit } from './queue/group-commit.ts';
import { createLocalNotifier, createRedisNotifier, type Notifier } from './queue/notifier.ts';
import { createLocalRateLimiter, createRedisRateLimiter } from './queue/rate-limiter.ts';
import { connectRedis } from './queue/redis-client.ts';
import { createWorkerLoop } from './queue/worker-loop.ts';
import { createChannelDirectory, type ChannelInfo } from './channels/channel-directory.ts';
import { readOneThroughput } from './channels/read-throughput.ts';
import { finishSettledCampaigns } from './campaigns/finish-campaigns.ts';
import { createGraphClient } from './whatsapp/graph-client.ts';
import { createEventDelivery, type Backoff } from './event-webhooks/deliver-events.ts';
import { createChatwootMirror } from './chatwoot/mirror-event.ts';
import { publicFetch } from './net/public-fetch.ts';

export interface MessagingOptions {
  db: Db;
  /** Webhook storage's connection, when it has its own turn (embedded: see `openDatabase`). */
  urgentDb?: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  /**
   * Names this process's leases (each worker adds `/<n>`); the server uses one that says
   * whether the process is still alive (see `processLeaseOwner`). Tests may leave it out.
   */
  owner?: string;
  /** Tests shorten these to exercise crash recovery quickly. */
  leaseMs?: number;
  reconcileMs?: number;
  pollMs?: number;
  /** The stored AI provider, shared with the app (main.ts); built here when absent. */
  llm?: LlmSource;
  /** Tests pass in-memory ports; production builds them from config. */
  ports?: Partial<Ports>;
  /** False leaves the workers stopped until `start()` (tests that stage work first). */
  autoStart?: boolean;
  /** Where the studio learns what changed (`GET /api/events`); a local one when absent. */
  events?: EventBus;
  /** Tests shorten the event webhooks' retry delays. */
  webhookBackoff?: Backoff;
  /** How long a delivery in flight keeps its contacts out of claims at most (`defaultInboundHoldMs`, in `inbound-in-flight.ts`). */
  inFlightHoldMs?: number;
}

/** How long a batch of status webhooks stays open for more (see `statusInbox`). */
const statusLingerMs = 20;
/** How long a record of sends stays open for more (see `SenderOptions.recordLingerMs`). */
const recordLingerMs = 5;

/**
 * The WhatsApp runtime of one process: webhook storage (group commit), inbound processors
 * and the sender. Postgres holds all pending work; Redis, when configured, carries wake-ups
 * and the per-number rate limit between instances.
 */
export function startMessaging(o: MessagingOptions) {
  const owner = o.owner ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const startedAt = o.clock.now();
  // Every cache and limiter reads the injected clock, so a test can move time instead of sleeping.
  const now = () => o.clock.now().getTime();
  const channels = createChannelDirectory(o.db, o.secrets, { now, logger: o.logger });
  const versions = createFlowVersions(o.db, { now });
  // A command gets an answer within a second or is given up on: a Redis that hangs instead of
  // refusing must not hold sends any longer than one that is down (see the rate limiter).
  const redis = o.config.redisUrl
    ? connectRedis(o.config.redisUrl, o.logger, 'commands', { maxRetriesPerRequest: 2, commandTimeout: 1000 })
    : null;
  const subscriber = redis && o.config.redisUrl ? connectRedis(o.config.redisUrl, o.logger, 'wake-ups') : null;
  const notifier: Notifier = redis && subscriber ? createRedisNotifier(redis, subscriber) : createLocalNotifier();
  const sharedLimiter = redis ? createRedisRateLimiter(redis, undefined, now) : null;
  const limiter = sharedLimiter ?? createLocalRateLimiter(undefined, now);
  const llm = o.llm ?? createLlmSource({ ...o, now });
  const timeZone = createTimeZoneSource(o.db, o.logger, now);
  const optOut = createOptOutSource(o.db, o.logger, now);
  const ports: Ports = {
    // The engine's clock carries the settings' time zone, for the dates flows print and read.
    clock: {
      now: () => o.clock.now(),
      get timeZone() {
        return timeZone.current();
      },
      get businessHours() {
        return timeZone.hours();
      },
    },
    ids: { next: () => randomUUID() },
    http: createHttpPort({ allowPrivate: o.config.httpNodeAllowPrivate }),
    // Read on every LLM block, so a provider saved in the settings is used without a restart.
    get llm() {
      return llm.current();
    },
    catalog: createCatalogPort(o.db, { publicUrl: o.config.publicUrl, productMessages: true }),
    agenda: createAgendaPort(o.db, {
      now: () => o.clock.now(),
      get timeZone() {
        return timeZone.current();
      },
    }),
    aiModel: createNamedModels(o.db, o.secrets, o.config),
    payments: createPaymentsPort(o.db, { publicUrl: o.config.publicUrl }),
    aiMedia: createAiMedia(o.db, o.secrets),
    ...o.ports,
  };
  const leaseMs = o.leaseMs ?? 30_000;
  // A send's lock must outlive its HTTP call, or a slow call could be taken and sent again by
  // another sender; shortening the lease (tests, tuning) shortens the call's timeout with it.
  const sendLockMs = Math.min(20_000, leaseMs);
  const graph = createGraphClient({
    baseUrl: o.config.graph.baseUrl,
    version: o.config.graph.version,
    timeoutMs: Math.min(15_000, Math.floor(sendLockMs * 0.75)),
  });

  const events = o.events ?? createLocalEventBus();
  const storeOnce = async (db: Db, batch: InboundDelivery[][]) => {
    const { contacts, statusContacts } = await storeInboundChanges(db, batch.flat(), o.clock.now());
    // One statement, so committed by now: a page refetching on these finds the rows.
    for (const id of contacts) events.publish({ type: 'message.received', conversationId: id });
    for (const id of statusContacts) events.publish({ type: 'message.status', conversationId: id });
    // Every webhook of the batch learns the whole set; waking a contact twice is harmless.
    return batch.map(() => contacts);
  };
  // Two instances inserting the same redelivered message race on its unique key; Postgres
  // then aborts one transaction (deadlock or unique violation), which is safe to run again.
  const storing = (db: Db) => async (batch: InboundDelivery[][]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await storeOnce(db, batch);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 3 || (code !== '40P01' && code !== '40001' && code !== '23505')) throw err;
      }
    }
  };
  // A contact waits on deliveries that carry messages; Meta sends three or four status-only
  // deliveries for each (sent, delivered, read of every reply). Each kind has its own queue,
  // so a message is never stored behind a batch of statuses, and embedded, statuses go on the
  // background connection rather than ahead of the processor. On a Postgres pool two message
  // batches may be written at once; embedded PGlite has one connection.
  const messageInbox = createGroupCommit(storing(o.urgentDb ?? o.db), { writers: o.config.databaseUrl ? 2 : 1 });
  // Nobody waits on a status (Meta only needs its 200, and waits seconds for it): each status
  // batch stays open a few milliseconds, so at a steady pace one statement stores several
  // instead of one statement per status, three or four per message answered.
  const statusInbox = createGroupCommit(storing(o.db), { lingerMs: statusLingerMs });
  const inbox = {
    submit: (deliveries: InboundDelivery[]) =>
      (deliveries.some((d) => d.messages.length > 0) ? messageInbox : statusInbox).submit(deliveries),
  };

  const idleMs = o.pollMs ?? 500;
  // Deliveries read but not stored yet, by contact: a claim leaves those contacts for the wake-up
  // their store sends, so two of a contact's messages posted at once run in timestamp order.
  const inFlight = createInboundInFlight(o.inFlightHoldMs);
  // With Redis, also told to the other instances: a `web` process stores, `worker` processes claim.
  // Both are kept: this instance's own holds still count while Redis is down.
  const sharedInFlight = redis
    ? createRedisInboundInFlight(redis, { logger: o.logger, maxHoldMs: o.inFlightHoldMs, now })
    : null;
  const heldNow = async () => {
    const local = inFlight.held();
    if (!sharedInFlight) return local;
    return [...new Set([...local, ...(await sharedInFlight.held())])];
  };
  // The contacts each processor holds during its pass. A message stored for one of them meanwhile
  // is skipped by whichever processor its wake-up reaches (the contact is leased); unless the
  // holder runs again once it lets the contact go, that message waits for the idle poll.
  const holding = [0, 1].map(() => new Set<string>());
  // The provider and time zone are re-read (at most every few seconds) before a batch, not inside a conversation.
  const processors = [0, 1].map((i) =>
    createWorkerLoop(
      `processor ${i}`,
      async () => {
        await Promise.all([llm.fresh(), timeZone.fresh(), optOut.fresh()]);
        return processBatch({
          // Each processor holds leases in its own name: if one's lease runs out mid-batch, the other
          // may take the contact over, and the first must then see that it no longer holds it.
          db: o.db,
          clock: o.clock,
          logger: o.logger,
          channels,
          versions,
          ports,
          // Pictures and voice notes a block reads now come from Graph with their channel's token.
          ...(o.ports?.media ? {} : { mediaFor: (channel: ChannelInfo) => channelMedia(graph, channel) }),
          owner: `${owner}/${i}`,
          leaseMs,
          batchSize: 64,
          optOut: () => optOut.current(),
          inFlight: heldNow,
          onReplies: () => notifier.publish('outbox'),
          onClaimed: (ids) => ids.forEach((id) => holding[i]!.add(id)),
          onCommitted: (committed) => {
            for (const c of committed) {
              events.publish({ type: 'message.queued', conversationId: c.contactId });
              if (c.handoffOpened) events.publish({ type: 'handoff.opened', conversationId: c.contactId });
            }
          },
        }).finally(() => holding[i]!.clear());
      },
      { idleMs, logger: o.logger },
    ),
  );
  /** Wakes, after its pass, the processor holding any of these contacts (see `holding`). */
  const wakeHolders = (contactIds: readonly string[]) => {
    holding.forEach((held, i) => {
      if (held.size > 0 && contactIds.some((id) => held.has(id))) processors[i]!.wake();
    });
  };
  // Sends in flight at once. Meta answers a send in 100–500 ms and allows 80 messages/s per
  // number: too few in flight and the sender, not Meta, becomes the limit (32 capped a 20-number
  // bench at ~500 replies/s). Each waits its turn at the rate limiter well within its lock.
  const sendsInFlight = 256;
  const sends = createSender(
    {
      db: o.db,
      clock: o.clock,
      logger: o.logger,
      channels,
      graph,
      limiter,
      lockMs: sendLockMs,
      reconcileMs: o.reconcileMs ?? 15_000,
      startedAt,
      batchSize: sendsInFlight,
      owner: `${owner}/sender`,
      recordLingerMs,
      onStatus: (contactId) => events.publish({ type: 'message.status', conversationId: contactId }),
    },
    () => sender.wake(),
  );
  const sender = createWorkerLoop('sender', () => sends.pass(), { idleMs, logger: o.logger });

  // Media is rarer and slower than text: its own loop, so a big video never delays a reply.
  const mediaBatch = 8;
  const media = createWorkerLoop(
    'media',
    async () =>
      (await fetchMissingMedia({ db: o.db, graph, channels, logger: o.logger, limit: mediaBatch })) >= mediaBatch,
    { idleMs: Math.max(idleMs, 1000), logger: o.logger },
  );

  const finishCheckMs = 5_000;
  let finishCheckedAt = -Infinity;
  const campaigns = createWorkerLoop(
    'campaigns',
    async () => {
      const n = await runDueCampaigns(o.db, o.clock.now());
      // Whether a campaign is over hangs on Meta's status webhooks: looked at every few seconds.
      if (now() - finishCheckedAt >= finishCheckMs) {
        finishCheckedAt = now();
        if ((await finishSettledCampaigns(o.db, o.clock.now())) > 0) {
          eventWebhooks.wake();
          events.publish({ type: 'campaign.progress' });
        }
      }
      if (n > 0) {
        notifier.publish('outbox');
        notifier.publish('inbound');
        events.publish({ type: 'campaign.progress' });
      }
      // One campaign per pass: after one ran, another may be due.
      return n > 0;
    },
    { idleMs: Math.max(idleMs, 1000), logger: o.logger },
  );

  // Outgoing event webhooks: rows written with the changes they tell about, sent from here.
  const webhookFetch = o.config.webhooksAllowPrivate ? fetch : publicFetch;
  const eventDelivery = createEventDelivery({
    db: o.db,
    clock: o.clock,
    logger: o.logger,
    secrets: o.secrets,
    backoff: o.webhookBackoff,
    fetchFn: webhookFetch,
    mirrorToChatwoot: createChatwootMirror({ db: o.db, secrets: o.secrets, clock: o.clock, fetchFn: webhookFetch }),
  });
  const eventWebhooks = createWorkerLoop('event webhooks', () => eventDelivery.pass(), {
    idleMs: Math.max(idleMs, 1000),
    logger: o.logger,
  });

  // Meta's throughput tier of each working number, read now and then: it paces the number's sends.
  const throughputTiers = createWorkerLoop(
    'throughput tiers',
    () =>
      readOneThroughput({ db: o.db, secrets: o.secrets, graph: o.config.graph, logger: o.logger, now: o.clock.now() }),
    { idleMs: Math.max(idleMs, 60_000), logger: o.logger },
  );

  // Embedded: statistics from a small sample, since every webhook waits for an ANALYZE (vacuum.ts).
  const vacuum = createVacuumLoop(o.db, o.logger, { statisticsTarget: o.config.databaseUrl ? undefined : 10 });
  // Daily, on one instance: deletes messages older than the settings' retention.
  const retention = createRetentionLoop(o.db, o.clock, o.logger);
  // Booking reminders (Agenda), texted inside the 24-hour window.
  const reminders = createReminderLoop({
    db: o.db,
    now: () => o.clock.now(),
    timeZone: () => timeZone.current(),
    logger: o.logger,
    wakeSender: () => notifier.publish('outbox'),
  });
  // Every 15 minutes, on one instance: the dashboard's per-day rollup of closed days.
  const rollup = createRollupLoop(o.db, o.clock, o.logger);
  const handoffWatch = createHandoffWatch(o.db, o.clock, events, o.logger);
  // On one instance: Meta catalogs with "Sincronizar automaticamente", a minute after edits.
  const metaSync = createMetaSyncLoop(
    {
      db: o.db,
      secrets: o.secrets,
      graph: o.config.graph,
      publicUrl: o.config.publicUrl ?? '',
      now: () => o.clock.now(),
    },
    o.logger,
  );

  // One processor per wake-up: the second claims only while the first is busy, instead of both
  // racing for the same contacts and one coming back empty.
  notifier.subscribe('inbound', () => (processors.find((p) => p.sleeping) ?? processors[0])?.wake());
  notifier.subscribe('media', () => media.wake());
  notifier.subscribe('outbox', () => {
    sends.repliesQueued();
    sender.wake();
  });
  const start = () => {
    processors.forEach((p) => p.start());
    sender.start();
    media.start();
    campaigns.start();
    eventWebhooks.start();
    throughputTiers.start();
    vacuum.start();
    retention.start();
    reminders.start();
    rollup.start();
    handoffWatch.start();
    metaSync.start();
  };
  if (o.autoStart !== false) start();

  const deps: MessagingDeps = {
    channels,
    inbox: { submit: (deliveries) => inbox.submit(deliveries) },
    holdInbound: (keys) => {
      const release = inFlight.hold(keys);
      const releaseShared = sharedInFlight?.hold(keys);
      return (woken) => {
        // Released before the wake-up below is published (same connection): a claim it starts sees it.
        releaseShared?.();
        // A contact a claim left out meanwhile has its turn now, even when this store failed or
        // brought nothing new (a duplicate) and so wakes no one. Here the hold knows whether a
        // claim left one out; other instances' claims are not told, so with Redis any delivery
        // that held a contact wakes them (at most the one publish a new message costs anyway).
        const skipped = release();
        if (woken?.length) return;
        if (sharedInFlight && keys.length > 0) notifier.publish('inbound');
        else if (skipped) (processors.find((p) => p.sleeping) ?? processors[0])?.wake();
      };
    },
    wake: (contactIds, options) => {
      if (contactIds.length) {
        wakeHolders(contactIds);
        notifier.publish('inbound');
      }
      if (options?.media) notifier.publish('media');
    },
    wakeSender: () => notifier.publish('outbox'),
    wakeCampaigns: () => campaigns.wake(),
    // Without Redis this instance still works (local pacing, polling instead of wake-ups).
    ...(sharedLimiter &&
      subscriber && {
        redisHealth: () => (sharedLimiter.health() === 'ok' && subscriber.status === 'ready' ? 'ok' : 'degraded'),
      }),
  };
  return {
    deps,
    events,
    start,
    async stop() {
      await Promise.all([
        ...processors.map((p) => p.stop()),
        sender.stop(),
        media.stop(),
        campaigns.stop(),
        eventWebhooks.stop(),
        throughputTiers.stop(),
        vacuum.stop(),
        retention.stop(),
        reminders.stop(),
        rollup.stop(),
        handoffWatch.stop(),
        metaSync.stop(),
      ]);
      await sends.drain();
      await notifier.close();
    },
  };
}
