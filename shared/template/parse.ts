/**
 * `{{variable}}` templates: parse, look up, print. No expressions, no code:
 * a placeholder is a dotted path (`contact.name`, `pedido.total`) and nothing else.
 */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; path: string; raw: string };

const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(placeholder)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: template.slice(last, at) });
    parts.push({ kind: 'variable', path: m[1] ?? '', raw: m[0] });
    last = at + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

/** The variable paths a template reads, in order of appearance, without repeats. */
export function templateVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const part of parseTemplate(template)) if (part.kind === 'variable') seen.add(part.path);
  return [...seen];
}

/** The root variable of a path: `pedido.total` → `pedido`. */
export function rootOf(path: string): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}
