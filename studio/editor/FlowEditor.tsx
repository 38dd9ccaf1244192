import '@xyflow/react/dist/style.css';
import '../nodes/nodes.css';
import './editor.css';
// The inspector's WhatsApp preview comes with the panels' code (use-panels.ts), its styles
// with the editor's: a style sheet added later restyles every node of a big flow.
import '../preview/preview.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type JSX, type ReactNode } from 'react';
import type { FlowDocument } from '../../shared/flow/schema.ts';
import type { FlowEnvironment, Problem } from '../../shared/flow/validate/index.ts';
import { useT } from '../i18n/index.ts';
import { bigFlowFrom } from '../nodes/far-look.ts';
import { ErrorBanner } from '../ui/states.tsx';
import { Canvas } from './canvas/Canvas.tsx';
import { EditorProvider, useEditor } from './state/EditorProvider.tsx';
import { createEditorStore, type EditorStore } from './state/store.ts';
import type { DiffMark, NodeAnalytics } from './state/types.ts';
import { useChangeReporter } from './hooks/use-change-reporter.ts';
import { useEditorActions } from './hooks/use-editor-actions.ts';
import { usePanels } from './opening/use-panels.ts';
import { useShortcuts } from './hooks/use-shortcuts.ts';
import { useValidation } from './hooks/use-validation.ts';

export interface FlowEditorProps {
  initial: FlowDocument;
  onChange(flow: FlowDocument): void;
  onProblems?(problems: Problem[]): void;
  highlightNodeId?: string | null;
  analytics?: Record<string, NodeAnalytics> | null;
  readOnly?: boolean;
  /** Blocks to mark as different from the draft (a published version's view). */
  marks?: Readonly<Record<string, DiffMark>> | null;
  toolbarEnd?: ReactNode;
  /** The installation's facts for validation (GET /api/flow-environment); null validates the document alone. */
  environment?: FlowEnvironment | null;
}

/**
 * The flow editor. `initial` is read once: to load another flow, remount with a new `key`.
 * Everything else is live: overlays and read-only follow their props.
 */
export function FlowEditor(props: FlowEditorProps): JSX.Element {
  const [store] = useState<EditorStore>(() => createEditorStore(props.initial, { readOnly: props.readOnly ?? false }));
  const { highlightNodeId = null, analytics = null, readOnly = false, marks = null } = props;
  useEffect(
    () => store.getState().setOverlay({ highlightNodeId, analytics, readOnly, marks }),
    [store, highlightNodeId, analytics, readOnly, marks],
  );

  const { nodes, edges } = store.getState().flow;
  return (
    <EditorProvider store={store}>
      {/* Given the nodes up front, React Flow draws them in its first render, not one round later. */}
      <ReactFlowProvider initialNodes={nodes} initialEdges={edges}>
        <EditorLayout {...props} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

function EditorLayout({ onChange, onProblems, toolbarEnd, highlightNodeId, environment = null }: FlowEditorProps) {
  const root = useRef<HTMLDivElement>(null);
  const getRoot = useCallback(() => root.current, []);
  const getCanvas = useCallback(() => root.current?.querySelector<HTMLElement>('.fx-canvas') ?? null, []);
  const actions = useEditorActions(getCanvas);
  const [searchOpen, setSearchOpen] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);

  useChangeReporter(onChange);
  useValidation(onProblems, environment);
  useShortcuts(getRoot, actions, {
    search: () => setSearchOpen(true),
    problems: () => setProblemsOpen((open) => !open),
  });

  // Follow the simulator: bring the node it is on into view when it changes.
  useEffect(() => {
    if (highlightNodeId) actions.focusNode(highlightNodeId, false);
  }, [highlightNodeId, actions]);

  const focusFromPanel = (id: string) => {
    actions.focusNode(id);
    setSearchOpen(false);
  };

  // A big flow's first picture is its canvas: the panels around it (their frames keep the
  // canvas' size) are loaded and filled in right after the nodes and edges are on screen. Their
  // code is half the editor's (see use-panels.ts) and their first layout loads the bold and
  // monospace faces and lays out the forms. A small flow shows them as soon as their code is in.
  const t = useT();
  const loading = usePanels(useEditor((s) => s.opened || s.flow.nodes.length <= bigFlowFrom));
  const { panels } = loading;
  return (
    // Focusable (not in the Tab order) so that a click on the empty canvas, which holds nothing
    // focusable, puts the focus in the editor rather than on the page's <main> around it, where
    // the shortcuts (see use-shortcuts.ts) would not hear the keys.
    <div className="fx-editor" ref={root} tabIndex={-1}>
      {panels ? (
        <panels.Toolbar
          actions={actions}
          onSearch={() => setSearchOpen(true)}
          onProblems={() => setProblemsOpen((open) => !open)}
          problemsOpen={problemsOpen}
          end={toolbarEnd}
        />
      ) : (
        <div className="fx-toolbar" aria-busy={loading.status === 'loading'}>
          {loading.status === 'failed' && <ErrorBanner message={t('editor.panels.failed')} onRetry={loading.retry} />}
        </div>
      )}
      {panels ? (
        <panels.Palette onAdd={(type) => actions.addNodeAt(type)} />
      ) : (
        <nav className="fx-palette" aria-busy="true" />
      )}
      <main className="fx-main">
        <Canvas />
        {panels && searchOpen && <panels.SearchBox onFocusNode={focusFromPanel} onClose={() => setSearchOpen(false)} />}
        {panels && problemsOpen && (
          <panels.ProblemsPanel onFocusNode={(id) => actions.focusNode(id)} onClose={() => setProblemsOpen(false)} />
        )}
      </main>
      {panels ? <panels.Inspector /> : <aside className="fx-inspector" aria-busy="true" />}
    </div>
  );
}
