import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulateResponse } from '../../shared/api/simulate.ts';
import { buildFlow, node } from '../../shared/flow/testing/build-flow.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** A campaign-style opening: a text that falls back to a template, then a question whose window_closed path is drawn. */
const flow = buildFlow(
  [
    node('s', 'start', {}),
    node('hi', 'message', {
      text: 'Oi! Sua fatura está disponível.',
      template: {
        name: 'fatura_disponivel',
        language: 'pt_BR',
        body: [{ value: 'R$ 120,00' }],
        preview: { body: 'Sua fatura de {{1}} está disponível.' },
      },
      templateWhen: 'window_closed',
    }),
    node('q', 'question', { text: 'Qual seu CPF?', variable: 'cpf', windowClosed: 'output' }),
    node('closed', 'message', { text: 'não deveria sair', template: { name: 'pedir_cpf', language: 'pt_BR' } }),
  ],
  ['s > hi', 'hi > q', 'q.window_closed > closed'],
);

describe('the simulator with the 24-hour window closed', () => {
  let t: TestApp;
  let flowId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const created = await t
      .as('editor')
      .json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Cobrança', flow });
    flowId = created.body.flow.id;
  });
  afterAll(() => t.close());
  const send = (body: object) => t.as('editor').json<SimulateResponse>('POST', `/api/flows/${flowId}/simulate`, body);

  it('takes the template fallback and the window_closed output when the bot starts with the window closed', async () => {
    const res = await send({ windowClosed: true });
    expect(res.status).toBe(200);
    expect(res.body.messages).toEqual([
      expect.objectContaining({
        kind: 'template',
        name: 'fatura_disponivel',
        text: 'Sua fatura de R$ 120,00 está disponível.',
      }),
      expect.objectContaining({ kind: 'template', name: 'pedir_cpf' }),
    ]);
  });

  it('with the window open (the default) the same start sends the free-form texts', async () => {
    const res = await send({});
    expect(res.body.messages.map((m) => (m.kind === 'text' ? m.text : m.kind))).toEqual([
      'Oi! Sua fatura está disponível.',
      'Qual seu CPF?',
    ]);
    expect(res.body.nodeId).toBe('q');
  });
});
