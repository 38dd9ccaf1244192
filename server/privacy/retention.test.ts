import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../auth/secret-box.ts';
import type { Db } from '../db/database.ts';
import { writeSettingRows } from '../db/queries/settings.ts';
import { silentLogger } from '../logger.ts';
import { seedChannel } from '../testing/seed-inbox.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { runRetentionIfDue } from './retention.ts';

const day = 24 * 60 * 60_000;
const today = new Date('2026-12-06T12:00:00Z');
const daysAgo = (n: number) => new Date(today.getTime() - n * day);

/** A clock the test moves; the job reads nothing else for "now". */
function testClock(start: Date) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

async function seedContact(db: Db, channelId: string, waId: string) {
  return db
    .insertInto('contacts')
    .values({
      id: randomUUID(),
      channel_id: channelId,
      wa_id: waId,
      user_id: null,
      name: `Contato ${waId.slice(-4)}`,
      last_inbound_at: null,
      variables: '{}',
      lease_owner: null,
      lease_until: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function seedMessage(
  db: Db,
  o: {
    channelId: string;
    contactId: string;
    direction: 'in' | 'out';
    at: Date;
    text: string;
    media?: boolean;
    sent?: boolean;
  },
) {
  const id = randomUUID();
  await db
    .insertInto('messages')
    .values({
      id,
      channel_id: o.channelId,
      contact_id: o.contactId,
      direction: o.direction,
      wamid: `wamid.${id}`,
      type: o.media ? 'image' : 'text',
      text: o.text,
      payload: JSON.stringify({ content: { kind: 'text', text: o.text } }),
      status: o.direction === 'in' ? 'received' : 'delivered',
      error: null,
      wa_timestamp: o.at,
      session_id: null,
      author_id: null,
      created_at: o.at,
      processed_at: o.at,
    })
    .execute();
  if (o.media) {
    await db
      .insertInto('media_files')
      .values({
        id: randomUUID(),
        message_id: id,
        status: 'stored',
        mime_type: 'image/jpeg',
        sha256: 'x',
        size: 3,
        bytes: new Uint8Array([1, 2, 3]),
        error: null,
        created_at: o.at,
      })
      .execute();
  }
  if (o.sent) {
    await db
      .insertInto('outbox')
      .values({
        id: randomUUID(),
        message_id: id,
        channel_id: o.channelId,
        contact_id: o.contactId,
        status: 'sent',
        locked_until: null,
        wamid: `wamid.${id}`,
        next_attempt_at: o.at,
        last_error: null,
        created_at: o.at,
      })
      .execute();
  }
  return id;
}

describe('retention job', () => {
  let testDb: TestDb;
  let db: Db;
  const ids: Record<string, string> = {};
  let orderId = '';

  beforeAll(async () => {
    testDb = await createTestDb();
    db = testDb.db;
    const channel = await seedChannel(db, createSecretBox('retention-test-secret-key-0123456789'));
    const ana = await seedContact(db, channel.id, '5584990000001');
    const bia = await seedContact(db, channel.id, '5584990000002');
    const m = (key: string, o: Omit<Parameters<typeof seedMessage>[1], 'channelId'>) =>
      seedMessage(db, { channelId: channel.id, ...o }).then((id) => {
        ids[key] = id;
      });
    await m('oldIn', { contactId: ana.id, direction: 'in', at: daysAgo(40), text: 'meu CPF é 123', media: true });
    await m('oldOut', { contactId: ana.id, direction: 'out', at: daysAgo(40), text: 'obrigado', sent: true });
    await m('recentIn', { contactId: ana.id, direction: 'in', at: daysAgo(5), text: 'ainda aqui', media: true });
    // Bia got a campaign 50 days ago and answered twice: the template and her first answer decide
    // the campaign's "replied"; her second answer decides nothing.
    await m('campaignOut', { contactId: bia.id, direction: 'out', at: daysAgo(50), text: 'promoção', sent: true });
    await m('firstReply', { contactId: bia.id, direction: 'in', at: daysAgo(49), text: 'quero!', media: true });
    await m('secondReply', { contactId: bia.id, direction: 'in', at: daysAgo(48), text: 'meu endereço é rua X' });
    const campaignId = randomUUID();
    await db
      .insertInto('campaigns')
      .values({
        id: campaignId,
        name: 'Promo',
        channel_id: channel.id,
        flow_id: null,
        template: '{}',
        audience: '[]',
        status: 'running',
        scheduled_at: daysAgo(50),
      })
      .execute();
    await db
      .insertInto('campaign_recipients')
      .values({
        campaign_id: campaignId,
        position: 0,
        contact_id: bia.id,
        phone: '5584990000002',
        message_id: ids.campaignOut!,
        skip_reason: null,
      })
      .execute();
    orderId = randomUUID();
    await db
      .insertInto('orders')
      .values({ id: orderId, contact_id: ana.id, status: 'delivered', total_cents: 5000, created_at: daysAgo(40) })
      .execute();
    await db
      .insertInto('order_items')
      .values({
        id: randomUUID(),
        order_id: orderId,
        product_id: null,
        name: 'Pizza',
        unit_price_cents: 5000,
        quantity: 1,
      })
      .execute();
  });
  afterAll(() => testDb.close());

  const messageIds = async () => (await db.selectFrom('messages').select('id').execute()).map((r) => r.id).sort();
  const outcome = async () =>
    await db
      .selectFrom('campaign_recipients as r')
      .leftJoin('messages as m', 'm.id', 'r.message_id')
      .select(['m.status', 'm.text'])
      .executeTakeFirstOrThrow();

  it('keeps everything while retention is "forever", and runs once a day', async () => {
    const clock = testClock(today);
    expect(await runRetentionIfDue(db, clock, silentLogger)).toBeNull();
    expect(await messageIds()).toHaveLength(6);
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'retention.run').execute()).toEqual([]);
  });

  it('deletes old messages and their media, keeps recent ones, orders and campaign figures', async () => {
    await writeSettingRows(db, { retentionDays: 30 }, today);
    const clock = testClock(today);
    // A day after the first claim: the next run is due.
    clock.advance(day);
    const result = await runRetentionIfDue(db, clock, silentLogger, { batchSize: 1 });
    expect(result).toMatchObject({ days: 30, deleted: 3, anonymised: 2, media: 2, outbox: 2 });

    expect(await messageIds()).toEqual([ids.recentIn, ids.campaignOut, ids.firstReply].sort());
    const stubs = await db
      .selectFrom('messages')
      .select(['id', 'text', 'payload', 'status'])
      .where('id', 'in', [ids.campaignOut!, ids.firstReply!])
      .execute();
    expect(stubs.map((s) => [s.text, s.payload])).toEqual([
      [null, {}],
      [null, {}],
    ]);
    expect(await outcome()).toEqual({ status: 'delivered', text: null });
    const media = await db.selectFrom('media_files').select('message_id').execute();
    expect(media.map((r) => r.message_id)).toEqual([ids.recentIn]);
    expect(await db.selectFrom('outbox').select('id').execute()).toEqual([]);

    expect(await db.selectFrom('orders').select(['id', 'contact_id']).execute()).toEqual([
      { id: orderId, contact_id: expect.any(String) },
    ]);
    expect(await db.selectFrom('order_items').select('name').execute()).toEqual([{ name: 'Pizza' }]);
    expect(await db.selectFrom('contacts').select('id').execute()).toHaveLength(2);
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_kind', 'details'])
      .where('action', '=', 'retention.run')
      .execute();
    expect(audit).toEqual([
      { actor_kind: 'system', details: expect.objectContaining({ days: 30, deleted: 3, anonymised: 2 }) },
    ]);
  });

  it('is idempotent: not due again the same day, and a later run finds nothing left to do', async () => {
    const clock = testClock(new Date(today.getTime() + day + 60_000));
    expect(await runRetentionIfDue(db, clock, silentLogger)).toBeNull();
    clock.advance(day);
    expect(await runRetentionIfDue(db, clock, silentLogger)).toMatchObject({
      deleted: 0,
      anonymised: 0,
      media: 0,
      outbox: 0,
    });
    expect(await messageIds()).toHaveLength(3);
  });

  it('runs on one instance when several ask at once', async () => {
    const clock = testClock(new Date(today.getTime() + 4 * day));
    const runs = await Promise.all([0, 1, 2].map(() => runRetentionIfDue(db, clock, silentLogger)));
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
  });
});
