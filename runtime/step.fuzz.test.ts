import { describe, expect, it } from 'vitest';
import { nodeTypes, type NodeType } from '../shared/flow/nodes/index.ts';
import type { InboundContent } from './events.ts';
import { sessionState } from './session.ts';
import { buildFlow } from './testing/build-flow.ts';
import { driver } from './testing/session-test-kit.ts';

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomString(rand: () => number): string {
  const kind = Math.floor(rand() * 6);
  const pick = (n: number, gen: () => string) => Array.from({ length: n }, gen).join('');
  switch (kind) {
    case 0:
      return '';
    case 1:
      return pick(1 + Math.floor(rand() * 5), () => ['😀', '👍🏽', '🇧🇷', '❤️', '\u200d'][Math.floor(rand() * 5)] ?? '');
    case 2:
      return pick(5000, () => String.fromCharCode(32 + Math.floor(rand() * 95)));
    case 3:
      return pick(20, () => String.fromCharCode(Math.floor(rand() * 32)));
    case 4:
      return pick(30, () => String.fromCodePoint(Math.floor(rand() * 0x110000)));
    default:
      return (
        ['1', ' 2 ', 'sim', 'não', 'cancelar', '{{x}}', '-1', '99999999', '1,5', '31/02/2026'][
          Math.floor(rand() * 10)
        ] ?? ''
      );
  }
}

function randomContent(rand: () => number, nodeId: string): InboundContent {
  const text = randomString(rand);
  const r = rand();
  if (r < 0.6) return { kind: 'text', text };
  if (r < 0.75) return { kind: 'reply', id: rand() < 0.5 ? `${nodeId}:${text}` : text, title: text };
  if (r < 0.8) return { kind: 'location', latitude: rand() * 400 - 200, longitude: Number.NaN };
  if (r < 0.9) return { kind: 'media', media: 'sticker' };
  return { kind: 'unsupported', type: text };
}

const dataFor: Record<NodeType, Record<string, unknown>> = {
  start: {},
  note: {},
  schedule: { agendaId: 'visitas', retries: 3 },
  end: {},
  goto: {},
  handoff: {},
  wait: {},
  payment: { amount: '{{last_answer}}' },
  set: { assignments: [{ variable: 'x', value: '{{last_answer}}' }] },
  message: { text: '{{last_answer}}' },
  menu: {
    text: 'm',
    options: Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, title: `Opção ${i}` })),
    retries: 3,
  },
  question: { text: 'q', variable: 'x', kind: 'date', retries: 5 },
  condition: {
    rules: [
      { id: 'r', variable: 'last_answer', operator: 'regex', value: '(a+)+$' },
      { id: 'n', variable: 'last_answer', operator: 'gt', value: '1' },
    ],
  },
  http: { url: 'https://api.example/{{last_answer}}', mappings: [{ variable: 'y', path: '$.a[0]' }] },
  product_picker: { mode: 'cart' },
  financing: { price: '{{last_answer}}', termMonths: '{{last_answer}}' },
  llm: { systemPrompt: 'p', maxTurns: 50 },
  agent: { instructions: 'p', tools: ['cart', 'search_catalog', 'end'] },
};

describe('the engine never throws on what a contact sends', () => {
  it.each(nodeTypes.filter((t) => t !== 'start'))('%s', async (type) => {
    const rand = prng(type.length * 7919);
    // Each node loops back to itself through a wait, so every message reaches it again.
    const flow = buildFlow(
      [
        { id: 'n', type, data: dataFor[type] },
        { id: 'w', type: 'wait', data: { durationMinutes: null } },
      ],
      [],
      {},
    );
    const withLoops = {
      ...flow,
      edges: [
        ...flow.edges,
        ...[
          'next',
          'ok',
          'error',
          'invalid',
          'else',
          'rule-r',
          'rule-n',
          'confirmed',
          'cancelled',
          'escalate',
          'booked',
          'none',
        ].map((h, i) => ({ id: `l${i}`, source: 'n', sourceHandle: h, target: 'w' })),
        { id: 'back', source: 'w', sourceHandle: 'reply', target: 'n' },
      ],
    };
    const d = driver(withLoops, {
      categories: [{ id: 'c', name: 'Cat' }],
      products: [
        { id: 'p', categoryId: 'c', name: 'Prod', description: '', priceCents: 100, imageUrl: null, stock: null },
      ],
      http: [{ url: 'https://api.example/', status: 200, body: '{"a":[1]}' }],
      llm: Array.from({ length: 200 }, () => ({ reply: 'ok', score: 0.1, route: 'continue' as const, variables: {} })),
      agendas: { visitas: { name: 'Visitas', hours: { mon: ['09:00-18:00'], sat: ['09:00'] } } },
    });
    let reached = 0;
    for (let i = 0; i < 60; i++) {
      if (d.session?.nodeId === 'n') reached++;
      const effects =
        i % 10 === 9
          ? await d.event(rand() < 0.5 ? { type: 'handoff_resolved' } : { type: 'timer', key: randomString(rand) })
          : await d.content(randomContent(rand, 'n'));
      reached += effects.filter((e) => e.type === 'analytics' && e.kind === 'enter' && e.nodeId === 'n').length;
      expect(sessionState.safeParse(JSON.parse(JSON.stringify(d.session))).success).toBe(true);
    }
    // The node under test really was entered or answered again and again.
    expect(reached).toBeGreaterThan(20);
  });
});
