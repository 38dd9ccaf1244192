import { describe, expect, it } from 'vitest';
import { changedBlockCount, diffFlows, sameValue, type DiffGraph } from './diff.ts';
import { flowDocument } from './schema.ts';
import { buildFlow, edge, node } from './testing/build-flow.ts';

const published = flowDocument.parse(
  buildFlow(
    [
      node('start', 'start', {}),
      node('hello', 'message', { text: 'Olá!' }),
      node('ask', 'menu', {
        text: 'Escolha',
        options: [
          { id: 'a', title: 'Pedidos' },
          { id: 'b', title: 'Falar com alguém' },
        ],
      }),
      node('bye', 'end', {}),
    ],
    ['start > hello', 'hello > ask', 'ask.a > bye'],
  ),
);

/** A copy to edit, loosely typed, so each test starts from the published version. */
interface Editable extends DiffGraph {
  nodes: { id: string; type: string; data: unknown; position: { x: number; y: number } }[];
  edges: { id: string; source: string; sourceHandle: string; target: string }[];
}
const draft = (): Editable => structuredClone(published) as Editable;

describe('diffFlows', () => {
  it('finds nothing between a flow and its copy', () => {
    expect(diffFlows(published, draft())).toEqual({ added: [], removed: [], changed: [], flowChanged: false });
  });

  it('does not count a moved block as changed', () => {
    const moved = draft();
    for (const n of moved.nodes) n.position = { x: n.position.x + 400, y: n.position.y - 90 };
    expect(changedBlockCount(diffFlows(published, moved))).toBe(0);
  });

  it('names blocks added and removed', () => {
    const next = draft();
    next.nodes = next.nodes.filter((n) => n.id !== 'bye');
    next.edges = next.edges.filter((e) => e.target !== 'bye');
    next.nodes.push({ id: 'thanks', type: 'message', data: { text: 'Obrigado' }, position: { x: 0, y: 0 } });
    const diff = diffFlows(published, next);
    expect(diff.added).toEqual(['thanks']);
    expect(diff.removed).toEqual(['bye']);
    // The menu lost the connection of its option "a": that is a change of the menu.
    expect(diff.changed).toEqual(['ask']);
  });

  it('marks a block whose data changed', () => {
    const next = draft();
    const hello = next.nodes.find((n) => n.id === 'hello');
    if (hello) hello.data = { ...(hello.data as object), text: 'Oi, tudo bem?' };
    expect(diffFlows(published, next).changed).toEqual(['hello']);
  });

  it('marks a block whose output now leads elsewhere, and only that block', () => {
    const next = draft();
    next.edges = next.edges.map((e) => (e.source === 'hello' ? { ...e, target: 'bye' } : e));
    expect(diffFlows(published, next).changed).toEqual(['hello']);
  });

  it('marks a block with a new connection on another output', () => {
    const next = draft();
    next.edges.push(edge('ask.b > bye') as (typeof next.edges)[number]);
    expect(diffFlows(published, next).changed).toEqual(['ask']);
  });

  it('does not care about the order of edges or of keys in data', () => {
    const next = draft();
    next.edges.reverse();
    const ask = next.nodes.find((n) => n.id === 'ask');
    if (ask) ask.data = Object.fromEntries(Object.entries(ask.data as object).reverse());
    expect(changedBlockCount(diffFlows(published, next))).toBe(0);
  });

  it('tells a change of the flow itself apart from its blocks', () => {
    const renamed = { ...draft(), name: 'Outro nome' };
    expect(diffFlows(published, renamed)).toEqual({ added: [], removed: [], changed: [], flowChanged: true });
  });
});

describe('sameValue', () => {
  it('treats an undefined property as absent and keeps array order', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
