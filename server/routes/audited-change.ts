import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { Tx } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { notFound } from '../http/errors.ts';

export interface AuditedChange<T> {
  /** Names the resource in the 404 message, as `notFound` takes it ("Canal"). */
  resource: string;
  /** The audit action, `<resource>.<verb>` ("channel.update"). */
  action: string;
  target: { type: string; id: string };
  details?: Record<string, unknown>;
  /** Finds and changes the row; undefined when it does not exist. May throw a 4xx to refuse. */
  change: (tx: Tx) => Promise<T | undefined>;
}

/**
 * The one way a route changes a row by id: find it or 404, change it, audit it. The change and
 * its audit entry commit in one transaction, so a refused or missing row leaves no trace.
 */
export async function changeAudited<T>(c: Context<AppEnv>, spec: AuditedChange<T>): Promise<T> {
  return c.var.deps.db.transaction().execute(async (tx) => {
    const row = await spec.change(tx);
    if (row === undefined) throw notFound(spec.resource);
    await recordAudit(tx, c.var.actor, spec.action, spec.target, spec.details);
    return row;
  });
}
