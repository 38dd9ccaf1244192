import type { z } from 'zod';
import type { NodeType } from '../nodes/index.ts';
import { nodeDefinitions } from '../nodes/index.ts';
import type { FlowDocumentInput } from '../schema.ts';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = NonNullable<FlowDocumentInput['edges']>[number];
type DataInput<T extends NodeType> = z.input<(typeof nodeDefinitions)[T]['data']>;

/** A node for a test flow; positions are irrelevant to validation, so they are filled in. */
export function node<T extends NodeType>(id: string, type: T, data: DataInput<T>): NodeInput {
  return { id, type, position: { x: 0, y: 0 }, data } as NodeInput;
}

/**
 * An edge written as `"source > target"` or `"source.handle > target"`; the id defaults
 * to the spec itself so a failing test names the edge it drew.
 */
export function edge(spec: string, id: string = spec): EdgeInput {
  const [from = '', target = ''] = spec.split('>').map((s) => s.trim());
  const dot = from.indexOf('.');
  const source = dot === -1 ? from : from.slice(0, dot);
  const sourceHandle = dot === -1 ? 'next' : from.slice(dot + 1);
  return { id, source, sourceHandle, target };
}

/** A flow document as a client would send it, before defaults. */
export function buildFlow(
  nodes: NodeInput[],
  edges: (string | EdgeInput)[],
  rest: Partial<Omit<FlowDocumentInput, 'nodes' | 'edges'>> = {},
): FlowDocumentInput {
  return {
    name: 'Teste',
    ...rest,
    nodes,
    edges: edges.map((e) => (typeof e === 'string' ? edge(e) : e)),
  };
}
