import { z } from 'zod';
import { role } from './common.ts';

export const loginRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
});
export type User = z.infer<typeof user>;

export const userResponse = z.object({ user });

export const createUserRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().max(120).default(''),
  password: z.string().min(8, 'a senha precisa de pelo menos 8 caracteres').max(200),
  role,
});
export const updateUserRequest = z.object({
  name: z.string().trim().max(120).optional(),
  password: z.string().min(8).max(200).optional(),
  role: role.optional(),
  disabled: z.boolean().optional(),
});
export const usersResponse = z.object({ users: z.array(user.extend({ disabled: z.boolean(), createdAt: z.string() })) });

export const createTokenRequest = z.object({ name: z.string().trim().min(1).max(120), role });
export const apiToken = z.object({
  id: z.string(), name: z.string(), role, createdAt: z.string(), lastUsedAt: z.string().nullable(),
});
/** The secret is shown once, at creation; only its hash is kept. */
export const createdToken = z.object({ token: apiToken, secret: z.string() });
export const tokensResponse = z.object({ tokens: z.array(apiToken) });
