import { parseTemplate } from './parse.ts';

export type Variables = Readonly<Record<string, unknown>>;

/** Reads a dotted path (`pedido.itens.0.nome`) from nested objects and arrays. */
export function lookupPath(vars: Variables, path: string): unknown {
  let current: unknown = vars;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    // Own properties only: `{{constructor}}` must not reach Object.prototype.
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// Built once: `toLocaleString` creates a formatter per call, which dominated render time.
const decimal = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 10 });

/** How a value prints inside a message: missing → empty, numbers pt-BR style, lists joined. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? decimal.format(value) : '';
  if (typeof value === 'boolean') return value ? 'sim' : 'não';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return JSON.stringify(value);
}

/**
 * Renders `{{path}}` placeholders. Values are inserted as plain text: nothing is
 * evaluated and nothing is escaped, since WhatsApp shows text as-is.
 */
export function renderTemplate(template: string, vars: Variables): string {
  if (!template.includes('{{')) return template;
  let out = '';
  for (const part of parseTemplate(template)) {
    out += part.kind === 'text' ? part.text : formatValue(lookupPath(vars, part.path));
  }
  return out;
}
