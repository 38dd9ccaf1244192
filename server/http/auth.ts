import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../db/tables.ts';
import { hashSecret } from '../auth/tokens.ts';
import type { Actor, AppEnv } from '../context.ts';
import { AppError } from './errors.ts';

export const sessionCookie = 'fluxo_session';

/** Resolves the caller from the session cookie or `Authorization: Bearer`; 401 when neither works. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { db, clock } = c.var.deps;
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  let actor: Actor | null = null;
  if (bearer) {
    const token = await db.selectFrom('api_tokens').selectAll()
      .where('token_hash', '=', hashSecret(bearer)).where('revoked_at', 'is', null).executeTakeFirst();
    if (token) {
      actor = { kind: 'token', id: token.id, role: token.role, userId: token.created_by };
      await db.updateTable('api_tokens').set({ last_used_at: clock.now() }).where('id', '=', token.id).execute();
    }
  } else {
    const cookie = getCookie(c, sessionCookie);
    if (cookie) {
      const row = await db.selectFrom('auth_sessions')
        .innerJoin('users', 'users.id', 'auth_sessions.user_id')
        .select(['users.id', 'users.role', 'users.disabled', 'auth_sessions.expires_at'])
        .where('auth_sessions.token_hash', '=', hashSecret(cookie)).executeTakeFirst();
      if (row && !row.disabled && new Date(row.expires_at) > clock.now()) {
        actor = { kind: 'user', id: row.id, role: row.role, userId: row.id };
      }
    }
  }
  if (!actor) throw new AppError(401, 'unauthenticated', 'Faça login para continuar.');
  c.set('actor', actor);
  await next();
});

/** Admins may do everything; otherwise the caller's role must be listed. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.var.actor;
    if (role !== 'admin' && !roles.includes(role)) {
      throw new AppError(403, 'forbidden', 'Seu perfil não tem permissão para isso.');
    }
    await next();
  });
}

/**
 * Cookie-authenticated writes must be JSON: a cross-site form cannot send that content
 * type without a CORS preflight, which we never grant. SameSite=Lax covers the rest.
 */
export const requireJsonForCookieWrites = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method;
  const writes = method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
  const viaCookie = !c.req.header('authorization') && getCookie(c, sessionCookie);
  const contentType = c.req.header('content-type') ?? '';
  const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding');
  if (writes && viaCookie && hasBody && !contentType.includes('application/json')) {
    throw new AppError(415, 'unsupported_media_type', 'Envie o corpo como application/json.');
  }
  await next();
});
