/**
 * What the editor does with the flow schema's code (zod and every node's schema): give a new
 * node its defaults, read pasted nodes. A chunk of its own, loaded with the panels after the
 * first picture (see load-schema-code.ts): evaluating the schemas takes ~70 ms on a slow machine.
 */
export { parseFragment } from '../clipboard/clipboard-parse.ts';
export { createNode } from '../edits/create-node.ts';
