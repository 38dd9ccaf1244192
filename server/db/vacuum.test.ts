import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { createVacuumLoop } from './vacuum.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

describe('vacuum loop', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('vacuums every churning table, and the growing ones and statistics every nth round, without a warning', async () => {
    const lines: string[] = [];
    const loop = createVacuumLoop(
      t.db,
      createLogger('debug', (l) => lines.push(l)),
      { growingEvery: 2 },
    );
    // Dead rows in the queue the sender reads: what the loop is there to clear.
    await insertBareChannel(t.db, 'ch', '1');
    await t.db
      .insertInto('contacts')
      .values({ id: 'c', channel_id: 'ch', wa_id: '55', name: 'Ana', variables: '{}' })
      .execute();
    await t.db
      .insertInto('messages')
      .values({
        id: 'm',
        channel_id: 'ch',
        contact_id: 'c',
        direction: 'out',
        type: 'text',
        text: 'oi',
        status: 'pending',
        payload: '{}',
      })
      .execute();
    await t.db
      .insertInto('outbox')
      .values({
        id: 'o',
        message_id: 'm',
        channel_id: 'ch',
        contact_id: 'c',
        kind: 'message',
        status: 'pending',
        next_attempt_at: new Date(),
      })
      .execute();
    await t.db.deleteFrom('outbox').execute();

    await loop.runOnce();
    await loop.runOnce();
    expect(lines).toEqual([]);
    // Postgres keeps per-table counts of vacuums (PGlite has no statistics collector to ask).
    if (t.kind === 'postgres') {
      const counts = await sql<{ relname: string; vacuums: number; analyzes: number }>`
        select relname, (vacuum_count + autovacuum_count)::int as vacuums, analyze_count::int as analyzes from pg_stat_user_tables
        where relname in ('outbox', 'contacts', 'conversation_sessions', 'scheduled_jobs', 'messages', 'analytics_events')
      `.execute(t.db);
      const byTable = Object.fromEntries(counts.rows.map((r) => [r.relname, r.vacuums]));
      expect(byTable).toMatchObject({
        outbox: 2,
        contacts: 2,
        conversation_sessions: 2,
        scheduled_jobs: 2,
        messages: 1,
        analytics_events: 1,
      });
      // ANALYZE only on the full round: every table once.
      expect(Object.fromEntries(counts.rows.map((r) => [r.relname, r.analyzes]))).toEqual({
        outbox: 1,
        contacts: 1,
        conversation_sessions: 1,
        scheduled_jobs: 1,
        messages: 1,
        analytics_events: 1,
      });
    }
  });

  it('refreshes statistics from a sample of the given size, so an embedded ANALYZE stays short', async () => {
    const small = await createTestDb();
    try {
      await insertBareChannel(small.db, 'ch', '1');
      await small.db
        .insertInto('contacts')
        .values({ id: 'c', channel_id: 'ch', wa_id: '55', name: 'Ana', variables: '{}' })
        .execute();
      // 500 distinct timestamps: a full sample (target 100) would keep a 101-bound histogram.
      await sql`
        insert into messages (id, channel_id, contact_id, direction, type, text, status, payload, created_at)
        select 'm' || i, 'ch', 'c', 'in', 'text', 'oi', 'received', '{}', timestamptz '2026-12-01' + i * interval '1 second'
        from generate_series(1, 500) i
      `.execute(small.db);
      const loop = createVacuumLoop(
        small.db,
        createLogger('debug', () => undefined),
        { growingEvery: 1, statisticsTarget: 10 },
      );
      await loop.runOnce();
      // A target of 10 samples 3,000 rows and keeps at most 11 histogram bounds per column.
      const stats = await sql<{ bounds: number }>`
        select array_length(histogram_bounds::text::text[], 1) as bounds from pg_stats
        where tablename = 'messages' and attname = 'created_at'
      `.execute(small.db);
      expect(stats.rows).toEqual([{ bounds: 11 }]);
      // The target was for that ANALYZE only: the connection's own setting is untouched.
      const setting = await sql<{ default_statistics_target: string }>`show default_statistics_target`.execute(
        small.db,
      );
      expect(setting.rows[0]?.default_statistics_target).toBe('100');
    } finally {
      await small.close();
    }
  });

  it('logs a warning for a table that fails and still vacuums the others', async () => {
    const lines: string[] = [];
    const broken = await createTestDb();
    try {
      await sql`drop table scheduled_jobs`.execute(broken.db);
      const loop = createVacuumLoop(
        broken.db,
        createLogger('debug', (l) => lines.push(l)),
      );
      await loop.runOnce();
    } finally {
      await broken.close();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'warn',
      msg: 'vacuum failed; will try again',
      table: 'scheduled_jobs',
    });
  });
});
