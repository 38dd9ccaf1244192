import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulateResponse } from '../../shared/api/simulate.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

type Message = {
  kind: string;
  text?: string;
  body?: string;
  buttons?: { id: string; title: string }[];
  sections?: { rows: { id: string; title: string }[] }[];
};

function choice(messages: Message[], title: string): { id: string; title: string } {
  for (const m of [...messages].reverse()) {
    const options = [...(m.buttons ?? []), ...(m.sections ?? []).flatMap((s) => s.rows)];
    const found = options.find((o) => o.title === title);
    if (found) return found;
  }
  throw new Error(`no option "${title}" in ${JSON.stringify(messages)}`);
}

describe('POST /api/flows/:id/simulate', () => {
  let t: TestApp;
  let flowId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const created = await t
      .as('editor')
      .json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Imobiliária', templateId: 'imobiliaria' });
    flowId = created.body.flow.id;
  });
  afterAll(() => t.close());

  const send = (body: object) => t.as('editor').json<SimulateResponse>('POST', `/api/flows/${flowId}/simulate`, body);

  it('runs the draft through the engine, turn by turn, to a financing simulation and a handoff', async () => {
    const first = await send({ text: 'oi' });
    expect(first.status).toBe(200);
    const greeting = first.body.messages as Message[];
    expect(greeting.map((m) => m.kind)).toContain('list');
    const sessionId = first.body.sessionId;

    const ask = await send({ sessionId, reply: choice(greeting, 'Simular financiamento') });
    expect(JSON.stringify(ask.body.messages)).toContain('Qual o valor do imóvel?');
    expect(ask.body.nodeId).not.toBeNull();

    await send({ sessionId, text: 'R$ 350.000,00' });
    const result = await send({ sessionId, text: '70 mil' });
    expect(JSON.stringify(result.body.messages)).toContain('R$ 2.462,62');
    expect(result.body.variables).toMatchObject({ valor_imovel: 350000, entrada: 70000 });

    const handoff = await send({ sessionId, reply: choice(result.body.messages as Message[], 'Falar com corretor') });
    expect(handoff.body.status).toBe('handoff');
    const back = await send({ sessionId, resolveHandoff: true });
    expect(back.body.status).not.toBe('handoff');
  });

  it("starts the flow with the contact's first message, which is not taken as an answer", async () => {
    // As on WhatsApp (a new contact's first message): the start block runs on it, and the
    // menu that follows waits for the next message; it does not read this one as a choice.
    const first = await send({ text: 'Olá, procuro um apartamento' });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('active');
    expect(first.body.nodeId).toBe('menu');
    const said = JSON.stringify(first.body.messages);
    expect(said).toContain('Como posso te ajudar?');
    expect(said).not.toMatch(/não entendi/i);
    const next = await send({
      sessionId: first.body.sessionId,
      reply: choice(first.body.messages as Message[], 'Simular financiamento'),
    });
    expect(JSON.stringify(next.body.messages)).toContain('Qual o valor do imóvel?');
  });

  it('matches a typed sentence or a loosely spelled word at a menu as WhatsApp does', async () => {
    const first = await send({ text: 'oi' });
    const sessionId = first.body.sessionId;
    const vague = await send({ sessionId, text: 'meu imóvel' });
    expect(JSON.stringify(vague.body.messages)).toMatch(/não entendi/i);
    const typed = await send({ sessionId, text: 'Simulacao' });
    expect(JSON.stringify(typed.body.messages)).toContain('Qual o valor do imóvel?');
    const again = await send({ text: 'oi' });
    const sentence = await send({ sessionId: again.body.sessionId, text: 'quero simular um financiamento' });
    expect(JSON.stringify(sentence.body.messages)).toContain('Qual o valor do imóvel?');
  });

  it('starts over without a session id, and answers bad input with a 400', async () => {
    const a = await send({ text: 'oi' });
    const b = await send({ text: 'oi' });
    expect(a.body.sessionId).not.toBe(b.body.sessionId);
    const bad = await t
      .as('editor')
      .json<{ error: { code: string } }>('POST', `/api/flows/${flowId}/simulate`, { text: 42 });
    expect(bad.status).toBe(400);
    expect((await t.as('editor').request('POST', '/api/flows/nope/simulate', { text: 'oi' })).status).toBe(404);
  });

  it('never fails on odd text from the contact', async () => {
    const { body } = await send({ text: 'oi' });
    for (const text of ['', '😀😀😀', 'x'.repeat(5000), '\u0007\u001b', '{{contact.name}}']) {
      const res = await send({ sessionId: body.sessionId, text });
      expect(res.status, JSON.stringify(text)).toBe(200);
    }
    // Text no storage can keep is refused like everywhere in the API (text-guard.ts), and the
    // session goes on.
    for (const text of ['a\u0000b', 'lone \ud800']) {
      const res = await send({ sessionId: body.sessionId, text });
      expect(res.status, JSON.stringify(text)).toBe(400);
    }
    expect((await send({ sessionId: body.sessionId, text: 'oi' })).status).toBe(200);
  });
});
