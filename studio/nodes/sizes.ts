import type { NodeType } from '../../shared/flow/nodes/index.ts';

/** Width every node is drawn at (nodes.css uses the same number). */
export const nodeWidth = 264;

/**
 * Rough heights of a node React Flow has not measured yet: what the auto layout assumes for
 * it, and how a new node is centred where it is dropped. Never given to React Flow as
 * `initialHeight` (see `toEditorFlow`).
 */
const heights: Record<NodeType, number> = {
  start: 84,
  message: 120,
  menu: 200,
  question: 170,
  condition: 150,
  set: 110,
  http: 130,
  product_picker: 160,
  financing: 130,
  llm: 160,
  agent: 160,
  handoff: 110,
  wait: 130,
  goto: 90,
  end: 80,
  note: 140,
  schedule: 140,
  payment: 130,
};

export function initialSizeOf(type: NodeType): { width: number; height: number } {
  return { width: type === 'note' ? 220 : nodeWidth, height: heights[type] };
}
