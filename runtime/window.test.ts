import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../shared/flow/schema.ts';
import { step } from './step.ts';
import { buildFlow } from './testing/build-flow.ts';
import { testPorts } from './testing/ports.ts';
import type { Effect } from './effects.ts';
import type { SessionEvent } from './events.ts';
import type { SessionState } from './session.ts';

const contact = { name: 'Ana Souza', phone: '5584991230001' };
const hours = (n: number) => n * 3_600_000;

const template = {
  name: 'cobranca_lembrete',
  language: 'pt_BR',
  body: [
    { name: 'nome', value: '{{nome}}' },
    { name: 'valor', value: 'R$ {{valor}}' },
  ],
  buttons: [
    { id: 'pagar', kind: 'quick_reply', title: 'Vou pagar agora' },
    { id: 'site', kind: 'url', title: 'Ver fatura', value: '{{fatura}}' },
    { id: 'depois', kind: 'quick_reply', title: 'Depois' },
  ],
  preview: { body: '{{nome}}, sua fatura de {{valor}} venceu.', footer: 'Fluxo' },
};

/** Runs events against a flow with the contact's last message `wroteHoursAgo` before the start (null: never). */
async function run(flow: FlowDocument, wroteHoursAgo: number | null, events: SessionEvent[]) {
  const { ports, clock } = testPorts();
  let session: SessionState | null = null;
  const effects: Effect[] = [];
  const lastInboundAt = wroteHoursAgo === null ? null : new Date(clock.now().getTime() - hours(wroteHoursAgo));
  for (const event of events) {
    const r = await step({ flow, flowVersionId: 'v1', session, event, contact, ports, lastInboundAt });
    session = r.session;
    effects.push(...r.effects);
  }
  return {
    session: session as SessionState | null,
    sent: effects.flatMap((e) => (e.type === 'send' ? [e.message] : [])),
  };
}

const start: SessionEvent = { type: 'start', variables: { nome: 'Ana', valor: '350,00', fatura: 'inv 1' } };

describe('the 24-hour window in the engine', () => {
  const menuFlow = buildFlow(
    [
      { id: 'm', type: 'menu', data: { text: 'Escolha', options: [{ id: 'a', title: 'A' }] } },
      { id: 'closed', type: 'set', data: { assignments: [{ variable: 'janela', value: 'fechada' }] } },
    ],
    [['m', 'window_closed', 'closed']],
    { variables: [{ name: 'janela', type: 'string', initial: null }] },
  );

  it('a free-form block takes window_closed when the contact never wrote, and sends nothing', async () => {
    const r = await run(menuFlow, null, [start]);
    expect(r.sent).toEqual([]);
    expect(r.session?.variables.janela).toBe('fechada');
  });

  it('after 24 h of silence too; within the window it sends as before', async () => {
    expect((await run(menuFlow, 25, [start])).sent).toEqual([]);
    const open = await run(menuFlow, 23, [start]);
    expect(open.sent.map((m) => m.kind)).toEqual(['buttons']);
    expect(open.session?.nodeId).toBe('m');
  });

  it('without a window_closed edge the conversation ends quietly instead of failing at Meta', async () => {
    const flow = buildFlow([{ id: 'm', type: 'message', data: { text: 'Oi' } }], []);
    const r = await run(flow, null, [start]);
    expect(r.sent).toEqual([]);
    expect(r.session?.status).toBe('ended');
  });

  it("a contact's message opens the window for what the same step sends", async () => {
    const flow = buildFlow([{ id: 'm', type: 'message', data: { text: 'Oi' } }], []);
    const r = await run(flow, null, [{ type: 'message', content: { kind: 'text', text: 'oi' } }]);
    expect(r.sent).toEqual([{ kind: 'text', text: 'Oi' }]);
  });

  it('a block with a template fallback sends the text inside the window and the template outside it', async () => {
    const flow = buildFlow(
      [{ id: 'm', type: 'message', data: { text: 'Oi {{nome}}', template, templateWhen: 'window_closed' } }],
      [],
    );
    expect((await run(flow, 2, [start])).sent).toEqual([{ kind: 'text', text: 'Oi Ana' }]);
    const closed = await run(flow, null, [start]);
    expect(closed.sent.map((m) => m.kind)).toEqual(['template']);
    expect(closed.session?.status).toBe('ended');
  });
});

describe('a message block that sends a template', () => {
  const flow = buildFlow(
    [
      { id: 't', type: 'message', data: { template, timeoutMinutes: 120 } },
      { id: 'paid', type: 'set', data: { assignments: [{ variable: 'saida', value: 'pagar' }] } },
      { id: 'other', type: 'set', data: { assignments: [{ variable: 'saida', value: 'outra' }] } },
      { id: 'late', type: 'set', data: { assignments: [{ variable: 'saida', value: 'sem resposta' }] } },
    ],
    [
      ['t', 'opt-pagar', 'paid'],
      ['t', 'invalid', 'other'],
      ['t', 'timeout', 'late'],
    ],
    { variables: [{ name: 'saida', type: 'string', initial: null }] },
  );

  it('renders every parameter, names them, and carries payloads for its quick replies', async () => {
    const r = await run(flow, null, [start]);
    expect(r.sent).toEqual([
      {
        kind: 'template',
        name: 'cobranca_lembrete',
        language: 'pt_BR',
        parameters: ['Ana', 'R$ 350,00'],
        parameterNames: ['nome', 'valor'],
        buttons: [
          { index: 0, type: 'quick_reply', value: 't:pagar', title: 'Vou pagar agora' },
          { index: 1, type: 'url', value: 'inv 1' },
          { index: 2, type: 'quick_reply', value: 't:depois', title: 'Depois' },
        ],
        text: 'Ana, sua fatura de R$ 350,00 venceu.\nFluxo',
      },
    ]);
    expect(r.session?.awaiting?.kind).toBe('choice');
  });

  it('a tap on a quick reply (its payload comes back) takes that output', async () => {
    const tap: SessionEvent = { type: 'message', content: { kind: 'reply', id: 't:pagar', title: 'Vou pagar agora' } };
    expect((await run(flow, null, [start, tap])).session?.variables.saida).toBe('pagar');
  });

  it("typing the button's title counts too; anything else is invalid", async () => {
    const typed: SessionEvent = { type: 'message', content: { kind: 'text', text: 'vou pagar agora' } };
    expect((await run(flow, null, [start, typed])).session?.variables.saida).toBe('pagar');
    const other: SessionEvent = { type: 'message', content: { kind: 'text', text: 'quem é?' } };
    expect((await run(flow, null, [start, other])).session?.variables.saida).toBe('outra');
  });
});
