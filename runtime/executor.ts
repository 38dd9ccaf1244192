import type { FlowNodeOf, NodeType } from '../shared/flow/schema.ts';
import type { InboundContent } from './events.ts';
import type { Awaiting } from './session.ts';
import type { StepContext } from './context.ts';

/** What a node decided: leave through an output, wait for input, jump, or stop. */
export type Outcome =
  | { type: 'output'; output: string }
  | { type: 'wait'; awaiting: Awaiting }
  | { type: 'jump'; nodeId: string }
  | { type: 'end' }
  /** The input cannot be used here (a sticker to a menu): fallback message, keep waiting. */
  | { type: 'unreadable' };

/** Why a waiting node is woken up. */
export type Resume =
  | { type: 'message'; content: InboundContent }
  | { type: 'timeout' }
  | { type: 'resolved' }
  | { type: 'paid'; reference: string };

export interface Executor<T extends NodeType> {
  enter(node: FlowNodeOf<T>, ctx: StepContext): Outcome | Promise<Outcome>;
  /** Only for node types in `waitingNodeTypes`. */
  resume?(node: FlowNodeOf<T>, ctx: StepContext, awaiting: Awaiting, input: Resume): Outcome | Promise<Outcome>;
}

export const output = (name: string): Outcome => ({ type: 'output', output: name });

export function waitFor(kind: Awaiting['kind'], rest: Partial<Omit<Awaiting, 'kind'>> = {}): Outcome {
  return { type: 'wait', awaiting: { kind, retries: 0, timerKey: null, state: {}, ...rest } };
}
