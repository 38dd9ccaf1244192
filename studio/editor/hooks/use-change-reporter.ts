import { useEffect, useRef } from 'react';
import type { FlowDocument } from '../../../shared/flow/schema.ts';
import { toDocument } from '../document.ts';
import { useEditorApi } from '../state/EditorProvider.tsx';

/** Calls `onChange` with the saved shape after every edit (not on selection or mid-drag). */
export function useChangeReporter(onChange: (flow: FlowDocument) => void) {
  const api = useEditorApi();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(
    () =>
      api.subscribe((state, previous) => {
        if (state.revision !== previous.revision) latest.current(toDocument(state.flow));
      }),
    [api],
  );
}
