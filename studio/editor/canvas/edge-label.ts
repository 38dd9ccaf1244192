import { nodeById, outputsOf } from '../../../shared/flow/graph.ts';
import { outputLabel } from '../../../shared/flow/names.ts';
import { translate, type Locale } from '../../i18n/index.ts';
import { nodeLabel } from '../state/search.ts';
import type { EditorFlow } from '../state/types.ts';

/**
 * What a screen reader says for an edge: `Ligação de Menu de opções · Como posso ajudar?,
 * saída "Comprar", para Mensagem · Ótima escolha!` rather than React Flow's "Edge from
 * nqyx4ng5q to nre8r2czh". The output is left out when its block has only one. Null when
 * the edge or one of its ends is gone.
 */
export function edgeLabel(flow: Pick<EditorFlow, 'nodes' | 'edges'>, edgeId: string, locale: Locale): string | null {
  const edge = flow.edges.find((e) => e.id === edgeId);
  const source = edge && nodeById(flow, edge.source);
  const target = edge && nodeById(flow, edge.target);
  if (!edge || !source || !target) return null;
  const name = (node: typeof source) => nodeLabel(node, translate(locale, `editor.node.${node.type}`));
  const from = name(source);
  const to = name(target);
  if (outputsOf(source).length <= 1) return translate(locale, 'editor.rf.edgeLabel', { from, to });
  return translate(locale, 'editor.rf.edgeLabelOutput', {
    from,
    to,
    output: outputLabel(source, edge.sourceHandle, locale),
  });
}
