import { z } from 'zod';
import { flowEdge, flowNode } from '../../../shared/flow/schema.ts';
import { clipboardMarker } from './clipboard-format.ts';
import type { Fragment } from '../edits/fragment.ts';

const clipboardPayload = z.object({
  kind: z.literal(clipboardMarker),
  version: z.literal(1),
  nodes: z.array(flowNode),
  edges: z.array(flowEdge),
});

/** Parses clipboard text from any flow or tab; null when it is not ours or not valid. */
export function parseFragment(text: string): Fragment | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clipboardPayload.safeParse(raw);
  return parsed.success ? { nodes: parsed.data.nodes, edges: parsed.data.edges } : null;
}
