import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  channelResponse,
  channelsResponse,
  createChannelRequest,
  updateChannelRequest,
} from '../../shared/api/channels.ts';
import type { AppEnv } from '../context.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { deleteChannel, insertChannel, listChannels, phoneNumberTaken, updateChannel } from '../db/queries/channels.ts';
import { flowExists } from '../db/queries/flows.ts';
import type { Row, RowUpdate } from '../db/tables.ts';
import { requireRole } from '../http/auth.ts';
import { findCatalog } from '../db/queries/catalogs.ts';
import { AppError } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';
import { openSecrets } from '../channels/channel-directory.ts';
import { connectionView, uncheckedBy, withSecretsProblem } from './channel-connection.ts';

export const channelRoutes = createRouter();
channelRoutes.use('*', requireRole('admin'));
const tags = ['channels'];
const idParam = z.object({ id: z.string().min(1).max(100) });

function webhookUrl(c: Context<AppEnv>): string {
  return `${publicBaseUrl(c)}/webhooks/whatsapp`;
}

/** Secrets never leave the server: the view has no token and no app secret. */
export const view = (c: Context<AppEnv>, ch: Row<'channels'>) => ({
  id: ch.id,
  name: ch.name,
  phoneNumberId: ch.phone_number_id,
  wabaId: ch.waba_id,
  displayPhone: ch.display_phone,
  verifyToken: ch.verify_token,
  flowId: ch.flow_id,
  catalogId: ch.catalog_id,
  markRead: ch.mark_read,
  throughput: ch.throughput,
  throughputTier: ch.graph_throughput,
  throughputReadAt: ch.throughput_read_at === null ? null : new Date(ch.throughput_read_at).toISOString(),
  paymentConfiguration: ch.payment_configuration,
  healthy: ch.healthy,
  healthError: ch.health_error,
  ...withSecretsProblem(connectionView(ch), openSecrets(c.var.deps.secrets, ch) !== null),
  webhookUrl: webhookUrl(c),
  createdAt: new Date(ch.created_at).toISOString(),
});

async function assertFlowExists(c: Context<AppEnv>, flowId: string | null | undefined) {
  if (!flowId) return;
  if (!(await flowExists(c.var.deps.db, flowId)))
    throw new AppError(400, 'unknown_flow', 'O fluxo escolhido não existe.');
}

async function assertCatalogExists(c: Context<AppEnv>, catalogId: string | null | undefined) {
  if (!catalogId) return;
  if (!(await findCatalog(c.var.deps.db, catalogId)))
    throw new AppError(400, 'unknown_catalog', 'O catálogo escolhido não existe.');
}

async function assertPhoneFree(c: Context<AppEnv>, phoneNumberId: string, exceptId?: string) {
  if (await phoneNumberTaken(c.var.deps.db, phoneNumberId, exceptId)) {
    throw new AppError(409, 'phone_number_taken', 'Esse número (Phone number ID) já está conectado.');
  }
}

channelRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(channelsResponse, 'Connected numbers') } }),
  async (c) => {
    const rows = await listChannels(c.var.deps.db);
    return c.json({ channels: rows.map((r) => view(c, r)) }, 200);
  },
);

channelRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createChannelRequest) },
    responses: { 201: json(channelResponse, 'Connected') },
  }),
  async (c) => {
    const { db, secrets } = c.var.deps;
    const body = c.req.valid('json');
    await assertFlowExists(c, body.flowId);
    await assertCatalogExists(c, body.catalogId);
    await assertPhoneFree(c, body.phoneNumberId);
    const row = await db.transaction().execute(async (tx) => {
      const created = await insertChannel(tx, {
        name: body.name,
        phone_number_id: body.phoneNumberId,
        waba_id: body.wabaId,
        display_phone: body.displayPhone,
        access_token_enc: secrets.seal(body.accessToken),
        app_secret_enc: secrets.seal(body.appSecret),
        verify_token: body.verifyToken,
        flow_id: body.flowId,
        catalog_id: body.catalogId,
        mark_read: body.markRead,
        throughput: body.throughput,
        payment_configuration: body.paymentConfiguration,
      });
      await recordAudit(tx, c.var.actor, 'channel.create', { type: 'channel', id: created.id });
      return created;
    });
    c.var.deps.messaging?.channels.invalidate();
    return c.json({ channel: view(c, row) }, 201);
  },
);

updateRoute(
  channelRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateChannelRequest) },
    responses: { 200: json(channelResponse, 'Updated: only the fields sent change (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db, secrets, clock } = c.var.deps;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    await assertFlowExists(c, body.flowId);
    await assertCatalogExists(c, body.catalogId);
    if (body.phoneNumberId !== undefined) await assertPhoneFree(c, body.phoneNumberId, id);
    const changes: RowUpdate<'channels'> = { updated_at: clock.now() };
    if (body.name !== undefined) changes.name = body.name;
    if (body.phoneNumberId !== undefined) changes.phone_number_id = body.phoneNumberId;
    if (body.wabaId !== undefined) changes.waba_id = body.wabaId;
    if (body.displayPhone !== undefined) changes.display_phone = body.displayPhone;
    if (body.verifyToken !== undefined) changes.verify_token = body.verifyToken;
    if (body.flowId !== undefined) changes.flow_id = body.flowId;
    if (body.catalogId !== undefined) changes.catalog_id = body.catalogId;
    if (body.markRead !== undefined) changes.mark_read = body.markRead;
    if (body.throughput !== undefined) changes.throughput = body.throughput;
    if (body.paymentConfiguration !== undefined) changes.payment_configuration = body.paymentConfiguration;
    if (body.accessToken !== undefined) {
      changes.access_token_enc = secrets.seal(body.accessToken);
      // A new token is the fix for an expired one: let the sender try again.
      changes.healthy = true;
      changes.health_error = null;
    }
    if (body.appSecret !== undefined) changes.app_secret_enc = secrets.seal(body.appSecret);
    const row = await changeAudited(c, {
      resource: 'Canal',
      action: 'channel.update',
      target: { type: 'channel', id },
      details: { fields: Object.keys(body) },
      change: (tx) => updateChannel(tx, id, { ...changes, ...uncheckedBy(body) }),
    });
    c.var.deps.messaging?.channels.invalidate();
    return c.json({ channel: view(c, row) }, 200);
  },
);

channelRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Disconnected, with its contacts and messages' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    await changeAudited(c, {
      resource: 'Canal',
      action: 'channel.delete',
      target: { type: 'channel', id },
      change: (tx) => deleteChannel(tx, id),
    });
    c.var.deps.messaging?.channels.invalidate();
    return c.body(null, 204);
  },
);
