import { createContext } from 'react';

/**
 * True while a big flow is zoomed so far out that node texts are not drawn (the canvas'
 * `is-far` class hides them). Nodes then also leave out what cannot change their size:
 * icons, titles and output labels (outputs are one fixed-height row each). Nothing on screen
 * changes, but opening a big flow creates and lays out a quarter fewer elements.
 */
export const FarLook = createContext(false);

/** A node as it was saved: its face (`data`) and the height it was drawn at. */
export interface SavedBox {
  data: unknown;
  height: number;
}

/**
 * The nodes of the opened flow that were saved with their size, by id. Far out, such a node is
 * drawn as a plain box of that height, with its handles where its rows would put them, as long
 * as its face is still the one saved: no body, no text to lay out. Opening a big saved flow
 * then creates and lays out a fraction of the elements. Zoomed in, nodes are drawn in full and
 * measured again.
 */
export const SavedBoxes = createContext<ReadonlyMap<string, SavedBox>>(new Map());
