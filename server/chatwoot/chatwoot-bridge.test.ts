import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { startFakeChatwoot, type FakeChatwoot } from '../testing/fake-chatwoot.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** Greets, keeps what the lead wants, hands over to a person, and greets again once resolved. */
const handoffFlow: FlowDocumentInput = {
  name: 'Atendimento',
  variables: [{ name: 'interesse', type: 'string' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 150 }, data: { text: 'Olá! Sou o bot da Acme.' } },
    {
      id: 'keep',
      type: 'set',
      position: { x: 0, y: 300 },
      data: { assignments: [{ variable: 'interesse', value: 'apartamento' }] },
    },
    {
      id: 'human',
      type: 'handoff',
      position: { x: 0, y: 450 },
      data: { team: 'vendas', message: 'Vou chamar um corretor.', note: 'Lead quer {{interesse}}' },
    },
    { id: 'back', type: 'message', position: { x: 0, y: 600 }, data: { text: 'De volta com o bot!' } },
    { id: 'end', type: 'end', position: { x: 0, y: 750 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'keep' },
    { id: 'e3', source: 'keep', sourceHandle: 'next', target: 'human' },
    { id: 'e4', source: 'human', sourceHandle: 'resolved', target: 'back' },
    { id: 'e5', source: 'back', sourceHandle: 'next', target: 'end' },
  ],
};

