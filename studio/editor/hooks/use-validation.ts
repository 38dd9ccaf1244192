import { useEffect, useRef } from 'react';
import type { FlowEnvironment, Problem } from '../../../shared/flow/validate/index.ts';
import { toDocument } from '../document.ts';
import { useEditor, useEditorApi } from '../state/EditorProvider.tsx';
import { createValidator } from '../validation/validator.ts';

/** Long enough to skip validating every keystroke of a fast typist, short enough to feel live. */
const delayMs = 200;

/**
 * Validates the flow after each saved change (in a worker, see validator.ts), keeps the result
 * in the store and reports it.
 * The first run waits until the opened flow is drawn: in a big flow, validating and then
 * badging hundreds of nodes would otherwise delay the first picture.
 * `environment` (the installation's catalog and AI facts) adds warnings; when it arrives
 * after the first run, the flow is validated again with it.
 */
export function useValidation(onProblems?: (problems: Problem[]) => void, environment: FlowEnvironment | null = null) {
  const api = useEditorApi();
  const report = useRef(onProblems);
  report.current = onProblems;
  const settled = useEditor((s) => s.opened);

  useEffect(() => {
    if (!settled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const validator = createValidator();
    const run = () => {
      validator.validate(toDocument(api.getState().flow), environment ?? undefined).then(
        (problems) => {
          api.getState().setProblems(problems);
          report.current?.(problems);
        },
        // No worker and the validation code did not load (offline): the last problems stay
        // until the next edit validates again.
        () => undefined,
      );
    };
    run();
    const unsubscribe = api.subscribe((state, previous) => {
      if (state.revision === previous.revision) return;
      clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      validator.dispose();
    };
  }, [api, settled, environment]);
}
