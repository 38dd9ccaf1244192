import { indexFlow, type FlowIndex } from '../graph.ts';
import { blockWords } from '../names.ts';
import { createProblem, type Problem, type ProblemCode, type ProblemParams } from '../problems.ts';
import {
  flowEdge,
  flowNode,
  flowSettings,
  flowVariable,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
} from '../schema.ts';
import type { FlowEnvironment } from './environment.ts';

/** What every rule reads, built once per validation so no rule scans arrays per node. */
export interface ValidationContext {
  flow: FlowDocument;
  index: FlowIndex;
  /** Edges by source node id, in document order. */
  edgesFrom: ReadonlyMap<string, FlowEdge[]>;
  /**
   * Nodes whose own shape failed the schema (id → raw type). They exist for edges and
   * reachability, but their data is unknown, so rules that need it stay quiet about them.
   */
  broken: ReadonlyMap<string, string>;
  /** Facts about the installation, when the caller has them (server, studio); see environment.ts. */
  environment?: FlowEnvironment;
}

export type Rule = (ctx: ValidationContext) => Problem[];

export function createContext(
  flow: FlowDocument,
  broken: ReadonlyMap<string, string> = new Map(),
  environment?: FlowEnvironment,
): ValidationContext {
  const edgesFrom = new Map<string, FlowEdge[]>();
  for (const e of flow.edges) {
    const list = edgesFrom.get(e.source);
    if (list) list.push(e);
    else edgesFrom.set(e.source, [e]);
  }
  return environment
    ? { flow, index: indexFlow(flow), edgesFrom, broken, environment }
    : { flow, index: indexFlow(flow), edgesFrom, broken };
}

/**
 * When the document fails the schema, the graph rules still run on what did parse, so the
 * studio keeps showing every problem while the user is halfway through an edit.
 * Returns undefined when there is no list of nodes to work with.
 */
export function salvageContext(input: unknown, environment?: FlowEnvironment): ValidationContext | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const raw = input as Record<string, unknown>;
  if (!Array.isArray(raw.nodes)) return undefined;
  const nodes: FlowNode[] = [];
  const broken = new Map<string, string>();
  for (const n of raw.nodes) {
    const parsed = flowNode.safeParse(n);
    if (parsed.success) nodes.push(parsed.data);
    else {
      const { id, type } = (n ?? {}) as { id?: unknown; type?: unknown };
      if (typeof id === 'string' && id !== '') broken.set(id, typeof type === 'string' ? type : '');
    }
  }
  const each = <T>(list: unknown, parse: (v: unknown) => { success: boolean; data?: T }): T[] =>
    (Array.isArray(list) ? list : []).flatMap((v) => {
      const r = parse(v);
      return r.success && r.data !== undefined ? [r.data] : [];
    });
  const settings = flowSettings.safeParse(raw.settings ?? {});
  const flow: FlowDocument = {
    schemaVersion: 1,
    name: typeof raw.name === 'string' ? raw.name : '',
    description: '',
    variables: each(raw.variables, (v) => flowVariable.safeParse(v)),
    settings: settings.success ? settings.data : flowSettings.parse({}),
    nodes,
    edges: each(raw.edges, (v) => flowEdge.safeParse(v)),
  };
  return createContext(flow, broken, environment);
}

/** Params naming a node: its id (for clients), its type and its words (for the texts, see names.ts). */
export function nodeParams(node: Pick<FlowNode, 'id' | 'type'> & { data?: unknown }): ProblemParams {
  const params: ProblemParams = { node: node.id, nodeType: node.type };
  const name = blockWords(node.data);
  if (name) params.nodeName = name;
  return params;
}

/** A problem about a node, with the params its text needs. */
export function nodeProblem(
  node: Pick<FlowNode, 'id' | 'type'> & { data?: unknown },
  code: ProblemCode,
  field?: string,
  params: ProblemParams = {},
): Problem {
  const all: ProblemParams = { ...nodeParams(node), ...params };
  if (field !== undefined) all.field = field;
  return createProblem(code, field === undefined ? { nodeId: node.id } : { nodeId: node.id, field }, all);
}
