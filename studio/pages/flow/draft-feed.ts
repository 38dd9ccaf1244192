import type { FlowDocument } from '../../../shared/flow/schema.ts';

/**
 * The editor's latest draft for whoever wants it, without re-rendering the flow page on
 * every edit (the page holds the editor; a big flow's page is costly to render).
 */
export interface DraftFeed {
  get(): FlowDocument;
  set(draft: FlowDocument): void;
  subscribe(onChange: () => void): () => void;
}

export function createDraftFeed(initial: FlowDocument): DraftFeed {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(draft) {
      current = draft;
      for (const listener of listeners) listener();
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
