import { randomBytes } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { chatwootSettingsResponse, updateChatwootRequest } from '../../shared/api/chatwoot.ts';
import type { AppEnv } from '../context.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { chatwootSettingsId, loadChatwootSettings } from '../db/queries/chatwoot.ts';
import type { Tx } from '../db/database.ts';
import type { Row } from '../db/tables.ts';
import { newWebhookSecret } from '../event-webhooks/sign-body.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';

/** `GET/PUT /api/integrations/chatwoot` (admins): the bridge's connection. */
export const chatwootSettingsRoutes = createRouter();
chatwootSettingsRoutes.use('*', requireRole('admin'));
const tags = ['integrations'];

/** What the bridge mirrors: it rides on the event outbox, as a subscription of its own. */
const mirroredEvents = ['message.received', 'message.sent', 'handoff.opened', 'handoff.resolved'];

const view = (c: Context<AppEnv>, s: Row<'chatwoot_settings'> | undefined) => ({
  configured: s !== undefined,
  enabled: s?.enabled ?? false,
  url: s?.base_url ?? null,
  accountId: s?.account_id ?? null,
  inboxId: s?.inbox_id ?? null,
  channelId: s?.channel_id ?? null,
  hasApiAccessToken: s !== undefined,
  hasWebhookSecret: Boolean(s?.webhook_secret_enc),
  webhookUrl: s ? `${publicBaseUrl(c)}/webhooks/chatwoot/${s.webhook_token}` : null,
});

chatwootSettingsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    responses: { 200: json(chatwootSettingsResponse, 'The connection (never its token or secret)') },
  }),
  async (c) => c.json({ chatwoot: view(c, await loadChatwootSettings(c.var.deps.db)) }, 200),
);

updateRoute(
  chatwootSettingsRoutes,
  {
    path: '/',
    tags,
    request: { body: jsonBody(updateChatwootRequest) },
    responses: { 200: json(chatwootSettingsResponse, 'Saved: only the fields sent change') },
  },
  async (c) => {
    const { db, clock, secrets } = c.var.deps;
    const b = c.req.valid('json');
    const now = clock.now();
    const saved = await db.transaction().execute(async (tx) => {
      const current = await loadChatwootSettings(tx);
      if (b.channelId) {
        const channel = await tx.selectFrom('channels').select('id').where('id', '=', b.channelId).executeTakeFirst();
        if (!channel) throw new AppError(400, 'invalid_channel', 'Esse canal não existe.');
      }
      const url = b.url?.replace(/\/+$/, '') ?? current?.base_url;
      const accountId = b.accountId ?? current?.account_id;
      const inboxId = b.inboxId ?? current?.inbox_id;
      const tokenEnc = b.apiAccessToken ? secrets.seal(b.apiAccessToken) : current?.api_token_enc;
      if (!url || !accountId || !inboxId || !tokenEnc) {
        throw new AppError(
          400,
          'incomplete_chatwoot',
          'Para conectar, informe a URL do Chatwoot, o id da conta, o id da caixa de entrada (tipo API) e o token de acesso.',
        );
      }
      const values = {
        base_url: url,
        account_id: accountId,
        inbox_id: inboxId,
        api_token_enc: tokenEnc,
        webhook_secret_enc:
          b.webhookSecret === undefined
            ? (current?.webhook_secret_enc ?? null)
            : b.webhookSecret === null
              ? null
              : secrets.seal(b.webhookSecret),
        channel_id: b.channelId === undefined ? (current?.channel_id ?? null) : b.channelId,
        enabled: b.enabled ?? current?.enabled ?? true,
        updated_at: now,
      };
      await tx
        .insertInto('chatwoot_settings')
        .values({
          id: chatwootSettingsId,
          webhook_token: randomBytes(24).toString('base64url'),
          created_at: now,
          ...values,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
      await subscribeBridge(tx, url, values.enabled, now);
      // Which fields changed, never the token or secret themselves.
      await recordAudit(
        tx,
        c.var.actor,
        'chatwoot.update',
        { type: 'integration', id: 'chatwoot' },
        { fields: Object.keys(b) },
      );
      return loadChatwootSettings(tx);
    });
    return c.json({ chatwoot: view(c, saved) }, 200);
  },
);

/** The bridge's own event subscription (kind `chatwoot`), active while the bridge is. */
async function subscribeBridge(tx: Tx, url: string, active: boolean, now: Date) {
  const values = { url, active, events: JSON.stringify(mirroredEvents), updated_at: now };
  await tx
    .insertInto('event_webhooks')
    .values({ id: 'chatwoot', kind: 'chatwoot', secret_enc: newWebhookSecret(), created_at: now, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
