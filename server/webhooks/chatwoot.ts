import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { verifyChatwootSignature } from '../chatwoot/verify-chatwoot-signature.ts';
import { queueOutbound } from '../conversation/queue-outbound.ts';
import { findLinkByConversation, rememberChatwootMessage, setConversationStatus } from '../db/queries/chatwoot.ts';
import { findContact } from '../db/queries/contacts.ts';
import { resolveHandoff } from '../db/queries/handoffs.ts';
import { queueHandoffResolved } from '../db/queries/scheduled-jobs.ts';
import { emitHandoffEvent } from '../event-webhooks/handoff-event.ts';
import { readRawBody } from '../http/raw-body.ts';
import { serviceWindow } from '../../shared/whatsapp/service-window.ts';
import { downloadAll, chatwootReply } from '../chatwoot/agent-reply.ts';
import { insertUploadedMedia } from '../db/queries/media-files.ts';
import { errorBody } from '../http/errors.ts';
import { publicBaseUrl } from '../http/public-url.ts';
import { publicFetch } from '../net/public-fetch.ts';

/** What the bridge reads of Chatwoot's webhook payloads (CHATWOOT.md §3.2); the rest passes. */
const messageCreated = z.object({
  event: z.literal('message_created'),
  id: z.number(),
  content: z.string().nullable().optional(),
  message_type: z.string(),
  private: z.boolean().optional(),
  source_id: z.string().nullable().optional(),
  sender: z.object({ type: z.string().optional() }).passthrough().nullable().optional(),
  conversation: z.object({ id: z.number() }).passthrough(),
  attachments: z
    .array(
      z.object({ file_type: z.string().optional(), data_url: z.string().url().nullable().optional() }).passthrough(),
    )
    .optional()
    .catch([]),
});
const conversationChanged = z.object({
  event: z.enum(['conversation_status_changed', 'conversation_updated', 'conversation_resolved']),
  id: z.number(),
  status: z.string(),
});

const ignored = { ok: true, ignored: true } as const;

/**
 * `POST /webhooks/chatwoot/:token`: Chatwoot's API-inbox (or account) webhook. Agent replies
 * (outgoing, not private, written by a user) are queued in Fluxo's outbox once per Chatwoot
 * message id; a resolved conversation resolves the contact's handoff, and the flow resumes at
 * its `resolved` output. Everything else (our own mirrored messages coming back, notes,
 * typing) is acknowledged and dropped. Chatwoot tries each delivery once and waits 5 s, so the
 * work here is a transaction and, for an agent's attachments only, their download (4 s at most).
 * A reply outside the 24-hour window is kept as failed in Fluxo's inbox and answered 409.
 */
export const chatwootWebhook = new Hono<AppEnv>();

