import {
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type EdgeTypes,
  type FinalConnectionState,
  type ReactFlowState,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FocusEvent,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import { useLocaleStore, useT } from '../../i18n/index.ts';
import { bigFlowFrom, FarBoxes, FarLook } from '../../nodes/far-look.ts';
import { nodeTypes } from '../../nodes/registry.ts';
import { initialSizeOf } from '../../nodes/sizes.ts';
import { DotGrid } from './DotGrid.tsx';
import { edgeLabel } from './edge-label.ts';
import { EdgeDashes } from './EdgeDashes.tsx';
import { addNode } from '../edits/add-node.ts';
import { connect } from '../edits/connect.ts';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';
import { FlowEdge } from './FlowEdge.tsx';
import { withSchemaCode } from '../opening/load-schema-code.ts';
import { NodePicker } from './NodePicker.tsx';
import { Overview } from './Overview.tsx';
import { paletteMime } from '../panels/palette-groups.ts';
import type { EditorEdge, EditorNode } from '../state/types.ts';
import { useOpening } from '../opening/use-opening.ts';
import { useOpeningView } from '../opening/use-opening-view.ts';

const edgeTypes: EdgeTypes = Object.freeze({ fluxo: FlowEdge });
const snapGrid: [number, number] = [16, 16];
// Props React Flow copies into its store whenever their identity changes, so they never do.
const fitViewOptions = { padding: 0.15, maxZoom: 1 } as const;
const zoomLimits = { minZoom: 0.1, maxZoom: 2 } as const;
const multiSelectionKeys = ['Meta', 'Control'];
/** Matches .fx-picker in editor.css (width) and its tallest content. */
const pickerSize = { width: 250, height: 380 };

/**
 * Below this zoom node texts are unreadable anyway; in big flows hiding them (one class on
 * the canvas, layout unchanged) saves painting hundreds of text blocks on every pan frame.
 * Nearly the whole flow is on screen then, so every node stays mounted: rendering only the
 * visible ones would mount and measure nodes at the edges on every frame of a pan, which
 * costs more (see `npm run bench:studio`). Edges lose their reconnect anchors there too: two
 * circles per edge, about a pixel wide at that zoom, hit-tested on every mouse move.
 */
const farZoom = 0.3;
const isFar = (s: ReactFlowState) => s.transform[2] < farZoom;

type Pending = { at: { x: number; y: number }; client: { x: number; y: number }; source: string; handle: string };

function clientPoint(e: MouseEvent | TouchEvent): { x: number; y: number } {
  const point = 'changedTouches' in e ? e.changedTouches[0] : e;
  return { x: point?.clientX ?? 0, y: point?.clientY ?? 0 };
}

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
  // Applied by React Flow when drawing; never written into the saved edges. Every edge is a
  // plain "Ligação" (React Flow's default names it by node ids) until it gets the focus, when
  // `nameEdge` names it by its blocks: naming them all up front would be work per edge on the
  // first draw of a big flow, for a label read only on the focused one.
  const defaultEdgeOptions = useMemo(() => ({ type: 'fluxo', ariaLabel: t('editor.rf.edge') }), [t]);
  const locale = useLocaleStore((s) => s.locale);
  const api = useEditorApi();
  const nameEdge = useCallback(
    (e: FocusEvent) => {
      const el = e.target;
      if (!(el instanceof Element) || !el.classList.contains('react-flow__edge')) return;
      const label = edgeLabel(api.getState().flow, el.getAttribute('data-id') ?? '', locale);
      // React only writes the attribute when its own value changes, so this one stays while the edge does.
      if (label) el.setAttribute('aria-label', label);
    },
    [api, locale],
  );
  const nodes = useEditor((s) => s.flow.nodes);
  const edges = useEditor((s) => s.flow.edges);
  const snap = useEditor((s) => s.snapToGrid);
  const readOnly = useEditor((s) => s.readOnly);
  // Store actions never change identity, so reading them once is enough.
  const handlers = api.getState();
  const { screenToFlowPosition } = useReactFlow<EditorNode, EditorEdge>();
  const box = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const big = nodes.length > bigFlowFrom;
  const opened = useOpeningView(box, nodes, {
    enabled: big,
    padding: fitViewOptions.padding,
    minZoom: zoomLimits.minZoom,
    maxZoom: fitViewOptions.maxZoom,
    farZoom,
  });
  const opening = useOpening();
  const zoomedFar = useStore(isFar);
  // A big flow usually fits the screen far out, and its nodes stay hidden until measured, so it
  // opens in the far look rather than switching every node to it right after the first fit.
  const far = zoomedFar || opening === 'drawing';
  // Opened at a view fitted far out, the first render is far although React Flow's zoom is
  // not there yet.
  const boxesOn = big && (zoomedFar || (opening === 'drawing' && opened.view.kind === 'fitted'));
  const boxes = useMemo(() => ({ on: boxesOn, known: opened.known }), [boxesOn, opened.known]);
  // Panels and validation wait for this (see `EditorState.opened`).
  useEffect(() => {
    if (opening === 'settled') api.setState({ opened: true });
  }, [api, opening]);

  const onPaneMouseMove = useCallback(
    (e: ReactMouseEvent) => {
      api.getState().pointer.current = { x: e.clientX, y: e.clientY };
    },
    [api],
  );
  const onPaneMouseLeave = useCallback(() => {
    api.getState().pointer.current = null;
  }, [api]);
  const closePicker = useCallback(() => setPending(null), []);

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
    const { source, handle } = pending;
    withSchemaCode(({ createNode }) => {
      const { id } = api.getState();
      const node = createNode(type, { x: Math.round(p.x - initialSizeOf(type).width / 2), y: Math.round(p.y) }, id);
      api.getState().edit((f) => connect(addNode(f, node), { source, sourceHandle: handle, target: node.id }, id));
    });
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
    withSchemaCode(({ createNode }) => {
      const node = createNode(
        type,
        { x: Math.round(p.x - initialSizeOf(type).width / 2), y: Math.round(p.y - 20) },
        api.getState().id,
      );
      api.getState().edit((f) => addNode(f, node));
    });
  };

  return (
    <div
      className={`fx-canvas${big && far ? ' is-far' : ''}${readOnly ? ' is-read-only' : ''}`}
      data-testid="flow-canvas"
      ref={box}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onFocus={nameEdge}
    >
      <EdgeDashes />
      {opened.view.kind !== 'waiting' && (
        <FarBoxes.Provider value={boxes}>
          <FarLook.Provider value={big && far}>
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
              onPaneMouseMove={onPaneMouseMove}
              onPaneMouseLeave={onPaneMouseLeave}
              onPaneClick={closePicker}
              snapToGrid={snap}
              snapGrid={snapGrid}
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={multiSelectionKeys}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              edgesReconnectable={!readOnly && !far}
              onlyRenderVisibleElements={big && !far}
              minZoom={zoomLimits.minZoom}
              maxZoom={zoomLimits.maxZoom}
              {...(opened.view.kind === 'fitted'
                ? { defaultViewport: opened.view.viewport }
                : { fitView: true, fitViewOptions })}
              colorMode="light"
              ariaLabelConfig={ariaLabelConfig}
            >
              <DotGrid />
              <Overview />
              <Controls showInteractive={false} showFitView={false} />
            </ReactFlow>
          </FarLook.Provider>
        </FarBoxes.Provider>
      )}
      {pending && <NodePicker at={pending.at} onPick={createConnected} onClose={closePicker} />}
    </div>
  );
}
