import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useLocaleStore, useT } from '../i18n/index.ts';
import { errorDetailLines } from './error-details.ts';
import { errorText } from './error-text.ts';

interface FormErrorState {
  message: string;
  lines: string[];
}

/**
 * What went wrong with a form's submission, in words a business user understands: the
 * message, and for an API error the lines of its details (each problem of a flow, say).
 */
export function useFormError() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const [state, setState] = useState<FormErrorState | null>(null);
  return {
    state,
    clear: () => setState(null),
    /** A message of our own, with the problems that explain it. */
    show: (message: string, details?: unknown) =>
      setState({ message, lines: details ? errorDetailLines(details, locale) : [] }),
    /** What a failed request threw. */
    fail: (err: unknown) =>
      setState({
        message: errorText(err, t),
        lines: err instanceof ApiError ? errorDetailLines(err.details, locale) : [],
      }),
  };
}

/** Shows `useFormError`'s state as an alert, read out when it appears. */
export function FormError({ state, testId }: { state: FormErrorState | null; testId?: string }) {
  if (!state) return null;
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      <p>{state.message}</p>
      {state.lines.length > 0 ? (
        <ul>
          {state.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