chatwootWebhook.post('/:token', async (c) => {
  const { db, clock, secrets } = c.var.deps;
  const token = c.req.param('token');
  const settings = await db.selectFrom('chatwoot_settings').selectAll().executeTakeFirst();
  if (!settings?.enabled || !sameText(settings.webhook_token, token)) {
    return c.json({ error: { code: 'not_found', message: 'Webhook desconhecido.' } }, 404);
  }
  const raw = await readRawBody(c, 1024 * 1024);
  if (!raw.ok) return c.json({ error: { code: 'payload_too_large', message: 'Corpo grande demais.' } }, 413);
  const now = clock.now();
  if (settings.webhook_secret_enc) {
    const ok = verifyChatwootSignature(
      secrets.open(settings.webhook_secret_enc),
      raw.bytes,
      { signature: c.req.header('x-chatwoot-signature'), timestamp: c.req.header('x-chatwoot-timestamp') },
      now,
    );
    if (!ok) return c.json({ error: { code: 'invalid_signature', message: 'Assinatura do Chatwoot inválida.' } }, 401);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(raw.bytes).toString('utf8'));
  } catch {
    return c.json({ error: { code: 'invalid_json', message: 'O corpo não é JSON.' } }, 400);
  }

  const message = messageCreated.safeParse(payload);
  if (message.success) {
    const m = message.data;
    const fromAgent =
      m.message_type === 'outgoing' && !m.private && m.sender?.type === 'user' && !m.source_id?.startsWith('fluxo:');
    const text = m.content?.trim() ?? '';
    const dataUrls = (m.attachments ?? []).flatMap((a) => (a.data_url ? [a.data_url] : []));
    if (!fromAgent || (!text && !dataUrls.length)) return c.json(ignored, 200);
    const link = await findLinkByConversation(db, m.conversation.id);
    const contact = link ? await findContact(db, link.contact_id) : undefined;
    if (!contact) return c.json(ignored, 200);
    const window = serviceWindow(contact.last_inbound_at ? new Date(contact.last_inbound_at) : null, now);
    // Files go out as WhatsApp media (ours to serve, so Meta can fetch them); the text as the
    // first one's caption. Inside the window only: outside it nothing but a template goes.
    const files = window.open
      ? await downloadAll(c.var.deps.config.webhooksAllowPrivate ? fetch : publicFetch, dataUrls)
      : [];
    const messages = chatwootReply(text, dataUrls, files, publicBaseUrl(c));
    const outcome = await db.transaction().execute(async (tx) => {
      // Chatwoot's message id, once: a redelivery (or an echo of something we posted) stops here.
      if (
        !(await rememberChatwootMessage(tx, { chatwootMessageId: m.id, messageId: null, direction: 'from_chatwoot' }))
      )
        return 'duplicate' as const;
      const ids: string[] = [];
      for (const f of files) if (f.file) await insertUploadedMedia(tx, { ...f.file, uploadedBy: null, now });
      for (const message of messages) {
        // Outside the window the reply is kept as failed (`outside_window`), shown in Fluxo's inbox.
        ids.push(
          ...(await queueOutbound(tx, {
            contact,
            message,
            authorKind: 'agent',
            authorId: null,
            now,
            windowOpen: window.open,
          })),
        );
      }
      await tx
        .updateTable('chatwoot_messages')
        .set({ message_id: ids[0] ?? null })
        .where('chatwoot_message_id', '=', m.id)
        .execute();
      return window.open ? ('queued' as const) : ('outside_window' as const);
    });
    const queued = outcome === 'queued';
    if (outcome === 'outside_window') {
      c.var.deps.events?.publish({ type: 'message.queued', conversationId: contact.id });
      return c.json(
        errorBody(
          'outside_window',
          'Já se passaram 24 horas desde a última mensagem do contato: o WhatsApp só aceita um modelo aprovado.',
        ),
        409,
      );
    }
    if (queued) {
      c.var.deps.messaging?.wakeSender();
      c.var.deps.events?.publish({ type: 'message.queued', conversationId: contact.id });
    }
    return c.json({ ok: true, queued }, 200);
  }

  const changed = conversationChanged.safeParse(payload);
  if (changed.success && changed.data.status === 'resolved') {
    const link = await findLinkByConversation(db, changed.data.id);
    if (!link) return c.json(ignored, 200);
    const resolved = await db.transaction().execute(async (tx) => {
      await setConversationStatus(tx, link.contact_id, 'resolved', now);
      const open = await tx
        .selectFrom('handoffs')
        .select('id')
        .where('contact_id', '=', link.contact_id)
        .where('status', '<>', 'resolved')
        .executeTakeFirst();
      if (!open || !(await resolveHandoff(tx, open.id, now))) return null;
      await queueHandoffResolved(tx, open.id, link.contact_id, now);
      await emitHandoffEvent(tx, 'handoff.resolved', open.id, now);
      return open.id;
    });
    if (resolved) {
      c.var.deps.messaging?.wake([link.contact_id]);
      c.var.deps.events?.publish({ type: 'handoff.resolved', conversationId: link.contact_id, handoffId: resolved });
    }
    return c.json({ ok: true, resumed: resolved !== null }, 200);
  }
  return c.json(ignored, 200);
});

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
