import { useEffect, useRef } from 'react';
import { fragmentFromText, rememberCopy } from '../clipboard/clipboard.ts';
import { serializeFragment } from '../clipboard/clipboard-format.ts';
import { copyFragment } from '../edits/fragment.ts';
import { selectedNodeIds } from '../edits/selection.ts';
import { useEditorApi } from '../state/EditorProvider.tsx';
import { matchShortcut, shortcuts, type ShortcutName } from '../shortcuts.ts';
import type { EditorActions } from './use-editor-actions.ts';

/** Inputs that hold no text: their value is picked, not typed, so there is nothing of theirs to undo. */
const pickedInputTypes = new Set(['checkbox', 'radio', 'range', 'color', 'button', 'submit', 'reset']);

/** Any form control: its keys (letters, Delete, Escape, Ctrl+A…) are its own. */
function isFormControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A control whose text the browser can undo itself. */
function holdsText(target: EventTarget | null): boolean {
  if (!isFormControl(target)) return false;
  if (target instanceof HTMLSelectElement) return false;
  return !(target instanceof HTMLInputElement && pickedInputTypes.has(target.type));
}

/**
 * Shortcuts work when the focus is on the page or inside this editor, and never while
 * typing in a field (there Ctrl+Z and Ctrl+C keep their usual meaning). On a select or a
 * checkbox, undo and redo are the editor's: the browser has no undo there, and the change just
 * made with it (an output connected from the inspector) is the one to take back. Copy and
 * paste use the browser's own clipboard events: they need no permission prompt.
 */
export function useShortcuts(
  root: () => HTMLElement | null,
  actions: EditorActions,
  ui: Partial<Record<ShortcutName, () => void>>,
) {
  const api = useEditorApi();
  const latest = useRef({ actions, ui });
  latest.current = { actions, ui };

  useEffect(() => {
    const inEditor = (e: Event) => {
      const el = root();
      const target = e.target;
      if (!el) return false;
      return (
        target === document.body ||
        target === document.documentElement ||
        (target instanceof Node && el.contains(target))
      );
    };
    const ours = (e: Event) => inEditor(e) && !isFormControl(e.target);

    const onKeyDown = (e: KeyboardEvent) => {
      if (!inEditor(e) || holdsText(e.target)) return;
      const { actions: a } = latest.current;
      if (isFormControl(e.target)) {
        const history: [string, () => void][] = [
          [shortcuts.undo, a.undo],
          [shortcuts.redo, a.redo],
          [shortcuts.redoAlt, a.redo],
        ];
        const hit = history.find(([shortcut]) => matchShortcut(e, shortcut));
        if (hit) {
          e.preventDefault();
          hit[1]();
        }
        return;
      }
      const { ui: extra } = latest.current;
      const table: [string, () => void][] = [
        [shortcuts.undo, a.undo],
        [shortcuts.redo, a.redo],
        [shortcuts.redoAlt, a.redo],
        [shortcuts.duplicate, a.duplicate],
        [shortcuts.selectAll, a.selectAll],
        [shortcuts.fit, a.fit],
        [shortcuts.layout, () => void a.autoLayout()],
        [shortcuts.snap, a.toggleSnap],
        [shortcuts.delete, a.deleteSelection],
        ['Backspace', a.deleteSelection],
        ['Escape', a.clearSelection],
      ];
      for (const [name, run] of Object.entries(extra)) if (run) table.unshift([shortcuts[name as ShortcutName], run]);
      const hit = table.find(([shortcut]) => matchShortcut(e, shortcut));
      if (!hit) return;
      e.preventDefault();
      hit[1]();
    };

    const onCopy = (e: ClipboardEvent) => {
      if (!ours(e)) return;
      const { flow } = api.getState();
      const ids = selectedNodeIds(flow);
      if (ids.length === 0) return;
      const text = serializeFragment(copyFragment(flow, ids));
      rememberCopy(text);
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
    };

    const onPaste = (e: ClipboardEvent) => {
      if (!ours(e)) return;
      // Read now: the event's clipboard is emptied once the handler returns. The canvas has no
      // paste of its own to prevent; parsing waits for the schema code (see clipboard.ts).
      e.preventDefault();
      void fragmentFromText(e.clipboardData?.getData('text/plain') ?? '').then((fragment) =>
        latest.current.actions.paste(fragment),
      );
    };

    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [api, root]);
}
