import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FlowDocument } from '../../../shared/flow/schema.ts';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export type FlowRow = Row<'flows'>;
export type VersionRow = Row<'flow_versions'>;

export async function listFlows(db: Executor): Promise<FlowRow[]> {
  return db.selectFrom('flows').selectAll().orderBy('updated_at', 'desc').execute();
}

export async function findFlow(db: Executor, id: string): Promise<FlowRow | undefined> {
  return db.selectFrom('flows').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFlow(db: Executor, draft: FlowDocument, userId: string | null): Promise<FlowRow> {
  return db
    .insertInto('flows')
    .values({
      id: randomUUID(),
      name: draft.name,
      draft: JSON.stringify(draft),
      created_by: userId,
      updated_by: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Saves a draft only if nobody saved since `revision` (optimistic locking):
 * returns undefined when the revision is stale or the flow is gone.
 */
export async function saveDraft(
  db: Executor,
  id: string,
  draft: FlowDocument,
  revision: number,
  userId: string | null,
  now: Date,
): Promise<FlowRow | undefined> {
  return db
    .updateTable('flows')
    .set({
      draft: JSON.stringify(draft),
      name: draft.name,
      updated_by: userId,
      updated_at: now,
      revision: sql<number>`revision + 1`,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returningAll()
    .executeTakeFirst();
}

export async function listVersions(db: Executor, flowId: string) {
  return db
    .selectFrom('flow_versions')
    .leftJoin('users', 'users.id', 'flow_versions.author_id')
    .select([
      'flow_versions.id',
      'flow_versions.version',
      'flow_versions.note',
      'flow_versions.created_at',
      'flow_versions.graph',
      'users.id as author_id',
      'users.name as author_name',
      'users.email as author_email',
    ])
    .where('flow_versions.flow_id', '=', flowId)
    .orderBy('flow_versions.version', 'desc')
    .execute();
}

export async function findVersion(db: Executor, flowId: string, version: number): Promise<VersionRow | undefined> {
  return db
    .selectFrom('flow_versions')
    .selectAll()
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Freezes a graph as the flow's next version and makes it current. Call inside a transaction. */
export async function publishVersion(
  tx: Executor,
  flowId: string,
  graph: FlowDocument,
  note: string,
  authorId: string | null,
): Promise<VersionRow> {
  // Lock the flow row so two publishes cannot take the same version number.
  await tx.selectFrom('flows').select('id').where('id', '=', flowId).forUpdate().executeTakeFirstOrThrow();
  const last = await tx
    .selectFrom('flow_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await tx
    .insertInto('flow_versions')
    .values({
      id: randomUUID(),
      flow_id: flowId,
      version,
      graph: JSON.stringify(graph),
      note,
      author_id: authorId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx.updateTable('flows').set({ published_version: version }).where('id', '=', flowId).execute();
  return row;
}

export async function flowExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('flows').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The flow's published version number (null: never published), or undefined when there is no such flow. */
export async function publishedVersionNumber(
  db: Executor,
  id: string,
): Promise<{ version: number | null } | undefined> {
  const row = await db.selectFrom('flows').select('published_version').where('id', '=', id).executeTakeFirst();
  return row && { version: row.published_version };
}

/** Makes an existing version of the flow the one new conversations run (a rollback). */
export async function setPublishedVersion(db: Executor, id: string, version: number): Promise<void> {
  await db.updateTable('flows').set({ published_version: version }).where('id', '=', id).execute();
}
