import { describe, expect, it } from 'vitest';
import { buildFlow } from './build-flow.ts';
import { runConversation } from './run-conversation.ts';
import type { ConversationScriptInput } from './conversation-script.ts';

const flow = buildFlow(
  [
    {
      id: 'm',
      type: 'menu',
      data: {
        text: 'Oi {{contact.name}}, fatura {{valor}}',
        options: [
          { id: 'a', title: 'Pagar' },
          { id: 'b', title: 'Atendente' },
        ],
        timeoutMinutes: 60,
      },
    },
    { id: 'paid', type: 'end', data: { message: 'Obrigado!' } },
    { id: 'h', type: 'handoff' },
    { id: 'late', type: 'message', data: { text: 'Ainda está aí?' } },
    { id: 'after', type: 'end', data: { message: 'Resolvido' } },
  ],
  [
    ['m', 'opt-a', 'paid'],
    ['m', 'opt-b', 'h'],
    ['m', 'timeout', 'late'],
    ['h', 'resolved', 'after'],
  ],
  { variables: [{ name: 'valor', type: 'string', initial: null }] },
);

const run = (turns: ConversationScriptInput['turns'], extra: Partial<ConversationScriptInput> = {}) =>
  runConversation(flow, { name: 't', flow: 'x', turns, ...extra });

describe('runConversation', () => {
  it('passes a script that matches, with campaign start variables', async () => {
    const r = await run(
      [
        { bot: [{ text: 'fatura R$ 10' }, { buttons: ['Pagar', 'Atendente'] }] },
        { tap: 'Atendente' },
        { expect: { status: 'handoff', handoff: true, node: 'h' } },
        { resolve: true },
        { bot: [{ text: 'Resolvido' }] },
        { expect: { status: 'ended', handoff: false } },
      ],
      { start: { variables: { valor: 'R$ 10' } }, wroteAgo: '1h' },
    );
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('starts the clock at the script\'s "now"', async () => {
    const dated = buildFlow(
      [
        { id: 'q', type: 'question', data: { text: 'Quando?', kind: 'date', variable: 'dia', futureOnly: true } },
        { id: 'ok', type: 'message', data: { text: 'Marcado {{dia}}' } },
      ],
      [['q', 'next', 'ok']],
    );
    const turns: ConversationScriptInput['turns'] = [
      { send: 'oi' },
      { send: '20/03' },
      { bot: [{ text: 'Marcado 20/03/2031' }] },
    ];
    const r = await runConversation(dated, { name: 't', flow: 'x', now: '2030-04-01T09:00:00-03:00', turns });
    expect(r.failures).toEqual([]);
  });

  it('fires due timers when the clock advances', async () => {
    const r = await run([
      { send: 'oi' },
      { after: '59m' },
      { bot: [] },
      { after: '1m' },
      { bot: [{ text: 'Ainda está aí?' }] },
    ]);
    expect(r.failures).toEqual([]);
  });

  it.each([
    ['a missing button', [{ send: 'oi' }, { tap: 'Cancelar' }], /no button or row "Cancelar"/],
    [
      'a message out of order',
      [{ send: 'oi' }, { bot: [{ buttons: ['Pagar', 'Atendente'] }, { text: 'Oi' }] }],
      /bot: expected \{"text":"Oi"\}/,
    ],
    [
      'a wrong variable',
      [{ send: 'oi' }, { expect: { variables: { valor: 'x' } } }],
      /variable valor = null, expected "x"/,
    ],
    ['a wrong status', [{ send: 'oi' }, { expect: { status: 'ended' } }], /status = active, expected ended/],
    ['resolving without a handoff', [{ send: 'oi' }, { resolve: true }], /no handoff is open/],
    ['a missing order', [{ send: 'oi' }, { expect: { order: { totalCents: 1 } } }], /no order was recorded/],
  ] satisfies [string, ConversationScriptInput['turns'], RegExp][])(
    'reports %s with the turn number',
    async (_why, turns, message) => {
      const r = await run(turns);
      expect(r.ok).toBe(false);
      expect(r.failures[0]).toMatch(/^turn 2 /);
      expect(r.failures[0]).toMatch(message);
    },
  );

  it('only looks at messages sent since the last contact turn', async () => {
    const r = await run([{ send: 'oi' }, { send: 'Pagar' }, { bot: [{ buttons: ['Pagar', 'Atendente'] }] }]);
    expect(r.ok).toBe(false);
  });
});
