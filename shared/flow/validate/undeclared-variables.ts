import { rootOf } from '../../template/parse.ts';
import type { Problem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';
import { builtInVariables, variableReadsOf, variableWritesOf } from '../variables.ts';

const builtIn: ReadonlySet<string> = new Set(builtInVariables);

/**
 * A placeholder naming no variable renders as empty text, which is almost always a typo.
 * Declared means: in the flow's variables, built in, or stored by some node. Only the root
 * of a dotted path is checked for those (`pedido.total` → `pedido`): nested fields are data, not names.
 */
export const undeclaredVariables: Rule = ({ flow, broken }) => {
  // A broken node may store variables we cannot read, so stay quiet rather than be wrong.
  if (broken.size > 0) return [];
  const declared = new Set(flow.variables.map((v) => v.name));
  for (const node of flow.nodes) for (const name of variableWritesOf(node)) declared.add(rootOf(name));
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    for (const read of variableReadsOf(node)) {
      const missing = new Set(read.paths.filter((p) => !declared.has(rootOf(p)) && !builtIn.has(p)).map(rootOf));
      for (const variable of missing) problems.push(nodeProblem(node, 'variable_undeclared', read.field, { variable }));
    }
  }
  return problems;
};
