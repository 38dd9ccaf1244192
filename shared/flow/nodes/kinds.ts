/**
 * The node types and how they are grouped, without their schemas: the studio draws a flow with
 * these and `outputs.ts` alone, so its first picture does not wait for zod (see index.ts).
 */
export const nodeTypes = [
  'start',
  'message',
  'menu',
  'question',
  'condition',
  'set',
  'http',
  'product_picker',
  'financing',
  'llm',
  'agent',
  'handoff',
  'wait',
  'goto',
  'end',
  'note',
  'schedule',
  'payment',
] as const;
export type NodeType = (typeof nodeTypes)[number];

/** Node types that wait for the contact, so a cycle through them is not a runaway loop. */
export const waitingNodeTypes: ReadonlySet<NodeType> = new Set([
  'menu',
  'question',
  'product_picker',
  'llm',
  'agent',
  'handoff',
  'wait',
  'schedule',
  'payment',
]);

/** Outputs that mean "something went wrong or nobody answered": drawn apart in the studio. */
export const exceptionalOutputs: ReadonlySet<string> = new Set(['invalid', 'timeout', 'error', 'else']);
