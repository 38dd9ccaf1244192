import { sql } from 'kysely';
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
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor?.id ?? null,
      actor_kind: actor?.kind ?? 'system',
      action,
      target_type: target.type,
      target_id: target.id,
      details: JSON.stringify(details),
    })
    .execute();
}

/** At most one `token.use` entry per token in this long: a busy integration would otherwise fill the log. */
export const tokenUseAuditMs = 3_600_000;

/**
 * Records that a token was used, unless it was already recorded within the hour. Called only when
 * the token's `last_used_at` moved (once a minute at most), so this costs nothing per request.
 */
export async function recordTokenUse(
  db: Executor,
  token: { id: string; userId: string | null },
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - tokenUseAuditMs);
  await sql`
    insert into audit_log (actor_id, actor_kind, action, target_type, target_id, details, created_at)
    select ${token.id}, 'token', 'token.use', 'api_token', ${token.id}, ${JSON.stringify({ userId: token.userId })}::jsonb, ${now}
    where not exists (
      select 1 from audit_log where target_type = 'api_token' and target_id = ${token.id}
        and action = 'token.use' and created_at > ${since})`.execute(db);
}

export interface AuditFilter {
  actor?: string;
  /** An exact action, or a prefix ending in a dot (`auth.`). */
  action?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the previous page's last). */
  before?: string;
  limit: number;
}

/** Newest first, with the acting user's (or token owner's) name. */
export async function listAudit(db: Executor, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('api_tokens as t', (j) => j.onRef('t.id', '=', 'a.actor_id').on('a.actor_kind', '=', 'token'))
    .leftJoin('users as u', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('a.actor_kind', '=', 'user'), eb('u.id', '=', eb.ref('a.actor_id'))]),
          eb.and([eb('a.actor_kind', '=', 'token'), eb('u.id', '=', eb.ref('t.user_id'))]),
        ]),
      ),
    )
    .select([
      'a.id',
      'a.created_at',
      'a.action',
      'a.actor_kind',
      'a.actor_id',
      'a.target_type',
      'a.target_id',
      'a.details',
      'u.name as user_name',
      'u.email as user_email',
      't.name as token_name',
    ])
    .orderBy('a.id', 'desc')
    .limit(f.limit);
  if (f.actor) {
    const actor = f.actor;
    // A person's own calls and those of their tokens.
    q = q.where((eb) => eb.or([eb('a.actor_id', '=', actor), eb('t.user_id', '=', actor)]));
  }
  if (f.action)
    q = f.action.endsWith('.') ? q.where('a.action', 'like', `${f.action}%`) : q.where('a.action', '=', f.action);
  if (f.from) q = q.where('a.created_at', '>=', f.from);
  if (f.to) q = q.where('a.created_at', '<', f.to);
  if (f.before) q = q.where('a.id', '<', f.before);
  return q.execute();
}

/** The actions recorded so far, for the filter. */
export async function auditActions(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
