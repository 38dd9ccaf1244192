import { blockWords } from '../../../shared/flow/names.ts';
import type { FlowNode } from '../../../shared/flow/schema.ts';

export interface SearchHit {
  id: string;
  type: FlowNode['type'];
  /** The text that matched, trimmed around the match. */
  snippet: string;
}

function textsOf(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) textsOf(v, out);
  return out;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function snippetAround(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 20);
  const end = Math.min(text.length, at + length + 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * "Menu de opções · Como posso ajudar?": how a node is named in lists (search results, the
 * inspector's output targets, an edge's label): its type and the first thing it says
 * (`blockWords`), or its type alone; never its id, which means nothing to the user.
 */
export function nodeLabel(node: Pick<FlowNode, 'data'>, typeLabel: string, max = 40): string {
  const words = blockWords(node.data, max);
  return words ? `${typeLabel} · ${words}` : typeLabel;
}

/**
 * Nodes whose texts, id or type label contain the query, ignoring case and accents
 * ("opcao" finds "Opção"): people search the way they remember, not the way they typed.
 */
export function searchNodes(
  nodes: readonly FlowNode[],
  query: string,
  labelOf: (n: FlowNode) => string,
  limit = 30,
): SearchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const node of nodes) {
    const label = labelOf(node);
    for (const text of [...textsOf(node.data, []), label, node.id]) {
      const at = fold(text).indexOf(q);
      if (at === -1) continue;
      hits.push({ id: node.id, type: node.type, snippet: snippetAround(text, at, q.length) });
      break;
    }
    if (hits.length >= limit) break;
  }
  return hits;
}
