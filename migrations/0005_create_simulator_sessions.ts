import { sql, type Kysely } from 'kysely';

/** The studio simulator's test sessions: kept in the database so any instance can answer the next turn. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('simulator_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('simulator_sessions').execute();
}
