import { useMemo } from 'react';
import { useT } from '../i18n/index.ts';
import type { OutputRow } from './node-props.ts';
import { outputLabelKey } from './outputs.ts';

/** Rows for outputs whose names never change (`ok`, `error`...), labelled in the current language. */
export function useFixedOutputs(handles: readonly string[]): OutputRow[] {
  const t = useT();
  const key = handles.join('|');
  return useMemo(() => handles.map((h) => ({ handle: h, label: t(outputLabelKey(h)) })), [key, t]);
}
