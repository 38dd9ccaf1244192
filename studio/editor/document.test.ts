import { describe, expect, it } from 'vitest';
import { flowDocument } from '../../shared/flow/schema.ts';
import { benchFlow } from '../bench/flow.ts';
import { guessedSize } from '../nodes/face-height.ts';
import { bigFlowFrom } from '../nodes/far-look.ts';
import { toDocument, toEditorFlow } from './document.ts';
import { sampleFlow } from './testing/sample-flow.ts';

describe('document <-> editor flow', () => {
  it('saves exactly what was loaded, without drawing state', () => {
    const doc = sampleFlow();
    const editor = toEditorFlow(doc);
    const drawn = {
      ...editor,
      nodes: editor.nodes.map((n) => ({ ...n, selected: true, dragging: false })),
      edges: editor.edges.map((e) => ({ ...e, selected: true })),
    };
    expect(toDocument(drawn)).toEqual(doc);
    expect(flowDocument.parse(JSON.parse(JSON.stringify(toDocument(drawn))))).toEqual(doc);
  });

  it('keeps the size each node was drawn at, and reopens with it', () => {
    const editor = toEditorFlow(sampleFlow());
    const drawn = {
      ...editor,
      nodes: editor.nodes.map((n, i) => ({ ...n, measured: { width: 264, height: 100 + i } })),
    };
    const saved = flowDocument.parse(JSON.parse(JSON.stringify(toDocument(drawn))));
    expect(saved.nodes.map((n) => n.measured)).toEqual(drawn.nodes.map((n) => n.measured));
    expect(toEditorFlow(saved).nodes.map((n) => n.measured)).toEqual(drawn.nodes.map((n) => n.measured));
  });

  it('saves no size for a node React Flow could not measure (hidden, zero high)', () => {
    const editor = toEditorFlow(sampleFlow());
    const drawn = { ...editor, nodes: editor.nodes.map((n) => ({ ...n, measured: { width: 264, height: 0 } })) };
    for (const n of toDocument(drawn).nodes) expect(n).not.toHaveProperty('measured');
  });

  it('leaves sizes to React Flow, which measures each node once before drawing it', () => {
    for (const n of toEditorFlow(sampleFlow()).nodes) {
      expect(n).not.toHaveProperty('initialHeight');
      expect(n).not.toHaveProperty('measured');
    }
  });

  it('gives the nodes of a big flow their box size, keeping sizes that were saved', () => {
    const doc = flowDocument.parse(benchFlow(bigFlowFrom + 10));
    doc.nodes[1]!.measured = { width: 264, height: 321 };
    const nodes = toEditorFlow(doc).nodes;
    expect(nodes[1]!.measured).toEqual({ width: 264, height: 321 });
    for (const n of nodes.slice(2)) expect(n.measured).toEqual(guessedSize(n));
  });
});
