import { z } from 'zod';

/**
 * `GET /api/audit` query: newest first, `cursor` is the `nextCursor` of the previous page.
 * `actor` is a user or token id, `action` an exact action (`flow.publish`) or a prefix ending in
 * a dot (`auth.`).
 */
export const auditQuery = z.object({
  actor: z.string().min(1).max(100).optional(),
  action: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z_]+(\.[a-z_]*)?$/, 'action: like flow.publish, or a prefix like auth.')
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'cursor: the nextCursor of a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  action: z.string(),
  /** `user`, `token` or `system`; `actorName` is the user's (or token's owner's) name or email when known. */
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditResponse = z.object({
  entries: z.array(auditEntry),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** The people (users) the filter offers, with the actions seen so far. */
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
  actions: z.array(z.string()),
});
export type AuditResponse = z.infer<typeof auditResponse>;
