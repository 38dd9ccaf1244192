import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../db/queries/tokens.ts';
import { startFakeChatwoot, type FakeChatwoot } from '../testing/fake-chatwoot.ts';
import { metaFixtureBytes } from '../testing/meta-fixtures.ts';
import { startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 2048 }, (_, i) => i % 251)]);
const contract = new TextEncoder().encode('%PDF-1.4\n% contrato de locação\n');
const waId = '5584991230001'; // the contact of the image.json fixture

describe('Chatwoot media both ways', () => {
  let h: MessagingHarness;
  let cw: FakeChatwoot;
  let webhookPath = '';
  beforeAll(async () => {
    h = await startMessagingHarness();
    cw = await startFakeChatwoot();
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: null });
    const saved = await caller(h.app, { authorization: `Bearer ${secret}` }).json<{
      chatwoot: { webhookUrl: string };
    }>('PUT', '/api/integrations/chatwoot', {
      url: cw.url,
      accountId: cw.accountId,
      inboxId: cw.inboxId,
      apiAccessToken: cw.token,
    });
    webhookPath = new URL(saved.body.chatwoot.webhookUrl).pathname;
  });
  afterAll(async () => {
    await h.close();
    await cw.close();
  });

  const deliver = (payload: Record<string, unknown>) =>
    h.app.request(webhookPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const lastInboundAgo = (ms: number) =>
    h.testDb.db
      .updateTable('contacts')
      .set({ last_inbound_at: new Date(Date.now() - ms) })
      .where('wa_id', '=', waId)
      .execute();

  it('mirrors a contact’s photo into Chatwoot as an attachment with its caption', async () => {
    h.fake.addMedia('1200000000000001', photo, 'image/jpeg');
    expect((await h.post(metaFixtureBytes('image.json'))).status).toBe(200);
    await until(
      'the photo to reach Chatwoot',
      async () => {
        // The mirror waits (retries) while the photo is still being downloaded from Meta.
        await h.testDb.db
          .updateTable('event_deliveries')
          .set({ next_attempt_at: new Date() })
          .where('status', '=', 'pending')
          .execute();
        return cw.messages.some((m) => m.messageType === 'incoming' && m.attachments.length > 0);
      },
      20_000,
      100,
    );
    const mirrored = cw.messages.filter((m) => m.messageType === 'incoming');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]).toMatchObject({ content: 'Foto da fachada que eu gostei', private: false });
    expect(mirrored[0]?.attachments).toEqual([
      expect.objectContaining({ fileType: 'image', contentType: 'image/jpeg', bytes: photo }),
    ]);
  });

  it('sends an agent’s attachment from Chatwoot to WhatsApp as media, once', async () => {
    await lastInboundAgo(60_000);
    const conversation = cw.conversations[0]!;
    const reply = cw.agentReply(conversation.id, 'Segue o contrato', {
      attachments: [{ fileName: 'contrato.pdf', contentType: 'application/pdf', bytes: contract }],
    });
    const before = h.fake.sent().length;
    for (let i = 0; i < 2; i++) expect((await deliver(reply)).status).toBe(200);
    const sent = await h.fake.waitForSent(before + 1);
    const body = sent.at(-1)?.body as { type: string; document: { link: string; caption: string; filename: string } };
    expect(body).toMatchObject({
      to: `+${waId}`,
      type: 'document',
      document: { caption: 'Segue o contrato', filename: 'contrato.pdf' },
    });
    // Meta fetches it from Fluxo, not from Chatwoot (whose links may need a login).
    const download = await h.app.request(new URL(body.document.link).pathname);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(contract);
    // The redelivery queued nothing more.
    const queued = await h.testDb.db
      .selectFrom('messages')
      .select('id')
      .where('direction', '=', 'out')
      .where('type', '=', 'media')
      .execute();
    expect(queued).toHaveLength(1);
  });

  it('refuses an agent reply after the 24-hour window with 409 outside_window, kept as failed in Fluxo', async () => {
    await lastInboundAgo(2 * 24 * 60 * 60 * 1000);
    const before = h.fake.sent().length;
    const res = await deliver(cw.agentReply(cw.conversations[0]!.id, 'Ainda tem interesse?'));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('outside_window');
    const row = await h.testDb.db
      .selectFrom('messages')
      .select(['status', 'error', 'author_kind'])
      .where('text', '=', 'Ainda tem interesse?')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', author_kind: 'agent', error: { code: 'outside_window' } });
    expect(h.fake.sent()).toHaveLength(before);
  });
});
