import type { Executor } from '../executor.ts';

/**
 * A node target jumps within the flow (the loop guard stops runaway cycles). A flow
 * target ends this session with a `start_flow` effect; the server starts that flow.
 */
export const goto: Executor<'goto'> = {
  enter(node, ctx) {
    const target = node.data.target;
    if (target?.kind === 'node') return { type: 'jump', nodeId: target.nodeId };
    if (target?.kind === 'flow')
      ctx.emit({ type: 'start_flow', flowId: target.flowId, variables: ctx.session.variables });
    return { type: 'end' };
  },
};
