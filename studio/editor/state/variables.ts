import { builtInVariables, variableWritesOf } from '../../../shared/flow/variables.ts';
import type { EditorFlow } from './types.ts';

export interface VariableSuggestion {
  name: string;
  source: 'declared' | 'node' | 'builtin';
}

/**
 * What `{{` completes to: declared first, then those blocks write, then built-ins; no repeats.
 * Block writes and built-ins come from `shared/flow/variables.ts`, the list publish validation uses.
 */
export function variableSuggestions(flow: Pick<EditorFlow, 'nodes' | 'variables'>): VariableSuggestion[] {
  const seen = new Set<string>();
  const out: VariableSuggestion[] = [];
  const push = (name: string, source: VariableSuggestion['source']) => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    out.push({ name, source });
  };
  for (const v of flow.variables) push(v.name, 'declared');
  for (const n of flow.nodes) for (const name of variableWritesOf(n)) push(name, 'node');
  for (const name of builtInVariables) push(name, 'builtin');
  return out;
}
