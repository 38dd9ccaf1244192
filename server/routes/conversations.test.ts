import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import type { conversationDetailResponse, conversationsResponse } from '../../shared/api/conversations.ts';
import type { z } from 'zod';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import type { Role } from '../db/tables.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { metaFixtureBytes } from '../testing/meta-fixtures.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';
import { messageWebhook, statusWebhook } from '../testing/webhook-payloads.ts';

type List = z.output<typeof conversationsResponse>;
type Detail = z.output<typeof conversationDetailResponse>;

/** start → a menu of two buttons → a thank-you and the menu again: buttons and a tapped reply in the history. */
const menuFlow: FlowDocumentInput = {
  name: 'Vendas',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    {
      id: 'menu',
      type: 'menu',
      position: { x: 0, y: 150 },
      data: {
        text: 'Quer ver os imóveis?',
        options: [
          { id: 'sim', title: 'Sim' },
          { id: 'nao', title: 'Não' },
        ],
      },
    },
    { id: 'thanks', type: 'message', position: { x: 0, y: 300 }, data: { text: 'Obrigado!' } },
    { id: 'end', type: 'end', position: { x: 0, y: 450 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'opt-sim', target: 'thanks' },
    { id: 'e3', source: 'menu', sourceHandle: 'opt-nao', target: 'thanks' },
    { id: 'e4', source: 'menu', sourceHandle: 'invalid', target: 'end' },
    { id: 'e5', source: 'thanks', sourceHandle: 'next', target: 'menu' },
  ],
};

const phone = '5584991110001';
const other = '5584991110002';
let clockSeconds = Math.floor(Date.now() / 1000);
const text = (from: string, body: string) =>
  messageWebhook({
    ...channelA,
    wamid: `wamid.conv.${from}.${clockSeconds}`,
    from,
    name: from === phone ? 'Ana' : 'Bia',
    timestamp: new Date(clockSeconds++ * 1000),
    text: body,
  });

