import { describe, expect, it } from 'vitest';
import { createProblem } from '../../../shared/flow/problems.ts';
import { addNode } from '../edits/add-node.ts';
import { createNode } from '../edits/create-node.ts';
import { updateNodeData } from '../edits/update-data.ts';
import { toDocument } from '../document.ts';
import { sequentialIds } from './ids.ts';
import { createEditorStore } from './store.ts';
import { sampleFlow } from '../testing/sample-flow.ts';

function setup(readOnly = false) {
  let clock = 0;
  const store = createEditorStore(sampleFlow(), { id: sequentialIds(), now: () => clock, readOnly });
  return { store, tick: (ms: number) => (clock += ms) };
}
const textOf = (store: ReturnType<typeof setup>['store'], id: string) =>
  (store.getState().flow.nodes.find((n) => n.id === id)?.data as { text?: string }).text;

describe('editor store', () => {
  it('undoes and redoes an added node', () => {
    const { store } = setup();
    const before = toDocument(store.getState().flow);
    store.getState().edit((f) => addNode(f, createNode('message', { x: 0, y: 0 }, store.getState().id)));
    expect(store.getState().flow.nodes).toHaveLength(7);
    store.getState().undo();
    expect(toDocument(store.getState().flow)).toEqual(before);
    store.getState().redo();
    expect(store.getState().flow.nodes.at(-1)?.id).toBe('n1');
  });

  it('merges typing in one field into one undo step', () => {
    const { store, tick } = setup();
    for (const text of ['O', 'Oi', 'Oi!']) {
      store.getState().edit((f) => updateNodeData(f, 'buy', { text }), 'data:buy:text');
      tick(200);
    }
    expect(textOf(store, 'buy')).toBe('Oi!');
    store.getState().undo();
    expect(textOf(store, 'buy')).toBe('Vamos às compras, {{nome}}!');
  });

  it('records a whole drag as one step and saves only when it ends', () => {
    const { store, tick } = setup();
    const { onNodesChange } = store.getState();
    for (const x of [10, 20, 30]) {
      onNodesChange([{ type: 'position', id: 'buy', position: { x, y: 400 }, dragging: true }]);
      tick(16);
    }
    expect(store.getState().revision).toBe(0);
    onNodesChange([{ type: 'position', id: 'buy', position: { x: 40, y: 400 }, dragging: false }]);
    expect(store.getState().revision).toBe(1);
    store.getState().undo();
    expect(store.getState().flow.nodes.find((n) => n.id === 'buy')?.position).toEqual({ x: -200, y: 400 });
  });

  it('does not record selection or measuring', () => {
    const { store } = setup();
    store.getState().onNodesChange([{ type: 'select', id: 'buy', selected: true }]);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'buy', dimensions: { width: 200, height: 90 } }]);
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().revision).toBe(0);
    expect(store.getState().flow.nodes.find((n) => n.id === 'buy')?.selected).toBe(true);
  });

  it('keeps the start node when React Flow asks to remove it', () => {
    const { store } = setup();
    store.getState().onNodesChange([
      { type: 'remove', id: 'start' },
      { type: 'remove', id: 'buy' },
    ]);
    expect(store.getState().flow.nodes.map((n) => n.id)).toContain('start');
    expect(store.getState().flow.nodes.map((n) => n.id)).not.toContain('buy');
  });

  it('connects only valid connections', () => {
    const { store } = setup();
    const s = store.getState();
    expect(s.isValidConnection({ source: 'help', sourceHandle: 'next', target: 'cond', targetHandle: null })).toBe(
      true,
    );
    expect(s.isValidConnection({ source: 'menu', sourceHandle: 'opt-a', target: 'cond', targetHandle: null })).toBe(
      false,
    );
    s.onConnect({ source: 'help', sourceHandle: 'next', target: 'cond', targetHandle: null });
    expect(store.getState().flow.edges.at(-1)).toMatchObject({ source: 'help', target: 'cond' });
  });

  it('read-only editors ignore edits but still select', () => {
    const { store } = setup(true);
    store.getState().edit((f) => updateNodeData(f, 'buy', { text: 'x' }));
    store.getState().onNodesChange([{ type: 'select', id: 'buy', selected: true }]);
    store.getState().onNodesChange([{ type: 'position', id: 'buy', position: { x: 1, y: 1 }, dragging: false }]);
    expect(textOf(store, 'buy')).toBe('Vamos às compras, {{nome}}!');
    expect(store.getState().flow.nodes.find((n) => n.id === 'buy')).toMatchObject({
      selected: true,
      position: { x: -200, y: 400 },
    });
    expect(
      store.getState().isValidConnection({ source: 'help', sourceHandle: 'next', target: 'cond', targetHandle: null }),
    ).toBe(false);
  });

  it('groups problems by node', () => {
    const { store } = setup();
    store.getState().setProblems([createProblem('not_a_flow', { nodeId: 'buy' }), createProblem('not_a_flow')]);
    expect(store.getState().problemsByNode.get('buy')).toHaveLength(1);
  });
});
