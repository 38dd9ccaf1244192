import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import { useT } from '../../i18n/index.ts';
import { nodeColors } from '../../nodes/colors.ts';
import { initialSizeOf } from '../../nodes/sizes.ts';
import { useEditor } from '../state/EditorProvider.tsx';
import type { EditorNode } from '../state/types.ts';

/** Size on screen and the margin around what it shows, as React Flow's `<MiniMap>`. */
const width = 200;
const height = 150;
const marginPx = 5;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function nodeBox(n: EditorNode): Box {
  const guess = initialSizeOf(n.type);
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? n.width ?? guess.width,
    height: n.measured?.height ?? n.height ?? guess.height,
  };
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** One path per node colour: a few shapes to draw however many nodes the flow has. */
function shapesOf(nodes: readonly EditorNode[]): { bounds: Box | null; paths: [string, string][] } {
  const byColor = new Map<string, string[]>();
  let bounds: Box | null = null;
  for (const n of nodes) {
    const b = nodeBox(n);
    bounds = bounds ? union(bounds, b) : b;
    const color = nodeColors[n.type as NodeType] ?? '#94a3b8';
    const list = byColor.get(color) ?? byColor.set(color, []).get(color);
    list?.push(`M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}z`);
  }
  return { bounds, paths: [...byColor].map(([color, d]) => [color, d.join('')]) };
}

const Shapes = memo(function Shapes({ paths }: { paths: [string, string][] }) {
  return paths.map(([color, d]) => <path key={color} d={d} fill={color} fillOpacity={0.75} />);
});

/** The visible part of the flow, in flow coordinates. */
const viewOf = (s: ReactFlowState): Box => {
  const [x, y, zoom] = s.transform;
  return { x: -x / zoom, y: -y / zoom, width: s.width / zoom, height: s.height / zoom };
};
const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * The minimap: every node as a rectangle in its colour, the part on screen unshaded; drag it
 * to pan, scroll on it to zoom. React Flow's `<MiniMap>` draws one element per node and
 * redraws them all on every frame of a pan; here the nodes are a few paths that change only
 * with the nodes, and a pan frame redraws just the shade.
 */
export function Overview() {
  const t = useT();
  const nodes = useEditor((s) => s.flow.nodes);
  const view = useStore(viewOf, sameBox);
  const { getViewport, setViewport, zoomTo } = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const { bounds, paths } = useMemo(() => shapesOf(nodes), [nodes]);

  // The flow area shown: nodes and view together, centred, with the panel's aspect ratio.
  const area = bounds ? union(bounds, view) : view;
  const scale = Math.max(area.width / width, area.height / height) || 1;
  const margin = marginPx * scale;
  const box = {
    x: area.x - (width * scale - area.width) / 2 - margin,
    y: area.y - (height * scale - area.height) / 2 - margin,
    width: width * scale + 2 * margin,
    height: height * scale + 2 * margin,
  };
  const unitsPerPx = box.width / width;

  // Wheel listeners from React are passive; this one must stop the page from zooming too.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const step = e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002;
      void zoomTo(getViewport().zoom * 2 ** (-e.deltaY * step));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [getViewport, zoomTo]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY };
  };
  // The shaded frame follows the pointer: the view moves by what the pointer moved, in flow units.
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag.current) return;
    const { x, y, zoom } = getViewport();
    const dx = (e.clientX - drag.current.x) * unitsPerPx;
    const dy = (e.clientY - drag.current.y) * unitsPerPx;
    drag.current = { x: e.clientX, y: e.clientY };
    void setViewport({ x: x - dx * zoom, y: y - dy * zoom, zoom });
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const outer = `M${box.x - margin},${box.y - margin}h${box.width + 2 * margin}v${box.height + 2 * margin}h${-box.width - 2 * margin}z`;
  const inner = `M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`;
  const viewBox = `${box.x} ${box.y} ${box.width} ${box.height}`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap" data-testid="rf__minimap">
      <svg
        ref={svg}
        className="react-flow__minimap-svg fx-overview"
        width={width}
        height={height}
        viewBox={viewBox}
        role="img"
        aria-label={t('editor.rf.minimap')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <Shapes paths={paths} />
      </svg>
      {/*
        The shade on a layer of its own: a pan moves only the shade (the view box stays put
        while the view is inside the flow), so the nodes' paths are not painted again each frame.
      */}
      <svg className="fx-overview__shade" width={width} height={height} viewBox={viewBox} aria-hidden>
        <path className="react-flow__minimap-mask" d={`${outer}${inner}`} fillRule="evenodd" />
      </svg>
    </Panel>
  );
}
