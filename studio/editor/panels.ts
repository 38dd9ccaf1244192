/**
 * Everything around the canvas, as one chunk of its own: the canvas draws without it (see
 * lazy-panels.tsx), so a flow's first picture does not wait for the forms' code to load.
 */
export { Inspector } from './Inspector.tsx';
export { Palette } from './Palette.tsx';
export { ProblemsPanel } from './ProblemsPanel.tsx';
export { SearchBox } from './SearchBox.tsx';
export { Toolbar } from './Toolbar.tsx';
