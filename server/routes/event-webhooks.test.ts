import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../db/queries/tokens.ts';
import { caller } from '../testing/test-app.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { messageWebhook, statusWebhook } from '../testing/webhook-payloads.ts';
import { until } from '../testing/until.ts';
import { personWithToken, seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';

describe('event webhooks API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows the secret once, changes only the fields sent, deletes, and audits', async () => {
    const admin = t.as('admin');
    const created = await admin.json<{ webhook: Record<string, unknown>; secret: string }>(
      'POST',
      '/api/event-webhooks',
      { url: 'https://erp.example.com/fluxo', events: ['order.created', 'order.created', 'order.updated'] },
    );
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[\w-]{40,}$/);
    expect(created.body.webhook).toMatchObject({
      url: 'https://erp.example.com/fluxo',
      events: ['order.created', 'order.updated'],
      active: true,
      description: '',
      pending: 0,
      failed: 0,
    });
    const id = created.body.webhook.id as string;
    const listed = await admin.request('GET', '/api/event-webhooks');
    const text = await listed.text();
    expect(text).not.toContain(created.body.secret);
    expect(text).not.toContain('secret');

    const patched = await admin.json('PATCH', `/api/event-webhooks/${id}`, { description: 'ERP' });
    expect(patched.body).toMatchObject({
      webhook: { description: 'ERP', url: 'https://erp.example.com/fluxo', events: ['order.created', 'order.updated'] },
    });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['event_webhook.create', 'event_webhook.update']);

    expect((await admin.request('DELETE', `/api/event-webhooks/${id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/api/event-webhooks/${id}`)).status).toBe(404);
    expect((await admin.request('GET', `/api/event-webhooks/${id}/deliveries`)).status).toBe(404);
  });

  it('records the inbox’s, orders’ and contacts’ events with their changes', async () => {
    const admin = t.as('admin');
    await admin.json('POST', '/api/event-webhooks', {
      url: 'https://erp.example.com/all',
      events: ['handoff.assigned', 'handoff.resolved', 'order.updated', 'contact.opted_out'],
    });
    const channel = await seedChannel(t.deps.db, t.deps.secrets);
    const { handoffId, contactId } = await seedHandoff(t.deps.db, channel.id, '5511987650009');
    const agent = await personWithToken(t, 'agent', 'agente@fluxo.test');
    expect((await agent.as.request('POST', `/api/handoffs/${handoffId}/claim`)).status).toBe(200);
    expect((await agent.as.request('POST', `/api/handoffs/${handoffId}/resolve`)).status).toBe(200);
    // Resolving twice is a 409 and tells nobody anything.
    expect((await agent.as.request('POST', `/api/handoffs/${handoffId}/resolve`)).status).toBe(409);
    const orderId = randomUUID();
    await t.deps.db
      .insertInto('orders')
      .values({ id: orderId, contact_id: contactId, status: 'new', total_cents: 5000 })
      .execute();
    expect((await admin.request('PATCH', `/api/orders/${orderId}`, { status: 'confirmed' })).status).toBe(200);
    expect((await admin.request('PATCH', `/api/orders/${orderId}`, { status: 'nope' })).status).toBe(400);
    for (let i = 0; i < 2; i++) {
      expect((await admin.request('PATCH', `/api/contacts/${contactId}`, { optedOut: true })).status).toBe(200);
    }
    const rows = await t.deps.db
      .selectFrom('event_deliveries')
      .select(['event_type', 'contact_id', 'body'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.event_type)).toEqual([
      'handoff.assigned',
      'handoff.resolved',
      'order.updated',
      'contact.opted_out',
    ]);
    expect(rows.every((r) => r.contact_id === contactId)).toBe(true);
    const bodies = rows.map((r) => JSON.parse(r.body) as { data: Record<string, unknown> });
    expect(bodies[0]!.data).toMatchObject({ handoffId, assignedUserId: agent.id, status: 'claimed' });
    expect(bodies[1]!.data).toMatchObject({ handoffId, status: 'resolved' });
    expect(bodies[2]!.data).toMatchObject({ orderId, status: 'confirmed', previousStatus: 'new' });
    expect(bodies[3]!.data).toMatchObject({ contactId, by: 'operator' });
    // Erasing the contact (LGPD) takes the copies in the delivery log with it.
    expect((await admin.request('DELETE', `/api/contacts/${contactId}`)).status).toBe(204);
    const left = await t.deps.db
      .selectFrom('event_deliveries')
      .select('id')
      .where('contact_id', '=', contactId)
      .execute();
    expect(left).toHaveLength(0);
  });

  it('refuses bad input with a 400 and stores nothing', async () => {
    await t.deps.db.deleteFrom('event_webhooks').execute();
    const admin = t.as('admin');
    for (const body of [
      { url: 'ftp://erp.example.com', events: ['order.created'] },
      { url: 'not a url', events: ['order.created'] },
      { url: 'https://erp.example.com', events: [] },
      { url: 'https://erp.example.com', events: ['order.deleted'] },
    ]) {
      const res = await admin.json<{ error: { code: string } }>('POST', '/api/event-webhooks', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBeTruthy();
    }
    expect(await t.deps.db.selectFrom('event_webhooks').selectAll().execute()).toHaveLength(0);
    const missing = await admin.json('POST', '/api/event-webhooks/nope/deliveries/nada/redeliver');
    expect(missing.status).toBe(404);
  });
});

