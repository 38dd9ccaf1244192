import type { Executor } from '../executor.ts';

/** Sticky notes are never connected; reaching one (a corrupt import) just ends quietly. */
export const note: Executor<'note'> = { enter: () => ({ type: 'end' }) };
