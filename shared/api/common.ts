import { z } from 'zod';

export const roles = ['admin', 'editor', 'agent'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Every error the API returns: `{ error: { code, message } }` with a 4xx status. */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Extra detail where the client can act on it (validation problems, field issues). */
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiError>;

export const id = z.string().min(1).max(100);
export const isoDate = z.string();
