import { Position, type NodeHandle } from '@xyflow/react';
import { outputsOf } from '../../shared/flow/graph.ts';
import type { FlowNode } from '../../shared/flow/schema.ts';
import { outputSideOf } from './output-side.ts';

/** nodes.css: the node's border, a handle's side, an output row, the output list's bottom padding. */
const border = 1;
const handleSize = 11;
const rowHeight = 28;
const listPaddingBottom = 6;

/**
 * Where React Flow would find a node's handles once it has measured it (relative to the node,
 * as `getHandleBounds` reports them), worked out from the node's saved size and the layout of
 * nodes.css: the input centred on the top edge, a single `next` centred on the bottom edge,
 * other outputs one 28px row each at the bottom, handle centred on the right edge. Given with
 * a saved size, they let React Flow draw the edges in its first frame; it measures the real
 * handles right after (the browser test compares both).
 */
export function handlesOf(node: FlowNode, size: { width: number; height: number }): NodeHandle[] {
  const box = (id: string | null, type: 'source' | 'target', position: Position, cx: number, cy: number): NodeHandle => ({
    id, type, position, x: cx - handleSize / 2, y: cy - handleSize / 2, width: handleSize, height: handleSize,
  });
  if (node.type === 'note') return [];
  const middle = size.width / 2;
  const handles = node.type === 'start' ? [] : [box(null, 'target', Position.Top, middle, border)];
  const outputs = outputsOf(node);
  if (outputs.length === 0) return handles;
  if (outputSideOf(outputs) === 'bottom') return [...handles, box('next', 'source', Position.Bottom, middle, size.height - border)];
  const listBottom = size.height - border - listPaddingBottom;
  const right = size.width - border;
  return [
    ...handles,
    ...outputs.map((id, i) => box(id, 'source', Position.Right, right, listBottom - (outputs.length - i) * rowHeight + rowHeight / 2)),
  ];
}
