import { describe, expect, it } from 'vitest';
import { toEditorFlow } from '../document.ts';
import { sequentialIds } from '../state/ids.ts';
import { outputTargets, setOutputTarget } from './output-targets.ts';
import { nodeLabel } from '../state/search.ts';
import { createEditorStore } from '../state/store.ts';
import { sampleFlow } from '../testing/sample-flow.ts';

const flow = () => toEditorFlow(sampleFlow());
const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

describe('outputTargets', () => {
  it('lists every output of the node in display order with its current target', () => {
    const outputs = outputTargets(flow(), 'menu');
    expect(outputs.map((o) => [o.handle, o.target])).toEqual([
      ['opt-a', 'buy'],
      ['opt-b', 'help'],
      ['invalid', null],
      ['timeout', null],
    ]);
  });

  it('offers what the shared rule allows: not the node itself, the start or a note', () => {
    const [next] = outputTargets(flow(), 'buy');
    expect(next?.handle).toBe('next');
    expect(ids(next?.choices ?? [])).toEqual(['menu', 'help', 'cond']);
  });

  it('keeps the current target among the choices of a connected output', () => {
    const [optA] = outputTargets(flow(), 'menu');
    expect(optA?.target).toBe('buy');
    expect(ids(optA?.choices ?? [])).toEqual(['buy', 'help', 'cond']);
  });

  it('has nothing for nodes without outputs or unknown ids', () => {
    expect(outputTargets(flow(), 'note')).toEqual([]);
    expect(outputTargets(flow(), 'nope')).toEqual([]);
  });
});

describe('setOutputTarget', () => {
  it('draws a new edge from a free output', () => {
    const next = setOutputTarget(flow(), 'buy', 'next', 'cond', sequentialIds());
    expect(next.edges.at(-1)).toMatchObject({ id: 'e1', source: 'buy', sourceHandle: 'next', target: 'cond' });
  });

  it('moves the existing edge, keeping its id, when another target is chosen', () => {
    const next = setOutputTarget(flow(), 'menu', 'opt-a', 'cond', sequentialIds());
    expect(next.edges).toHaveLength(flow().edges.length);
    expect(next.edges.find((e) => e.id === 'e2')).toMatchObject({
      source: 'menu',
      sourceHandle: 'opt-a',
      target: 'cond',
    });
  });

  it('removes the edge when the output is disconnected', () => {
    const next = setOutputTarget(flow(), 'menu', 'opt-b', null, sequentialIds());
    expect(ids(next.edges)).toEqual(['e1', 'e2', 'e4']);
  });

  it('leaves the flow unchanged for no-ops and refused targets', () => {
    const f = flow();
    const id = sequentialIds();
    expect(setOutputTarget(f, 'menu', 'opt-a', 'buy', id)).toBe(f);
    expect(setOutputTarget(f, 'menu', 'invalid', null, id)).toBe(f);
    expect(setOutputTarget(f, 'menu', 'invalid', 'start', id)).toBe(f);
    expect(setOutputTarget(f, 'menu', 'invalid', 'note', id)).toBe(f);
    expect(setOutputTarget(f, 'menu', 'invalid', 'menu', id)).toBe(f);
  });

  it('is one undo step in the editor store', () => {
    const store = createEditorStore(sampleFlow(), { id: sequentialIds() });
    const edit = (target: string | null) =>
      store.getState().edit((f) => setOutputTarget(f, 'menu', 'invalid', target, store.getState().id));
    edit('help');
    expect(outputTargets(store.getState().flow, 'menu')[2]?.target).toBe('help');
    edit(null);
    expect(outputTargets(store.getState().flow, 'menu')[2]?.target).toBeNull();
    store.getState().undo();
    expect(outputTargets(store.getState().flow, 'menu')[2]?.target).toBe('help');
    store.getState().undo();
    expect(outputTargets(store.getState().flow, 'menu')[2]?.target).toBeNull();
    store.getState().redo();
    expect(outputTargets(store.getState().flow, 'menu')[2]?.target).toBe('help');
  });

  it('does nothing in a read-only editor', () => {
    const store = createEditorStore(sampleFlow(), { id: sequentialIds(), readOnly: true });
    store.getState().edit((f) => setOutputTarget(f, 'menu', 'invalid', 'help', store.getState().id));
    expect(outputTargets(store.getState().flow, 'menu')[2]?.target).toBeNull();
  });
});

describe('nodeLabel', () => {
  const node = (id: string) => flow().nodes.find((n) => n.id === id)!;
  it('names a node by its type and first words, else by its type alone (never its id)', () => {
    expect(nodeLabel(node('menu'), 'Menu')).toBe('Menu · Olá {{nome}}, escolha:');
    expect(nodeLabel(node('cond'), 'Condição')).toBe('Condição · Ana');
    expect(nodeLabel(node('start'), 'Início')).toBe('Início');
    expect(nodeLabel(node('buy'), 'Mensagem', 12)).toBe('Mensagem · Vamos às co…');
  });
});
