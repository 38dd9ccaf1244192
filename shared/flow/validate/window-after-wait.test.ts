import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { validateFlow } from './index.ts';

const template = { name: 'lembrete', language: 'pt_BR' };
const warned = (flow: unknown) =>
  validateFlow(flow)
    .problems.filter((p) => p.code === 'window_may_be_closed')
    .map((p) => p.nodeId);

describe('window_may_be_closed', () => {
  it('warns about a free-form send after a wait longer than 24 hours, through blocks that do not wait', () => {
    const flow = buildFlow(
      [
        node('s', 'start', {}),
        node('w', 'wait', { durationMinutes: 48 * 60 }),
        node('set', 'set', { assignments: [] }),
        node('m', 'message', { text: 'Ainda aí?' }),
        node('ok', 'message', { text: 'Oi' }),
      ],
      ['s > w', 'w.timeout > set', 'set > m', 'w.reply > ok'],
    );
    expect(warned(flow)).toEqual(['m']);
    expect(validateFlow(flow).problems.find((p) => p.code === 'window_may_be_closed')?.severity).toBe('warning');
  });

  it('is quiet for waits within 24 hours, for templates, and where window_closed is connected', () => {
    const short = buildFlow(
      [node('s', 'start', {}), node('w', 'wait', { durationMinutes: 120 }), node('m', 'message', { text: 'Oi?' })],
      ['s > w', 'w.timeout > m'],
    );
    expect(warned(short)).toEqual([]);
    const handled = buildFlow(
      [
        node('s', 'start', {}),
        node('w', 'wait', { durationMinutes: 48 * 60 }),
        node('t', 'message', { template }),
        node('m', 'menu', { text: 'Escolha', options: [{ id: 'a', title: 'A' }] }),
        node('e', 'end', {}),
      ],
      ['s > w', 'w.timeout > t', 't > m', 'm.window_closed > e'],
    );
    expect(warned(handled)).toEqual([]);
    expect(validateFlow(handled).problems.filter((p) => p.code.startsWith('edge_'))).toEqual([]);
  });
});
