import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { isDatabaseUnavailable } from '../db/connection-errors.ts';
import { readRawBody } from '../http/raw-body.ts';
import { mediaMessageTypes } from '../conversation/media-fetcher.ts';
import type { InboundDelivery } from '../conversation/store-inbound.ts';
import type { ChannelInfo } from '../whatsapp/channel-directory.ts';
import { parseWebhook, type ParsedWebhook } from '../whatsapp/parse-webhook.ts';
import { verifySignature } from '../whatsapp/verify-signature.ts';

/** Meta's deliveries are a few KB; anything near this is not from Meta. */
export const webhookBodyLimit = 1024 * 1024;

export const whatsappWebhook = new Hono<AppEnv>();

whatsappWebhook.get('/', async (c) => {
  const mode = c.req.query('hub.mode');
  const token = c.req.query('hub.verify_token');
  const challenge = c.req.query('hub.challenge');
  if (mode !== 'subscribe' || !token || !challenge) return c.text('Forbidden', 403);
  const match = await c.var.deps.db.selectFrom('channels').select('id').where('verify_token', '=', token).executeTakeFirst();
  return match ? c.text(challenge, 200) : c.text('Forbidden', 403);
});

whatsappWebhook.post(
  '/',
  async (c) => {
    const { messaging, logger } = c.var.deps;
    if (!messaging) return c.text('WhatsApp processing is not running on this instance', 503);
    const body = await readRawBody(c, webhookBodyLimit);
    if (!body.ok) return body.reason === 'too_large' ? c.text('Payload Too Large', 413) : c.text('Bad Request', 400);
    const raw = body.bytes;
    const signature = c.req.header('x-hub-signature-256');

    let parsed: ParsedWebhook | null = null;
    try {
      parsed = parseWebhook(JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8')));
    } catch {
      parsed = null;
    }

    // Meta signs with the secret of the app the numbers belong to; when we cannot tell which
    // numbers (unreadable body, unknown ids), any of our apps' secrets may have signed it.
    const changes = parsed?.entries.flatMap((e) => e.changes) ?? [];
    const channelOf = new Map<string, ChannelInfo | undefined>();
    let candidates: string[];
    try {
      for (const change of changes) channelOf.set(change.phoneNumberId, await messaging.channels.byPhoneNumberId(change.phoneNumberId));
      const known = [...channelOf.values()].filter((ch): ch is ChannelInfo => ch !== undefined);
      candidates = known.length ? [...new Set(known.map((k) => k.appSecret))] : await messaging.channels.appSecrets();
    } catch (err) {
      // The channels could not be read (database unreachable): nothing was stored, so Meta
      // must deliver it again. A 503 says so; a 500 would say we have a bug.
      if (!isDatabaseUnavailable(err)) throw err;
      logger.warn('webhook: channels unavailable; not acknowledged', { err });
      return c.text('Temporarily unavailable', 503);
    }
    const secret = candidates.find((s) => verifySignature(raw, signature, s));
    if (!secret) return c.text('Invalid signature', 401);

    if (!parsed) {
      // Signed by Meta but unreadable: answering anything but 200 makes Meta retry for 7 days.
      logger.warn('webhook: signed body is not JSON; acknowledged and dropped', { bytes: raw.length });
      return c.text('EVENT_RECEIVED', 200);
    }
    for (const warning of parsed.warnings) logger.warn(`webhook: ${warning}`);

    const deliveries: InboundDelivery[] = [];
    for (const change of changes) {
      const channel = channelOf.get(change.phoneNumberId);
      if (!channel || channel.appSecret !== secret) {
        logger.warn('webhook: change for a number not connected here; ignored', { phoneNumberId: change.phoneNumberId });
        continue;
      }
      deliveries.push({ channelId: channel.id, contacts: change.contacts, messages: change.messages, statuses: change.statuses });
    }
    if (deliveries.length === 0) return c.text('EVENT_RECEIVED', 200);

    try {
      const contactIds = await messaging.inbox.submit(deliveries);
      const media = deliveries.some((d) => d.messages.some((m) => (mediaMessageTypes as readonly string[]).includes(m.type)));
      messaging.wake(contactIds, { media });
    } catch (err) {
      // Not stored, so not acknowledged: Meta will deliver it again.
      logger.error('webhook: could not store delivery', { err });
      return c.text('Temporarily unavailable', 503);
    }
    return c.text('EVENT_RECEIVED', 200);
  },
);
