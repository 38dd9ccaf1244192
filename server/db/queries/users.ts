import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/password.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import type { Executor } from '../database.ts';
import type { Role, Row, RowUpdate } from '../tables.ts';

export async function findUserByEmail(db: Executor, email: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function createUser(
  db: Executor,
  input: { email: string; name?: string; password: string; role: Role },
): Promise<Row<'users'>> {
  return db
    .insertInto('users')
    .values({
      id: randomUUID(),
      email: input.email.toLowerCase(),
      name: input.name ?? '',
      password_hash: await hashPassword(input.password),
      role: input.role,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The first admin from ADMIN_EMAIL/ADMIN_PASSWORD; does nothing once that user exists (so an
 * older, shorter ADMIN_PASSWORD left in the environment does not stop an upgraded server).
 */
export async function ensureAdmin(db: Executor, admin: { email: string; password: string }): Promise<boolean> {
  if (await findUserByEmail(db, admin.email)) return false;
  const problem = passwordProblem(admin.password);
  if (problem) throw new Error(`ADMIN_PASSWORD refused: ${problem}`);
  await createUser(db, { email: admin.email, name: 'Admin', password: admin.password, role: 'admin' });
  return true;
}

export const toApiUser = (u: Row<'users'>) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

export async function findUser(db: Executor, id: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Executor): Promise<Row<'users'>[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').execute();
}

/** The user, locked until the transaction ends (a role change and the last-admin check must not interleave). */
export async function findUserForUpdate(db: Executor, id: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateUser(db: Executor, id: string, changes: RowUpdate<'users'>): Promise<Row<'users'>> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteUser(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

/** Who a token or an audit entry names: id, email and name only. */
export async function findUserSummary(
  db: Executor,
  id: string,
): Promise<{ id: string; email: string; name: string } | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id).executeTakeFirst();
}

/** What decides whether a user may be given a conversation: role and whether disabled. */
export async function findUserAccess(db: Executor, id: string): Promise<{ role: Role; disabled: boolean } | undefined> {
  return db.selectFrom('users').select(['role', 'disabled']).where('id', '=', id).executeTakeFirst();
}
