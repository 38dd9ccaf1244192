import { describe, expect, it } from 'vitest';
import { flowDocument } from '../../shared/flow/schema.ts';
import { toDocument, toEditorFlow } from './document.ts';
import { sampleFlow } from './testing/sample-flow.ts';

describe('document <-> editor flow', () => {
  it('saves exactly what was loaded, without drawing state', () => {
    const doc = sampleFlow();
    const editor = toEditorFlow(doc);
    const drawn = {
      ...editor,
      nodes: editor.nodes.map((n) => ({ ...n, selected: true, measured: { width: 1, height: 2 }, dragging: false })),
      edges: editor.edges.map((e) => ({ ...e, selected: true })),
    };
    expect(toDocument(drawn)).toEqual(doc);
    expect(flowDocument.parse(JSON.parse(JSON.stringify(toDocument(drawn))))).toEqual(doc);
  });

  it('leaves sizes to React Flow, which measures each node once before drawing it', () => {
    for (const n of toEditorFlow(sampleFlow()).nodes) expect(n).not.toHaveProperty('initialHeight');
  });
});
