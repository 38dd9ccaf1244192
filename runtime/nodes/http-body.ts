import { lookupPath } from '../../shared/template/render.ts';
import type { StepContext } from '../context.ts';

const lonePlaceholder = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}$/;

/**
 * Renders a request body. A body that is JSON with placeholders inside its strings
 * (`{"nome": "{{nome}}"}`) is rendered value by value and re-serialised, so a quote typed
 * by a contact cannot break the JSON; a string that is one placeholder keeps the value's
 * type (numbers stay numbers). Anything else is rendered as plain text.
 */
export function renderBody(template: string, ctx: StepContext): { body: string; json: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    return { body: ctx.render(template), json: false };
  }
  if (parsed === null || typeof parsed !== 'object') return { body: ctx.render(template), json: false };
  const scope = ctx.scope();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const lone = lonePlaceholder.exec(v);
      if (lone?.[1]) {
        const value = lookupPath(scope, lone[1]);
        if (value !== undefined && typeof value !== 'string') return value;
      }
      return ctx.render(v);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [ctx.render(k), walk(x)]));
    return v;
  };
  return { body: JSON.stringify(walk(parsed)), json: true };
}
