import type { FlowNode } from '../../../shared/flow/schema.ts';
import type { EditorFlow } from './types.ts';

/** Always available in templates, filled by the runtime. */
export const builtinVariables = ['contact.name', 'contact.phone', 'now', 'today', 'last_answer'] as const;

/** Variables a node stores values into (so they can be read by later nodes). */
export function variablesWrittenBy(node: FlowNode): string[] {
  switch (node.type) {
    case 'question':
      return [node.data.variable];
    case 'menu':
      return node.data.variable ? [node.data.variable] : [];
    case 'set':
      return node.data.assignments.map((a) => a.variable);
    case 'http':
      return [...node.data.mappings.map((m) => m.variable), ...(node.data.statusVariable ? [node.data.statusVariable] : [])];
    case 'product_picker':
      return [node.data.variable];
    case 'financing':
      return [node.data.resultVariable];
    case 'llm':
      return [...node.data.variables.map((v) => v.name), node.data.scoreVariable];
    case 'wait':
      return node.data.variable ? [node.data.variable] : [];
    case 'start': case 'message': case 'condition': case 'handoff': case 'goto': case 'end': case 'note':
      return [];
  }
}

export interface VariableSuggestion {
  name: string;
  source: 'declared' | 'node' | 'builtin';
}

/** What `{{` completes to: declared first, then those nodes write, then built-ins; no repeats. */
export function variableSuggestions(flow: Pick<EditorFlow, 'nodes' | 'variables'>): VariableSuggestion[] {
  const seen = new Set<string>();
  const out: VariableSuggestion[] = [];
  const push = (name: string, source: VariableSuggestion['source']) => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    out.push({ name, source });
  };
  for (const v of flow.variables) push(v.name, 'declared');
  for (const n of flow.nodes) for (const name of variablesWrittenBy(n)) push(name, 'node');
  for (const name of builtinVariables) push(name, 'builtin');
  return out;
}
