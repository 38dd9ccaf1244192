import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand';
import { checkConnection } from '../../../shared/flow/connection.ts';
import type { FlowDocument } from '../../../shared/flow/schema.ts';
import type { Problem } from '../../../shared/flow/validate/index.ts';
import { toEditorFlow } from '../document.ts';
import { connect, reconnect } from '../edits/connect.ts';
import { emptyHistory, record, redo, undo, type History } from './history.ts';
import { randomId } from './ids.ts';
import type { DiffMark, EditorEdge, EditorFlow, EditorNode, IdFactory, NodeAnalytics } from './types.ts';

export interface EditorState {
  flow: EditorFlow;
  history: History<EditorFlow>;
  /** Bumped whenever what is saved changes (not on selection, measuring or mid-drag). */
  revision: number;
  readOnly: boolean;
  snapToGrid: boolean;
  problems: readonly Problem[];
  problemsByNode: ReadonlyMap<string, readonly Problem[]>;
  highlightNodeId: string | null;
  analytics: Readonly<Record<string, NodeAnalytics>> | null;
  /** Blocks marked as different from the draft, when looking at a published version. */
  marks: Readonly<Record<string, DiffMark>> | null;
  id: IdFactory;
  /**
   * Last pointer position over the canvas, where a paste lands. Not reactive. In client
   * coordinates, converted when pasting: converting on every mouse move would read the
   * canvas' layout on every frame of a pan.
   */
  pointer: { current: { x: number; y: number } | null };
  /**
   * The opened flow is on screen, nodes and edges (see use-opening.ts). Panels hold back long
   * lists until then, and a big flow's panels their whole content (see FlowEditor.tsx), so its
   * first picture does not wait for them.
   */
  opened: boolean;

  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  onConnect(c: Connection): void;
  onReconnect(old: EditorEdge, c: Connection): void;
  isValidConnection(c: Connection | EditorEdge): boolean;
  /** Every document edit goes through here: one undo step, or merged into the last one with the same key. */
  edit(fn: (flow: EditorFlow) => EditorFlow, coalesceKey?: string): void;
  /** Changes that are not undoable (selection). */
  view(fn: (flow: EditorFlow) => EditorFlow): void;
  undo(): void;
  redo(): void;
  setProblems(problems: readonly Problem[]): void;
  setOverlay(overlay: Partial<Pick<EditorState, 'highlightNodeId' | 'analytics' | 'readOnly' | 'marks'>>): void;
  toggleSnap(): void;
}

export type EditorStore = StoreApi<EditorState>;

export interface EditorStoreOptions {
  id?: IdFactory;
  now?: () => number;
  readOnly?: boolean;
}

/**
 * Selection and measured size belong to the screen, not to history: nodes still on screen
 * keep theirs; nodes coming back (undoing a delete, redoing an add) return as they were.
 */
function restore(snapshot: EditorFlow, current: EditorFlow): EditorFlow {
  const byId = new Map(current.nodes.map((n) => [n.id, n]));
  return {
    ...snapshot,
    nodes: snapshot.nodes.map((n) => {
      const now = byId.get(n.id);
      return now
        ? { ...n, selected: now.selected ?? false, dragging: false, measured: now.measured ?? n.measured }
        : { ...n, dragging: false };
    }),
  };
}

function groupProblems(problems: readonly Problem[]): Map<string, Problem[]> {
  const byNode = new Map<string, Problem[]>();
  for (const p of problems) {
    if (!p.nodeId) continue;
    byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p]);
  }
  return byNode;
}

/** What a batch of React Flow node changes means for history and saving. */
function classify(changes: NodeChange<EditorNode>[]): { undoable: boolean; saved: boolean; key: string | null } {
  let undoable = false;
  let saved = false;
  let key: string | null = null;
  for (const c of changes) {
    if (c.type === 'position' && c.position) {
      undoable = true;
      key = `move:${changes.map((x) => ('id' in x ? x.id : '')).join(',')}`;
      if (!c.dragging) saved = true;
    } else if (c.type === 'dimensions' && c.setAttributes) {
      undoable = true;
      key = `resize:${c.id}`;
      if (!c.resizing) saved = true;
    } else if (c.type === 'add' || c.type === 'remove' || c.type === 'replace') {
      undoable = true;
      saved = true;
    }
  }
  return { undoable, saved, key };
}

/** One store per mounted editor, so two editors (or a test) never share state. */
export function createEditorStore(initial: FlowDocument, options: EditorStoreOptions = {}): EditorStore {
  const now = options.now ?? Date.now;
  return createStore<EditorState>()((set, get) => {
    const commit = (next: EditorFlow, key: string | null, saved = true) => {
      const { flow, history, revision } = get();
      if (next === flow) return;
      set({ flow: next, history: record(history, flow, key, now()), revision: saved ? revision + 1 : revision });
    };

    return {
      flow: toEditorFlow(initial),
      history: emptyHistory(),
      revision: 0,
      readOnly: options.readOnly ?? false,
      snapToGrid: true,
      problems: [],
      problemsByNode: new Map(),
      highlightNodeId: null,
      analytics: null,
      marks: null,
      id: options.id ?? randomId,
      pointer: { current: null },
      opened: false,

      onNodesChange: (changes) => {
        const { flow, readOnly } = get();
        const starts = new Set(flow.nodes.filter((n) => n.type === 'start').map((n) => n.id));
        const allowed = changes.filter((c) =>
          readOnly ? c.type === 'select' || c.type === 'dimensions' : !(c.type === 'remove' && starts.has(c.id)),
        );
        if (allowed.length === 0) return;
        const next = { ...flow, nodes: applyNodeChanges(allowed, flow.nodes) };
        const { undoable, saved, key } = classify(allowed);
        if (!undoable) return set({ flow: next });
        commit(next, key, saved);
        // A finished drag closes its undo step, so the next drag of the same node is a new one.
        if (saved && key) set({ history: { ...get().history, lastKey: null } });
      },
      onEdgesChange: (changes) => {
        const { flow, readOnly } = get();
        const allowed = readOnly ? changes.filter((c) => c.type === 'select') : changes;
        if (allowed.length === 0) return;
        const next = { ...flow, edges: applyEdgeChanges(allowed, flow.edges) };
        if (allowed.every((c) => c.type === 'select')) set({ flow: next });
        else commit(next, null);
      },
      onConnect: (c) => get().edit((f) => connect(f, c, get().id)),
      onReconnect: (old, c) => get().edit((f) => reconnect(f, old.id, c)),
      isValidConnection: (c) => !get().readOnly && checkConnection(get().flow, c) === null,
      edit: (fn, coalesceKey) => {
        if (get().readOnly) return;
        commit(fn(get().flow), coalesceKey ?? null);
      },
      view: (fn) => set({ flow: fn(get().flow) }),
      undo: () => {
        const { history, flow, revision, readOnly } = get();
        const step = readOnly ? null : undo(history, flow);
        if (step) set({ flow: restore(step.value, flow), history: step.history, revision: revision + 1 });
      },
      redo: () => {
        const { history, flow, revision, readOnly } = get();
        const step = readOnly ? null : redo(history, flow);
        if (step) set({ flow: restore(step.value, flow), history: step.history, revision: revision + 1 });
      },
      setProblems: (problems) => set({ problems, problemsByNode: groupProblems(problems) }),
      setOverlay: (overlay) => set(overlay),
      toggleSnap: () => set({ snapToGrid: !get().snapToGrid }),
    };
  });
}
