import { createContext } from 'react';

/**
 * A flow above this many nodes is "big": zoomed in, only what is on screen is rendered (below
 * it the bookkeeping costs more than it saves); zoomed out, see `farZoom` in Canvas.tsx. Not while
 * opening: the view starts at zoom 1 until React Flow has measured the nodes and fitted them,
 * and rendering only what zoom 1 shows would mount the flow in two rounds, measuring twice.
 */
export const bigFlowFrom = 150;

/**
 * True while a big flow is zoomed so far out that node texts are not drawn (the canvas'
 * `is-far` class hides them). Nodes then also leave out what cannot change their size:
 * icons, titles and output labels (outputs are one fixed-height row each). Nothing on screen
 * changes, but opening a big flow creates and lays out a quarter fewer elements.
 */
export const FarLook = createContext(false);

/** A node as it was opened: its face (`data`) and the height it came with. */
export interface KnownBox {
  data: unknown;
  height: number;
}

export interface FarBoxesValue {
  /** Nodes are drawn as boxes: a big flow far out, or opening there. */
  on: boolean;
  /** The sizes the opened flow's nodes came with (saved, or guessed for a big flow), by id. */
  known: ReadonlyMap<string, KnownBox>;
}

/**
 * Far out, a big flow's nodes are drawn as plain boxes with their handles where their rows
 * would put them: no body, no text to lay out, a fraction of the elements. A box is as tall
 * as the node came (see `toEditorFlow`) as long as its face (`data`) is unchanged since, else
 * as tall as its face should be (face-height.ts). Zoomed in, nodes are drawn in full and
 * measured.
 */
export const FarBoxes = createContext<FarBoxesValue>({ on: false, known: new Map() });
