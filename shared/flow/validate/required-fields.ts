import { parseTemplate } from '../../template/parse.ts';
import type { Problem } from '../problems.ts';
import type { FlowNode } from '../schema.ts';
import { nodeProblem, type Rule, type ValidationContext } from './context.ts';

type Check<T extends FlowNode['type']> = (node: Extract<FlowNode, { type: T }>, ctx: ValidationContext) => Problem[];

/**
 * A regex typed in the studio is checked only when it has no placeholder: with one, the
 * pattern is only known at run time.
 */
function invalidRegex(pattern: string): boolean {
  if (parseTemplate(pattern).some((p) => p.kind === 'variable')) return false;
  try {
    new RegExp(pattern);
    return false;
  } catch {
    return true;
  }
}

/** What a node needs to run that the schema cannot express (or lets through while drafting). */
const checks: { [T in FlowNode['type']]?: Check<T> } = {
  message: (n) =>
    n.data.text.trim() === '' && !n.data.media && (!n.data.template || n.data.templateWhen !== 'always')
      ? [nodeProblem(n, 'message_empty', 'text')]
      : [],
  menu: (n) => (n.data.options.length === 0 ? [nodeProblem(n, 'menu_no_options', 'options')] : []),
  http: (n) => (n.data.url.trim() === '' ? [nodeProblem(n, 'http_url_empty', 'url')] : []),
  agent: (n) =>
    (n.data.tools.includes('list_slots') || n.data.tools.includes('book_slot')) && !n.data.agendaId
      ? [nodeProblem(n, 'agent_no_agenda', 'agendaId')]
      : [],
  condition: (n) =>
    n.data.rules.flatMap((r, i) =>
      r.operator === 'regex' && invalidRegex(r.value)
        ? [nodeProblem(n, 'condition_invalid_regex', `rules.${i}.value`, { position: i + 1 })]
        : [],
    ),
  goto: (n, { index, broken }) => {
    const target = n.data.target;
    if (!target) return [nodeProblem(n, 'goto_no_target', 'target')];
    if (target.kind !== 'node') return [];
    const to = index.nodes.get(target.nodeId);
    if (!to && !broken.has(target.nodeId)) {
      return [nodeProblem(n, 'goto_target_missing', 'target.nodeId', { target: target.nodeId })];
    }
    return to?.type === 'note' ? [nodeProblem(n, 'goto_target_note', 'target.nodeId', { target: target.nodeId })] : [];
  },
};

export const requiredFields: Rule = (ctx) =>
  ctx.flow.nodes.flatMap((node) => {
    const check = checks[node.type] as Check<FlowNode['type']> | undefined;
    return check ? check(node, ctx) : [];
  });
