/**
 * Everything around the canvas, as one chunk of its own: the canvas draws without it (see
 * lazy-panels.tsx), so a flow's first picture does not wait for the forms' code to load.
 */
export { Inspector } from '../panels/Inspector.tsx';
export { Palette } from '../panels/Palette.tsx';
export { ProblemsPanel } from '../panels/ProblemsPanel.tsx';
export { SearchBox } from '../panels/SearchBox.tsx';
export { Toolbar } from '../panels/Toolbar.tsx';