describe('the Chatwoot bridge', () => {
  let h: MessagingHarness;
  let cw: FakeChatwoot;
  let admin: Caller;
  let webhookPath = '';
  const waId = '5511987651234';
  const sentTexts = () => h.fake.sent().map((r) => (r.body as { text?: { body: string } }).text?.body);
  /** Delivers what Chatwoot would have sent, twice over (Chatwoot and proxies redeliver). */
  const deliverChatwootWebhooks = async (payloads = cw.takeWebhooks()) => {
    for (let round = 0; round < 2; round++) {
      for (const p of payloads) {
        const res = await h.app.request(webhookPath, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(p),
        });
        expect(res.status).toBe(200);
      }
    }
  };

  beforeAll(async () => {
    h = await startMessagingHarness({ flow: handoffFlow });
    cw = await startFakeChatwoot();
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: null });
    admin = caller(h.app, { authorization: `Bearer ${secret}` });
  });
  afterAll(async () => {
    await h.close();
    await cw.close();
  });

  it('refuses an incomplete first save and never shows the token', async () => {
    const incomplete = await admin.json<{ error: { code: string } }>('PUT', '/api/integrations/chatwoot', {
      url: cw.url,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.code).toBe('incomplete_chatwoot');
    const saved = await admin.request('PUT', '/api/integrations/chatwoot', {
      url: cw.url,
      accountId: cw.accountId,
      inboxId: cw.inboxId,
      apiAccessToken: cw.token,
    });
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).not.toContain(cw.token);
    const body = JSON.parse(text) as { chatwoot: { webhookUrl: string; configured: boolean; enabled: boolean } };
    expect(body.chatwoot).toMatchObject({ configured: true, enabled: true, hasApiAccessToken: true });
    webhookPath = new URL(body.chatwoot.webhookUrl).pathname;
    expect(webhookPath).toMatch(/^\/webhooks\/chatwoot\/[\w-]{20,}$/);
    const wrong = await h.app.request('/webhooks/chatwoot/not-the-token', { method: 'POST', body: '{}' });
    expect(wrong.status).toBe(404);
  });

  it('customer → bot → handoff → agent reply → customer → resolve → bot, with no duplicate either way', async () => {
    // The customer writes; the bot greets and hands over.
    const first = messageWebhook({
      ...channelA,
      wamid: 'wamid.cw-1',
      from: waId,
      name: 'Ana',
      text: 'oi',
      timestamp: new Date(),
    });
    expect((await h.postJson(first)).status).toBe(200);
    await until('the handoff to reach Chatwoot', () => cw.conversations.some((v) => v.status === 'open'), 20_000);
    await until(
      'the bot’s messages to be mirrored',
      () => cw.messages.filter((m) => m.sourceId?.startsWith('fluxo:')).length >= 3,
      20_000,
    );
    expect(sentTexts()).toEqual(['Olá! Sou o bot da Acme.', 'Vou chamar um corretor.']);
    expect(cw.contacts).toEqual([
      expect.objectContaining({ name: 'Ana', phone_number: `+${waId}`, identifier: `wa:${waId}` }),
    ]);
    expect(cw.conversations).toHaveLength(1);
    const conversation = cw.conversations[0]!;
    expect(conversation.customAttributes).toEqual({ interesse: 'apartamento' });
    const note = cw.messages.find((m) => m.private);
    expect(note?.content).toContain('equipe vendas');
    expect(note?.content).toContain('Lead quer apartamento');
    expect(cw.messages.filter((m) => !m.private).map((m) => [m.messageType, m.content])).toEqual([
      ['incoming', 'oi'],
      ['outgoing', 'Olá! Sou o bot da Acme.'],
      ['outgoing', 'Vou chamar um corretor.'],
    ]);
    // Chatwoot echoes everything Fluxo posted (incoming, bot messages, the note): none goes to WhatsApp.
    await deliverChatwootWebhooks();

    // The agent answers in Chatwoot: one WhatsApp message, however often the webhook comes.
    await deliverChatwootWebhooks([cw.agentReply(conversation.id, 'Oi Ana, sou o João. Qual bairro?')]);
    await deliverChatwootWebhooks([cw.agentReply(conversation.id, 'nota interna', { private: true })]);
    await until('the agent reply to be sent', () => sentTexts().length >= 3, 20_000);

    // The customer answers the agent: mirrored into the same conversation; the bot stays silent.
    const second = messageWebhook({
      ...channelA,
      wamid: 'wamid.cw-2',
      from: waId,
      name: 'Ana',
      text: 'Centro',
      timestamp: new Date(),
    });
    expect((await h.postJson(second)).status).toBe(200);
    await until('the answer to be mirrored', () => cw.messages.some((m) => m.content === 'Centro'), 20_000);
    await deliverChatwootWebhooks();

    // Resolved in Chatwoot: the flow resumes at the handoff's `resolved` output.
    await deliverChatwootWebhooks([cw.resolve(conversation.id)]);
    await until('the bot to resume', () => sentTexts().includes('De volta com o bot!'), 20_000);
    await until(
      'the bot’s message to be mirrored',
      () => cw.messages.some((m) => m.content === 'De volta com o bot!'),
      20_000,
    );
    await deliverChatwootWebhooks();

    expect(sentTexts()).toEqual([
      'Olá! Sou o bot da Acme.',
      'Vou chamar um corretor.',
      'Oi Ana, sou o João. Qual bairro?',
      'De volta com o bot!',
    ]);
    // In Chatwoot: each message once; the resolved conversation was not reopened by the bot.
    const visible = cw.messages
      .filter((m) => !m.private)
      .map((m) => `${m.conversationId}:${m.messageType}:${m.content}`);
    expect(new Set(visible).size).toBe(visible.length);
    expect(cw.messages.filter((m) => m.conversationId === conversation.id && !m.private).map((m) => m.content)).toEqual(
      ['oi', 'Olá! Sou o bot da Acme.', 'Vou chamar um corretor.', 'Oi Ana, sou o João. Qual bairro?', 'Centro'],
    );
    expect(conversation.status).toBe('resolved');
    expect(cw.conversations).toHaveLength(2);
    expect(cw.conversations[1]).toMatchObject({ status: 'pending', contactId: conversation.contactId });
    const handoffs = await h.testDb.db.selectFrom('handoffs').select('status').execute();
    expect(handoffs.map((x) => x.status)).toEqual(['resolved']);
  });

  it('loses nothing while Chatwoot is down: the mirror catches up afterwards', async () => {
    cw.down = true;
    const third = messageWebhook({
      ...channelA,
      wamid: 'wamid.cw-3',
      from: waId,
      name: 'Ana',
      text: 'oi de novo',
      timestamp: new Date(),
    });
    expect((await h.postJson(third)).status).toBe(200);
    await until(
      'a failed attempt',
      async () =>
        (await h.testDb.db
          .selectFrom('event_deliveries')
          .select('id')
          .where('webhook_id', '=', 'chatwoot')
          .where('last_error', 'like', '%503%')
          .executeTakeFirst()) !== undefined,
      20_000,
    );
    cw.down = false;
    await h.testDb.db
      .updateTable('event_deliveries')
      .set({ next_attempt_at: new Date() })
      .where('status', '=', 'pending')
      .execute();
    await until('the message to reach Chatwoot', () => cw.messages.some((m) => m.content === 'oi de novo'), 20_000);
    expect(cw.messages.filter((m) => m.content === 'oi de novo')).toHaveLength(1);
  });

  it('a handoff resolved in Fluxo’s inbox is resolved in Chatwoot too', async () => {
    // "oi de novo" started the flow again: a second handoff, open in a Chatwoot conversation.
    await until(
      'the second handoff to open in Chatwoot',
      () => cw.conversations.some((v) => v.status === 'open'),
      20_000,
    );
    const open = cw.conversations.find((v) => v.status === 'open')!;
    const handoff = await h.testDb.db
      .selectFrom('handoffs')
      .select('id')
      .where('status', '<>', 'resolved')
      .executeTakeFirstOrThrow();
    expect((await admin.request('POST', `/api/handoffs/${handoff.id}/resolve`)).status).toBe(200);
    await until('Chatwoot to show it resolved', () => open.status === 'resolved', 20_000);
    // Chatwoot tells us back: nothing happens twice.
    await deliverChatwootWebhooks();
    const handoffs = await h.testDb.db.selectFrom('handoffs').select('status').execute();
    expect(handoffs.map((x) => x.status)).toEqual(['resolved', 'resolved']);
    await until(
      'the bot to resume again',
      () => sentTexts().filter((x) => x === 'De volta com o bot!').length === 2,
      20_000,
    );
  });
});
