import { lookupPath } from '../../shared/template/render.ts';
import type { Executor } from '../executor.ts';
import { output } from '../executor.ts';
import type { Json } from '../session.ts';

const wholePlaceholder = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}$/;

/**
 * A value that is exactly one placeholder copies the value itself, so numbers and
 * objects keep their type (`{{pedido}}`); anything else is rendered as text.
 */
export const set: Executor<'set'> = {
  enter(node, ctx) {
    for (const a of node.data.assignments) {
      const whole = wholePlaceholder.exec(a.value.trim());
      const copied = whole?.[1] ? lookupPath(ctx.scope(), whole[1]) : undefined;
      ctx.setVariable(a.variable, copied !== undefined ? (copied as Json) : ctx.render(a.value));
    }
    return output('next');
  },
};
