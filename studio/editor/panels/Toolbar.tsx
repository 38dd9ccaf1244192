import type { ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { useEditor } from '../state/EditorProvider.tsx';
import { shortcuts } from '../shortcuts.ts';
import { ToolbarButton } from './ToolbarButton.tsx';
import type { EditorActions } from '../hooks/use-editor-actions.ts';

interface ToolbarProps {
  actions: EditorActions;
  onSearch(): void;
  onProblems(): void;
  problemsOpen: boolean;
  end?: ReactNode;
}

export function Toolbar({ actions, onSearch, onProblems, problemsOpen, end }: ToolbarProps) {
  const t = useT();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const hasSelection = useEditor((s) => s.flow.nodes.some((n) => n.selected));
  const snap = useEditor((s) => s.snapToGrid);
  const readOnly = useEditor((s) => s.readOnly);
  const name = useEditor((s) => s.flow.name);
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length);
  const warnings = useEditor((s) => s.problems.length) - errors;

  return (
    <div className="fx-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      <span className="fx-toolbar__name" title={name}>
        {name}
      </span>
      {readOnly && <span className="fx-pill fx-pill--muted">{t('editor.readOnly')}</span>}
      <div className="fx-toolbar__group">
        <ToolbarButton
          label={t('editor.toolbar.undo')}
          icon="undo"
          shortcut={shortcuts.undo}
          onClick={actions.undo}
          disabled={!canUndo || readOnly}
        />
        <ToolbarButton
          label={t('editor.toolbar.redo')}
          icon="redo"
          shortcut={shortcuts.redo}
          onClick={actions.redo}
          disabled={!canRedo || readOnly}
        />
      </div>
      <div className="fx-toolbar__group">
        <ToolbarButton
          label={t('editor.toolbar.copy')}
          icon="copy"
          shortcut={shortcuts.copy}
          onClick={actions.copy}
          disabled={!hasSelection}
        />
        <ToolbarButton
          label={t('editor.toolbar.paste')}
          icon="paste"
          shortcut={shortcuts.paste}
          onClick={() => void actions.pasteFromClipboard()}
          disabled={readOnly}
        />
        <ToolbarButton
          label={t('editor.toolbar.duplicate')}
          icon="duplicate"
          shortcut={shortcuts.duplicate}
          onClick={actions.duplicate}
          disabled={!hasSelection || readOnly}
        />
        <ToolbarButton
          label={t('editor.toolbar.delete')}
          icon="trash"
          shortcut={shortcuts.delete}
          onClick={actions.deleteSelection}
          disabled={!hasSelection || readOnly}
        />
      </div>
      <div className="fx-toolbar__group">
        <ToolbarButton label={t('editor.toolbar.fit')} icon="fit" shortcut={shortcuts.fit} onClick={actions.fit} />
        <ToolbarButton
          label={t('editor.toolbar.layout')}
          icon="layout"
          shortcut={shortcuts.layout}
          onClick={() => void actions.autoLayout()}
          disabled={readOnly}
        />
        <ToolbarButton
          label={t('editor.toolbar.snap')}
          icon="grid"
          shortcut={shortcuts.snap}
          onClick={actions.toggleSnap}
          pressed={snap}
        />
        <ToolbarButton
          label={t('editor.toolbar.search')}
          icon="search"
          shortcut={shortcuts.search}
          onClick={onSearch}
        />
      </div>
      <button
        type="button"
        className={`fx-problems-toggle${errors ? ' has-errors' : warnings ? ' has-warnings' : ''}`}
        aria-label={t('editor.toolbar.problems')}
        aria-expanded={problemsOpen}
        aria-keyshortcuts="Shift+P"
        title={`${t('editor.problems.summary', { errors, warnings })} (Shift+P)`}
        onClick={onProblems}
      >
        <span className="fx-dot" aria-hidden />
        {t('editor.problems.summary', { errors, warnings })}
      </button>
      <div className="fx-toolbar__end">{end}</div>
    </div>
  );
}
