import { createRoute, z } from '@hono/zod-openapi';
import { createUserRequest, updateUserRequest, userResponse, usersResponse } from '../../shared/api/auth.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  countAdmins,
  createUser,
  deleteUser,
  findUserByEmail,
  findUserForUpdate,
  listUsers,
  toApiUser,
  updateUser,
} from '../db/queries/users.ts';
import type { RowUpdate } from '../db/tables.ts';
import { endLoginsOf } from '../db/queries/auth-sessions.ts';
import { requireRole } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { createRouter, json, jsonBody, updateRoute } from '../http/router.ts';
import { changeAudited } from './audited-change.ts';

export const userRoutes = createRouter();
userRoutes.use('*', requireRole('admin'));
const tags = ['users'];
const idParam = z.object({ id: z.string().min(1).max(100) });

function refuseWeakPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError(400, 'weak_password', problem);
}

userRoutes.openapi(
  createRoute({ method: 'get', path: '/', tags, responses: { 200: json(usersResponse, 'Every user') } }),
  async (c) => {
    const rows = await listUsers(c.var.deps.db);
    return c.json(
      {
        users: rows.map((u) => ({
          ...toApiUser(u),
          disabled: u.disabled,
          createdAt: new Date(u.created_at).toISOString(),
        })),
      },
      200,
    );
  },
);

userRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    request: { body: jsonBody(createUserRequest) },
    responses: { 201: json(userResponse, 'Created') },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const body = c.req.valid('json');
    refuseWeakPassword(body.password);
    if (await findUserByEmail(db, body.email))
      throw new AppError(409, 'email_taken', 'Já existe um usuário com esse e-mail.');
    const user = await db.transaction().execute(async (tx) => {
      const u = await createUser(tx, body);
      await recordAudit(tx, c.var.actor, 'user.create', { type: 'user', id: u.id }, { role: u.role });
      return u;
    });
    return c.json({ user: toApiUser(user) }, 201);
  },
);

updateRoute(
  userRoutes,
  {
    path: '/{id}',
    tags,
    request: { params: idParam, body: jsonBody(updateUserRequest) },
    responses: { 200: json(userResponse, 'Updated: only the fields sent change (PUT the same as PATCH)') },
  },
  async (c) => {
    const { db } = c.var.deps;
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (body.password !== undefined) refuseWeakPassword(body.password);
    const changes: RowUpdate<'users'> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.role !== undefined) changes.role = body.role;
    if (body.disabled !== undefined) changes.disabled = body.disabled;
    if (body.password !== undefined) changes.password_hash = await hashPassword(body.password);
    const user = await changeAudited(c, {
      resource: 'Usuário',
      action: 'user.update',
      target: { type: 'user', id },
      details: { fields: Object.keys(changes) },
      change: async (tx) => {
        const current = await findUserForUpdate(tx, id);
        if (!current) return undefined;
        const losesAdmin = current.role === 'admin' && ((body.role && body.role !== 'admin') || body.disabled === true);
        if (losesAdmin && (await countAdmins(tx)) <= 1) {
          throw new AppError(409, 'last_admin', 'Este é o último administrador ativo; crie outro antes.');
        }
        const updated = Object.keys(changes).length ? await updateUser(tx, id, changes) : current;
        // Disabling a user or changing a password ends their open logins.
        if (body.disabled || body.password) await endLoginsOf(tx, id);
        return updated;
      },
    });
    return c.json({ user: toApiUser(user) }, 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    if (id === c.var.actor.userId) throw new AppError(409, 'self_delete', 'Você não pode excluir a si mesmo.');
    await changeAudited(c, {
      resource: 'Usuário',
      action: 'user.delete',
      target: { type: 'user', id },
      change: async (tx) => {
        const current = await findUserForUpdate(tx, id);
        if (!current) return undefined;
        if (current.role === 'admin' && (await countAdmins(tx)) <= 1) {
          throw new AppError(409, 'last_admin', 'Este é o último administrador ativo; crie outro antes.');
        }
        await deleteUser(tx, id);
        return current;
      },
    });
    return c.body(null, 204);
  },
);
