import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { loginRequest, meResponse, userResponse } from '../../shared/api/auth.ts';
import { loadSettings } from '../settings/load-settings.ts';
import { verifyPassword } from '../auth/password.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { deleteLogin, insertLogin } from '../db/queries/auth-sessions.ts';
import { findUser, findUserByEmail, toApiUser } from '../db/queries/users.ts';
import { authenticate, sessionCookie } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { guardLogin } from '../http/rate-limit/login-limit.ts';
import { createRouter, json, jsonBody } from '../http/router.ts';

const sessionDays = 14;
// Hashing a dummy password for unknown emails keeps response times alike (no email probing).
const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const authRoutes = createRouter();

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/login',
    tags: ['auth'],
    request: { body: jsonBody(loginRequest) },
    responses: { 200: json(userResponse, 'Logged in; sets the session cookie') },
  }),
  async (c) => {
    const { db, clock } = c.var.deps;
    const { email, password } = c.req.valid('json');
    const attempt = await guardLogin(c, email);
    const user = await findUserByEmail(db, email);
    const ok = await verifyPassword(password, user?.password_hash ?? dummyHash);
    if (!user || !ok || user.disabled) {
      // The email tried (never the password): repeated failures on one account show in the log.
      await recordAudit(db, null, 'auth.login_failed', { type: 'user', id: user?.id ?? null }, { email });
      throw new AppError(401, 'invalid_credentials', 'E-mail ou senha incorretos.');
    }
    await attempt.succeeded();
    await recordAudit(db, { kind: 'user', id: user.id, role: user.role, userId: user.id }, 'auth.login', {
      type: 'user',
      id: user.id,
    });
    const secret = newSecret('fs');
    const expires = new Date(clock.now().getTime() + sessionDays * 86_400_000);
    await insertLogin(db, { tokenHash: hashSecret(secret), userId: user.id, expiresAt: expires });
    setCookie(c, sessionCookie, secret, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      expires,
      secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    });
    return c.json({ user: toApiUser(user) }, 200);
  },
);

authRoutes.use('/logout', authenticate);
authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/logout',
    tags: ['auth'],
    responses: { 204: { description: 'Logged out' } },
  }),
  async (c) => {
    const cookie = getCookie(c, sessionCookie);
    if (cookie) await deleteLogin(c.var.deps.db, hashSecret(cookie));
    await recordAudit(c.var.deps.db, c.var.actor, 'auth.logout', {
      type: c.var.actor.kind === 'user' ? 'user' : 'api_token',
      id: c.var.actor.id,
    });
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  },
);

authRoutes.use('/me', authenticate);
authRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['auth'],
    responses: { 200: json(meResponse, "The caller, and the studio's default language") },
  }),
  async (c) => {
    const actor = c.var.actor;
    const [user, { language: studioLanguage }] = await Promise.all([
      actor.userId ? findUser(c.var.deps.db, actor.userId) : undefined,
      loadSettings(c.var.deps.db),
    ]);
    if (actor.kind === 'token' || !user) {
      return c.json({ user: { id: actor.id, email: '', name: 'API token', role: actor.role }, studioLanguage }, 200);
    }
    return c.json({ user: toApiUser(user), studioLanguage }, 200);
  },
);
