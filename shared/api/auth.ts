import { z } from 'zod';
import { role } from './common.ts';
import { studioLanguages } from './settings.ts';

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

/** A password being chosen; the server also refuses the most common ones (server/auth/password-policy.ts). */
const newPassword = z.string().min(10, 'a senha precisa de pelo menos 10 caracteres').max(200);

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
});
export type User = z.infer<typeof user>;

export const userResponse = z.object({ user });

/**
 * `GET /api/auth/me`: the caller, and the studio's default language (Configurações), which the
 * studio shows to a user who has not picked one in this browser.
 */
export const meResponse = userResponse.extend({ studioLanguage: z.enum(studioLanguages) });

export const createUserRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().max(120).default(''),
  password: newPassword,
  role,
});
export const updateUserRequest = z.object({
  name: z.string().trim().max(120).optional(),
  password: newPassword.optional(),
  role: role.optional(),
  disabled: z.boolean().optional(),
});
export const usersResponse = z.object({
  users: z.array(user.extend({ disabled: z.boolean(), createdAt: z.string() })),
});

export const createTokenRequest = z.object({
  name: z.string().trim().min(1).max(120),
  role,
  /** When the token stops working; omitted or null: never (until revoked or its owner is disabled). */
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  role,
  createdAt: z.string(),
  /** Updated at most once a minute. */
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The user the token acts as; null for a system token made by the CLI without `--user`. */
  owner: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
});
/** The secret is shown once, at creation; only its hash is kept. */
export const createdToken = z.object({ token: apiToken, secret: z.string() });
export const tokensResponse = z.object({ tokens: z.array(apiToken) });
