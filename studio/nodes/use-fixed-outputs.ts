import { useMemo } from 'react';
import { fixedOutputs, type FixedOutputType } from '../../shared/flow/nodes/outputs.ts';
import { useT, type MessageKey } from '../i18n/index.ts';
import type { OutputRow } from './node-props.ts';
import { outputLabelKey } from './outputs.ts';

/** Where a block names an output its own way (a question's `next` is its valid answer). */
const labelOverrides: Partial<Record<FixedOutputType, Record<string, MessageKey>>> = {
  question: { next: 'editor.output.valid' },
};

/**
 * Rows for a block whose outputs never change, taken from `shared/flow/nodes/outputs.ts` (the
 * list the engine, validation and connections use), labelled in the current language.
 */
export function fixedOutputRows(type: FixedOutputType, t: (key: MessageKey) => string): OutputRow[] {
  const handles: readonly string[] = fixedOutputs[type];
  // A lone "next" needs no label: there is nothing to tell it apart from.
  if (handles.length === 1 && handles[0] === 'next') return [{ handle: 'next', label: null }];
  return handles.map((h) => ({ handle: h, label: t(labelOverrides[type]?.[h] ?? outputLabelKey(h)) }));
}

export function useFixedOutputs(type: FixedOutputType): OutputRow[] {
  const t = useT();
  return useMemo(() => fixedOutputRows(type, t), [type, t]);
}