describe('conversations API', () => {
  let h: MessagingHarness;
  const as = {} as Record<Role | 'agentB', Caller>;
  const userIds = {} as Record<Role | 'agentB', string>;
  let contactId = '';

  beforeAll(async () => {
    h = await startMessagingHarness({ flow: menuFlow });
    for (const [key, role] of [
      ['admin', 'admin'],
      ['editor', 'editor'],
      ['agent', 'agent'],
      ['agentB', 'agent'],
    ] as const) {
      const user = await createUser(h.testDb.db, {
        email: `${key}@fluxo.test`,
        name: key,
        password: 'cavalo-bateria-grampo',
        role,
      });
      const { secret } = await createApiToken(h.testDb.db, { name: key, role, createdBy: user.id });
      as[key] = caller(h.app, { authorization: `Bearer ${secret}` });
      userIds[key] = user.id;
    }
  });
  afterAll(() => h.close());

  const outbound = () =>
    h.testDb.db
      .selectFrom('messages')
      .selectAll()
      .where('direction', '=', 'out')
      .where('contact_id', '=', contactId)
      .orderBy('created_at')
      .execute();

  it("lists a contact's conversation with the flow's buttons, Meta's delivered status, the session and unread", async () => {
    expect((await h.postJson(text(phone, 'oi'))).status).toBe(200);
    await until(
      'the menu was sent',
      async () => {
        const row = await h.testDb.db
          .selectFrom('messages')
          .select(['contact_id', 'wamid'])
          .where('direction', '=', 'out')
          .where('wamid', 'is not', null)
          .executeTakeFirst();
        contactId = row?.contact_id ?? '';
        return Boolean(row);
      },
      10_000,
    );
    const [menu] = await outbound();
    expect(
      (
        await h.postJson(
          statusWebhook({
            ...channelA,
            wamid: menu?.wamid ?? '',
            recipient: phone,
            status: 'delivered',
            timestamp: new Date(),
          }),
        )
      ).status,
    ).toBe(200);
    await until('delivered', async () => (await outbound())[0]?.status === 'delivered', 5000);

    const list = await as.admin.json<List>('GET', '/api/conversations');
    expect(list.status).toBe(200);
    expect(list.body.conversations).toEqual([
      expect.objectContaining({
        id: contactId,
        contact: { id: contactId, name: 'Ana', phone },
        channel: { id: h.channelId, name: 'A' },
        status: 'bot',
        unread: 1,
        lastMessage: expect.objectContaining({ direction: 'out', type: 'buttons', preview: 'Quer ver os imóveis?' }),
      }),
    ]);

    const detail = await as.agent.json<Detail>('GET', `/api/conversations/${contactId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.messages.map((m) => [m.direction, m.author, m.status])).toEqual([
      ['in', 'contact', 'received'],
      ['out', 'bot', 'delivered'],
    ]);
    expect(detail.body.messages[0]?.content).toEqual({ kind: 'text', text: 'oi' });
    expect(detail.body.messages[1]?.content).toMatchObject({
      kind: 'buttons',
      body: 'Quer ver os imóveis?',
      buttons: [{ title: 'Sim' }, { title: 'Não' }],
    });
    expect(detail.body.session).toMatchObject({
      flowName: 'Vendas',
      version: 1,
      status: 'active',
      block: { id: 'menu', type: 'menu', title: 'Quer ver os imóveis?' },
    });
    expect(detail.body.conversation).toMatchObject({ status: 'bot', handoff: null, windowOpen: true });
  });

  it("shows a tapped button as the contact's reply and a failure with Meta's code and title", async () => {
    const [menu] = await outbound();
    const reply = messageWebhook({
      ...channelA,
      wamid: 'wamid.conv.reply',
      from: phone,
      name: 'Ana',
      timestamp: new Date(clockSeconds++ * 1000),
      reply: { id: 'sim', title: 'Sim' },
      contextId: menu?.wamid ?? '',
    });
    expect((await h.postJson(reply)).status).toBe(200);
    await until('the thank-you was queued', async () => (await outbound()).length >= 2, 10_000);
    const [, thanks] = await outbound();
    await until('the thank-you was sent', async () => Boolean((await outbound())[1]?.wamid), 10_000);
    const wamid = (await outbound())[1]?.wamid ?? '';
    expect(thanks).toBeDefined();
    await h.postJson(
      statusWebhook({
        ...channelA,
        wamid,
        recipient: phone,
        status: 'failed',
        timestamp: new Date(),
        error: { code: 131047, title: 'Re-engagement message' },
      }),
    );
    await until('failed', async () => (await outbound())[1]?.status === 'failed', 5000);

    const { body } = await as.admin.json<Detail>('GET', `/api/conversations/${contactId}`);
    const tapped = body.messages.find((m) => m.direction === 'in' && m.content?.kind === 'reply');
    expect(tapped?.content).toMatchObject({ kind: 'reply', title: 'Sim' });
    expect(body.messages.find((m) => m.text === 'Obrigado!')).toMatchObject({
      status: 'failed',
      error: { code: 131047, title: 'Re-engagement message' },
    });
  });

  it('counts unread per reader: reading clears it for the reader only', async () => {
    const unreadOf = async (who: Caller) =>
      (await who.json<List>('GET', '/api/conversations')).body.conversations[0]?.unread;
    expect(await unreadOf(as.admin)).toBe(2);
    expect((await as.admin.request('POST', `/api/conversations/${contactId}/read`)).status).toBe(200);
    expect(await unreadOf(as.admin)).toBe(0);
    expect(await unreadOf(as.agent)).toBe(2);
  });

  it('takes over for the caller: the bot goes quiet, other agents are refused, and it is audited', async () => {
    expect((await as.agent.json('POST', `/api/conversations/${contactId}/takeover`)).status).toBe(200);
    const handoff = await h.testDb.db
      .selectFrom('handoffs')
      .selectAll()
      .where('contact_id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(handoff).toMatchObject({ status: 'claimed', assigned_user_id: userIds.agent });
    const list = await as.agentB.json<List>('GET', '/api/conversations?status=with_agent');
    expect(list.body.conversations.map((c) => c.id)).toEqual([contactId]);
    expect((await as.agentB.json('GET', `/api/conversations/${contactId}`)).body).toMatchObject({
      error: { code: 'claimed_by_other' },
    });
    expect((await as.agentB.request('POST', `/api/conversations/${contactId}/takeover`)).status).toBe(403);
    expect((await as.editor.request('GET', `/api/conversations/${contactId}`)).status).toBe(403);

    const before = (await outbound()).length;
    await h.postJson(text(phone, 'tem alguém aí?'));
    await until(
      'the message was processed',
      async () =>
        (
          await h.testDb.db
            .selectFrom('messages')
            .select('processed_at')
            .where('text', '=', 'tem alguém aí?')
            .executeTakeFirst()
        )?.processed_at != null,
      10_000,
    );
    expect((await outbound()).length).toBe(before);
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'conversation.takeover')
      .execute();
    expect(audit).toEqual([{ action: 'conversation.takeover', target_id: contactId }]);
  });

  it('resets the session: the conversation ends, its handoff is resolved, and it is audited', async () => {
    const res = await as.admin.json<{ ended: number }>('POST', `/api/conversations/${contactId}/reset`);
    expect(res).toEqual({ status: 200, body: { ended: 1 } });
    const { body } = await as.admin.json<Detail>('GET', `/api/conversations/${contactId}`);
    expect(body.conversation).toMatchObject({ status: 'ended', handoff: null });
    expect(
      await h.testDb.db.selectFrom('audit_log').select('action').where('action', '=', 'conversation.reset').execute(),
    ).toHaveLength(1);
  });

  it('filters by status and by name or phone, and pages with a cursor', async () => {
    expect((await h.postJson(text(other, 'olá'))).status).toBe(200);
    // Listed as soon as the contact is stored; its session (status `bot`) comes once the flow ran.
    await until(
      'two conversations, the new one with the bot',
      async () => {
        const { conversations } = (await as.admin.json<List>('GET', '/api/conversations')).body;
        return conversations.length === 2 && conversations.every((c) => c.id === contactId || c.status === 'bot');
      },
      10_000,
    );
    expect(
      (await as.admin.json<List>('GET', '/api/conversations?status=ended')).body.conversations.map((c) => c.id),
    ).toEqual([contactId]);
    expect(
      (await as.admin.json<List>('GET', `/api/conversations?q=${other.slice(-4)}`)).body.conversations.map(
        (c) => c.contact.phone,
      ),
    ).toEqual([other]);
    expect((await as.admin.json<List>('GET', '/api/conversations?q=ana')).body.conversations.map((c) => c.id)).toEqual([
      contactId,
    ]);
    const first = await as.admin.json<List>('GET', '/api/conversations?limit=1');
    expect(first.body.conversations[0]?.contact.phone).toBe(other);
    const second = await as.admin.json<List>(
      'GET',
      `/api/conversations?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    expect(second.body.conversations.map((c) => c.id)).toEqual([contactId]);
    expect(second.body.nextCursor).toBeNull();
    expect((await as.admin.json('GET', '/api/conversations?cursor=nonsense')).body).toMatchObject({
      error: { code: 'invalid_cursor' },
    });
  });

  it('takes over an ended conversation: the bot stays quiet until the handoff is resolved, then starts afresh', async () => {
    expect((await as.admin.json('POST', `/api/conversations/${contactId}/takeover`)).status).toBe(200);
    const before = (await outbound()).length;
    await h.postJson(text(phone, 'alguém me ajuda?'));
    await until(
      'the message was processed',
      async () =>
        (
          await h.testDb.db
            .selectFrom('messages')
            .select('processed_at')
            .where('text', '=', 'alguém me ajuda?')
            .executeTakeFirst()
        )?.processed_at != null,
      10_000,
    );
    expect((await outbound()).length).toBe(before);

    const handoff = await h.testDb.db
      .selectFrom('handoffs')
      .select('id')
      .where('contact_id', '=', contactId)
      .where('status', '=', 'claimed')
      .executeTakeFirstOrThrow();
    expect((await as.admin.request('POST', `/api/handoffs/${handoff.id}/resolve`)).status).toBe(200);
    await until(
      'the paused session ended',
      async () =>
        (
          await h.testDb.db
            .selectFrom('conversation_sessions')
            .select('id')
            .where('contact_id', '=', contactId)
            .where('status', '<>', 'ended')
            .execute()
        ).length === 0,
      10_000,
    );
    expect((await outbound()).length).toBe(before);
    await h.postJson(text(phone, 'oi de novo'));
    await until('the flow started again', async () => (await outbound()).length > before, 10_000);
  });

  it("serves a contact's photo inline or as a download, to signed-in inbox roles only", async () => {
    const bytes = new Uint8Array(Array.from({ length: 2048 }, (_, i) => i % 251));
    h.fake.addMedia('1200000000000001', bytes, 'image/jpeg');
    expect((await h.post(metaFixtureBytes('image.json'))).status).toBe(200);
    let mediaId = '';
    await until(
      'the photo was stored',
      async () => {
        mediaId =
          (
            await h.testDb.db
              .selectFrom('media_files')
              .select(['id', 'status'])
              .where('status', '=', 'stored')
              .executeTakeFirst()
          )?.id ?? '';
        return mediaId !== '';
      },
      10_000,
    );
    const shown = await as.agent.request('GET', `/api/media/${mediaId}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/jpeg');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(shown.headers.get('cache-control')).toMatch(/^private/);
    expect(Buffer.from(await shown.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const saved = await as.admin.request('GET', `/api/media/${mediaId}?download=1`);
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await as.admin.request('GET', '/api/media/no-such-file')).status).toBe(404);
    expect((await as.editor.request('GET', `/api/media/${mediaId}`)).status).toBe(403);
    expect((await h.app.request(`/api/media/${mediaId}`)).status).toBe(401);

    const contact = await h.testDb.db
      .selectFrom('contacts')
      .select('id')
      .where('wa_id', '=', '5584991230001')
      .executeTakeFirstOrThrow();
    const { body } = await as.admin.json<Detail>('GET', `/api/conversations/${contact.id}`);
    expect(body.messages[0]?.media).toEqual({ id: mediaId, status: 'stored', mimeType: 'image/jpeg', fileName: null });
  });

  it("names a contact's document as they sent it, in the history and the download", async () => {
    h.fake.addMedia('1200000000000004', new TextEncoder().encode('%PDF-1.4 holerite'), 'application/pdf');
    expect((await h.post(metaFixtureBytes('document.json'))).status).toBe(200);
    let contact = { id: '', mediaId: '' };
    await until(
      'the document was stored',
      async () => {
        contact =
          (await h.testDb.db
            .selectFrom('contacts')
            .innerJoin('messages', 'messages.contact_id', 'contacts.id')
            .innerJoin('media_files', 'media_files.message_id', 'messages.id')
            .select(['contacts.id', 'media_files.id as mediaId'])
            .where('contacts.wa_id', '=', '5511987650003')
            .where('media_files.status', '=', 'stored')
            .executeTakeFirst()) ?? contact;
        return contact.id !== '';
      },
      10_000,
    );
    const { body } = await as.admin.json<Detail>('GET', `/api/conversations/${contact.id}`);
    expect(body.messages[0]?.media).toEqual({
      id: contact.mediaId,
      status: 'stored',
      mimeType: 'application/pdf',
      fileName: 'holerite-dezembro.pdf',
    });
    const saved = await as.admin.request('GET', `/api/media/${contact.mediaId}?download=1`);
    expect(saved.headers.get('content-disposition')).toContain('filename="holerite-dezembro.pdf"');
  });
});

describe('a conversation whose first message the bot has not handled yet', () => {
  let h: MessagingHarness;
  let admin: Caller;
  beforeAll(async () => {
    // Stopped workers: the message is stored and waits, as it does for a moment under load.
    h = await startMessagingHarness({ flow: menuFlow, autoStart: false });
    const user = await createUser(h.testDb.db, {
      email: 'waiting@fluxo.test',
      name: 'admin',
      password: 'cavalo-bateria-grampo',
      role: 'admin',
    });
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: user.id });
    admin = caller(h.app, { authorization: `Bearer ${secret}` });
  });
  afterAll(() => h.close());

  it('is listed with the bot, not as ended', async () => {
    expect((await h.postJson(text('5584991110003', 'oi'))).status).toBe(200);
    const { conversations } = (await admin.json<List>('GET', '/api/conversations')).body;
    expect(conversations.map((c) => c.status)).toEqual(['bot']);
    expect((await admin.json<List>('GET', '/api/conversations?status=ended')).body.conversations).toEqual([]);
  });
});
