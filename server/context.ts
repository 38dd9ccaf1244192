import type { Config } from './env.ts';
import type { SecretBox } from './auth/secret-box.ts';
import type { Db } from './db/database.ts';
import type { Logger } from './logger.ts';
import type { Role } from './db/tables.ts';
import type { Ports } from '../runtime/ports.ts';
import type { InboundDelivery } from './whatsapp/inbound-delivery.ts';
import type { ChannelDirectory } from './channels/channel-directory.ts';
import type { HitCounter } from './http/rate-limit/hit-counter.ts';
import type { EventBus } from './events/event-bus.ts';
import type { LlmSource } from './conversation/llm-source.ts';
import type { ProviderProbes } from './settings/provider-probes.ts';

export interface Clock {
  now(): Date;
}

/** What the HTTP layer needs from the outside world; tests pass their own. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  secrets: SecretBox;
  logger: Logger;
  /** Engine ports for the simulator; built from config when absent (tests inject fakes). */
  ports?: Ports;
  /** Counts requests for the rate limits (Redis-backed across instances); in-process when absent. */
  hitCounter?: HitCounter;
  /** What changed, for the studio's live pages (`GET /api/events`); in-process when absent. */
  events?: EventBus;
  /**
   * The stored default AI provider (else AI_* env); shared with the WhatsApp side so a change
   * saved here is used at once. Built by `createApp` when absent.
   */
  llm?: LlmSource;
  /** Asks AI providers whether they answer before a flow using them is published; built on first use. */
  providerProbes?: ProviderProbes;
  /** The WhatsApp side (webhook storage, processing wake-ups); absent in admin-only tests. */
  messaging?: MessagingDeps;
}

export interface MessagingDeps {
  channels: ChannelDirectory;
  /** Stores deliveries durably (group commit); resolves with the contacts that got new messages. */
  inbox: { submit(deliveries: InboundDelivery[]): Promise<string[]> };
  /**
   * Marks contacts (`inboundContactKey`) as having a delivery on its way to storage: the
   * processors here (and, with Redis, on every instance) leave them alone until it is stored
   * (bounded). Call the answer once stored (with the contacts it woke) or failed (null), before
   * waking them. Absent, nothing is held.
   */
  holdInbound?(keys: string[]): (woken: string[] | null) => void;
  /** Tells the processors (here and on other instances) that these contacts have work. */
  wake(contactIds: string[], options?: { media?: boolean }): void;
  /** Tells the senders that new outbox rows are waiting (agent replies). */
  wakeSender(): void;
  /** A campaign was scheduled: check for due ones now. */
  wakeCampaigns(): void;
  /**
   * Present when Redis is configured: `degraded` while it cannot be reached (sends are then
   * paced by each instance alone, and wake-ups from other instances wait for the next poll).
   */
  redisHealth?: () => 'ok' | 'degraded';
}

/** Who is calling: a logged-in user or an API token (acting with the token's role). */
export interface Actor {
  kind: 'user' | 'token';
  id: string;
  role: Role;
  /** The user behind the call (the token's creator for tokens), for authorship. */
  userId: string | null;
}

export type AppEnv = { Variables: { deps: AppDeps; actor: Actor } };
