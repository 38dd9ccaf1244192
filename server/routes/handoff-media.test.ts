import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { seedHandoff } from '../testing/seed-inbox.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const dayMs = 24 * 60 * 60 * 1000;

describe('agent replies with files and templates', () => {
  let h: MessagingHarness;
  let agent: { id: string; as: Caller; token: string };
  beforeAll(async () => {
    h = await startMessagingHarness();
    const user = await createUser(h.testDb.db, {
      email: 'agente-midia@fluxo.test',
      name: 'Agente',
      password: 'cavalo-bateria-grampo',
      role: 'agent',
    });
    const { secret } = await createApiToken(h.testDb.db, { name: 'agente', role: 'agent', createdBy: user.id });
    agent = { id: user.id, token: secret, as: caller(h.app, { authorization: `Bearer ${secret}` }) };
  });
  afterAll(() => h.close());

  const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => {
    const form = new FormData();
    form.set('file', new Blob([bytes], { type }), name);
    const res = await h.app.request('/api/media', {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { media: { id: string; url: string } }).media;
  };
  const messageCount = async (contactId: string) =>
    Number(
      (
        await h.testDb.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('contact_id', '=', contactId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('sends an uploaded photo with its caption by link, shown in the inbox with its delivery', async () => {
    const { handoffId } = await seedHandoff(h.testDb.db, h.channelId, '5584991239001', agent.id);
    const media = await upload(jpeg, 'planta.jpg', 'image/jpeg');
    const sent = await agent.as.json<{ messageId: string }>('POST', `/api/handoffs/${handoffId}/messages`, {
      mediaId: media.id,
      caption: 'Planta do 302',
    });
    expect(sent.status).toBe(202);
    const [request] = await h.fake.waitForSent(1);
    expect(request?.body).toMatchObject({
      to: '+5584991239001',
      type: 'image',
      image: { link: media.url, caption: 'Planta do 302' },
    });
    // What Meta downloads from that link is the file the agent chose.
    const download = await h.app.request(new URL(media.url).pathname);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(jpeg);

    const detail = async () =>
      (
        await agent.as.json<{ messages: { id: string; text: string | null; status: string; media: unknown }[] }>(
          'GET',
          `/api/handoffs/${handoffId}`,
        )
      ).body.messages.find((m) => m.id === sent.body.messageId);
    await until('the photo sent', async () => (await detail())?.status === 'accepted', 5000);
    expect(await detail()).toMatchObject({
      text: 'Planta do 302',
      media: { kind: 'image', url: media.url, fileName: null },
    });
  });

  it('sends a document with its file name', async () => {
    const { handoffId } = await seedHandoff(h.testDb.db, h.channelId, '5584991239002', agent.id);
    const media = await upload(new TextEncoder().encode('%PDF-1.4\n'), 'contrato.pdf', 'application/pdf');
    const before = h.fake.sent().length;
    expect((await agent.as.json('POST', `/api/handoffs/${handoffId}/messages`, { mediaId: media.id })).status).toBe(
      202,
    );
    const requests = await h.fake.waitForSent(before + 1);
    expect(requests.at(-1)?.body).toMatchObject({
      type: 'document',
      document: { link: media.url, filename: 'contrato.pdf' },
    });
  });

  it('outside the 24-hour window refuses text and files with 409 outside_window, and sends a template', async () => {
    const { handoffId, contactId } = await seedHandoff(h.testDb.db, h.channelId, '5584991239003', agent.id);
    await h.testDb.db
      .updateTable('contacts')
      .set({ last_inbound_at: new Date(Date.now() - 2 * dayMs), variables: JSON.stringify({ nome: 'Bia' }) })
      .where('id', '=', contactId)
      .execute();
    const media = await upload(jpeg, 'foto.jpg', 'image/jpeg');
    const count = await messageCount(contactId);
    for (const body of [{ text: 'Oi, ainda tem interesse?' }, { mediaId: media.id }]) {
      const refused = await agent.as.json<{ error: { code: string } }>(
        'POST',
        `/api/handoffs/${handoffId}/messages`,
        body,
      );
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({
        status: 409,
        code: 'outside_window',
      });
    }
    expect(await messageCount(contactId)).toBe(count);

    const template = (status: string, name: string) => ({
      id: randomUUID(),
      channel_id: h.channelId,
      waba_id: '102000000000001',
      meta_id: randomUUID(),
      name,
      language: 'pt_BR',
      category: 'UTILITY',
      status,
      quality: null,
      components: JSON.stringify([{ type: 'BODY', text: 'Olá {{1}}, o imóvel {{2}} continua disponível.' }]),
      rejected_reason: null,
      updated_at: new Date(),
    });
    const approved = template('APPROVED', 'retomar_contato');
    const pending = template('PENDING', 'novo_modelo');
    await h.testDb.db.insertInto('message_templates').values([approved, pending]).execute();

    const bad = [
      [{ template: { id: pending.id, parameters: ['Bia', 'Casa 3'] } }, 'invalid_template'],
      [{ template: { id: approved.id, parameters: ['Bia'] } }, 'invalid_parameters'],
    ] as const;
    for (const [body, code] of bad) {
      const res = await agent.as.json<{ error: { code: string } }>('POST', `/api/handoffs/${handoffId}/messages`, body);
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 400, code });
    }

    const before = h.fake.sent().length;
    const sent = await agent.as.json<{ messageId: string }>('POST', `/api/handoffs/${handoffId}/messages`, {
      template: { id: approved.id, parameters: ['Bia', 'Casa 3'] },
    });
    expect(sent.status).toBe(202);
    const requests = await h.fake.waitForSent(before + 1);
    expect(requests.at(-1)?.body).toMatchObject({
      to: '+5584991239003',
      type: 'template',
      template: {
        name: 'retomar_contato',
        language: { code: 'pt_BR' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Bia' },
              { type: 'text', text: 'Casa 3' },
            ],
          },
        ],
      },
    });
    const row = await h.testDb.db
      .selectFrom('messages')
      .select(['text', 'author_kind'])
      .where('id', '=', sent.body.messageId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ text: 'Olá Bia, o imóvel Casa 3 continua disponível.', author_kind: 'agent' });
  });
});
