import type { Actor } from '../../context.ts';
import type { Executor } from '../database.ts';

/** Records who did what; written in the same transaction as the change it describes. */
export async function recordAudit(
  db: Executor,
  actor: Actor | null,
  action: string,
  target: { type: string; id: string | null },
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.insertInto('audit_log').values({
    actor_id: actor?.id ?? null,
    actor_kind: actor?.kind ?? 'system',
    action,
    target_type: target.type,
    target_id: target.id,
    details: JSON.stringify(details),
  }).execute();
}
