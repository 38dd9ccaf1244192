import type { Problem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';

/**
 * WhatsApp rejects reply buttons with equal titles, and a contact typing a title could not
 * say which option they meant. Compared as typed, ignoring case and surrounding spaces.
 */
export const duplicateOptionTitles: Rule = ({ flow }) => {
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    if (node.type !== 'menu') continue;
    const seen = new Set<string>();
    node.data.options.forEach((o, i) => {
      const key = o.title.trim().toLocaleLowerCase('pt-BR');
      if (seen.has(key))
        problems.push(nodeProblem(node, 'duplicate_option_title', `options.${i}.title`, { title: o.title }));
      seen.add(key);
    });
  }
  return problems;
};
