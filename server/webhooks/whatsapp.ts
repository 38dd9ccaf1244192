import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { isDatabaseUnavailable } from '../db/connection-errors.ts';
import { readRawBody } from '../http/raw-body.ts';
import { mediaMessageTypes } from '../conversation/media-fetcher.ts';
import { inboundContactKey } from '../conversation/contact-key.ts';
import type { InboundDelivery } from '../whatsapp/inbound-delivery.ts';
import type { ChannelInfo } from '../channels/channel-directory.ts';
import { parseWebhook, type ParsedWebhook } from '../whatsapp/parse-webhook.ts';
import { timed, timedSync } from '../metrics/stages.ts';
import { verifySignature } from '../whatsapp/verify-signature.ts';
import { readTemplateUpdates } from '../whatsapp/template-updates.ts';
import { applyTemplateUpdates } from '../templates/apply-template-updates.ts';

/** Meta's deliveries are a few KB; anything near this is not from Meta. */
export const webhookBodyLimit = 1024 * 1024;

export const whatsappWebhook = new Hono<AppEnv>();

whatsappWebhook.get('/', async (c) => {
  const mode = c.req.query('hub.mode');
  const token = c.req.query('hub.verify_token');
  const challenge = c.req.query('hub.challenge');
  if (mode !== 'subscribe' || !token || !challenge) return c.text('Forbidden', 403);
  // Meta's handshake is the proof that the webhook is set up: remembered on every channel
  // sharing this verify token (the studio shows "webhook verificado").
  const matched = await c.var.deps.db
    .updateTable('channels')
    .set({ webhook_verified_at: c.var.deps.clock.now() })
    .where('verify_token', '=', token)
    .returning('id')
    .execute();
  return matched.length ? c.text(challenge, 200) : c.text('Forbidden', 403);
});

whatsappWebhook.post('/', async (c) => {
  const { messaging, logger } = c.var.deps;
  if (!messaging) return c.text('WhatsApp processing is not running on this instance', 503);
  const body = await readRawBody(c, webhookBodyLimit);
  if (!body.ok) return body.reason === 'too_large' ? c.text('Payload Too Large', 413) : c.text('Bad Request', 400);
  const raw = body.bytes;
  const signature = c.req.header('x-hub-signature-256');

  let parsed: ParsedWebhook | null = null;
  try {
    parsed = timedSync('parse', () =>
      parseWebhook(JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'))),
    );
  } catch {
    parsed = null;
  }

  // Meta signs with the secret of the app the numbers belong to; when we cannot tell which
  // numbers (unreadable body, unknown ids), any of our apps' secrets may have signed it.
  const changes = parsed?.entries.flatMap((e) => e.changes) ?? [];
  const channelOf = new Map<string, ChannelInfo | undefined>();
  let candidates: string[];
  let known: ChannelInfo[] = [];
  try {
    for (const change of changes) {
      // A number of ours whose secrets do not open (SECRET_KEY changed) cannot check its
      // signature nor store what it carries: a 503 makes Meta deliver it again once the key or
      // the secrets are fixed, while every other number keeps being answered.
      if (await messaging.channels.isUnreadablePhone(change.phoneNumberId)) {
        logger.warn('webhook: delivery for a channel whose secrets cannot be read; not acknowledged', {
          phoneNumberId: change.phoneNumberId,
        });
        return c.text('Channel misconfigured on this server; deliver again later', 503);
      }
      channelOf.set(change.phoneNumberId, await messaging.channels.byPhoneNumberId(change.phoneNumberId));
    }
    known = [...channelOf.values()].filter((ch): ch is ChannelInfo => ch !== undefined);
    candidates = known.length ? [...new Set(known.map((k) => k.appSecret))] : await messaging.channels.appSecrets();
  } catch (err) {
    // The channels could not be read (database unreachable): nothing was stored, so Meta
    // must deliver it again. A 503 says so; a 500 would say we have a bug.
    if (!isDatabaseUnavailable(err)) throw err;
    logger.warn('webhook: channels unavailable; not acknowledged', { err });
    return c.text('Temporarily unavailable', 503);
  }
  const secret = timedSync('verify', () => candidates.find((s) => verifySignature(raw, signature, s)));
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
    deliveries.push({
      channelId: channel.id,
      contacts: change.contacts,
      messages: change.messages,
      statuses: change.statuses,
    });
  }
  // Template status and quality changes (WABA fields, no phone number): the catalogue only.
  const templateUpdates = readTemplateUpdates(parsed.ignored);
  if (templateUpdates.length) await applyTemplateUpdates(c.var.deps, templateUpdates);
  if (deliveries.length === 0) return c.text('EVENT_RECEIVED', 200);

  // Until stored, these contacts are not run: an earlier message of theirs may be in this
  // delivery while a later one, posted just before, is already stored (inbound-in-flight.ts).
  const release = messaging.holdInbound?.(
    deliveries.flatMap((d) => d.messages.map((m) => inboundContactKey(d.channelId, m.from, m.userId))),
  );
  try {
    const carriesMessages = deliveries.some((d) => d.messages.length > 0);
    let contactIds: string[];
    try {
      contactIds = await timed(carriesMessages ? 'store' : 'status', () => messaging.inbox.submit(deliveries));
    } catch (err) {
      release?.(null);
      throw err;
    }
    release?.(contactIds);
    await markWebhookVerified(
      c.var.deps,
      known.filter((ch) => ch.appSecret === secret),
    );
    const media = deliveries.some((d) =>
      d.messages.some((m) => (mediaMessageTypes as readonly string[]).includes(m.type)),
    );
    messaging.wake(contactIds, { media });
  } catch (err) {
    // Not stored, so not acknowledged: Meta will deliver it again.
    logger.error('webhook: could not store delivery', { err });
    return c.text('Temporarily unavailable', 503);
  }
  return c.text('EVENT_RECEIVED', 200);
});

/**
 * Meta delivers only to a callback whose handshake succeeded, so a signed delivery for a channel
 * shows its webhook works even when the handshake happened before this server recorded it.
 */
async function markWebhookVerified({ db, clock, logger }: AppDeps, channels: ChannelInfo[]): Promise<void> {
  const pending = channels.filter((ch) => !ch.webhookVerified);
  if (pending.length === 0) return;
  for (const ch of pending) ch.webhookVerified = true;
  try {
    await db
      .updateTable('channels')
      .set({ webhook_verified_at: clock.now() })
      .where(
        'id',
        'in',
        pending.map((ch) => ch.id),
      )
      .where('webhook_verified_at', 'is', null)
      .execute();
  } catch (err) {
    // A status shown in the studio is not worth failing a stored delivery for.
    logger.warn('webhook: could not record the webhook as verified', { err });
  }
}
