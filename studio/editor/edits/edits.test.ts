import { describe, expect, it } from 'vitest';
import { toEditorFlow } from '../document.ts';
import { sequentialIds } from '../state/ids.ts';
import { sampleFlow } from '../testing/sample-flow.ts';
import { connect, reconnect } from './connect.ts';
import { addNode } from './add-node.ts';
import { createNode } from './create-node.ts';
import { deleteElements, deleteSelection } from './delete.ts';
import { selectOnly } from './selection.ts';
import { updateNodeData } from './update-data.ts';

const flow = () => toEditorFlow(sampleFlow());

describe('createNode / addNode', () => {
  it('creates a node with schema defaults and selects only it', () => {
    const ids = sequentialIds();
    const node = createNode('question', { x: 5, y: 6 }, ids);
    expect(node).toMatchObject({ id: 'n1', type: 'question', position: { x: 5, y: 6 } });
    expect(node.data).toMatchObject({ kind: 'text', retries: 2, variable: 'nome' });
    const next = addNode(selectOnly(flow(), ['menu']), node);
    expect(next.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['n1']);
  });

  it('gives each new menu option its own id', () => {
    const node = createNode('menu', { x: 0, y: 0 }, sequentialIds());
    if (node.type !== 'menu') throw new Error('expected a menu');
    expect(node.data.options.map((o) => o.id)).toEqual(['o1', 'o2']);
  });
});

describe('connect', () => {
  it('adds an edge through the chosen handle', () => {
    const next = connect(flow(), { source: 'help', sourceHandle: 'next', target: 'cond' }, sequentialIds());
    expect(next.edges.at(-1)).toMatchObject({ id: 'e1', source: 'help', sourceHandle: 'next', target: 'cond' });
  });

  it('refuses what the shared rule refuses: taken output, into start, self loop, note', () => {
    const f = flow();
    const ids = sequentialIds();
    expect(connect(f, { source: 'menu', sourceHandle: 'opt-a', target: 'help' }, ids)).toBe(f);
    expect(connect(f, { source: 'buy', sourceHandle: 'next', target: 'start' }, ids)).toBe(f);
    expect(connect(f, { source: 'buy', sourceHandle: 'next', target: 'buy' }, ids)).toBe(f);
    expect(connect(f, { source: 'buy', sourceHandle: 'next', target: 'note' }, ids)).toBe(f);
  });

  it('reconnects an edge to another target, keeping its id', () => {
    const next = reconnect(flow(), 'e2', { source: 'menu', sourceHandle: 'opt-a', target: 'cond' });
    expect(next.edges.find((e) => e.id === 'e2')).toMatchObject({
      source: 'menu',
      sourceHandle: 'opt-a',
      target: 'cond',
    });
  });

  it('refuses a reconnect onto an output that is already used', () => {
    const f = flow();
    expect(reconnect(f, 'e2', { source: 'menu', sourceHandle: 'opt-b', target: 'buy' })).toBe(f);
  });
});

describe('delete', () => {
  it('removes nodes with their edges', () => {
    const next = deleteElements(flow(), ['menu']);
    expect(next.nodes.map((n) => n.id)).not.toContain('menu');
    expect(next.edges.map((e) => e.id)).toEqual(['e4']);
  });

  it('never deletes the start node', () => {
    const f = flow();
    expect(deleteElements(f, ['start'])).toBe(f);
  });

  it('deletes selected nodes and edges', () => {
    const f = flow();
    const selected = {
      ...f,
      nodes: f.nodes.map((n) => (n.id === 'buy' ? { ...n, selected: true } : n)),
      edges: f.edges.map((e) => (e.id === 'e4' ? { ...e, selected: true } : e)),
    };
    const next = deleteSelection(selected);
    expect(next.nodes.map((n) => n.id)).not.toContain('buy');
    expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
  });
});

describe('updateNodeData', () => {
  it('merges the patch and keeps other nodes identical', () => {
    const f = flow();
    const next = updateNodeData(f, 'buy', { text: 'Oi' });
    expect(next.nodes.find((n) => n.id === 'buy')?.data).toMatchObject({ text: 'Oi', media: null });
    expect(next.nodes.find((n) => n.id === 'help')).toBe(f.nodes.find((n) => n.id === 'help'));
  });

  it('removes optional keys set to undefined', () => {
    const withHeader = updateNodeData(flow(), 'menu', { header: 'Topo' });
    const next = updateNodeData(withHeader, 'menu', { header: undefined });
    expect('header' in (next.nodes.find((n) => n.id === 'menu')?.data ?? {})).toBe(false);
  });

  it('returns the same flow for an unknown node', () => {
    const f = flow();
    expect(updateNodeData(f, 'nope', { text: 'x' })).toBe(f);
  });
});
