import '@xyflow/react/dist/style.css';
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import { createRoot } from 'react-dom/client';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import served from 'virtual:bench-served-flow';

/**
 * React Flow's own example shape (controlled, default nodes and edges) with the editor's flow:
 * same ids, positions and links, received the way the editor page receives it (the API's
 * JSON, parsed with `JSON.parse`), so the two pages differ only in how they draw it. The box has
 * the size of the editor's canvas (the window minus palette, toolbar and inspector) and the
 * same zoom limits, so both paint the same area. Like the editor page, it is built for one
 * size (run.ts' --nodes) and loads nothing of Fluxo's: the flow generator, with the flow
 * schema's zod, stays in run.ts.
 */
const params = new URLSearchParams(location.search);
const doc = JSON.parse(served) as FlowDocumentInput;
const initialNodes: Node[] = doc.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.id } }));
const initialEdges: Edge[] = (doc.edges ?? []).map((e) => ({ id: e.id, source: e.source, target: e.target }));
const onlyVisible = params.get('visible') === '1';
const fitViewOptions = { padding: 0.15, maxZoom: 1 };

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div style={{ position: 'absolute', left: 236, top: 52, right: 360, bottom: 0 }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onlyRenderVisibleElements={onlyVisible}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={fitViewOptions}
      />
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<Bare />);
