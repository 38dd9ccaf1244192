import { sql, type RawBuilder } from 'kysely';

/** A contact's session variables after a step, to copy the ones marked as contact fields. */
export interface FieldCapture {
  contact_id: string;
  variables: Record<string, unknown>;
}

/**
 * Rows `(contact_id, captured)`: each contact's marked variables (`contact_fields`) among the
 * captured ones, as a jsonb object, for `fields = fields || captured` in the statement that
 * commits the session, so the copy and the session commit together. Only plain values are
 * copied (text, numbers, yes/no); contacts with none have no row.
 */
export function markedVariables(captures: FieldCapture[]): RawBuilder<{ contact_id: string; captured: unknown }> {
  return sql`
    select r.contact_id, jsonb_object_agg(v.key, v.value) as captured
    from jsonb_to_recordset(${JSON.stringify(captures)}::jsonb) as r(contact_id text, variables jsonb)
    cross join lateral jsonb_each(r.variables) as v
    join contact_fields f on f.name = v.key
    where jsonb_typeof(v.value) in ('string', 'number', 'boolean')
    group by r.contact_id`;
}
