import type { NodeType } from '../../../shared/flow/nodes/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** How the palette groups node types: by what a business person wants to do, not by how they run. */
export const paletteGroups: readonly { title: MessageKey; types: readonly NodeType[] }[] = [
  { title: 'editor.palette.group.talk', types: ['message', 'menu', 'question', 'llm', 'agent'] },
  {
    title: 'editor.palette.group.business',
    types: ['product_picker', 'payment', 'schedule', 'financing', 'handoff', 'http'],
  },
  { title: 'editor.palette.group.logic', types: ['condition', 'set', 'wait', 'goto'] },
  { title: 'editor.palette.group.other', types: ['start', 'end', 'note'] },
];

export const paletteTypes: readonly NodeType[] = paletteGroups.flatMap((g) => g.types);

/** The MIME type palette drags carry, so a drop of anything else is ignored. */
export const paletteMime = 'application/x-fluxo-node';
