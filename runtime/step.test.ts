import { describe, expect, it } from 'vitest';
import { buildFlow } from './testing/build-flow.ts';
import { driver, effectOf, texts } from './testing/session-test-kit.ts';
import { newSession } from './session.ts';
import { step } from './step.ts';
import { testPorts } from './testing/ports.ts';

const menuFlow = () =>
  buildFlow(
    [
      { id: 'start', type: 'start', data: { keywords: ['Menu'] } },
      { id: 'hi', type: 'message', data: { text: 'Olá, {{contact.name}}!' } },
      {
        id: 'm',
        type: 'menu',
        data: {
          text: 'Escolha',
          options: [
            { id: 'a', title: 'A' },
            { id: 'b', title: 'B' },
          ],
          timeoutMinutes: 30,
        },
      },
      { id: 'bye', type: 'end', data: { message: 'Tchau' } },
    ],
    [
      ['start', 'next', 'hi'],
      ['hi', 'next', 'm'],
      ['m', 'opt-a', 'bye'],
    ],
  );

describe('step', () => {
  it('starts at the start node on a first message and waits at the menu', async () => {
    const d = driver(menuFlow());
    const effects = await d.send('oi');
    expect(texts(effects)).toEqual(['Olá, Ana Souza!', 'Escolha']);
    expect(d.session).toMatchObject({ status: 'active', nodeId: 'm', awaiting: { kind: 'choice' } });
    expect(
      effects.filter((e) => e.type === 'analytics').map((e) => e.type === 'analytics' && `${e.kind}:${e.nodeId}`),
    ).toEqual(['enter:start', 'exit:start', 'enter:hi', 'exit:hi', 'enter:m']);
  });

  it('cancels the timer when the answer comes and ends on the end node', async () => {
    const d = driver(menuFlow());
    const first = await d.send('oi');
    const timer = effectOf(first, 'set_timer');
    expect(timer?.at).toBe('2026-11-23T12:30:00.000Z');
    const effects = await d.send('a');
    expect(effectOf(effects, 'cancel_timer')?.key).toBe(timer?.key);
    expect(texts(effects)).toEqual(['Tchau']);
    expect(d.session?.status).toBe('ended');
  });

  it('ends gracefully when the chosen output has no edge', async () => {
    const d = driver(menuFlow());
    await d.send('oi');
    const effects = await d.send('B');
    expect(effects.some((e) => e.type === 'analytics' && e.kind === 'exit' && e.output === 'opt-b')).toBe(true);
    expect(d.session).toMatchObject({ status: 'ended', error: null });
  });

  it('restarts on a start keyword, ignoring case and accents', async () => {
    const d = driver(menuFlow());
    await d.send('oi');
    const effects = await d.send('  MENU ');
    expect(texts(effects)).toEqual(['Olá, Ana Souza!', 'Escolha']);
    expect(effectOf(effects, 'cancel_timer')).toBeDefined();
  });

  it('ignores stale timers and takes timeout on the awaited one', async () => {
    const d = driver(menuFlow());
    const first = await d.send('oi');
    expect(await d.event({ type: 'timer', key: 'm:old' })).toEqual([]);
    expect(d.session?.nodeId).toBe('m');
    const key = effectOf(first, 'set_timer')?.key ?? '';
    const effects = await d.event({ type: 'timer', key });
    expect(effects.some((e) => e.type === 'analytics' && e.output === 'timeout')).toBe(true);
    expect(d.session?.status).toBe('ended');
  });

  it('ignores a timer with no session, and the next message still starts the flow', async () => {
    const d = driver(menuFlow());
    expect(await d.event({ type: 'timer', key: 'x' })).toEqual([]);
    expect(d.session?.status).toBe('ended');
    expect(texts(await d.send('oi'))).toEqual(['Olá, Ana Souza!', 'Escolha']);
  });

  it('answers unreadable content with the fallback message and keeps waiting', async () => {
    const d = driver(menuFlow());
    await d.send('oi');
    const effects = await d.content({ kind: 'media', media: 'sticker' });
    expect(texts(effects)).toEqual(['Desculpe, não consigo ler esse tipo de mensagem. Pode escrever?']);
    expect(d.session?.nodeId).toBe('m');
  });

  it('ignores reactions while waiting', async () => {
    const d = driver(menuFlow());
    await d.send('oi');
    expect(await d.content({ kind: 'reaction', emoji: '👍', messageId: 'wamid.1' })).toEqual([]);
    expect(d.session).toMatchObject({ nodeId: 'm', awaiting: { retries: 0 } });
  });

  it('stops a runaway loop with a clear error instead of throwing', async () => {
    const flow = buildFlow(
      [
        { id: 'a', type: 'set', data: { assignments: [] } },
        { id: 'b', type: 'goto', data: { target: { kind: 'node', nodeId: 'a' } } },
      ],
      [['a', 'next', 'b']],
    );
    const d = driver(flow);
    const effects = await d.send('oi');
    expect(d.session?.status).toBe('ended');
    expect(d.session?.error).toMatch(/loop/);
    expect(effects.filter((e) => e.type === 'analytics' && e.kind === 'enter')).toHaveLength(200);
  });

  it('starts a campaign with variables and does not mutate the given session', async () => {
    const flow = buildFlow(
      [{ id: 'q', type: 'question', data: { text: 'Fatura de {{valor}}. Nome?', variable: 'nome' } }],
      [],
    );
    const { ports } = testPorts();
    const contact = { name: 'Ana', phone: '1' };
    const started = await step({
      flow,
      flowVersionId: 'v1',
      session: null,
      event: { type: 'start', variables: { valor: 'R$ 10' } },
      contact,
      ports,
    });
    expect(texts(started.effects)).toEqual(['Fatura de R$ 10. Nome?']);
    const frozen = JSON.stringify(started.session);
    const next = await step({
      flow,
      flowVersionId: 'v1',
      session: started.session,
      event: { type: 'message', content: { kind: 'text', text: 'Ana' } },
      contact,
      ports,
    });
    expect(JSON.stringify(started.session)).toBe(frozen);
    expect(next.session.variables).toMatchObject({ valor: 'R$ 10', nome: 'Ana' });
  });

  it('ends with an error when the session waits at a node that no longer exists', async () => {
    const { ports } = testPorts();
    const session = {
      ...newSession('v1'),
      nodeId: 'gone',
      awaiting: { kind: 'choice' as const, retries: 0, timerKey: null, state: {} },
    };
    const r = await step({
      flow: menuFlow(),
      flowVersionId: 'v1',
      session,
      event: { type: 'message', content: { kind: 'text', text: 'x' } },
      contact: { name: 'A', phone: '1' },
      ports,
    });
    expect(r.session.status).toBe('ended');
    expect(r.session.error).toContain('gone');
  });

  it('offers built-in variables to templates', async () => {
    const flow = buildFlow([{ id: 'm', type: 'message', data: { text: '{{contact.phone}} {{now}} {{today}}' } }], []);
    const d = driver(flow);
    // 12:00 UTC is 09:00 in São Paulo.
    expect(texts(await d.send('oi'))).toEqual(['5584991230001 23/11/2026 09:00 23/11/2026']);
  });
});
