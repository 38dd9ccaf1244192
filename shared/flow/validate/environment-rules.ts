import type { ProductPickerData } from '../nodes/product_picker.ts';
import type { Problem } from '../problems.ts';
import { nodeProblem, type Rule } from './context.ts';
import type { FlowEnvironment } from './environment.ts';

/**
 * Whether a picker has something to offer where it runs: the categories it names; else its own
 * catalog, or each catalog of the channels answering with the flow (one empty catalog is a
 * channel whose contacts hear "Nenhum produto disponível"); else, not knowing, any catalog.
 */
function pickerOffers(data: ProductPickerData, environment: FlowEnvironment): boolean {
  const counts = environment.activeProductsByCategory;
  const sum = (ids: string[]) => ids.reduce((n, id) => n + (counts[id] ?? 0), 0);
  if (data.categoryIds.length > 0) return sum(data.categoryIds) > 0;
  const catalogs = data.catalogId ? [data.catalogId] : environment.pickerCatalogIds;
  const catalogOf = environment.catalogOfCategory;
  if (!catalogs || !catalogOf) return sum(Object.keys(counts)) > 0;
  return catalogs.every((catalog) => sum(Object.keys(counts).filter((id) => catalogOf[id] === catalog)) > 0);
}

/**
 * Blocks that validate clean but cannot work where the flow runs: a product picker with
 * nothing to offer answers "Nenhum produto disponível" and loops; an LLM block without a
 * provider answers every contact with its error path. Warnings, not errors: the catalog or
 * the provider may well be set up after publishing.
 */
export const environmentRule: Rule = ({ flow, environment }) => {
  if (!environment) return [];
  const { aiConfigured } = environment;
  const problems: Problem[] = [];
  for (const node of flow.nodes) {
    if (node.type === 'product_picker') {
      if (!pickerOffers(node.data, environment))
        problems.push(nodeProblem(node, 'picker_without_products', 'categoryIds'));
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
    } else if ((node.type === 'menu' || node.type === 'question') && node.data.ai.enabled) {
      // Without any provider "Entender com IA" falls back to synonyms and loose matching, as the
      // issue asks; a provider named but gone is a mistake to show.
      const { provider } = node.data.ai;
      if (provider && environment.aiProviders && !environment.aiProviders.includes(provider))
        problems.push(nodeProblem(node, 'agent_unknown_provider', 'ai.provider', { provider }));
    }
  }
  return problems;
};
