import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, effectOf, sent, texts } from '../testing/session-test-kit.ts';
import type { FakeBooking } from '../testing/fake-agenda.ts';
import type { ScriptedAnswer } from '../testing/ports.ts';
import type { Effect } from '../effects.ts';

const flow = (data: Record<string, unknown> = {}) =>
  buildFlow(
    [
      {
        id: 'ai',
        type: 'agent',
        data: {
          instructions: 'Você vende pizzas para {{contact.name}}.',
          tools: ['search_catalog', 'show_product', 'cart', 'create_order', 'handoff', 'end', 'set_variables'],
          variables: [{ name: 'bairro', description: 'bairro de entrega' }],
          ...data,
        },
      },
      { id: 'done', type: 'message', data: { text: 'fim' } },
      { id: 'esc', type: 'message', data: { text: 'humano' } },
      { id: 'err', type: 'message', data: { text: 'erro {{ai_error}}' } },
    ],
    [
      ['ai', 'done', 'done'],
      ['ai', 'escalate', 'esc'],
      ['ai', 'error', 'err'],
    ],
  );

const catalog = {
  categories: [{ id: 'c1', name: 'Pizzas' }],
  products: [
    {
      id: 'p1',
      categoryId: 'c1',
      name: 'Pizza Calabresa',
      description: 'grande',
      priceCents: 4990,
      imageUrl: 'https://x/p1.jpg',
      stock: null,
    },
    {
      id: 'p2',
      categoryId: 'c1',
      name: 'Pizza Margherita',
      description: '',
      priceCents: 4500,
      imageUrl: null,
      stock: 0,
    },
  ],
};

const runs = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'ai_run' ? [e.run] : []));

