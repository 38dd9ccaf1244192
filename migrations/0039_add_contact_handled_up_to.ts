import type { Kysely } from 'kysely';

/**
 * The newest WhatsApp timestamp among the messages the processor has handled for a contact: a
 * message older than that which arrives late (Meta delivers out of order) is recorded, not run,
 * so the flow never answers a prompt twice (see `run-contact.ts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('handled_up_to', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('handled_up_to').execute();
}
