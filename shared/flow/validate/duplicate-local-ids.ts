import type { Problem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';

/** Option and rule ids name their node's outputs (`opt-<id>`), so two equal ids share one output. */
export const duplicateLocalIds: Rule = ({ flow }) => {
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    const items =
      node.type === 'menu'
        ? { list: node.data.options, key: 'options', code: 'duplicate_option_id' as const }
        : node.type === 'condition'
          ? { list: node.data.rules, key: 'rules', code: 'duplicate_rule_id' as const }
          : null;
    if (!items) continue;
    const seen = new Set<string>();
    items.list.forEach((item, i) => {
      if (seen.has(item.id)) problems.push(nodeProblem(node, items.code, `${items.key}.${i}.id`, { id: item.id }));
      seen.add(item.id);
    });
  }
  return problems;
};
