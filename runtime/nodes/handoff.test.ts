import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, texts } from '../testing/session-test-kit.ts';

const flow = () =>
  buildFlow(
    [
      { id: 'h', type: 'handoff', data: { team: 'vendas', note: 'Lead {{contact.name}}' } },
      { id: 'm', type: 'message', data: { text: 'De volta ao bot' } },
    ],
    [['h', 'resolved', 'm']],
    { variables: [{ name: 'imovel', type: 'string', initial: 'Apto 1' }] },
  );

describe('handoff', () => {
  it('opens a handoff with context, stays silent, resumes at resolved', async () => {
    const d = driver(flow());
    const effects = await d.send('quero falar com alguém');
    expect(texts(effects)).toEqual(['Vou te passar para um atendente. Só um instante! 🙋']);
    const open = effectOf(effects, 'open_handoff');
    expect(open).toMatchObject({
      team: 'vendas',
      note: 'Lead Ana Souza',
      context: { variables: { imovel: 'Apto 1' } },
    });
    expect(open?.context.messages[0]).toEqual({ role: 'contact', text: 'quero falar com alguém' });
    expect(d.session?.status).toBe('handoff');

    expect(await d.send('alô?')).toEqual([]);
    expect(d.session?.history.at(-1)).toEqual({ role: 'contact', text: 'alô?' });

    expect(texts(await d.event({ type: 'handoff_resolved' }))).toEqual(['De volta ao bot']);
    expect(d.session?.status).toBe('ended');
  });

  it('ignores handoff_resolved when no handoff is open', async () => {
    const d = driver(flow());
    expect(await d.event({ type: 'handoff_resolved' })).toEqual([]);
  });
});
