import type { Kysely } from 'kysely';

/**
 * Sends name the process that holds them, as contact leases do (`lease_owner`): after a crash,
 * the restart can tell which sends' locks belonged to a process that is gone, and stop waiting
 * for locks nobody holds any more (see `reclaimFromDeadProcesses`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('lock_owner', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('lock_owner').execute();
}
