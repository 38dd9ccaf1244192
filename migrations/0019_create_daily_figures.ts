import { sql, type Kysely } from 'kysely';

/**
 * The dashboard's per-day rollup: for each day (in the business time zone), channel and figure,
 * one number, so a 90-day period reads a few hundred rows instead of a million messages.
 * `key` splits a figure (a message status, Meta's error code, a reply-time bucket); '' when it
 * has no parts. `daily_figure_days` marks which days are rolled up, and when: a day with no
 * activity has no figures but is still done. Both are keyed by the time zone the days were
 * counted in, so changing it starts a new rollup instead of mixing days.
 * Plus an index: whether a session was ever handed off is looked up per session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('daily_figures')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_figures_pkey', ['time_zone', 'day', 'channel_id', 'metric', 'key'])
    .execute();
  await db.schema
    .createTable('daily_figure_days')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('daily_figure_days_pkey', ['time_zone', 'day'])
    .execute();
  await db.schema.createIndex('handoffs_session_idx').on('handoffs').column('session_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('handoffs_session_idx').execute();
  await db.schema.dropTable('daily_figure_days').execute();
  await db.schema.dropTable('daily_figures').execute();
}
