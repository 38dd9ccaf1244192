import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, texts } from '../testing/session-test-kit.ts';

const flow = () =>
  buildFlow(
    [
      { id: 'w', type: 'wait', data: { message: 'Te chamo em 2 h', durationMinutes: 120, variable: 'resposta' } },
      { id: 'r', type: 'message', data: { text: 'Recebi: {{resposta}}' } },
      { id: 't', type: 'message', data: { text: 'Lembrete!' } },
    ],
    [
      ['w', 'reply', 'r'],
      ['w', 'timeout', 't'],
    ],
  );

describe('wait', () => {
  it('takes reply on any message and stores it', async () => {
    const d = driver(flow());
    const first = await d.send('oi');
    expect(texts(first)).toEqual(['Te chamo em 2 h']);
    expect(effectOf(first, 'set_timer')?.at).toBe('2026-11-23T14:00:00.000Z');
    const effects = await d.content({ kind: 'media', media: 'sticker' });
    expect(texts(effects)).toEqual(['Recebi: [figurinha]']);
    expect(effectOf(effects, 'cancel_timer')).toBeDefined();
  });

  it('takes timeout when the timer fires', async () => {
    const d = driver(flow());
    const key = effectOf(await d.send('oi'), 'set_timer')?.key ?? '';
    expect(texts(await d.event({ type: 'timer', key }))).toEqual(['Lembrete!']);
  });
});
