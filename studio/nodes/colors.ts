import type { NodeType } from '../../shared/flow/nodes/index.ts';

/** One accent colour per node type: header icon, minimap, palette. Grouped by hue family. */
export const nodeColors: Record<NodeType, string> = {
  start: '#16a34a',
  message: '#2563eb',
  menu: '#7c3aed',
  question: '#0891b2',
  condition: '#d97706',
  set: '#64748b',
  http: '#0f766e',
  product_picker: '#db2777',
  financing: '#059669',
  llm: '#9333ea',
  agent: '#7c3aed',
  handoff: '#ea580c',
  wait: '#4f46e5',
  goto: '#475569',
  end: '#dc2626',
  note: '#ca8a04',
  schedule: '#0d9488',
  payment: '#16a34a',
};
