import { z } from 'zod';
import { variableName } from './common.ts';
import { nodeDefinitions, nodeTypes, type NodeDataByType, type NodeType } from './nodes/index.ts';

export const currentSchemaVersion = 1;

export const position = z.object({ x: z.number(), y: z.number() });
const nodeSize = z.object({ width: z.number().positive().max(10_000), height: z.number().positive().max(10_000) });

/** A node as React Flow draws it; `data` is checked per type by the union below. */
function nodeSchema<T extends NodeType>(type: T) {
  // Annotated so each member keeps its own data type; `nodeDefinitions[type]` alone widens
  // to the union of every node's data, and narrowing on `type` would not narrow `data`.
  const data: (typeof nodeDefinitions)[T]['data'] = nodeDefinitions[type].data;
  return z.object({
    id: z.string().min(1).max(100),
    type: z.literal(type),
    position,
    data,
    width: z.number().optional(),
    height: z.number().optional(),
    // The size the studio last drew the node at (React Flow's `measured`): a big saved flow
    // opens without laying out every node's text first (see studio/nodes/far-look.ts). The
    // runtime ignores it.
    measured: nodeSize.optional(),
  });
}

// Spelled out so TypeScript keeps each member's literal type in the discriminated union.
export const flowNode = z.discriminatedUnion('type', [
  nodeSchema('start'),
  nodeSchema('message'),
  nodeSchema('menu'),
  nodeSchema('question'),
  nodeSchema('condition'),
  nodeSchema('set'),
  nodeSchema('http'),
  nodeSchema('product_picker'),
  nodeSchema('financing'),
  nodeSchema('llm'),
  nodeSchema('agent'),
  nodeSchema('handoff'),
  nodeSchema('wait'),
  nodeSchema('goto'),
  nodeSchema('end'),
  nodeSchema('note'),
  nodeSchema('schedule'),
  nodeSchema('payment'),
]);
export type FlowNode = z.infer<typeof flowNode>;
export type FlowNodeOf<T extends NodeType> = Extract<FlowNode, { type: T }>;

export const flowEdge = z.object({
  id: z.string().min(1).max(200),
  source: z.string().min(1),
  sourceHandle: z.string().min(1).default('next'),
  target: z.string().min(1),
  targetHandle: z.string().nullable().optional(),
});
export type FlowEdge = z.infer<typeof flowEdge>;

export const variableTypes = ['string', 'number', 'boolean', 'date', 'object', 'list'] as const;
export const flowVariable = z.object({
  name: variableName,
  type: z.enum(variableTypes).default('string'),
  /** Value a new session starts with. */
  initial: z.union([z.string(), z.number(), z.boolean(), z.null()]).default(null),
});
export type FlowVariable = z.infer<typeof flowVariable>;

/** Said by default when the contact sends something the flow cannot use. */
const defaultFallbackMessage = 'Desculpe, não consigo ler esse tipo de mensagem. Pode escrever?';

export const flowSettings = z.object({
  /** Sessions waiting at a node id that still exists move to a newly published version. */
  migrateWaitingSessions: z.boolean().default(false),
  /** Said when the contact sends something the flow cannot use (a sticker to a menu...). */
  fallbackMessage: z.string().default(defaultFallbackMessage),
  /**
   * "Pode começar por campanha": a campaign may start this flow right after its template, with
   * the 24-hour window closed, so validation checks the blocks that send before the contact
   * answers (see validate/window-after-wait.ts). The server also knows when a campaign uses it.
   */
  startsFromCampaign: z.boolean().default(false),
});

export const flowDocument = z.object({
  schemaVersion: z.literal(currentSchemaVersion).default(currentSchemaVersion),
  name: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  variables: z.array(flowVariable).default([]),
  settings: flowSettings.default({
    migrateWaitingSessions: false,
    fallbackMessage: defaultFallbackMessage,
    startsFromCampaign: false,
  }),
  nodes: z.array(flowNode),
  edges: z.array(flowEdge).default([]),
});
export type FlowDocument = z.infer<typeof flowDocument>;
/** What a client may send before defaults are applied. */
export type FlowDocumentInput = z.input<typeof flowDocument>;

export type { NodeDataByType, NodeType };
