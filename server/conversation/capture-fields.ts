import { sql, type RawBuilder } from 'kysely';

/** A contact's session variables after a step, to copy the ones marked as contact fields. */
export interface FieldCapture { contact_id: string; variables: Record<string, unknown> }

/**
 * The contact's marked variables (`contact_fields`) among the captured ones, as a jsonb object
 * ('{}' when none), for `fields = fields || …` in the statement that commits the session, so
 * the copy and the session commit together. Only plain values are copied (text, numbers, yes/no).
 */
export function markedVariables(captures: FieldCapture[], contactId: RawBuilder<string>): RawBuilder<unknown> {
  if (captures.length === 0) return sql`'{}'::jsonb`;
  return sql`coalesce((
    select jsonb_object_agg(v.key, v.value)
    from jsonb_to_recordset(${JSON.stringify(captures)}::jsonb) as r(contact_id text, variables jsonb)
    cross join lateral jsonb_each(r.variables) as v
    join contact_fields f on f.name = v.key
    where r.contact_id = ${contactId} and jsonb_typeof(v.value) in ('string', 'number', 'boolean')
  ), '{}'::jsonb)`;
}
