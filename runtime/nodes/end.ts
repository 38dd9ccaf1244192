import type { Executor } from '../executor.ts';
import { splitText } from '../../shared/text/split-text.ts';

export const end: Executor<'end'> = {
  enter(node, ctx) {
    const text = ctx.render(node.data.message).trim();
    for (const chunk of splitText(text)) ctx.send({ kind: 'text', text: chunk });
    return { type: 'end' };
  },
};