describe('agent', () => {
  it('searches, fills the cart, orders, and records every tool call with tokens and cost', async () => {
    const llm: ScriptedAnswer[] = [
      { tools: [{ tool: 'search_catalog', input: { query: 'calabresa', present: true } }] },
      { text: 'Temos a Calabresa por R$ 49,90. Quer?' },
      { tools: [{ tool: 'cart', input: { action: 'add', productId: 'p1', quantity: 2 } }] },
      { tools: [{ tool: 'create_order', input: { address: 'Rua A, 1', paymentMethod: 'pix' } }] },
      { tools: [{ tool: 'end', input: {} }], text: 'Pedido feito! Obrigado.' },
    ];
    const d = driver(flow(), { ...catalog, llm });
    const first = await d.send('tem calabresa?');
    expect(sent(first)[0]).toMatchObject({ kind: 'list', sections: [{ rows: [{ id: 'product:p1' }] }] });
    expect(texts(first)).toContain('Temos a Calabresa por R$ 49,90. Quer?');
    const [run1] = runs(first);
    expect(run1).toMatchObject({ outcome: 'reply', steps: 2, inputTokens: 20, outputTokens: 20 });
    expect(run1?.costUsd).toBeCloseTo((20 * 0.15 + 20 * 0.6) / 1e6, 12);
    expect(run1?.toolCalls[0]).toMatchObject({ name: 'search_catalog', input: { query: 'calabresa' } });
    expect(JSON.stringify(run1?.toolCalls[0]?.output)).toContain('Pizza Calabresa');
    expect(d.session?.awaiting?.kind).toBe('conversation');

    const second = await d.send('quero 2, entrega na Rua A, 1, pix');
    expect(effectOf(second, 'record_order')).toMatchObject({
      items: [{ productId: 'p1', quantity: 2, unitPriceCents: 4990 }],
      totalCents: 9980,
      delivery: { address: 'Rua A, 1', paymentMethod: 'pix' },
    });
    expect(texts(second)).toEqual(['Pedido feito! Obrigado.', 'fim']);
    expect(runs(second)[0]).toMatchObject({
      outcome: 'done',
      toolCalls: [{ name: 'cart' }, { name: 'create_order' }, { name: 'end' }],
    });
  });

  it('sends the instructions, the contact message and offers only the allowed tools', async () => {
    const d = driver(flow({ tools: ['cart'], toolInstructions: { cart: 'No máximo 5 itens.' } }), {
      llm: [{ text: 'Oi!' }],
    });
    await d.send('oi');
    const call = (d.ports.llm as MockLanguageModelV3).doGenerateCalls[0];
    expect(JSON.stringify(call?.prompt[0])).toContain('Você vende pizzas para Ana Souza.');
    expect(call?.prompt.at(-1)).toMatchObject({ role: 'user', content: [{ type: 'text', text: 'oi' }] });
    expect(call?.tools?.map((t) => t.name)).toEqual(['cart']);
    expect(JSON.stringify(call?.tools)).toContain('No máximo 5 itens.');
  });

  it('a product card is a buttons message with the picture and an add button; sold-out items cannot be added', async () => {
    const d = driver(flow(), {
      ...catalog,
      llm: [
        {
          tools: [
            { tool: 'show_product', input: { productId: 'p1' } },
            { tool: 'cart', input: { action: 'add', productId: 'p2' } },
          ],
        },
        { text: 'Esta acabou.' },
      ],
    });
    const effects = await d.send('mostra');
    expect(sent(effects)[0]).toMatchObject({
      kind: 'buttons',
      header: { kind: 'image', url: 'https://x/p1.jpg' },
      buttons: [{ id: 'add:p1' }],
    });
    expect(runs(effects)[0]?.toolCalls[1]?.output).toMatchObject({ error: 'sold out', items: [] });
  });

  it('hands over on a handoff with a score at or above the threshold, and keeps going below it', async () => {
    const d = driver(flow(), {
      llm: [
        { tools: [{ tool: 'handoff', input: { reason: 'curioso', score: 0.3 } }] },
        { text: 'Posso ajudar em algo mais?' },
        { tools: [{ tool: 'handoff', input: { reason: 'quer fechar 10 pizzas', score: 0.9, team: 'vendas' } }] },
      ],
    });
    expect(texts(await d.send('oi'))).toEqual(['Posso ajudar em algo mais?']);
    expect(texts(await d.send('quero 10 pizzas para uma festa'))).toEqual(['humano']);
    expect(d.session?.variables).toMatchObject({
      score: 0.9,
      handoff_reason: 'quer fechar 10 pizzas',
      handoff_team: 'vendas',
    });
  });

  it('set_variables stores only the declared variables', async () => {
    const d = driver(flow(), {
      llm: [{ tools: [{ tool: 'set_variables', input: { bairro: 'Tirol', senha: 'x' } }] }, { text: 'Anotado.' }],
    });
    await d.send('moro no Tirol');
    expect(d.session?.variables.bairro).toBe('Tirol');
    expect(d.session?.variables.senha).toBeUndefined();
  });

  it('a model looping on tools stops at the step limit and leaves through error', async () => {
    const loop = Array.from({ length: 10 }, () => ({ tools: [{ tool: 'cart', input: { action: 'view' } }] }));
    const d = driver(flow({ limits: { stepsPerTurn: 3 } }), { llm: loop });
    const effects = await d.send('oi');
    expect(texts(effects)).toEqual(['erro step_limit']);
    expect((d.ports.llm as MockLanguageModelV3).doGenerateCalls).toHaveLength(3);
    expect(runs(effects)[0]).toMatchObject({ outcome: 'error', error: 'step_limit' });
  });

  it('a slow provider hits the time limit', async () => {
    const d = driver(flow({ limits: { turnTimeoutMs: 100 } }));
    // A provider that never answers: only the block's time limit ends the wait.
    d.ports.llm = new MockLanguageModelV3({
      doGenerate: ({ abortSignal }) =>
        new Promise((_, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason))),
    });
    expect(texts(await d.send('oi'))).toEqual(['erro time_limit']);
  });

  it('a 429 from the provider is reported as rate_limited; other failures as provider_error', async () => {
    const limited = new APICallError({
      message: 'Too Many Requests',
      url: 'https://ai/chat/completions',
      requestBodyValues: {},
      statusCode: 429,
      isRetryable: true,
    });
    const d = driver(flow(), { llm: [limited] });
    expect(texts(await d.send('oi'))).toEqual(['erro rate_limited']);
    const e = driver(flow(), { llm: [new Error('boom')] });
    expect(texts(await e.send('oi'))).toEqual(['erro provider_error']);
    const none = driver(flow(), { llm: null });
    expect(texts(await none.send('oi'))).toEqual(['erro no_provider']);
  });

  it('counts cost across turns and stops at the conversation cost limit', async () => {
    // Each call costs (10 × 1000 + 10 × 1000) / 1e6 = 0.02 USD.
    const d = driver(
      flow({ pricing: { inputUsdPerMillion: 1000, outputUsdPerMillion: 1000 }, limits: { maxCostUsd: 0.05 } }),
      {
        llm: [{ text: 'um' }, { text: 'dois' }, { text: 'três' }, { text: 'quatro' }],
      },
    );
    expect(texts(await d.send('a'))).toEqual(['um']);
    expect(texts(await d.send('b'))).toEqual(['dois']);
    expect(d.session?.awaiting?.state).toMatchObject({ tokens: 40 });
    expect(texts(await d.send('c'))).toEqual(['três']);
    expect(texts(await d.send('d'))).toEqual(['erro cost_limit']);
    expect((d.ports.llm as MockLanguageModelV3).doGenerateCalls).toHaveLength(3);
  });

  it('max turns defaults to unlimited and, when set, leaves through done', async () => {
    const d = driver(flow({ limits: { maxTurns: 2 } }), { llm: [{ text: 'um' }, { text: 'dois' }] });
    await d.send('a');
    expect(texts(await d.send('b'))).toEqual(['dois', 'fim']);
  });

  it('remembers a window of messages and forgets after the inactivity limit', async () => {
    const d = driver(flow({ memory: { historyMessages: 2, expireMinutes: 30 } }), {
      llm: [{ text: 'r1' }, { text: 'r2' }, { text: 'r3' }],
    });
    await d.send('m1');
    await d.send('m2');
    const model = d.ports.llm as MockLanguageModelV3;
    // Window of 2: the previous user message and reply, then the new one.
    expect(model.doGenerateCalls[1]?.prompt.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    d.clock.advance(31 * 60_000);
    await d.send('m3');
    expect(model.doGenerateCalls[2]?.prompt.slice(1)).toEqual([
      expect.objectContaining({ role: 'user', content: [{ type: 'text', text: 'm3' }] }),
    ]);
  });

  it('keeps a summary of turns that leave the window when asked', async () => {
    const d = driver(flow({ memory: { historyMessages: 2, summarize: true } }), {
      llm: [{ text: 'r1' }, { text: 'r2' }, { text: 'r3' }],
    });
    await d.send('moro no Tirol');
    await d.send('m2');
    await d.send('m3');
    const system = JSON.stringify((d.ports.llm as MockLanguageModelV3).doGenerateCalls[2]?.prompt[0]);
    expect(system).toContain('Contato: moro no Tirol');
  });

  // The test clock is Monday 2026-11-23 09:00 in São Paulo; the agenda opens 09:00 and 14:00 on weekdays.
  const agendas = {
    consultas: { name: 'Consultas', hours: { mon: ['09:00', '14:00'], tue: ['09:00', '14:00'] }, horizonDays: 3 },
  };
  const other = { agendaId: 'consultas', phone: '5584990000009', cancelled: false, seat: 1 };

  it("lists the agenda's free slots and books through the agenda port", async () => {
    const bookings: FakeBooking[] = [{ ...other, id: 'b-other', startsAt: '2026-11-24T12:00:00.000Z' }];
    const d = driver(flow({ tools: ['list_slots', 'book_slot'], agendaId: 'consultas' }), {
      agendas,
      bookings,
      llm: [
        { tools: [{ tool: 'list_slots', input: {} }] },
        { tools: [{ tool: 'book_slot', input: { startsAt: '2026-11-24T17:00:00.000Z' } }] },
        { text: 'Agendado para terça 24/11 às 14h.' },
      ],
    });
    const effects = await d.send('quero marcar');
    const calls = runs(effects)[0]?.toolCalls ?? [];
    // Today 09:00 has passed (and is within the minimum notice); Tuesday 09:00 is taken by another contact.
    expect(calls[0]?.output).toEqual({
      days: [
        {
          date: '2026-11-23',
          label: 'segunda-feira 23/11/2026',
          slots: [{ startsAt: '2026-11-23T17:00:00.000Z', time: '14h' }],
        },
        {
          date: '2026-11-24',
          label: 'terça-feira 24/11/2026',
          slots: [{ startsAt: '2026-11-24T17:00:00.000Z', time: '14h' }],
        },
      ],
    });
    expect(calls[1]?.output).toMatchObject({ booked: true, booking: { data: '24/11/2026', hora: '14h' } });
    expect(bookings.filter((b) => b.phone === '5584991230001')).toMatchObject([
      { agendaId: 'consultas', startsAt: '2026-11-24T17:00:00.000Z', cancelled: false },
    ]);
    expect(d.session?.variables.agendamento).toMatchObject({ hora: '14h', dia_semana: 'terça-feira' });
    expect(texts(effects)).toEqual(['Agendado para terça 24/11 às 14h.']);
  });

  it('a slot taken since it was listed is reported to the model as taken, and nothing is booked', async () => {
    const bookings: FakeBooking[] = [];
    const d = driver(flow({ tools: ['list_slots', 'book_slot'], agendaId: 'consultas' }), {
      agendas,
      bookings,
      llm: [
        { tools: [{ tool: 'list_slots', input: { date: '2026-11-24' } }] },
        { text: 'Tenho 9h ou 14h na terça. Qual prefere?' },
        { tools: [{ tool: 'book_slot', input: { startsAt: '2026-11-24T12:00:00.000Z' } }] },
        { text: 'Esse horário acabou de ser ocupado. Que tal 14h?' },
      ],
    });
    const first = await d.send('tem horário na terça?');
    expect(JSON.stringify(runs(first)[0]?.toolCalls[0]?.output)).toContain('2026-11-24T12:00:00.000Z');
    // Another contact takes Tuesday 09:00 before this one answers.
    bookings.push({ ...other, id: 'b-other', startsAt: '2026-11-24T12:00:00.000Z' });
    const second = await d.send('9h');
    expect(runs(second)[0]?.toolCalls[0]).toMatchObject({ name: 'book_slot', output: { booked: false } });
    expect(String((runs(second)[0]?.toolCalls[0]?.output as { error: string }).error)).toMatch(/^taken/);
    const model = d.ports.llm as MockLanguageModelV3;
    expect(JSON.stringify(model.doGenerateCalls[3]?.prompt.at(-1))).toContain('taken');
    expect(bookings.filter((b) => b.phone === '5584991230001')).toEqual([]);
    expect(d.session?.variables.agendamento).toBeUndefined();
    expect(texts(second)).toEqual(['Esse horário acabou de ser ocupado. Que tal 14h?']);
  });

  it('without an agenda the slot tools say so instead of inventing times', async () => {
    const d = driver(flow({ tools: ['list_slots'] }), {
      llm: [{ tools: [{ tool: 'list_slots', input: {} }] }, { text: 'Vou verificar.' }],
    });
    const effects = await d.send('quero marcar');
    expect(runs(effects)[0]?.toolCalls[0]?.output).toMatchObject({
      days: [],
      error: expect.stringContaining('agenda'),
    });
  });
});
