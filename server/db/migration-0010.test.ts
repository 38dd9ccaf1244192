import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../migrations/index.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';

/** Campaigns sent before 0010 stored `done` and no recipients: they get both from their messages. */
describe('migration 0010 (campaign recipients)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('gives campaigns sent before it their recipients, from their template messages', async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    // Back to the schema just before 0010 (later migrations go down first).
    const down = await migrator.migrateTo('0009_split_outbox_queues');
    expect(down.error).toBeUndefined();
    expect(down.results?.at(-1)?.migrationName).toBe('0010_create_campaign_recipients');

    const { db } = t;
    const at = (s: number) => new Date(Date.UTC(2026, 10, 1, 12, 0, s));
    await db
      .insertInto('channels')
      .values({
        id: 'ch',
        name: 'A',
        phone_number_id: '1',
        access_token_enc: 'x',
        app_secret_enc: 'x',
        verify_token: 'v',
        created_at: at(0),
        updated_at: at(0),
      })
      .execute();
    for (const [id, waId] of [
      ['c1', '5584991230001'],
      ['c2', '5584991230002'],
    ] as const) {
      await db
        .insertInto('contacts')
        .values({ id, channel_id: 'ch', wa_id: waId, name: id, variables: '{}', created_at: at(0), updated_at: at(0) })
        .execute();
    }
    await db
      .insertInto('campaigns')
      .values({
        id: 'old',
        name: 'Novembro',
        channel_id: 'ch',
        flow_id: null,
        template: '{"name":"t"}',
        audience: '[{},{}]',
        // A status 0010 stops writing, so the row type no longer has it.
        status: 'done' as 'running',
        scheduled_at: at(0),
        queued: 2,
        created_by: null,
        created_at: at(0),
      })
      .execute();
    for (const [id, contact, s] of [
      ['m2', 'c2', 2],
      ['m1', 'c1', 1],
    ] as const) {
      await db
        .insertInto('messages')
        .values({
          id,
          channel_id: 'ch',
          contact_id: contact,
          direction: 'out',
          type: 'template',
          payload: '{}',
          status: 'delivered',
          author_kind: 'campaign',
          author_id: 'old',
          created_at: at(s),
        })
        .execute();
    }

    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(
      await db
        .selectFrom('campaigns')
        .select(['status', 'contacts_in_flow'])
        .where('id', '=', 'old')
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'running', contacts_in_flow: 'skip' });
    const rows = await db
      .selectFrom('campaign_recipients')
      .select(['position', 'contact_id', 'phone', 'message_id', 'skip_reason'])
      .where('campaign_id', '=', 'old')
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      { position: 0, contact_id: 'c1', phone: '5584991230001', message_id: 'm1', skip_reason: null },
      { position: 1, contact_id: 'c2', phone: '5584991230002', message_id: 'm2', skip_reason: null },
    ]);
  });
});
