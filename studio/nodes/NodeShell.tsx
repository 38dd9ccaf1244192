import { Position, useUpdateNodeInternals } from '@xyflow/react';
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeType } from '../../shared/flow/nodes/index.ts';
import { windowClosedOutput, windowSensitiveTypes } from '../../shared/flow/nodes/outputs.ts';
import type { FlowNode } from '../../shared/flow/schema.ts';
import { useEditor } from '../editor/state/EditorProvider.tsx';
import type { EditorState } from '../editor/state/store.ts';
import { useT } from '../i18n/index.ts';
import { AnalyticsChip } from './AnalyticsChip.tsx';
import { FarBoxes, FarLook, type KnownBox } from './far-look.ts';
import { faceHeight, rightRows, type NodeFace } from './face-height.ts';
import { Icon } from './icons.tsx';
import { NodeBadge } from './NodeBadge.tsx';
import { linkedHandlesOf, linkedInput } from './linked-handles.ts';
import { BoxOutputHandles, OutputList } from './OutputList.tsx';
import type { OutputRow } from './node-props.ts';
import { outputLabelKey } from './outputs.ts';
import { outputSideOf } from './output-side.ts';
import { Port } from './Port.tsx';
import { nodeColors } from './colors.ts';

interface NodeShellProps {
  id: string;
  type: NodeType;
  /** The node's data, which sizes its box far out (see far-look.ts). */
  data: FlowNode['data'];
  selected: boolean;
  outputs: OutputRow[];
  children?: ReactNode;
}

/**
 * What the editor lays over one node: simulator highlight, validation problems, analytics; and
 * for a box, which of its handles edges use (see `linkedHandlesOf`).
 */
const overlayOf = (id: string, boxed: boolean) => (s: EditorState) => ({
  highlighted: s.highlightNodeId === id,
  hasProblems: s.problemsByNode.has(id),
  stats: s.analytics?.[id],
  mark: s.marks?.[id],
  linked: boxed ? linkedHandlesOf(s.flow.edges, id) : '',
});

/**
 * The frame every flow node shares: input on top, header, body, outputs, badges. The overlays
 * are read with one subscription, and the badge and the analytics chip are mounted only when
 * they show something: a big flow has hundreds of nodes, and each subscription and component
 * is paid for once per node when it opens.
 */
export function NodeShell({ id, type, data, selected, outputs: own, children }: NodeShellProps) {
  const t = useT();
  const far = useContext(FarLook);
  const boxes = useContext(FarBoxes);
  const boxed = far && boxes.on;
  const { highlighted, hasProblems, stats, linked, mark } = useEditor(useShallow(overlayOf(id, boxed)));
  const outputs = useWindowClosedRow(id, type, data, own);
  const handles = outputs.map((o) => o.handle);
  const side = outputSideOf(handles);
  // `type` and `data` arrive as two props, so TypeScript cannot see they belong together.
  const rows = rightRows(handles);
  const box = boxed ? boxHeight(boxes.known.get(id), { type, data } as NodeFace, rows) : null;
  // A box draws only the handles edges use (see below); the others are measured once drawn.
  const inUse = box === null ? null : new Set(linked.split('\n'));
  const drawn = (handle: string) => inUse === null || inUse.has(handle);
  useRefreshHandles(id, box === null ? handles.join('|') : `${linked}|box`);
  const className = [
    'fx-node',
    `fx-node--${type}`,
    box !== null && 'fx-node--box',
    box !== null && rows > 0 && 'has-rows',
    selected && 'is-selected',
    highlighted && 'is-highlighted',
    hasProblems && 'has-problems',
    mark && `is-diff-${mark}`,
  ]
    .filter(Boolean)
    .join(' ');
  const style = {
    '--node-color': nodeColors[type],
    ...(box !== null ? { height: box, '--rows': rows } : {}),
  } as React.CSSProperties;

  const input = type !== 'start' && drawn(linkedInput) && (
    <Port type="target" position={Position.Top} className="fx-handle fx-handle--in" />
  );
  const below = side === 'bottom' && drawn('next') && (
    <Port type="source" id="next" position={Position.Bottom} className="fx-handle fx-handle--out" />
  );
  if (box !== null) {
    // A box (far, see far-look.ts) is its frame and the handles its edges end on: the header's
    // tint is painted by the frame (nodes.css) and the handles are placed from the bottom,
    // where the rows would put them. Far out nobody can start a connection (handles are hidden
    // there, see Port.tsx), so the handles no edge uses are left out, and React Flow measures
    // them when the node is drawn in full. Hundreds of boxes, ~2,000 elements fewer to
    // create, lay out and measure when a big flow opens.
    return (
      <div className={className} style={style}>
        {input}
        {hasProblems && (
          <header className="fx-node__header">
            <NodeBadge id={id} />
          </header>
        )}
        {side === 'right' && <BoxOutputHandles outputs={outputs} drawn={drawn} />}
        {below}
      </div>
    );
  }
  return (
    <div className={className} style={style}>
      {input}
      {/* Far, the header keeps its height from nodes.css without its (hidden) icon and title. */}
      <header className="fx-node__header">
        {!far && (
          <span className="fx-node__icon">
            <Icon name={type} size={15} />
          </span>
        )}
        {!far && <span className="fx-node__title">{t(`editor.node.${type}`)}</span>}
        {hasProblems && <NodeBadge id={id} />}
      </header>
      {mark && (
        <span className={`fx-node__diff fx-node__diff--${mark}`} data-testid="node-diff-mark">
          {t(`versions.diff.mark.${mark}`)}
        </span>
      )}
      {children && <div className="fx-node__body">{children}</div>}
      {side === 'right' && outputs.length > 0 && <OutputList outputs={outputs} />}
      {below}
      {stats && <AnalyticsChip stats={stats} />}
    </div>
  );
}

/**
 * A block that sends free-form shows its `window_closed` output when the inspector's "Quando a
 * janela de 24 h estiver fechada" says to follow an output, or where an edge already uses it;
 * other canvases stay as they were. A lone `next` (drawn below, unlabelled) then gets its label.
 */
function useWindowClosedRow(id: string, type: NodeType, data: FlowNode['data'], outputs: OutputRow[]): OutputRow[] {
  const t = useT();
  const sensitive = windowSensitiveTypes.has(type);
  const chosen = sensitive && 'windowClosed' in data && data.windowClosed === 'output';
  const linked = useEditor(
    (s) => sensitive && !chosen && s.flow.edges.some((e) => e.source === id && e.sourceHandle === windowClosedOutput),
  );
  if (!chosen && !linked) return outputs;
  return [
    ...outputs.map((o) => (o.label === null ? { ...o, label: t(outputLabelKey(o.handle)) } : o)),
    { handle: windowClosedOutput, label: t('editor.output.window_closed') },
  ];
}

/** A box is as tall as its node came, while its face is unchanged, else as tall as its face should be. */
function boxHeight(known: KnownBox | undefined, node: NodeFace, rows: number): number {
  return known && known.data === node.data ? known.height : faceHeight(node, rows);
}

/**
 * React Flow measures handles when a node's size changes; reordering options keeps the size,
 * and so does a box turning into the full node, so handles must be re-measured when the
 * handles drawn change (`key`). Skipped on mount (already measured).
 */
function useRefreshHandles(id: string, key: string) {
  const update = useUpdateNodeInternals();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    update(id);
  }, [id, key, update]);
}
