import { createRoot } from 'react-dom/client';
import { flowDocument } from '../../shared/flow/schema.ts';
import { FlowEditor } from '../editor/FlowEditor.tsx';
import { benchFlow } from './flow.ts';

// Parsed here as FlowPage does with the API's answer, so the time counts what a user waits for.
const size = Number(new URLSearchParams(location.search).get('nodes') ?? 500);
const initial = flowDocument.parse(benchFlow(size));

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<FlowEditor initial={initial} onChange={() => {}} />);
