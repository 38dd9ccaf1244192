import type { Kysely } from 'kysely';

/**
 * What a named AI provider does besides text: `vision` (its models read pictures, sent as image
 * parts) and `transcription_model` (e.g. `whisper-1`, through its `/audio/transcriptions`; empty:
 * voice notes are not transcribed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('ai_providers')
    .addColumn('vision', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('transcription_model', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ai_providers').dropColumn('vision').dropColumn('transcription_model').execute();
}
