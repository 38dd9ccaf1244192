import { flowDocument, type FlowDocument } from '../../shared/flow/schema.ts';
import type { Db } from '../db/database.ts';

export interface LoadedVersion {
  id: string;
  flowId: string;
  flow: FlowDocument;
}

/**
 * Published versions are immutable, so a parsed graph is cached for good (bounded); which
 * version a flow currently publishes changes, so that lookup is cached only briefly.
 */
export function createFlowVersions(db: Db, { currentTtlMs = 1000, maxCached = 500, now = () => Date.now() } = {}) {
  const byId = new Map<string, LoadedVersion>();
  const current = new Map<string, { versionId: string | null; at: number }>();

  async function byVersionId(id: string): Promise<LoadedVersion | null> {
    const hit = byId.get(id);
    if (hit) return hit;
    const row = await db
      .selectFrom('flow_versions')
      .select(['id', 'flow_id', 'graph'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const loaded = { id: row.id, flowId: row.flow_id, flow: flowDocument.parse(row.graph) };
    if (byId.size >= maxCached) byId.delete(byId.keys().next().value as string);
    byId.set(id, loaded);
    return loaded;
  }

  async function published(flowId: string): Promise<LoadedVersion | null> {
    const cached = current.get(flowId);
    let versionId = cached && now() - cached.at < currentTtlMs ? cached.versionId : undefined;
    if (versionId === undefined) {
      const row = await db
        .selectFrom('flows')
        .innerJoin('flow_versions', (j) =>
          j
            .onRef('flow_versions.flow_id', '=', 'flows.id')
            .onRef('flow_versions.version', '=', 'flows.published_version'),
        )
        .select('flow_versions.id')
        .where('flows.id', '=', flowId)
        .executeTakeFirst();
      versionId = row?.id ?? null;
      current.set(flowId, { versionId, at: now() });
    }
    return versionId ? byVersionId(versionId) : null;
  }

  return { byVersionId, published };
}

export type FlowVersions = ReturnType<typeof createFlowVersions>;
