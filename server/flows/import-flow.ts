import type { FlowDocument } from '../../shared/flow/schema.ts';
import { validateFlow, type Problem } from '../../shared/flow/validate/index.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findFlow, insertFlow, publishVersion, type FlowRow } from '../db/queries/flows.ts';

export type ImportResult = { ok: true; flow: FlowRow } | { ok: false; problems: Problem[] };

/**
 * Creates a flow from a document, optionally publishing it as version 1. An import asked to
 * publish but invalid writes nothing. Shared by `POST /api/flows/import` and the CLI.
 */
export async function importFlow(
  db: Db,
  flow: FlowDocument,
  publish: boolean,
  actor: Actor | null,
): Promise<ImportResult> {
  if (publish) {
    const result = validateFlow(flow);
    if (!result.ok) return { ok: false, problems: result.problems };
  }
  const row = await db.transaction().execute(async (tx) => {
    const created = await insertFlow(tx, flow, actor?.userId ?? null);
    if (publish) await publishVersion(tx, created.id, flow, 'Importado', actor?.userId ?? null);
    await recordAudit(tx, actor, 'flow.import', { type: 'flow', id: created.id }, { publish });
    return (await findFlow(tx, created.id)) ?? created;
  });
  return { ok: true, flow: row };
}
