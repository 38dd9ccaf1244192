import { sql, type Kysely } from 'kysely';

/**
 * The contacts page's profile: tags (text[], found with `@>` through a GIN index, which PGlite
 * and Postgres both have), custom fields (jsonb), and when the contact opted out. Which flow
 * variables are copied into the fields is listed in `contact_fields`, with the label people see.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('contacts')
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('opted_out_at', 'timestamptz')
    .execute();
  await sql`create index contacts_tags_idx on contacts using gin (tags)`.execute(db);
  await db.schema
    .createTable('contact_fields')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contact_fields').execute();
  await sql`drop index contacts_tags_idx`.execute(db);
  await db.schema.alterTable('contacts').dropColumn('tags').dropColumn('fields').dropColumn('opted_out_at').execute();
}
