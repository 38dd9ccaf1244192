import { createContext } from 'react';

/**
 * True while a big flow is zoomed so far out that node texts are not drawn (the canvas'
 * `is-far` class hides them). Nodes then also leave out what cannot change their size:
 * icons, titles and output labels (outputs are one fixed-height row each). Nothing on screen
 * changes, but opening a big flow creates and lays out a quarter fewer elements.
 */
export const FarLook = createContext(false);
