import type { Executor } from '../executor.ts';
import { output, waitFor } from '../executor.ts';

/** Messages the agent sees first in the inbox. */
const contextMessages = 20;

export const handoff: Executor<'handoff'> = {
  enter(node, ctx) {
    const text = ctx.render(node.data.message).trim();
    if (text) ctx.send({ kind: 'text', text });
    ctx.emit({
      type: 'open_handoff',
      team: node.data.team,
      priority: node.data.priority,
      note: ctx.render(node.data.note),
      context: { variables: ctx.session.variables, messages: ctx.session.history.slice(-contextMessages) },
    });
    return waitFor('agent');
  },
  resume: (_node, _ctx, awaiting, input) =>
    input.type === 'resolved' ? output('resolved') : { type: 'wait', awaiting },
};
