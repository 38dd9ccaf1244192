import { describe, expect, it } from 'vitest';
import { serializeFragment } from '../clipboard/clipboard-format.ts';
import { parseFragment } from '../clipboard/clipboard-parse.ts';
import { toEditorFlow } from '../document.ts';
import { sequentialIds } from '../state/ids.ts';
import { sampleFlow } from '../testing/sample-flow.ts';
import { copyFragment, duplicateNodes, fragmentOrigin, insertFragment } from './fragment.ts';

const flow = () => toEditorFlow(sampleFlow());

describe('copy / paste / duplicate', () => {
  it('copies the chosen nodes and only the edges between them', () => {
    const fragment = copyFragment(flow(), ['menu', 'buy']);
    expect(fragment.nodes.map((n) => n.id)).toEqual(['menu', 'buy']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['e2']);
    expect(Object.keys(fragment.nodes[0]!)).toEqual(['id', 'type', 'position', 'data']);
  });

  it('pastes with fresh ids, shifted, edges rewired, and selects the copy', () => {
    const f = flow();
    const { flow: next, nodeIds } = insertFragment(
      f,
      copyFragment(f, ['menu', 'buy']),
      { x: 10, y: 20 },
      sequentialIds(),
    );
    expect(nodeIds).toEqual(['n1', 'n2']);
    expect(next.nodes.find((n) => n.id === 'n1')?.position).toEqual({ x: 10, y: 170 });
    expect(next.edges.at(-1)).toMatchObject({ id: 'e1', source: 'n1', sourceHandle: 'opt-a', target: 'n2' });
    expect(next.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(next.nodes).toHaveLength(f.nodes.length + 2);
  });

  it('pasted data is a copy: editing it does not touch the original', () => {
    const f = flow();
    const { flow: next } = insertFragment(f, copyFragment(f, ['menu']), { x: 0, y: 0 }, sequentialIds());
    const copy = next.nodes.find((n) => n.id === 'n1');
    const original = next.nodes.find((n) => n.id === 'menu');
    expect(copy?.data).toEqual(original?.data);
    expect(copy?.data).not.toBe(original?.data);
  });

  it('skips a second start node', () => {
    const f = flow();
    const { nodeIds } = insertFragment(f, copyFragment(f, ['start', 'menu']), { x: 0, y: 0 }, sequentialIds());
    expect(nodeIds).toEqual(['n1']);
  });

  it('duplicates 40px down and right', () => {
    const next = duplicateNodes(flow(), ['buy'], sequentialIds());
    expect(next.nodes.at(-1)).toMatchObject({ id: 'n1', type: 'message', position: { x: -160, y: 440 } });
  });

  it('round-trips through the clipboard text and rejects foreign JSON', () => {
    const fragment = copyFragment(flow(), ['menu', 'buy']);
    expect(parseFragment(serializeFragment(fragment))).toEqual(fragment);
    expect(parseFragment('{"nodes":[]}')).toBeNull();
    expect(parseFragment('not json')).toBeNull();
    expect(
      parseFragment(
        serializeFragment({
          nodes: [{ id: 'x', type: 'menu', position: { x: 0, y: 0 }, data: {} } as never],
          edges: [],
        }),
      ),
    ).toBeNull();
  });

  it('finds the top-left corner of a fragment', () => {
    expect(fragmentOrigin(copyFragment(flow(), ['buy', 'help', 'cond']))).toEqual({ x: -200, y: 400 });
  });
});
