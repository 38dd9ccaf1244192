import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { messageWebhook, statusWebhook } from '../testing/webhook-payloads.ts';
import { parseWebhook } from '../whatsapp/parse-webhook.ts';
import type { InboundDelivery } from '../whatsapp/inbound-delivery.ts';
import { storeInbound } from './store-inbound.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const channel = { phoneNumberId: '106000000000091', displayPhone: '15550100091', wabaId: '0' };
const channelId = 'ch-store-test';
const at = new Date('2026-11-20T12:00:00Z');

function deliveriesOf(payload: unknown): InboundDelivery[] {
  return parseWebhook(JSON.parse(JSON.stringify(payload)))
    .entries.flatMap((e) => e.changes)
    .map((c) => ({ channelId, contacts: c.contacts, messages: c.messages, statuses: c.statuses }));
}
const text = (wamid: string, from: string, name: string, body: string, when = at) =>
  deliveriesOf(messageWebhook({ ...channel, wamid, from, name, timestamp: when, text: body }));

describe('storeInbound (one statement per batch)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channelId, channel.phoneNumberId);
  });
  afterAll(() => t.close());

  it('upserts contacts, inserts messages once and returns the contacts that got new ones', async () => {
    const first = await storeInbound(
      t.db,
      [...text('wamid.S1', '5584990001', 'Ana', 'oi'), ...text('wamid.S2', '5584990002', 'Bia', 'olá')],
      at,
    );
    expect(first).toHaveLength(2);
    // A redelivery (and a privacy-hidden name) changes nothing and wakes nobody.
    expect(await storeInbound(t.db, text('wamid.S1', '5584990001', '', 'oi'), at)).toEqual([]);
    const later = new Date(at.getTime() + 60_000);
    const again = await storeInbound(t.db, text('wamid.S3', '5584990001', '', 'tudo bem?', later), later);
    const ana = await t.db
      .selectFrom('contacts')
      .selectAll()
      .where('wa_id', '=', '5584990001')
      .executeTakeFirstOrThrow();
    expect(again).toEqual([ana.id]);
    expect(ana.name).toBe('Ana');
    expect(new Date(ana.last_inbound_at!).toISOString()).toBe(later.toISOString());
    const texts = await t.db
      .selectFrom('messages')
      .select(['wamid', 'text', 'contact_id', 'direction', 'status'])
      .orderBy('wamid')
      .execute();
    expect(texts.map((m) => [m.wamid, m.text, m.direction, m.status])).toEqual([
      ['wamid.S1', 'oi', 'in', 'received'],
      ['wamid.S2', 'olá', 'in', 'received'],
      ['wamid.S3', 'tudo bem?', 'in', 'received'],
    ]);
  });

  it('confirms a send through the outbox id a status echoes, and moves statuses only forward', async () => {
    const contact = await t.db
      .selectFrom('contacts')
      .select('id')
      .where('wa_id', '=', '5584990002')
      .executeTakeFirstOrThrow();
    const messageId = randomUUID();
    const outboxId = randomUUID();
    await t.db
      .insertInto('messages')
      .values({
        id: messageId,
        channel_id: channelId,
        contact_id: contact.id,
        direction: 'out',
        type: 'text',
        text: 'Olá!',
        status: 'pending',
        author_kind: 'bot',
        payload: '{}',
      })
      .execute();
    await t.db
      .insertInto('outbox')
      .values({ id: outboxId, message_id: messageId, channel_id: channelId, contact_id: contact.id, status: 'sending' })
      .execute();

    const status = (s: 'sent' | 'delivered' | 'read' | 'failed', extra: object = {}) =>
      deliveriesOf(
        statusWebhook({
          ...channel,
          wamid: 'wamid.OUT1',
          recipient: '5584990002',
          status: s,
          timestamp: at,
          bizOpaqueCallbackData: `outbox:${outboxId}`,
          ...extra,
        }),
      );
    // Crashed before recording Meta's answer: the status alone proves the send went through.
    expect(await storeInbound(t.db, status('sent'), at)).toEqual([]);
    const row = () =>
      t.db
        .selectFrom('messages')
        .select(['wamid', 'status', 'error'])
        .where('id', '=', messageId)
        .executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ wamid: 'wamid.OUT1', status: 'sent' });
    // The outbox row is the sender's: it sees the message's wamid and never sends it again.
    expect(
      await t.db.selectFrom('outbox').select('status').where('id', '=', outboxId).executeTakeFirstOrThrow(),
    ).toEqual({ status: 'sending' });

    await storeInbound(t.db, [...status('read'), ...status('delivered')], at);
    expect((await row()).status).toBe('read');
    await storeInbound(t.db, status('delivered'), at);
    expect((await row()).status).toBe('read');
    await storeInbound(t.db, status('failed', { error: { code: 131026, title: 'Message undeliverable' } }), at);
    const failed = await row();
    expect(failed.status).toBe('failed');
    expect(failed.error).toEqual([expect.objectContaining({ code: 131026 })]);
  });
});
