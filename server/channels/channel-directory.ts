import type { SecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { defaultMessagesPerSecond } from '../queue/rate-limiter.ts';

export interface ChannelInfo {
  id: string;
  phoneNumberId: string;
  appSecret: string;
  accessToken: string;
  flowId: string | null;
  /** The catalog its pickers and agent offer when a block names none; null or absent: the main one. */
  catalogId?: string | null;
  markRead: boolean;
  healthy: boolean;
  /**
   * Whether the studio already shows this channel as working (a test or a send succeeded) and
   * its webhook as verified: until then the first successful send or delivery records it (once;
   * the flag is set on this cached copy so the hot paths skip it afterwards).
   */
  proven: boolean;
  webhookVerified: boolean;
  /** Messages per second the number may send: the admin's setting, else Meta's tier, else 80. */
  throughput: number;
}

/** Messages per second a number may send: the admin's setting, else the tier Meta reports, else Meta's default. */
export function throughputOf(r: { throughput: number | null; graph_throughput: number | null }): number {
  return r.throughput ?? r.graph_throughput ?? defaultMessagesPerSecond;
}

/**
 * The channels, decrypted, kept in memory for a moment: every webhook needs its channel's app
 * secret, and reading plus decrypting it per request would dominate the webhook's cost.
 * Changes made on this instance invalidate at once (the next read waits for the database); other
 * instances see them once `ttlMs` has passed, on the read after the one that starts the reload.
 */
export function createChannelDirectory(
  db: Db,
  secrets: SecretBox,
  { ttlMs = 2000, now = () => Date.now(), logger }: { ttlMs?: number; now?: () => number; logger?: Logger } = {},
) {
  let loadedAt = -Infinity;
  let byPhone = new Map<string, ChannelInfo>();
  let byId = new Map<string, ChannelInfo>();
  /**
   * Channels whose stored secrets do not open under this server's key (SECRET_KEY changed, a
   * copied database): left out of the maps above so that every other channel keeps working,
   * and remembered so their own deliveries and sends wait instead of being taken for unknown.
   */
  let unreadablePhones = new Set<string>();
  let unreadableIds = new Set<string>();
  /** Logged once per channel while it stays unreadable, not on every reload. */
  const reported = new Set<string>();
  let loading: Promise<void> | null = null;
  /** Moves on with every `invalidate`, so a read started before one is not taken as fresh. */
  let generation = 0;

  async function load(): Promise<void> {
    const readFor = generation;
    const rows = await db.selectFrom('channels').selectAll().execute();
    // Invalidated while this read was under way: it may predate the change, so it is not kept.
    if (readFor !== generation) return;
    const infos: ChannelInfo[] = [];
    const broken: typeof rows = [];
    for (const r of rows) {
      const opened = openSecrets(secrets, r);
      if (!opened) {
        broken.push(r);
        continue;
      }
      infos.push({
        id: r.id,
        phoneNumberId: r.phone_number_id,
        ...opened,
        flowId: r.flow_id,
        catalogId: r.catalog_id,
        markRead: r.mark_read,
        healthy: r.healthy,
        proven: r.healthy && r.check_ok === true,
        webhookVerified: r.webhook_verified_at !== null,
        throughput: throughputOf(r),
      });
    }
    for (const r of broken) {
      if (reported.has(r.id)) continue;
      reported.add(r.id);
      logger?.error('channel skipped: its stored token and app secret cannot be decrypted with this SECRET_KEY', {
        channelId: r.id,
        phoneNumberId: r.phone_number_id,
      });
    }
    for (const id of reported) if (!broken.some((r) => r.id === id)) reported.delete(id);
    byPhone = new Map(infos.map((i) => [i.phoneNumberId, i]));
    byId = new Map(infos.map((i) => [i.id, i]));
    unreadablePhones = new Set(broken.map((r) => r.phone_number_id));
    unreadableIds = new Set(broken.map((r) => r.id));
    loadedAt = now();
  }

  async function fresh(): Promise<void> {
    if (now() - loadedAt < ttlMs) return;
    // Merely old (not invalidated here, nor never loaded): answered from memory while it reloads.
    // The reload waits its turn on the database, behind everything queued there under load, and
    // every webhook arriving meanwhile waited with it, before it even held its contacts
    // (inbound-in-flight.ts). Another instance's change is seen one read later than before.
    const stale = loadedAt !== -Infinity;
    if (!loading) {
      loading = load().finally(() => {
        loading = null;
      });
      // Nobody waits for a background reload to hear that it failed; the next read tries again.
      if (stale)
        loading.catch((err: unknown) => logger?.warn('channels: reload failed; kept the last ones read', { err }));
    }
    if (stale) return;
    await loading;
    // The read that finished was started before an invalidation: read again.
    if (loadedAt === -Infinity) await fresh();
  }

  return {
    async byPhoneNumberId(phoneNumberId: string): Promise<ChannelInfo | undefined> {
      await fresh();
      return byPhone.get(phoneNumberId);
    },
    async byId(id: string): Promise<ChannelInfo | undefined> {
      await fresh();
      return byId.get(id);
    },
    /** Whether this number is connected here but its secrets cannot be read (see `unreadablePhones`). */
    async isUnreadablePhone(phoneNumberId: string): Promise<boolean> {
      await fresh();
      return unreadablePhones.has(phoneNumberId);
    },
    async isUnreadable(id: string): Promise<boolean> {
      await fresh();
      return unreadableIds.has(id);
    },
    /** Every distinct app secret: what a delivery we cannot route may have been signed with. */
    async appSecrets(): Promise<string[]> {
      await fresh();
      return [...new Set([...byPhone.values()].map((c) => c.appSecret))];
    },
    invalidate(): void {
      generation += 1;
      loadedAt = -Infinity;
    },
  };
}

export type ChannelDirectory = ReturnType<typeof createChannelDirectory>;

/** A channel's secrets, or null when they do not open under this key. */
export function openSecrets(
  secrets: SecretBox,
  row: { app_secret_enc: string; access_token_enc: string },
): { appSecret: string; accessToken: string } | null {
  try {
    return { appSecret: secrets.open(row.app_secret_enc), accessToken: secrets.open(row.access_token_enc) };
  } catch {
    return null;
  }
}
