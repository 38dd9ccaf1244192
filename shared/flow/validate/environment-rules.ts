import type { Problem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';

/**
 * Blocks that validate clean but cannot work where the flow runs: a product picker with
 * nothing to offer answers "Nenhum produto disponível" and loops; an LLM block without a
 * provider answers every contact with its error path. Warnings, not errors: the catalog or
 * the provider may well be set up after publishing.
 */
export const environmentRule: Rule = ({ flow, environment }) => {
  if (!environment) return [];
  const { activeProductsByCategory, aiConfigured } = environment;
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    if (node.type === 'product_picker') {
      // No categories chosen means every category, as in the picker itself.
      const ids = node.data.categoryIds.length > 0 ? node.data.categoryIds : Object.keys(activeProductsByCategory);
      const offered = ids.reduce((sum, id) => sum + (activeProductsByCategory[id] ?? 0), 0);
      if (offered === 0) problems.push(nodeProblem(node, 'picker_without_products', 'categoryIds'));
    } else if (node.type === 'llm') {
      const { provider } = node.data;
      if (provider && environment.aiProviders && !environment.aiProviders.includes(provider))
        problems.push(nodeProblem(node, 'agent_unknown_provider', 'provider', { provider }));
      else if (!provider && !aiConfigured) problems.push(nodeProblem(node, 'llm_without_provider'));
    } else if (node.type === 'agent') {
      const { provider } = node.data;
      if (provider && environment.aiProviders && !environment.aiProviders.includes(provider))
        problems.push(nodeProblem(node, 'agent_unknown_provider', 'provider', { provider }));
      else if (!provider && !aiConfigured) problems.push(nodeProblem(node, 'agent_without_provider'));
    }
  }
  return problems;
};
