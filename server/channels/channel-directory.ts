import type { SecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';

export interface ChannelInfo {
  id: string;
  phoneNumberId: string;
  appSecret: string;
  accessToken: string;
  flowId: string | null;
  markRead: boolean;
  healthy: boolean;
  /**
   * Whether the studio already shows this channel as working (a test or a send succeeded) and
   * its webhook as verified: until then the first successful send or delivery records it (once;
   * the flag is set on this cached copy so the hot paths skip it afterwards).
   */
  proven: boolean;
  webhookVerified: boolean;
}

/**
 * The channels, decrypted, kept in memory for a moment: every webhook needs its channel's app
 * secret, and reading plus decrypting it per request would dominate the webhook's cost.
 * Changes made on this instance invalidate at once; other instances see them within `ttlMs`.
 */
export function createChannelDirectory(db: Db, secrets: SecretBox, { ttlMs = 2000, now = () => Date.now() } = {}) {
  let loadedAt = -Infinity;
  let byPhone = new Map<string, ChannelInfo>();
  let byId = new Map<string, ChannelInfo>();
  let loading: Promise<void> | null = null;

  async function load(): Promise<void> {
    const rows = await db.selectFrom('channels').selectAll().execute();
    const infos = rows.map((r): ChannelInfo => ({
      id: r.id,
      phoneNumberId: r.phone_number_id,
      appSecret: secrets.open(r.app_secret_enc),
      accessToken: secrets.open(r.access_token_enc),
      flowId: r.flow_id,
      markRead: r.mark_read,
      healthy: r.healthy,
      proven: r.healthy && r.check_ok === true,
      webhookVerified: r.webhook_verified_at !== null,
    }));
    byPhone = new Map(infos.map((i) => [i.phoneNumberId, i]));
    byId = new Map(infos.map((i) => [i.id, i]));
    loadedAt = now();
  }

  async function fresh(force = false): Promise<void> {
    if (!force && now() - loadedAt < ttlMs) return;
    loading ??= load().finally(() => {
      loading = null;
    });
    await loading;
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
    /** Every distinct app secret: what a delivery we cannot route may have been signed with. */
    async appSecrets(): Promise<string[]> {
      await fresh();
      return [...new Set([...byPhone.values()].map((c) => c.appSecret))];
    },
    invalidate(): void {
      loadedAt = -Infinity;
    },
  };
}

export type ChannelDirectory = ReturnType<typeof createChannelDirectory>;
