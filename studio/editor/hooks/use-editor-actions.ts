import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import { initialSizeOf } from '../../nodes/sizes.ts';
import { readFragment, writeFragment } from '../clipboard/clipboard.ts';
import { addNode } from '../edits/add-node.ts';
import { deleteSelection } from '../edits/delete.ts';
import { copyFragment, duplicateNodes, fragmentOrigin, insertFragment, type Fragment } from '../edits/fragment.ts';
import { selectedNodeIds, selectOnly } from '../edits/selection.ts';
import { setPositions } from '../edits/update-data.ts';
import { useEditorApi } from '../state/EditorProvider.tsx';
import { layoutFlow } from '../canvas/layout.ts';
import { withSchemaCode } from '../opening/load-schema-code.ts';
import type { EditorNode } from '../state/types.ts';

export type EditorActions = ReturnType<typeof useEditorActions>;

/** Everything the toolbar, the shortcuts and the palette can do, in one place. */
export function useEditorActions(canvas: () => HTMLElement | null) {
  const api = useEditorApi();
  const flow = useReactFlow<EditorNode>();

  return useMemo(() => {
    const state = () => api.getState();
    const selection = () => selectedNodeIds(state().flow);

    /** The flow position at the middle of the visible canvas. */
    const viewportCenter = () => {
      const box = canvas()?.getBoundingClientRect();
      if (!box) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    };

    /** Brings a node into view; `select` also opens it in the inspector (not wanted when following the simulator). */
    const focusNode = (id: string, select = true) => {
      if (select) state().view((f) => selectOnly(f, [id]));
      void flow.fitView({ nodes: [{ id }], duration: 350, maxZoom: 1.1, minZoom: 0.6 });
    };

    const paste = (fragment: Fragment | null) => {
      if (!fragment || fragment.nodes.length === 0 || state().readOnly) return;
      const origin = fragmentOrigin(fragment);
      const pointer = state().pointer.current;
      const target = pointer ? flow.screenToFlowPosition(pointer) : { x: origin.x + 40, y: origin.y + 40 };
      state().edit(
        (f) => insertFragment(f, fragment, { x: target.x - origin.x, y: target.y - origin.y }, state().id).flow,
      );
    };

    return {
      undo: () => state().undo(),
      redo: () => state().redo(),
      selectAll: () =>
        state().view((f) =>
          selectOnly(
            f,
            f.nodes.map((n) => n.id),
          ),
        ),
      clearSelection: () => state().view((f) => selectOnly(f, [])),
      deleteSelection: () => state().edit(deleteSelection),
      duplicate: () => {
        const ids = selection();
        if (ids.length > 0) state().edit((f) => duplicateNodes(f, ids, state().id));
      },
      copy: () => {
        const ids = selection();
        if (ids.length > 0) void writeFragment(copyFragment(state().flow, ids));
      },
      paste,
      pasteFromClipboard: async () => paste(await readFragment()),
      fit: () => void flow.fitView({ duration: 300, padding: 0.15 }),
      toggleSnap: () => state().toggleSnap(),
      focusNode,
      /** Adds a node centred on `at` (flow coordinates), or in the middle of the view. */
      addNodeAt: (type: NodeType, at?: { x: number; y: number }) => {
        const size = initialSizeOf(type);
        const center = at ?? viewportCenter();
        // Clicking the palette twice must not stack nodes exactly on top of each other.
        const taken = (x: number, y: number) =>
          state().flow.nodes.some((n) => Math.abs(n.position.x - x) < 8 && Math.abs(n.position.y - y) < 8);
        let x = Math.round(center.x - size.width / 2);
        let y = Math.round(center.y - (at ? 20 : size.height / 2));
        while (!at && taken(x, y)) {
          x += 32;
          y += 32;
        }
        withSchemaCode(({ createNode }) => {
          const node = createNode(type, { x, y }, state().id);
          state().edit((f) => addNode(f, node));
        });
      },
      autoLayout: async () => {
        const { flow: current } = state();
        const positions = await layoutFlow(current.nodes, current.edges);
        state().edit((f) => setPositions(f, positions));
        requestAnimationFrame(() => void flow.fitView({ duration: 400, padding: 0.15 }));
      },
    };
  }, [api, flow, canvas]);
}
