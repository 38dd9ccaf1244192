/** One line of the "collected data" panel. */
export interface VariableRow {
  name: string;
  /** null when the flow declared the variable but never filled it. */
  value: string | null;
}

/**
 * The variables a flow collected, sorted by name, as text: strings as typed, numbers and
 * yes/no as written, lists and objects (a cart, an address) as compact JSON.
 */
export function variableRows(variables: Readonly<Record<string, unknown>>): VariableRow[] {
  return Object.keys(variables)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, value: show(variables[name]) }));
}

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? null;
}
