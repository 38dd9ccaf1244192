import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/api/channels.ts';
import { createSecretBox } from '../auth/secret-box.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { FIXTURE_APP_SECRET } from '../testing/meta-fixtures.ts';
import { channelA, channelB, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';
import { waitForProcessed } from '../testing/wait-for-processed.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

const base = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
let seq = 0;
const text = (channel: typeof channelA, from: string, body: string) => {
  const wamid = `wamid.unreadable.${++seq}`;
  return { wamid, delivery: messageWebhook({ ...channel, wamid, from, name: 'Ana', timestamp: base, text: body }) };
};

describe('a channel whose secrets were sealed under another SECRET_KEY', () => {
  let h: MessagingHarness;
  let admin: Caller;
  beforeAll(async () => {
    h = await startMessagingHarness();
    // Channel B was saved by a server with another key: its secrets never open here.
    const otherKey = createSecretBox('a-different-secret-key-0123456789abcdef');
    await h.testDb.db
      .insertInto('channels')
      .values({
        id: 'channel-b',
        name: 'B',
        phone_number_id: channelB.phoneNumberId,
        waba_id: channelB.wabaId,
        access_token_enc: otherKey.seal('EAAG-other-token'),
        app_secret_enc: otherKey.seal(FIXTURE_APP_SECRET),
        verify_token: 'other-verify-token',
        flow_id: null,
        mark_read: false,
      })
      .execute();
    h.messaging.deps.channels.invalidate();
    const owner = await createUser(h.testDb.db, {
      email: 'owner@fluxo.test',
      name: 'Owner',
      password: 'owner-password',
      role: 'admin',
    });
    const { secret } = await createApiToken(h.testDb.db, { name: 'admin', role: 'admin', createdBy: owner.id });
    admin = caller(h.app, { authorization: `Bearer ${secret}` });
  });
  afterAll(() => h.close());

  it('keeps answering and processing the other channels', async () => {
    const { wamid, delivery } = text(channelA, '5584991230001', 'oi');
    expect((await h.postJson(delivery)).status).toBe(200);
    await waitForProcessed(h.testDb.db, wamid);
    expect((await h.fake.waitForSent(1)).length).toBe(1);
  });

  it("answers 503 to the broken channel's own deliveries and stores nothing of them (Meta delivers again)", async () => {
    const res = await h.postJson(text(channelB, '5584991230002', 'alô').delivery);
    expect(res.status).toBe(503);
    const stored = await h.testDb.db
      .selectFrom('messages')
      .select('id')
      .where('channel_id', '=', 'channel-b')
      .execute();
    expect(stored).toEqual([]);
  });

  it('reports the problem on GET /api/channels and refuses the connection test with a clear 409', async () => {
    const { body } = await admin.json<{ channels: Channel[] }>('GET', '/api/channels');
    const b = body.channels.find((c) => c.id === 'channel-b')!;
    const a = body.channels.find((c) => c.id === h.channelId)!;
    expect(a.secretsReadable).toBe(true);
    expect(b.secretsReadable).toBe(false);
    expect(b.connection).toMatchObject({ status: 'error', error: expect.stringContaining('SECRET_KEY') });

    const test = await admin.json<{ error: { code: string } }>('POST', '/api/channels/channel-b/test');
    expect(test.status).toBe(409);
    expect(test.body.error.code).toBe('channel_secrets_unreadable');
  });

  it("holds the broken channel's replies back instead of failing them", async () => {
    await h.testDb.db
      .insertInto('contacts')
      .values({ id: 'contact-b', channel_id: 'channel-b', wa_id: '5584991230003', name: 'Bia', variables: '{}' })
      .execute();
    const graph = { messaging_product: 'whatsapp', to: '5584991230003', type: 'text', text: { body: 'Olá, Bia' } };
    await h.testDb.db
      .insertInto('messages')
      .values({
        id: 'reply-b',
        channel_id: 'channel-b',
        contact_id: 'contact-b',
        direction: 'out',
        wamid: null,
        type: 'text',
        text: 'Olá, Bia',
        payload: JSON.stringify({ graph }),
        status: 'pending',
        error: null,
        wa_timestamp: null,
        session_id: null,
        author_id: null,
        processed_at: null,
      })
      .execute();
    await h.testDb.db
      .insertInto('outbox')
      .values({
        id: 'outbox-b',
        message_id: 'reply-b',
        channel_id: 'channel-b',
        contact_id: 'contact-b',
        status: 'pending',
        locked_until: null,
        wamid: null,
        next_attempt_at: new Date(),
        last_error: null,
      })
      .execute();
    h.messaging.deps.wakeSender();
    const row = () =>
      h.testDb.db.selectFrom('outbox').selectAll().where('id', '=', 'outbox-b').executeTakeFirstOrThrow();
    await until('the send to be tried', async () => (await row()).last_error !== null, 5000);
    const held = await row();
    expect(held.status).toBe('pending');
    expect(held.last_error).toContain('SECRET_KEY');
    expect(held.attempts).toBe(0);
    expect(new Date(held.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it('works again once the token and app secret are sent again', async () => {
    const fixed = await admin.json<{ channel: Channel }>('PATCH', '/api/channels/channel-b', {
      accessToken: 'EAAG-test-access-token',
      appSecret: FIXTURE_APP_SECRET,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.channel.secretsReadable).toBe(true);
    const { wamid, delivery } = text(channelB, '5584991230002', 'alô de novo');
    expect((await h.postJson(delivery)).status).toBe(200);
    await waitForProcessed(h.testDb.db, wamid);
  });
});
