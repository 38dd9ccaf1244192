import { sql, type Kysely } from 'kysely';

/**
 * One row per AI agent turn: the model, tokens, estimated cost, how the turn ended and every
 * tool call with its arguments and result (jsonb, in call order). Shown to operators in the
 * conversation's history and summed on the dashboard; erased with the contact (LGPD).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('session_id', 'text')
    .addColumn('flow_id', 'text')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('model', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('steps', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('input_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('output_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cost_usd', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('tool_calls', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A conversation's runs in order (its history), and a period's runs (the dashboard).
  await db.schema.createIndex('ai_runs_contact_idx').on('ai_runs').columns(['contact_id', 'created_at']).execute();
  await db.schema.createIndex('ai_runs_created_at_idx').on('ai_runs').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_runs').execute();
}
