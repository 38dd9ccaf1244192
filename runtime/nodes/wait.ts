import type { Executor } from '../executor.ts';
import { output, waitFor } from '../executor.ts';
import { describeContent } from '../text.ts';

/** Any message counts as the reply, even a sticker: the point is that the contact came back. */
export const wait: Executor<'wait'> = {
  enter(node, ctx) {
    const text = ctx.render(node.data.message).trim();
    if (text) ctx.send({ kind: 'text', text });
    const minutes = node.data.durationMinutes;
    return waitFor('reply', { timerKey: minutes === null ? null : ctx.startTimer(minutes) });
  },
  resume(node, ctx, awaiting, input) {
    if (input.type === 'timeout') return output('timeout');
    if (input.type !== 'message') return { type: 'wait', awaiting };
    const said = describeContent(input.content);
    if (node.data.variable) ctx.setVariable(node.data.variable, said);
    ctx.setLastAnswer(said);
    return output('reply');
  },
};
