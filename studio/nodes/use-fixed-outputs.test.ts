import { describe, expect, it } from 'vitest';
import { fixedOutputs, outputsOfType, type FixedOutputType } from '../../shared/flow/nodes/outputs.ts';
import { fixedOutputRows } from './use-fixed-outputs.ts';

const t = (key: string) => `«${key}»`;
const fixedTypes = Object.keys(fixedOutputs) as FixedOutputType[];

describe('fixedOutputRows', () => {
  it.each(fixedTypes)('%s draws exactly the outputs the engine and validation know', (type) => {
    expect(fixedOutputRows(type, t).map((r) => r.handle)).toEqual(outputsOfType({ type }));
  });

  it("labels outputs in the current language, a question's next as its valid answer, a lone next not at all", () => {
    expect(fixedOutputRows('http', t)).toEqual([
      { handle: 'ok', label: '«editor.output.ok»' },
      { handle: 'error', label: '«editor.output.error»' },
    ]);
    expect(fixedOutputRows('question', t)[0]).toEqual({ handle: 'next', label: '«editor.output.valid»' });
    expect(fixedOutputRows('financing', t)).toEqual([{ handle: 'next', label: null }]);
    expect(fixedOutputRows('end', t)).toEqual([]);
  });
});

describe('node components', () => {
  // The outputs list lives in shared/flow/nodes/outputs.ts; a literal handle list in a face
  // would drift from it unseen (a renamed output would draw a handle no edge can use).
  // Read as text through Vite (the studio may not import node:fs, even in tests).
  const faces: Record<string, string> = import.meta.glob('./*/Node.tsx', {
    query: '?raw',
    import: 'default',
    eager: true,
  });

  it('finds every face', () => expect(Object.keys(faces).length).toBeGreaterThanOrEqual(15));

  it.each(Object.entries(faces))('%s names no output handle literally', (_file, source) => {
    expect(source).not.toMatch(/useFixedOutputs\(\[/);
    expect(source).not.toMatch(/handle:\s*'/);
    expect(source).not.toMatch(/const outputs(: never\[\])? = \[/);
  });
});
