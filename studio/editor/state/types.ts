import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowEdge, FlowNode } from '../../../shared/flow/schema.ts';

/**
 * A saved node plus the fields React Flow adds while drawing (selection, measured size).
 * Those extras never reach the saved JSON: `toDocument` keeps only the schema's fields.
 */
export type EditorNode = FlowNode & Partial<Pick<Node, 'selected' | 'dragging' | 'measured' | 'resizing'>>;
export type EditorEdge = FlowEdge & Partial<Pick<Edge, 'selected'>>;

export type EditorFlow = Omit<FlowDocument, 'nodes' | 'edges'> & { nodes: EditorNode[]; edges: EditorEdge[] };

/** Builds ids; injected so tests can predict them. */
export type IdFactory = (prefix: string) => string;

export type { NodeAnalytics } from '../../../shared/api/analytics.ts';

/** How a block of a published version differs from the draft, marked on the canvas (Versões). */
export type DiffMark = 'removed' | 'changed';
