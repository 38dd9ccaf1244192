/**
 * Steps per second of the pure engine on a 200-node flow (no I/O): the ceiling the
 * server's webhook → reply path can reach. Run: `npx tsx runtime/testing/step-benchmark.ts`.
 */
import type { FlowDocument } from '../../shared/flow/schema.ts';
import type { SessionState } from '../session.ts';
import { step } from '../step.ts';
import { buildFlow } from './build-flow.ts';
import { testPorts } from './ports.ts';

type Node = Parameters<typeof buildFlow>[0][number];
type Edge = [string, string, string];

/** 33 rounds of menu → set → condition → message → question → message, then back to the start: 200 nodes. */
export function benchmarkFlow(): FlowDocument {
  const nodes: Node[] = [{ id: 'start', type: 'start', data: { keywords: ['menu'] } }];
  const edges: Edge[] = [];
  let previous: [string, string] = ['start', 'next'];
  const link = (id: string, handle = 'next') => {
    edges.push([previous[0], previous[1], id]);
    previous = [id, handle];
  };
  for (let r = 0; r < 33; r++) {
    nodes.push({
      id: `m${r}`,
      type: 'menu',
      data: {
        text: `Rodada ${r}, {{contact.name}}`,
        options: [
          { id: 'a', title: 'Seguir' },
          { id: 'b', title: 'Outro' },
        ],
        variable: 'escolha',
      },
    });
    link(`m${r}`, 'opt-a');
    nodes.push({ id: `s${r}`, type: 'set', data: { assignments: [{ variable: 'rodada', value: String(r) }] } });
    link(`s${r}`);
    nodes.push({
      id: `c${r}`,
      type: 'condition',
      data: { rules: [{ id: 'x', variable: 'rodada', operator: 'gt', value: '1000' }] },
    });
    link(`c${r}`, 'else');
    nodes.push({ id: `t${r}`, type: 'message', data: { text: 'Você escolheu {{escolha}} em {{now}}' } });
    link(`t${r}`);
    nodes.push({ id: `q${r}`, type: 'question', data: { text: 'Um número?', kind: 'number', variable: 'n' } });
    link(`q${r}`);
    nodes.push({ id: `u${r}`, type: 'message', data: { text: 'Anotado: {{n}}' } });
    link(`u${r}`);
  }
  nodes.push({ id: 'back', type: 'goto', data: { target: { kind: 'node', nodeId: 'm0' } } });
  link('back');
  return buildFlow(nodes, edges);
}

export async function measureSteps(
  durationMs = 3000,
): Promise<{ steps: number; stepsPerSecond: number; nodes: number }> {
  const flow = benchmarkFlow();
  const { ports } = testPorts();
  const contact = { name: 'Ana', phone: '5584991230001' };
  let session: SessionState | null = null;
  let steps = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    const text = session?.awaiting?.kind === 'answer' ? '42' : 'Seguir';
    const r = await step({
      flow,
      flowVersionId: 'bench',
      session,
      event: { type: 'message', content: { kind: 'text', text } },
      contact,
      ports,
    });
    session = r.session;
    steps++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { steps, stepsPerSecond: Math.round(steps / seconds), nodes: flow.nodes.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureSteps();
  console.log(`engine: ${r.stepsPerSecond} steps/s on a ${r.nodes}-node flow (${r.steps} steps)`);
}
