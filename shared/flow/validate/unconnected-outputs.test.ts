import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const end = node('e', 'end', {});
const menu = (timeoutMinutes: number | null) =>
  node('m', 'menu', {
    text: 'Escolha',
    options: [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
    ],
    timeoutMinutes,
  });

describe('unconnected outputs', () => {
  it.each([
    [
      'every output wired',
      buildFlow([start, menu(5), end], ['s > m', 'm.opt-a > e', 'm.opt-b > e', 'm.invalid > e', 'm.timeout > e']),
      [],
    ],
    [
      'timeout left open when the menu never times out',
      buildFlow([start, menu(null), end], ['s > m', 'm.opt-a > e', 'm.opt-b > e', 'm.invalid > e']),
      [],
    ],
    [
      'an option left open is an error',
      buildFlow([start, menu(null), end], ['s > m', 'm.opt-a > e', 'm.invalid > e']),
      [{ code: 'output_unconnected', severity: 'error', nodeId: 'm', field: 'opt-b' }],
    ],
    [
      'invalid left open is a warning',
      buildFlow([start, menu(null), end], ['s > m', 'm.opt-a > e', 'm.opt-b > e']),
      [{ code: 'optional_output_unconnected', severity: 'warning', nodeId: 'm', field: 'invalid' }],
    ],
    [
      'timeout left open when the menu has one is a warning',
      buildFlow([start, menu(5), end], ['s > m', 'm.opt-a > e', 'm.opt-b > e', 'm.invalid > e']),
      [{ code: 'optional_output_unconnected', severity: 'warning', nodeId: 'm', field: 'timeout' }],
    ],
    [
      'a wait with a duration needs its timeout wired, softly',
      buildFlow([start, node('w', 'wait', { durationMinutes: 10 }), end], ['s > w', 'w.reply > e']),
      [{ code: 'optional_output_unconnected', severity: 'warning', nodeId: 'w', field: 'timeout' }],
    ],
    [
      'a wait without a duration has no timeout',
      buildFlow([start, node('w', 'wait', { durationMinutes: null }), end], ['s > w', 'w.reply > e']),
      [],
    ],
    [
      'main outputs of other nodes: next, ok, escalate, resolved, confirmed',
      buildFlow(
        [
          start,
          node('h', 'http', { url: 'https://x.test' }),
          node('l', 'llm', { systemPrompt: 'Ajude' }),
          node('p', 'product_picker', {}),
          node('t', 'handoff', {}),
        ],
        ['s > h', 'h.error > l', 'l > p', 'l.error > t', 'p.cancelled > t'],
      ),
      [
        { code: 'output_unconnected', severity: 'error', nodeId: 'h', field: 'ok' },
        { code: 'output_unconnected', severity: 'error', nodeId: 'l', field: 'escalate' },
        { code: 'output_unconnected', severity: 'error', nodeId: 'p', field: 'confirmed' },
        { code: 'output_unconnected', severity: 'error', nodeId: 't', field: 'resolved' },
      ],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });

  it('names the option in the message and keeps ok true for warnings', () => {
    const result = validateFlow(buildFlow([start, menu(null), end], ['s > m', 'm.opt-a > e', 'm.opt-b > e']));
    expect(result.ok).toBe(true);
    expect(result.problems[0]?.message).toBe(
      'O menu "Escolha": a saída "Resposta inválida" não está ligada; se ela acontecer, a conversa termina ali.',
    );
    const broken = validateFlow(buildFlow([start, menu(null), end], ['s > m', 'm.opt-a > e', 'm.invalid > e']));
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]?.messages.en).toBe('The menu "Escolha": the "B" output is not connected to any block.');
  });
});
