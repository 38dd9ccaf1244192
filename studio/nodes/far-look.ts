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

export interface FarBoxesValue {
  /** Nodes are drawn as boxes: a big flow far out, or opening there. */
  on: boolean;
  /** The opened flow's nodes that were saved with their size, by id. */
  saved: ReadonlyMap<string, SavedBox>;
}

/**
 * Far out, a big flow's nodes are drawn as plain boxes with their handles where their rows
 * would put them: no body, no text to lay out, a fraction of the elements. A box is as tall
 * as the node was when saved, as long as its face (`data`) is still the one saved, else as
 * tall as its face should be (face-height.ts). Zoomed in, nodes are drawn in full and measured.
 */
export const FarBoxes = createContext<FarBoxesValue>({ on: false, saved: new Map() });
