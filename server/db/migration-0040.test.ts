import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../migrations/index.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';

/** Outbound messages written before 0040 are marked processed; waiting inbound ones stay waiting. */
describe('migration 0040 (outbound messages marked processed)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('gives old replies their creation time and leaves inbound messages as they were', async () => {
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo('0039_add_contact_handled_up_to')).error).toBeUndefined();
    const { db } = t;
    await insertBareChannel(db, 'ch-0040', '106000000000092');
    await db
      .insertInto('contacts')
      .values({ id: 'ct-0040', channel_id: 'ch-0040', wa_id: '5584996000040', name: 'Ana', variables: '{}' })
      .execute();
    const sentAt = new Date('2026-11-30T12:00:00Z');
    const base = { channel_id: 'ch-0040', contact_id: 'ct-0040', type: 'text', text: 'x', payload: '{}' };
    await db
      .insertInto('messages')
      .values([
        { ...base, id: 'out-old', direction: 'out', status: 'delivered', created_at: sentAt },
        { ...base, id: 'in-waiting', direction: 'in', wamid: 'wamid.0040.a', status: 'received' },
        { ...base, id: 'in-done', direction: 'in', wamid: 'wamid.0040.b', status: 'received', processed_at: sentAt },
      ])
      .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db.selectFrom('messages').select(['id', 'processed_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'in-done', processed_at: sentAt },
      { id: 'in-waiting', processed_at: null },
      { id: 'out-old', processed_at: sentAt },
    ]);
    expect((await migrator.migrateTo('0039_add_contact_handled_up_to')).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
