import { randomBytes, randomUUID } from 'node:crypto';
import { agendaRules, type AgendaRules } from '../../../shared/agenda/agenda.ts';
import type { Executor } from '../database.ts';
import type { Row } from '../tables.ts';

export interface StoredAgenda {
  id: string;
  rules: AgendaRules;
  calendarToken: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Stored rules are parsed on the way out: defaults added by later releases apply to old rows. */
export function toAgenda(row: Row<'agendas'>): StoredAgenda {
  return {
    id: row.id,
    rules: agendaRules.parse(row.rules),
    calendarToken: row.calendar_token,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listAgendas(db: Executor): Promise<StoredAgenda[]> {
  const rows = await db.selectFrom('agendas').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toAgenda);
}

export async function findAgenda(db: Executor, id: string): Promise<StoredAgenda | null> {
  const row = await db.selectFrom('agendas').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgenda(row) : null;
}

export async function findAgendaByCalendarToken(db: Executor, token: string): Promise<StoredAgenda | null> {
  const row = await db.selectFrom('agendas').selectAll().where('calendar_token', '=', token).executeTakeFirst();
  return row ? toAgenda(row) : null;
}

/** A random id unless given (the templates' sample agenda has a fixed one, so adding it twice adds nothing). */
export async function insertAgenda(db: Executor, rules: AgendaRules, id: string = randomUUID()): Promise<StoredAgenda> {
  const row = await db
    .insertInto('agendas')
    .values({
      id,
      name: rules.name,
      rules: JSON.stringify(rules),
      calendar_token: randomBytes(24).toString('base64url'),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toAgenda(row) : ((await findAgenda(db, id)) as StoredAgenda);
}

export async function updateAgenda(
  db: Executor,
  id: string,
  rules: AgendaRules,
  now: Date,
): Promise<StoredAgenda | null> {
  const row = await db
    .updateTable('agendas')
    .set({ name: rules.name, rules: JSON.stringify(rules), updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toAgenda(row) : null;
}

export async function deleteAgenda(db: Executor, id: string): Promise<boolean> {
  const r = await db.deleteFrom('agendas').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
