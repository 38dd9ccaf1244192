import { optionHandle, ruleHandle } from '../../shared/flow/nodes/outputs.ts';
import type { NodeType } from '../../shared/flow/nodes/index.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { buildFlow, node } from '../../shared/flow/testing/build-flow.ts';
import { initialSizeOf } from '../nodes/sizes.ts';
import { seeded } from './stats.ts';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = NonNullable<FlowDocumentInput['edges']>[number];

const titles = ['Comprar', 'Suporte', 'Segunda via', 'Falar com atendente', 'Horários', 'Endereço', 'Promoções'];
const texts = [
  'Olá, {{contact.name}}! Tudo bem? Aqui é a assistente virtual da loja.',
  'Perfeito, anotei: {{pedido}}. Já vou te passar os detalhes.',
  'Nosso horário é de segunda a sábado, das 9h às 18h.',
  'Obrigado, {{nome}}! Em instantes um atendente fala com você.',
  'Seu pedido {{pedido.id}} sai para entrega hoje.',
];

/** Outputs a node of each generated type offers to the tree, in drawing order. */
function openOutputs(n: NodeInput): string[] {
  switch (n.type) {
    case 'menu':
      return (n.data.options ?? []).map((o) => optionHandle(o.id));
    case 'condition':
      return [...(n.data.rules ?? []).map((r) => ruleHandle(r.id)), 'else'];
    case 'question':
      return ['next', 'invalid'];
    case 'end':
      return [];
    default:
      return ['next'];
  }
}

function makeNode(id: string, type: NodeType, i: number, rnd: () => number): NodeInput {
  const text = texts[i % texts.length] ?? '';
  switch (type) {
    case 'menu': {
      const count = 3 + Math.floor(rnd() * 4);
      const options = Array.from({ length: count }, (_, k) => ({
        id: `o${k}`,
        title: titles[(i + k) % titles.length] ?? 'Opção',
      }));
      return node(id, 'menu', { text: `Como posso ajudar, {{contact.name}}? (${i})`, options });
    }
    case 'question':
      return node(id, 'question', {
        text: `Qual é o seu ${i % 2 ? 'CPF' : 'nome'}?`,
        kind: i % 2 ? 'cpf' : 'text',
        variable: `v${i % 40}`,
      });
    case 'condition': {
      const rules = Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, k) => ({
        id: `r${k}`,
        variable: `v${(i + k) % 40}`,
        operator: 'contains' as const,
        value: titles[k] ?? 'x',
      }));
      return node(id, 'condition', { rules });
    }
    case 'end':
      return node(id, 'end', {});
    default:
      return node(id, 'message', { text });
  }
}

function pickType(rnd: () => number): NodeType {
  const r = rnd();
  if (r < 0.4) return 'message';
  if (r < 0.55) return 'menu';
  if (r < 0.8) return 'question';
  if (r < 0.92) return 'condition';
  return 'end';
}

/**
 * A bot of `size` nodes shaped like a big real one: a tree from `start` of messages, menus
 * with 3–6 options, questions and conditions, every node reached by exactly one edge. Mostly
 * deep (a conversation goes on) with branching at menus, laid out in rows top to bottom so
 * the whole flow fits the screen at React Flow's zoom 0.1.
 */
export function benchFlow(size = 500, seed = 7): FlowDocumentInput {
  const rnd = seeded(seed);
  const nodes: NodeInput[] = [node('start', 'start', { keywords: ['oi'] })];
  const edges: EdgeInput[] = [];
  const depth = new Map<string, number>([['start', 0]]);
  const open: { source: string; handle: string }[] = [{ source: 'start', handle: 'next' }];
  while (nodes.length < size && open.length > 0) {
    // Usually continue the newest branch (conversations go deep), sometimes an older one.
    const at = rnd() < 0.75 ? open.length - 1 : Math.floor(rnd() * open.length);
    const [from] = open.splice(at, 1);
    if (!from) break;
    const id = `n${nodes.length}`;
    const type = nodes.length > size - 20 ? 'end' : pickType(rnd);
    const created = makeNode(id, type, nodes.length, rnd);
    nodes.push(created);
    edges.push({ id: `e${edges.length}`, source: from.source, sourceHandle: from.handle, target: id });
    depth.set(id, (depth.get(from.source) ?? 0) + 1);
    open.push(...openOutputs(created).map((handle) => ({ source: id, handle })));
  }
  placeInRows(nodes, depth);
  // A big bot keeps a few dozen variables, not one per question.
  const variables = ['nome', 'pedido', ...Array.from({ length: 40 }, (_, i) => `v${i}`)].map((name) => ({
    name,
    type: 'string' as const,
  }));
  return buildFlow(nodes, edges, { name: `Benchmark (${nodes.length} nós)`, variables });
}

/** Menus grow with their options (one 28 px row each, plus `invalid` and `timeout`). */
function heightOf(n: NodeInput): number {
  return n.type === 'menu' ? 120 + ((n.data.options?.length ?? 0) + 2) * 28 : initialSizeOf(n.type).height;
}

/**
 * Rows of a fixed width filled in order of depth, so parents sit above their children and
 * the flow is about as wide as it is tall (a 1920×1080 window fits it at zoom ~0.13).
 */
function placeInRows(nodes: NodeInput[], depth: Map<string, number>) {
  const columns = Math.ceil(Math.sqrt(nodes.length) * 1.25);
  const ordered = nodes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (depth.get(a.n.id) ?? 0) - (depth.get(b.n.id) ?? 0) || a.i - b.i);
  let y = 0;
  for (let r = 0; r * columns < ordered.length; r++) {
    const row = ordered.slice(r * columns, (r + 1) * columns).map((o) => o.n);
    row.forEach((n, i) => {
      n.position = { x: Math.round((i - row.length / 2) * 300), y };
    });
    y += Math.max(...row.map(heightOf)) + 70;
  }
}
