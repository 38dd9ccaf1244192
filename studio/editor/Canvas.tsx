import {
  Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow,
  useStore, type EdgeTypes, type FinalConnectionState, type MiniMapNodeProps, type ReactFlowState,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import type { NodeType } from '../../shared/flow/nodes/index.ts';
import { useT } from '../i18n/index.ts';
import { nodeColors } from '../nodes/colors.ts';
import { nodeTypes } from '../nodes/registry.ts';
import { initialSizeOf } from '../nodes/sizes.ts';
import { connect } from './edits/connect.ts';
import { addNode, createNode } from './edits/create-node.ts';
import { useEditor, useEditorApi } from './EditorProvider.tsx';
import { FlowEdge } from './FlowEdge.tsx';
import { NodePicker } from './NodePicker.tsx';
import { paletteMime } from './palette-groups.ts';
import type { EditorEdge, EditorNode } from './types.ts';

const edgeTypes: EdgeTypes = Object.freeze({ fluxo: FlowEdge });
// Applied by React Flow when drawing; never written into the saved edges.
const defaultEdgeOptions = { type: 'fluxo' } as const;
const snapGrid: [number, number] = [16, 16];
/**
 * A flow above this many nodes is "big": zoomed in, only what is on screen is rendered (below
 * it the bookkeeping costs more than it saves); zoomed out, see `farZoom`.
 */
const bigFlowFrom = 150;
/** Matches .fx-picker in editor.css (width) and its tallest content. */
const pickerSize = { width: 250, height: 380 };

/**
 * Below this zoom node texts are unreadable anyway; in big flows hiding them (one class on
 * the canvas, layout unchanged) saves painting hundreds of text blocks on every pan frame.
 * Nearly the whole flow is on screen then, so every node stays mounted: rendering only the
 * visible ones would mount and measure nodes at the edges on every frame of a pan, which
 * costs more (see `npm run bench:studio`).
 */
const farZoom = 0.3;
const isFar = (s: ReactFlowState) => s.transform[2] < farZoom;

type Pending = { at: { x: number; y: number }; client: { x: number; y: number }; source: string; handle: string };

function clientPoint(e: MouseEvent | TouchEvent): { x: number; y: number } {
  const point = 'changedTouches' in e ? e.changedTouches[0] : e;
  return { x: point?.clientX ?? 0, y: point?.clientY ?? 0 };
}

const miniMapColor = (n: { type?: string }) => nodeColors[(n.type ?? 'message') as NodeType] ?? '#94a3b8';

export function Canvas() {
  const t = useT();
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('editor.rf.controls'),
      'controls.zoomIn.ariaLabel': t('editor.rf.zoomIn'),
      'controls.zoomOut.ariaLabel': t('editor.rf.zoomOut'),
      'minimap.ariaLabel': t('editor.rf.minimap'),
      'node.a11yDescription.default': t('editor.rf.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('editor.rf.nodeHelp'),
      'edge.a11yDescription.default': t('editor.rf.edgeHelp'),
      'handle.ariaLabel': t('editor.rf.handle'),
    }),
    [t],
  );
  const api = useEditorApi();
  const nodes = useEditor((s) => s.flow.nodes);
  const edges = useEditor((s) => s.flow.edges);
  const snap = useEditor((s) => s.snapToGrid);
  const readOnly = useEditor((s) => s.readOnly);
  // Store actions never change identity, so reading them once is enough.
  const handlers = api.getState();
  const { screenToFlowPosition } = useReactFlow<EditorNode, EditorEdge>();
  const box = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const far = useStore(isFar);
  const big = nodes.length > bigFlowFrom;

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (readOnly || state.isValid || state.toNode || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const handle = state.fromHandle.id ?? 'next';
      const source = state.fromNode.id;
      if (api.getState().flow.edges.some((e) => e.source === source && e.sourceHandle === handle)) return;
      const client = clientPoint(event);
      const rect = box.current?.getBoundingClientRect();
      // Keep the picker inside the canvas, flipping it above the drop point near the bottom edge.
      const x = client.x - (rect?.left ?? 0);
      const y = client.y - (rect?.top ?? 0);
      const at = {
        x: Math.max(8, Math.min(x, (rect?.width ?? Infinity) - pickerSize.width - 8)),
        y: y + pickerSize.height > (rect?.height ?? Infinity) ? Math.max(8, y - pickerSize.height) : y,
      };
      setPending({ client, at, source, handle });
    },
    [api, readOnly],
  );

  const createConnected = (type: NodeType) => {
    if (!pending) return;
    const p = screenToFlowPosition(pending.client);
    const { id } = api.getState();
    const node = createNode(type, { x: Math.round(p.x - initialSizeOf(type).width / 2), y: Math.round(p.y) }, id);
    api.getState().edit((f) => connect(addNode(f, node), { source: pending.source, sourceHandle: pending.handle, target: node.id }, id));
    setPending(null);
  };

  const onDragOver = (e: DragEvent) => {
    if (readOnly || !e.dataTransfer.types.includes(paletteMime)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(paletteMime) as NodeType;
    if (readOnly || !type) return;
    e.preventDefault();
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const node = createNode(type, { x: Math.round(p.x - initialSizeOf(type).width / 2), y: Math.round(p.y - 20) }, api.getState().id);
    api.getState().edit((f) => addNode(f, node));
  };

  return (
    <div className={`fx-canvas${big && far ? ' is-far' : ''}`} data-testid="flow-canvas" ref={box} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<EditorNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onConnect={handlers.onConnect}
        onReconnect={handlers.onReconnect}
        isValidConnection={handlers.isValidConnection}
        onConnectEnd={onConnectEnd}
        onPaneMouseMove={(e) => { api.getState().pointer.current = screenToFlowPosition({ x: e.clientX, y: e.clientY }); }}
        onPaneMouseLeave={() => { api.getState().pointer.current = null; }}
        onPaneClick={() => setPending(null)}
        snapToGrid={snap}
        snapGrid={snapGrid}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        onlyRenderVisibleElements={big && !far}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
        colorMode="light"
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--fx-grid)" />
        <MiniMap pannable zoomable nodeColor={miniMapColor} nodeComponent={MiniMapNode} />
        <Controls showInteractive={false} showFitView={false} />
      </ReactFlow>
      {pending && <NodePicker at={pending.at} onPick={createConnected} onClose={() => setPending(null)} />}
    </div>
  );
}

/** Minimap nodes as plain rounded rectangles: cheap to draw for 500 nodes. */
function MiniMapNode({ x, y, width, height, color }: MiniMapNodeProps) {
  return <rect x={x} y={y} width={width} height={height} rx={6} fill={color} opacity={0.75} />;
}
