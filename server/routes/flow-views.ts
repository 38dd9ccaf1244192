import { flowDocument, type FlowDocument } from '../../shared/flow/schema.ts';
import type { FlowRow } from '../db/queries/flows.ts';

/** Stored drafts were validated on the way in; parsing again applies defaults added since. */
export function draftOf(row: FlowRow): FlowDocument {
  return flowDocument.parse(row.draft);
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function flowSummaryView(row: FlowRow) {
  const draft = row.draft as { description?: unknown; nodes?: unknown[] };
  return {
    id: row.id,
    name: row.name,
    description: typeof draft.description === 'string' ? draft.description : '',
    revision: row.revision,
    publishedVersion: row.published_version,
    nodeCount: Array.isArray(draft.nodes) ? draft.nodes.length : 0,
    updatedAt: iso(row.updated_at),
  };
}

export function flowDetailView(row: FlowRow) {
  return { ...flowSummaryView(row), draft: draftOf(row) };
}

export function versionView(
  v: {
    id: string;
    version: number;
    note: string;
    created_at: Date | string;
    graph: unknown;
    author_id: string | null;
    author_name: string | null;
    author_email: string | null;
  },
  publishedVersion: number | null,
) {
  const graph = v.graph as { nodes?: unknown[]; edges?: unknown[] };
  return {
    id: v.id,
    version: v.version,
    note: v.note,
    author: v.author_id ? { id: v.author_id, name: v.author_name ?? '', email: v.author_email ?? '' } : null,
    createdAt: iso(v.created_at),
    nodeCount: graph.nodes?.length ?? 0,
    edgeCount: graph.edges?.length ?? 0,
    current: v.version === publishedVersion,
  };
}
