import { z } from 'zod';

export const roles = ['admin', 'editor', 'supervisor', 'agent'] as const;
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

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
export type UpdateShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The update request of a create request: every field optional and without its default, so a
 * field left out stays as stored and `null` clears a nullable one. (`.partial()` is not enough:
 * zod still fills in defaults, and `{ name }` alone would reset the flow, the WABA id and the rest.)
 */
export function updateRequestOf<S extends z.ZodRawShape>(create: z.ZodObject<S>): z.ZodObject<UpdateShape<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape) as [string, z.ZodType][]) {
    shape[key] = (field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : field).optional();
  }
  return z.object(shape) as unknown as z.ZodObject<UpdateShape<S>>;
}
