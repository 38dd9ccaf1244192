import { describe, expect, it } from 'vitest';
import { flowDocument } from '../../shared/flow/schema.ts';
import { buildFlow, node } from '../../shared/flow/testing/build-flow.ts';
import { faceHeight, guessedSize, textLines } from './face-height.ts';

/** The nodes as the studio holds them: parsed, with their defaults. */
const parsed = (...nodes: ReturnType<typeof node>[]) => flowDocument.parse(buildFlow(nodes, [])).nodes;

describe('textLines', () => {
  it('wraps each paragraph on its own and stops at the clamp', () => {
    expect(textLines('', 4)).toBe(1);
    expect(textLines('curto', 4)).toBe(1);
    expect(textLines('x'.repeat(35), 4)).toBe(2);
    expect(textLines('a\nb\n\nc', 4)).toBe(4);
    expect(textLines('x'.repeat(500), 4)).toBe(4);
    expect(textLines('x'.repeat(500), 3)).toBe(3);
  });

  it('counts a {{variable}} as its chip, not as its braces', () => {
    const name = 'Olá, {{contact.name}}! Tudo bem? Aqui é a loja.';
    expect(textLines(name, 4)).toBe(2);
    expect(textLines(name.replace('{{contact.name}}', '{{   contact.name   }}'), 4)).toBe(2);
  });
});

describe('faceHeight', () => {
  // Heights measured in Chromium on nodes drawn in full (see studio/e2e/big-flow.e2e.test.ts).
  it('adds header, body and output rows as nodes.css draws them', () => {
    const [start, empty, oneLine, condition, end] = parsed(
      node('start', 'start', { keywords: [] }),
      node('empty', 'message', { text: '' }),
      node('one', 'message', { text: 'Nosso horário é das 9h às 18h.' }),
      node('cond', 'condition', {
        rules: [
          { id: 'r1', variable: 'v', operator: 'equals', value: 'x' },
          { id: 'r2', variable: 'v', operator: 'empty', value: '' },
        ],
      }),
      node('end', 'end', {}),
    );
    expect(guessedSize(start!).height).toBe(73);
    expect(guessedSize(empty!).height).toBe(71);
    expect(guessedSize(oneLine!).height).toBe(73);
    expect(guessedSize(condition!).height).toBe(139);
    expect(guessedSize(end!).height).toBe(44);
  });

  it('grows with the options of a menu, one 28px row each plus invalid and timeout', () => {
    const menu = (options: number) =>
      parsed(
        node('m', 'menu', {
          text: 'Escolha',
          options: Array.from({ length: options }, (_, i) => ({ id: `o${i}`, title: `Opção ${i}` })),
        }),
      )[0]!;
    expect(guessedSize(menu(4)).height - guessedSize(menu(3)).height).toBe(28);
    expect(faceHeight(menu(3), 5)).toBe(guessedSize(menu(3)).height);
  });

  it('keeps a resized note at its size', () => {
    const [note] = parsed({ ...node('n', 'note', { text: 'lembrete' }), width: 300, height: 200 });
    expect(guessedSize(note!)).toEqual({ width: 300, height: 200 });
  });
});
