import { createRoot } from 'react-dom/client';
import type { FlowDocument } from '../../shared/flow/schema.ts';
import { FlowEditor } from '../editor/FlowEditor.tsx';
import served from 'virtual:bench-served-flow';

/**
 * The flow arrives as FlowPage gets it: the API's JSON (validated and given its defaults by
 * the server), read with `JSON.parse` as studio/api/http.ts does, so the time counts what a
 * user waits for and nothing the studio does not do. The benchmark may hand over the flow as
 * the studio saves it once it has drawn it (`__savedFlow`, with node sizes). The page is built
 * for one size (run.ts' --nodes).
 */
declare global {
  interface Window {
    __savedFlow?: string;
    __servedFlow?: string;
  }
}
window.__servedFlow = served;
// Not `?? served`: the bundler would copy the flow's text into this page's chunk (constants in
// `??` are inlined), and this page would download it twice.
const initial = JSON.parse(window.__savedFlow ?? window.__servedFlow) as FlowDocument;

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<FlowEditor initial={initial} onChange={() => {}} />);
