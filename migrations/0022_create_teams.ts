import { sql, type Kysely } from 'kysely';

/**
 * Human handoff at team scale: teams and their members (with a first-reply SLA each), canned
 * replies per team, each agent's presence and capacity, a priority and SLA marks on handoffs,
 * internal notes, and the `supervisor` role (sees and reassigns every conversation).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // First human reply expected within this many seconds of the handoff opening.
    .addColumn('sla_seconds', 'integer', (c) => c.notNull().defaultTo(300))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pkey', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user_idx').on('team_members').column('user_id').execute();

  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agent_presence')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('offline')
        .check(sql`status in ('online','away','offline')`),
    )
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('last_active_at', 'timestamptz')
    // Ties in routing go to whoever got a conversation longest ago.
    .addColumn('last_assigned_at', 'timestamptz')
    .execute();

  await db.schema
    .alterTable('handoffs')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_reply_at', 'timestamptz')
    .addColumn('sla_breached_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('handoff_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handoff_id', 'text', (c) => c.notNull().references('handoffs.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('note','transfer','reopen')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('handoff_notes_handoff_idx').on('handoff_notes').column('handoff_id').execute();

  // The column checks of 0001 got Postgres' default names.
  for (const table of ['users', 'api_tokens']) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(`${table}_role_check`)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_role_check`)}
      check (role in ('admin','editor','supervisor','agent'))`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['users', 'api_tokens']) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(`${table}_role_check`)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_role_check`)}
      check (role in ('admin','editor','agent'))`.execute(db);
  }
  await db.schema.dropTable('handoff_notes').execute();
  await db.schema
    .alterTable('handoffs')
    .dropColumn('priority')
    .dropColumn('first_reply_at')
    .dropColumn('sla_breached_at')
    .execute();
  await db.schema.dropTable('agent_presence').execute();
  await db.schema.dropTable('canned_replies').execute();
  await db.schema.dropTable('team_members').execute();
  await db.schema.dropTable('teams').execute();
}
