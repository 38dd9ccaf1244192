import type { FlowDocumentInput } from '../schema.ts';
import { buildFlow, node } from './build-flow.ts';

/**
 * A flow of `size` nodes shaped like a big real bot: rows of menu → question → message,
 * every menu option leading on, templates everywhere. Valid, so timing covers every rule.
 */
export function largeFlow(size: number): FlowDocumentInput {
  const nodes = [node('start', 'start', {})];
  const edges: string[] = [];
  let previous = 'start';
  for (let i = 0; nodes.length + 3 <= size; i++) {
    const [m, q, t] = [`menu${i}`, `ask${i}`, `say${i}`];
    nodes.push(
      node(m, 'menu', {
        text: 'Escolha, {{contact.name}}',
        options: [
          { id: 'a', title: 'Sim' },
          { id: 'b', title: 'Não' },
        ],
      }),
      node(q, 'question', { text: 'Seu nome?', variable: `v${i}` }),
      node(t, 'message', { text: `Obrigado, {{v${i}}}` }),
    );
    edges.push(
      `${previous} > ${m}`,
      `${m}.opt-a > ${q}`,
      `${m}.opt-b > ${t}`,
      `${m}.invalid > ${t}`,
      `${q} > ${t}`,
      `${q}.invalid > ${m}`,
    );
    previous = t;
  }
  nodes.push(node('end', 'end', {}));
  edges.push(`${previous} > end`);
  return buildFlow(nodes, edges);
}
