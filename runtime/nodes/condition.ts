import type { ConditionRule } from '../../shared/flow/nodes/index.ts';
import { ruleHandle } from '../../shared/flow/nodes/index.ts';
import { formatValue, lookupPath } from '../../shared/template/render.ts';
import type { Executor } from '../executor.ts';
import { output } from '../executor.ts';
import { normalizeText } from '../lib/normalize.ts';
import { parseNumberBR } from '../lib/number-br.ts';

// Contact text can be long and a user's regex can backtrack badly; a bounded input keeps it cheap.
const regexInputLimit = 1000;

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return parseNumberBR(v);
  return null;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

export function holds(rule: ConditionRule, actual: unknown, expected: string): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  const text = typeof actual === 'string' ? actual : formatValue(actual);
  switch (rule.operator) {
    case 'empty':
      return isEmpty(actual);
    case 'not_empty':
      return !isEmpty(actual);
    case 'equals':
      return a !== null && b !== null ? a === b : normalizeText(text) === normalizeText(expected);
    case 'not_equals':
      return a !== null && b !== null ? a !== b : normalizeText(text) !== normalizeText(expected);
    case 'contains':
      return normalizeText(text).includes(normalizeText(expected));
    case 'gt':
      return a !== null && b !== null && a > b;
    case 'lt':
      return a !== null && b !== null && a < b;
    case 'gte':
      return a !== null && b !== null && a >= b;
    case 'lte':
      return a !== null && b !== null && a <= b;
    case 'regex':
      try {
        return new RegExp(expected, 'iu').test(text.slice(0, regexInputLimit));
      } catch {
        return false; // An invalid pattern never matches rather than stopping the flow.
      }
  }
}

export const condition: Executor<'condition'> = {
  enter(node, ctx) {
    const scope = ctx.scope();
    for (const rule of node.data.rules) {
      if (holds(rule, lookupPath(scope, rule.variable), ctx.render(rule.value))) return output(ruleHandle(rule.id));
    }
    return output('else');
  },
};
