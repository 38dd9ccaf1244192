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

  // In-flight loads are shared: when the short cache expires under load, every run of the
  // pass asks at once, and one query must answer them all.
  const loadingById = new Map<string, Promise<LoadedVersion | null>>();
  const loadingCurrent = new Map<string, Promise<string | null>>();

  function byVersionId(id: string): Promise<LoadedVersion | null> {
    const hit = byId.get(id);
    if (hit) return Promise.resolve(hit);
    let loading = loadingById.get(id);
    if (!loading) {
      loading = loadVersion(id).finally(() => loadingById.delete(id));
      loadingById.set(id, loading);
    }
    return loading;
  }

  async function loadVersion(id: string): Promise<LoadedVersion | null> {
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

  function currentVersionId(flowId: string): Promise<string | null> {
    const cached = current.get(flowId);
    if (cached && now() - cached.at < currentTtlMs) return Promise.resolve(cached.versionId);
    let loading = loadingCurrent.get(flowId);
    if (!loading) {
      const askedAt = now();
      loading = db
        .selectFrom('flows')
        .innerJoin('flow_versions', (j) =>
          j
            .onRef('flow_versions.flow_id', '=', 'flows.id')
            .onRef('flow_versions.version', '=', 'flows.published_version'),
        )
        .select('flow_versions.id')
        .where('flows.id', '=', flowId)
        .executeTakeFirst()
        .then((row) => {
          const versionId = row?.id ?? null;
          // Dated from the question, not the answer: the answer is no older than that.
          current.set(flowId, { versionId, at: askedAt });
          return versionId;
        })
        .finally(() => loadingCurrent.delete(flowId));
      loadingCurrent.set(flowId, loading);
    }
    return loading;
  }

  async function published(flowId: string): Promise<LoadedVersion | null> {
    const versionId = await currentVersionId(flowId);
    return versionId ? byVersionId(versionId) : null;
  }

  return { byVersionId, published };
}

export type FlowVersions = ReturnType<typeof createFlowVersions>;