describe('events from the WhatsApp runtime', () => {
  let h: MessagingHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    h = await startMessagingHarness();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });

  it('tells a subscriber the message received, the conversation started, the reply sent and its status, once each', async () => {
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: null });
    const admin = caller(h.app, { authorization: `Bearer ${secret}` });
    const sub = await admin.json<{ secret: string }>('POST', '/api/event-webhooks', {
      url: receiver.url,
      events: ['message.received', 'conversation.started', 'message.sent', 'message.status'],
    });
    receiver.secret = sub.body.secret;

    const waId = '5511987650001';
    const inbound = messageWebhook({
      ...channelA,
      wamid: 'wamid.ev-1',
      from: waId,
      name: 'Ana',
      text: 'oi',
      timestamp: new Date(),
    });
    expect((await h.postJson(inbound)).status).toBe(200);
    // Meta redelivers: stored once, told once.
    expect((await h.postJson(inbound)).status).toBe(200);
    await until('the reply sent to be told', () => receiver.accepted.some((e) => e.type === 'message.sent'), 15_000);
    const sent = receiver.accepted.find((e) => e.type === 'message.sent')!;
    const wamid = sent.data.wamid as string;
    expect(wamid).toBeTruthy();
    for (let i = 0; i < 2; i++) {
      const status = statusWebhook({ ...channelA, wamid, recipient: waId, status: 'delivered', timestamp: new Date() });
      expect((await h.postJson(status)).status).toBe(200);
    }
    await until('the status to be told', () => receiver.accepted.some((e) => e.type === 'message.status'), 15_000);

    expect(receiver.badSignatures).toBe(0);
    expect(receiver.accepted.map((e) => e.type)).toEqual([
      'message.received',
      'conversation.started',
      'message.sent',
      'message.status',
    ]);
    const contactId = receiver.accepted[0]!.data.contactId;
    expect(receiver.accepted.every((e) => e.data.contactId === contactId)).toBe(true);
    expect(receiver.accepted[0]!.data).toMatchObject({ wamid: 'wamid.ev-1', text: 'oi', type: 'text' });
    expect(receiver.accepted[2]!.data).toMatchObject({ text: 'Olá, Ana! Mande algo.', author: 'bot' });
    expect(receiver.accepted[3]!.data).toMatchObject({ wamid, status: 'delivered' });
  });
});
