import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { claimWork } from './leases.ts';
import { contactKeySql, inboundContactKey, userIdContactKeySql, waIdContactKeySql } from './contact-key.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

describe('contact key', () => {
  it('names a contact by channel and WhatsApp id, or by user id when the number is hidden', () => {
    expect(inboundContactKey('ch', '5584990000001', 'BR.user.1')).toBe('ch|w|5584990000001');
    expect(inboundContactKey('ch', null, 'BR.user.1')).toBe('ch|u|BR.user.1');
    expect(inboundContactKey('ch', null, null)).toBe('ch|u|');
  });

  describe('in SQL', () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb();
      await insertBareChannel(t.db, 'ch', '1');
      await t.db
        .insertInto('contacts')
        .values([
          { id: 'ana', channel_id: 'ch', wa_id: '5584990000001', user_id: null, name: 'Ana', variables: '{}' },
          { id: 'bia', channel_id: 'ch', wa_id: null, user_id: 'BR.user.2', name: 'Bia', variables: '{}' },
          { id: 'caio', channel_id: 'ch', wa_id: '5584990000003', user_id: 'BR.user.3', name: 'Caio', variables: '{}' },
        ])
        .execute();
    });
    afterAll(() => t.close());

    it('gives the same bytes as the TypeScript key, for every kind of contact row', async () => {
      const rows = await sql<{
        id: string;
        channel_id: string;
        wa_id: string | null;
        user_id: string | null;
        key: string;
      }>`
        select x.id, x.channel_id, x.wa_id, x.user_id, ${contactKeySql('x')} as key from contacts x order by x.id
      `.execute(t.db);
      expect(rows.rows.map((r) => r.key)).toEqual(['ch|w|5584990000001', 'ch|u|BR.user.2', 'ch|w|5584990000003']);
      for (const r of rows.rows) expect(r.key).toBe(inboundContactKey(r.channel_id, r.wa_id, r.user_id));
    });

    it('leaves the contacts held by their key out of a claim', async () => {
      await t.db
        .insertInto('messages')
        .values(
          ['ana', 'bia', 'caio'].map((id) => ({
            id: `m-${id}`,
            channel_id: 'ch',
            contact_id: id,
            direction: 'in',
            type: 'text',
            text: 'oi',
            status: 'received',
            payload: '{}',
          })),
        )
        .execute();
      const held = [inboundContactKey('ch', '5584990000001', null), inboundContactKey('ch', null, 'BR.user.2')];
      const claimed = await claimWork(t.db, 'owner', new Date(), 30_000, 10, held);
      expect(claimed.map((c) => c.id)).toEqual(['caio']);
    });

    it('keys a row by the id asked for, as webhook storage matches its upserts', async () => {
      const rows = await sql<{ by_wa_id: string; by_user_id: string }>`
        select ${waIdContactKeySql('x')} as by_wa_id, ${userIdContactKeySql('x')} as by_user_id
        from contacts x where x.id = 'caio'
      `.execute(t.db);
      expect(rows.rows).toEqual([
        {
          by_wa_id: inboundContactKey('ch', '5584990000003', null),
          by_user_id: inboundContactKey('ch', null, 'BR.user.3'),
        },
      ]);
    });
  });
});
