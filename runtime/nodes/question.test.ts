import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, sent, texts } from '../testing/session-test-kit.ts';

const flow = (data: Record<string, unknown>) =>
  buildFlow(
    [
      { id: 'q', type: 'question', data: { text: 'Pergunta?', variable: 'v', retries: 1, ...data } },
      { id: 'ok', type: 'message', data: { text: 'ok {{v}} / {{last_answer}}' } },
      { id: 'bad', type: 'message', data: { text: 'inválido' } },
      { id: 'late', type: 'message', data: { text: 'tarde' } },
    ],
    [
      ['q', 'next', 'ok'],
      ['q', 'invalid', 'bad'],
      ['q', 'timeout', 'late'],
    ],
  );

describe('question', () => {
  it('stores a valid number', async () => {
    const d = driver(flow({ kind: 'number', min: 1, max: 10 }));
    await d.send('oi');
    expect(texts(await d.send('7'))).toEqual(['ok 7 / 7']);
    expect(d.session?.variables.v).toBe(7);
  });

  it('reads a number written out in words', async () => {
    const d = driver(flow({ kind: 'number', min: 1, max: 10 }));
    await d.send('oi');
    expect(texts(await d.send('Três'))).toEqual(['ok 3 / 3']);
    expect(d.session?.variables.v).toBe(3);
  });

  it('re-asks with retryMessage, then takes invalid', async () => {
    const d = driver(flow({ kind: 'email' }));
    await d.send('oi');
    expect(texts(await d.send('não tenho'))).toEqual(['Hmm, não consegui entender. Pode tentar de novo?']);
    expect(texts(await d.send('nada'))).toEqual(['inválido']);
  });

  it('stores a date with its extra variables', async () => {
    const d = driver(flow({ kind: 'date' }));
    await d.send('oi');
    await d.send('25/11/2026');
    expect(d.session?.variables).toMatchObject({ v_iso: '2026-11-25', v_weekday: expect.any(Number) });
  });

  it('with futureOnly re-asks for a past date and takes today', async () => {
    // The test clock reads 23/11/2026, 09:00 in São Paulo.
    const d = driver(flow({ kind: 'date', futureOnly: true }));
    await d.send('oi');
    expect(texts(await d.send('01/01/2020'))).toEqual(['Hmm, não consegui entender. Pode tentar de novo?']);
    expect(texts(await d.send('23/11/2026'))).toEqual(['ok 23/11/2026 / 23/11/2026']);
  });

  it('offers Sim/Não buttons for yes_no and accepts the tap', async () => {
    const d = driver(flow({ kind: 'yes_no' }));
    const [msg] = sent(await d.send('oi'));
    expect(msg).toMatchObject({
      kind: 'buttons',
      buttons: [
        { id: 'q:yes', title: 'Sim' },
        { id: 'q:no', title: 'Não' },
      ],
    });
    await d.content({ kind: 'reply', id: 'q:yes', title: 'Sim' });
    expect(d.session?.variables.v).toBe(true);
  });

  it('accepts a shared location', async () => {
    const d = driver(flow({ kind: 'location' }));
    await d.send('oi');
    await d.content({ kind: 'location', latitude: -5.8, longitude: -35.2 });
    expect(d.session?.variables.v).toMatchObject({ latitude: -5.8, longitude: -35.2 });
  });

  it('times out', async () => {
    const d = driver(flow({ kind: 'text', timeoutMinutes: 10 }));
    const key = effectOf(await d.send('oi'), 'set_timer')?.key ?? '';
    expect(texts(await d.event({ type: 'timer', key }))).toEqual(['tarde']);
  });

  it('answers unsupported content with the fallback without using a retry', async () => {
    const d = driver(flow({ kind: 'text' }));
    await d.send('oi');
    await d.content({ kind: 'unsupported', type: 'poll' });
    expect(d.session?.awaiting?.retries).toBe(0);
  });
});
