import { variableName } from '../../../shared/flow/common.ts';
import type { FlowVariable } from '../../../shared/flow/schema.ts';
import type { EditorFlow, EditorNode } from '../state/types.ts';

/** Keys whose value names a variable (or a dotted path starting with one). */
const variableKeys = new Set(['variable', 'resultVariable', 'scoreVariable', 'statusVariable']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function renamePath(value: string, from: string, to: string): string {
  return value === from || value.startsWith(`${from}.`) ? to + value.slice(from.length) : value;
}

/** Rewrites `{{from}}`/`{{from.x}}` in every text and every variable field, at any depth. */
function renameIn(value: unknown, from: string, to: string, key: string | null, inLlmVariables: boolean): unknown {
  if (typeof value === 'string') {
    if (key && (variableKeys.has(key) || (inLlmVariables && key === 'name'))) return renamePath(value, from, to);
    const placeholder = new RegExp(`\\{\\{(\\s*)${escape(from)}(?=[.\\s}])`, 'g');
    return value.replace(placeholder, `{{$1${to}`);
  }
  if (Array.isArray(value)) return value.map((v) => renameIn(v, from, to, null, inLlmVariables));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renameIn(v, from, to, k, inLlmVariables || k === 'variables')]),
    );
  }
  return value;
}

export function isValidVariableName(name: string): boolean {
  return variableName.safeParse(name).success;
}

export function declareVariable(flow: EditorFlow, variable: FlowVariable): EditorFlow {
  if (!isValidVariableName(variable.name) || flow.variables.some((v) => v.name === variable.name)) return flow;
  return { ...flow, variables: [...flow.variables, variable] };
}

export function updateVariable(flow: EditorFlow, name: string, patch: Partial<Omit<FlowVariable, 'name'>>): EditorFlow {
  return { ...flow, variables: flow.variables.map((v) => (v.name === name ? { ...v, ...patch } : v)) };
}

/** Renames a declared variable and every place that reads or writes it, so nothing breaks. */
export function renameVariable(flow: EditorFlow, from: string, to: string): EditorFlow {
  if (from === to || !isValidVariableName(to) || flow.variables.some((v) => v.name === to)) return flow;
  return {
    ...flow,
    variables: flow.variables.map((v) => (v.name === from ? { ...v, name: to } : v)),
    nodes: flow.nodes.map((n) => ({ ...n, data: renameIn(n.data, from, to, null, false) }) as EditorNode),
  };
}

/** Removes the declaration only; uses left behind show up as validation problems. */
export function deleteVariable(flow: EditorFlow, name: string): EditorFlow {
  return { ...flow, variables: flow.variables.filter((v) => v.name !== name) };
}
