import type { Fragment } from '../edits/fragment.ts';

/** Marks our JSON on the system clipboard, so pasting a random JSON text is ignored. */
export const clipboardMarker = 'fluxo/nodes';

/** Reading it back needs the flow schema: see clipboard-parse.ts. */
export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify({ kind: clipboardMarker, version: 1, ...fragment });
}
