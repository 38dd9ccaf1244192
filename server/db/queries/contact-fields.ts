import { flowDocument } from '../../../shared/flow/schema.ts';
import { variableWritesOf } from '../../../shared/flow/variables.ts';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export type ContactFieldRow = Row<'contact_fields'>;

export async function listContactFields(db: Executor): Promise<ContactFieldRow[]> {
  return db.selectFrom('contact_fields').selectAll().orderBy('label').orderBy('name').execute();
}

/** Undefined when the name is already marked. */
export async function insertContactField(
  db: Executor,
  field: { name: string; label: string },
): Promise<ContactFieldRow | undefined> {
  return db
    .insertInto('contact_fields')
    .values(field)
    .onConflict((oc) => oc.column('name').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function relabelContactField(
  db: Executor,
  name: string,
  label: string,
): Promise<ContactFieldRow | undefined> {
  return db.updateTable('contact_fields').set({ label }).where('name', '=', name).returningAll().executeTakeFirst();
}

/** Unmarks the variable; values already copied stay in the contacts' fields. */
export async function deleteContactField(db: Executor, name: string): Promise<ContactFieldRow | undefined> {
  return db.deleteFrom('contact_fields').where('name', '=', name).returningAll().executeTakeFirst();
}

/** Variable names the published versions of every flow declare or write, sorted. */
export async function publishedVariableNames(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('flows')
    .innerJoin('flow_versions as v', (j) =>
      j.onRef('v.flow_id', '=', 'flows.id').onRef('v.version', '=', 'flows.published_version'),
    )
    .select('v.graph')
    .execute();
  const names = new Set<string>();
  for (const { graph } of rows) {
    const flow = flowDocument.safeParse(graph);
    if (!flow.success) continue;
    for (const v of flow.data.variables) names.add(v.name);
    for (const node of flow.data.nodes) for (const name of variableWritesOf(node)) names.add(name);
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/u.test(n)).sort();
}
