import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../db/tables.ts';
import { hashSecret } from '../auth/tokens.ts';
import { tokenRole } from '../auth/token-role.ts';
import type { Actor, AppEnv } from '../context.ts';
import type { Executor } from '../db/database.ts';
import { recordTokenUse } from '../db/queries/audit.ts';
import { findTokenBySecret, touchToken } from '../db/queries/tokens.ts';
import { isFileUpload } from './csrf.ts';
import { AppError } from './errors.ts';
import { enforceApiLimit } from './rate-limit/api-limit.ts';

export const sessionCookie = 'fluxo_session';

/**
 * Resolves the caller from the session cookie or `Authorization: Bearer`; 401 when neither works.
 * Then counts the call against the caller's rate limit (429 past it).
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  // Mounted on both `/x` and `/x/*`, which Hono both matches for `/x`: resolve (and count) once.
  if (c.get('actor')) return next();
  const { db, clock } = c.var.deps;
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  let actor: Actor | null = null;
  if (bearer) {
    actor = await tokenActor(db, bearer, clock.now());
  } else {
    const cookie = getCookie(c, sessionCookie);
    if (cookie) {
      const row = await db
        .selectFrom('auth_sessions')
        .innerJoin('users', 'users.id', 'auth_sessions.user_id')
        .select(['users.id', 'users.role', 'users.disabled', 'auth_sessions.expires_at'])
        .where('auth_sessions.token_hash', '=', hashSecret(cookie))
        .executeTakeFirst();
      if (row && !row.disabled && new Date(row.expires_at) > clock.now()) {
        actor = { kind: 'user', id: row.id, role: row.role, userId: row.id };
      }
    }
  }
  if (!actor) throw new AppError(401, 'unauthenticated', 'Faça login para continuar.');
  c.set('actor', actor);
  await enforceApiLimit(c, actor);
  await next();
});

/**
 * A token acts as its owner: refused once expired, or when the owner is disabled or no longer
 * holds the token's role (a deleted owner's tokens are deleted with them).
 */
async function tokenActor(db: Executor, secret: string, now: Date): Promise<Actor | null> {
  const token = await findTokenBySecret(db, secret);
  if (!token) return null;
  if (token.expires_at && new Date(token.expires_at) <= now) {
    throw new AppError(401, 'token_expired', 'Este token de API expirou; crie outro.');
  }
  const ownerGone = token.user_id !== null && (!token.owner_role || token.owner_disabled === true);
  const role = ownerGone ? null : tokenRole(token.role, token.owner_role ?? null);
  if (!role)
    throw new AppError(
      401,
      'token_owner_inactive',
      'O usuário dono deste token está desativado ou não tem mais esse perfil.',
    );
  // Audited once an hour per token at most, and only checked when the minute's use is written.
  if (await touchToken(db, token, now)) await recordTokenUse(db, { id: token.id, userId: token.user_id }, now);
  return { kind: 'token', id: token.id, role, userId: token.user_id };
}

/**
 * Admins may do everything; otherwise the caller's role must be listed. A supervisor is an agent
 * who also oversees the whole inbox, so a route open to agents is open to supervisors.
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.var.actor;
    const allowed = role === 'admin' || roles.includes(role) || (role === 'supervisor' && roles.includes('agent'));
    if (!allowed) {
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
  // File uploads are multipart; their guard is the Origin check (rejectCrossOriginWrites) alone.
  if (
    writes &&
    viaCookie &&
    hasBody &&
    !isFileUpload(method, c.req.path, contentType) &&
    !contentType.includes('application/json')
  ) {
    throw new AppError(415, 'unsupported_media_type', 'Envie o corpo como application/json.');
  }
  await next();
});
