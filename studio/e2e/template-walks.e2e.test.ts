import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeAgentAnswer, FakeChatMessage } from '../../server/testing/fake-llm-api.ts';
import { login, useBrowserPage } from './harness.ts';
import { useFakeLlm } from './llm.ts';
import { simulatorChat, simulatorPanel, typeInSimulator } from './simulator.ts';

/**
 * Issue 21's quality bar, as a new user tries Fluxo: each gallery template created with its
 * sample data, then walked in the simulator the way a customer types (greeting first, options
 * by number and by words, quantities and dates in words, a wrong date, asking for a human).
 * Every step checks what the customer reads next, and that sensible input is never "Não entendi".
 */
/** The clinic's receptionist agent, scripted: what a real model would do with these customers. */
function receptionist(messages: FakeChatMessage[]): FakeAgentAnswer {
  const said = messages.filter((m) => m.role === 'user').map((m) => m.content.toLowerCase());
  const last = said.at(-1) ?? '';
  const lastCalls = messages.findLast((m) => m.role === 'assistant' && m.toolCalls)?.toolCalls ?? [];
  if (messages.at(-1)?.role === 'tool') {
    // The tools' results came back: go on from what they said.
    if (lastCalls.includes('book_slot'))
      return { tools: [{ tool: 'end', input: {} }], text: 'Prontinho, Ana! Sua consulta está marcada.' };
    const slot = /"startsAt":"([^"]+)","time":"([^"]+)"/.exec(messages.at(-1)?.content ?? '');
    if (lastCalls.includes('list_slots') && slot?.[1]) {
      if (/pode ser/.test(last)) return { tools: [{ tool: 'book_slot', input: { startsAt: slot[1] } }] };
      return { text: `Perfeito, Ana! O primeiro horário livre é ${slot[2]}. Pode ser?` };
    }
    return { text: 'Certo! Qual o nome completo do paciente?' };
  }
  if (/atendente|pessoa|humano/.test(last))
    return {
      tools: [{ tool: 'handoff', input: { reason: 'pediu um atendente', score: 0.9 } }],
      text: 'Claro, vou chamar a recepção.',
    };
  if (/pode ser/.test(last)) return { tools: [{ tool: 'list_slots', input: {} }] };
  if (said.length >= 3)
    return {
      tools: [
        { tool: 'set_variables', input: { nome: 'Ana Souza' } },
        { tool: 'list_slots', input: {} },
      ],
    };
  if (said.length === 2)
    return {
      tools: [{ tool: 'set_variables', input: { especialidade: 'dermatologia', urgencia: 'baixa' } }],
    };
  return { text: 'Olá! Sou a recepcionista virtual da Clínica Bem Viver. Qual especialidade você procura?' };
}

const llm = useFakeLlm(receptionist);
let page: Page;

useBrowserPage(
  async (opened) => {
    ({ page } = opened);
    await login(page);
  },
  () => ({ AI_BASE_URL: llm().url, AI_MODEL: 'fake-receptionist' }),
);

const dialog = () => page.getByTestId('create-flow-dialog');
const sim = () => simulatorPanel(page);
const chat = () => simulatorChat(page);
/** Everything in the chat that can grow: bubbles and the simulator's notes (not the hint shown before the first message). */
const entries = () => chat().locator('.bubble, [data-testid=sim-note]');
let seen = '';

/** From the gallery, as on a fresh install (first template) or through "Novo fluxo" after that. */
async function createFromGallery(
  templateId: string,
  name: string,
  { sampleData }: { sampleData: boolean },
): Promise<void> {
  await page.goto('/flows');
  const onHome = page.getByTestId(`template-${templateId}`);
  if ((await onHome.count()) > 0) await onHome.first().click();
  else {
    await page.getByRole('button', { name: 'Novo fluxo' }).first().click();
    await dialog().getByTestId(`template-${templateId}`).click();
  }
  await dialog().waitFor();
  const sample = dialog().getByTestId('create-flow-sample-data');
  if (sampleData) expect(await sample.getByRole('checkbox').isChecked()).toBe(true);
  else expect(await sample.count()).toBe(0);
  await dialog().getByLabel('Nome do fluxo').fill(name);
  await dialog().getByRole('button', { name: 'Criar fluxo' }).click();
  await page.getByTestId('flow-canvas').waitFor();
  await expect.poll(() => page.locator('.fx-problems-toggle').innerText()).toBe('0 erro(s), 0 aviso(s)');
}

async function openSimulator(): Promise<void> {
  await page.getByTestId('open-simulator').click();
  await sim().getByTestId('sim-hint').waitFor();
  seen = '';
}

/** Waits for the bot's answer to whatever was just sent, and returns what appeared since the last step. */
async function answerAfter(act: () => Promise<void>): Promise<string> {
  const before = await entries().count();
  await act();
  // An AI agent's turn is several model calls (tools, then the reply): more than the default second on a busy machine.
  await expect
    .poll(async () => (await entries().count()) > before && (await chat().getAttribute('aria-busy')) === 'false', {
      timeout: 15_000,
    })
    .toBe(true);
  const text = await chat().innerText();
  const fresh = text.slice(seen.length).trimStart();
  seen = text;
  return fresh;
}

/** The customer types a message; sensible input must not be met with "Não entendi". */
async function say(text: string, { understood = true } = {}): Promise<string> {
  const fresh = await answerAfter(() => typeInSimulator(page, text));
  expect(fresh.startsWith(text), fresh).toBe(true);
  if (understood) expect(fresh, `after "${text}"`).not.toMatch(/não entendi/i);
  return fresh;
}

/** The customer taps a reply button of the last message that has it. */
async function tap(title: string): Promise<string> {
  return answerAfter(() => sim().getByTestId('sim-button').filter({ hasText: title }).last().click());
}

async function resolveHandoff(): Promise<string> {
  return answerAfter(() =>
    sim()
      .getByRole('button', { name: /Resolver atendimento/ })
      .click(),
  );
}

async function restart(): Promise<void> {
  await sim().getByRole('button', { name: 'Recomeçar' }).click();
  await sim().getByTestId('sim-hint').waitFor();
  seen = '';
}

describe('Imobiliária, with its sample properties', () => {
  it('greeting, property by words and number, a past date refused, a visit booked, then the broker', async () => {
    await createFromGallery('imobiliaria', 'Imobiliária (exemplo)', { sampleData: true });
    await openSimulator();

    expect(await say('Olá, procuro um apartamento')).toContain(
      'Sou o assistente virtual da imobiliária. Como posso te ajudar?',
    );
    expect(await say('buscar imóveis')).toContain('Que tipo de imóvel você procura?');
    const properties = await say('apartamento');
    expect(properties).toContain('Apto Ponta Negra');
    expect(properties).toContain('Apto Tirol');
    const card = await say('1');
    expect(card).toContain('Apto Ponta Negra');
    expect(card).toContain('R$ 450.000,00');
    expect(await sim().getByTestId('sim-media').count()).toBe(1);
    expect(card).toContain('O que você gostaria de fazer com Apto Ponta Negra?');

    expect(await say('agendar visita')).toContain('Qual dia você prefere para a visita?');
    // A date in the past has no free times: the day is asked again, nothing is booked.
    expect(await say('01/01/2020')).toContain('Não temos horários livres nesse dia');
    // Next Monday (the sample agenda opens Mon–Fri at 09h, 10h30, 14h, 16h30, 18h).
    const monday = new Date();
    monday.setDate(monday.getDate() + ((8 - monday.getDay()) % 7 || 7));
    const day = `${String(monday.getDate()).padStart(2, '0')}/${String(monday.getMonth() + 1).padStart(2, '0')}`;
    const hours = await say(day);
    expect(hours).toContain(`Horários livres em ${day}`);
    const booked = await say('10h30');
    expect(booked).toMatch(/Visita agendada para \*?\d\d\/\d\d\/20\d\d às 10h30/);

    const end = await resolveHandoff();
    expect(end).toContain('Obrigado pelo contato, Contato de teste!');
    expect(end).toContain('Conversa encerrada');
  });

  it('the financing simulation, with values in words', async () => {
    await restart();
    await say('oi');
    // An option said inside a sentence, as people write.
    expect(await say('quero simular um financiamento')).toContain('Qual o valor do imóvel?');
    expect(await say('350 mil')).toContain('Quanto você pretende dar de entrada?');
    const result = await say('setenta mil');
    expect(result).toContain('Valor financiado: R$ 280.000,00 em 360 meses');
    expect(result).toContain('Tabela Price: parcelas fixas de R$ 2.462,62');
    expect(result).toContain('Quer dar o próximo passo?');
    expect(await tap('Falar com corretor')).toContain('Vou te passar para um dos nossos corretores');
  });
});

describe('Pedidos, with its sample menu', () => {
  it('a cart by words and numbers, answered by typing the buttons, confirmed with the address', async () => {
    await createFromGallery('pedidos', 'Pizzaria (exemplo)', { sampleData: true });
    await openSimulator();

    const welcome = await say('Oi, quero fazer um pedido');
    expect(welcome).toContain('Monte seu pedido por aqui');
    expect(welcome).toContain('Escolha uma categoria:');
    const pizzas = await say('pizzas');
    expect(pizzas).toContain('Pizza Calabresa');
    expect(pizzas).toContain('Pizza Margherita');
    expect(await say('calabresa')).toContain('Quantas unidades de Pizza Calabresa?');
    const cart = await say('duas');
    expect(cart).toContain('2x Pizza Calabresa — R$ 99,80');
    expect(cart).toContain('Adicionar mais itens?');

    expect(await say('sim')).toContain('Escolha uma categoria:');
    const drinks = await say('bebidas');
    expect(drinks).toContain('Escolha um produto:');
    expect(drinks).toContain('Refrigerante 2L');
    expect(await say('1')).toContain('Quantas unidades de Refrigerante 2L? (1 a 10)');
    expect(await say('um')).toContain('1x Refrigerante 2L — R$ 12,00');

    // The contact types what the buttons say instead of tapping them.
    const summary = await say('Não, finalizar');
    expect(summary).toContain('Resumo do pedido:');
    expect(summary).toContain('2x Pizza Calabresa — R$ 99,80');
    expect(summary).toContain('Total: R$ 111,80');
    expect(await say('confirmar')).toContain('Qual o endereço de entrega?');
    const done = await say('Rua das Flores, 123, Centro');
    expect(done).toContain('Pedido confirmado! ✅');
    expect(done).toContain('2x Pizza Calabresa — R$ 99,80');
    expect(done).toContain('Entrega em: Rua das Flores, 123, Centro');
    expect(done).toContain('Conversa encerrada');
  });

  it('"cancelar" in the middle of the order says goodbye', async () => {
    await restart();
    await say('oi');
    await say('1');
    expect(await say('cancelar')).toContain('Pedido cancelado.');
  });
});

describe('Atendimento IA, against a scripted model', () => {
  it('the receptionist agent takes the data and books a free time of the sample agenda', async () => {
    await createFromGallery('atendimento-ia', 'Clínica (exemplo)', { sampleData: false });
    await openSimulator();

    expect(await say('Olá, quero marcar uma consulta')).toContain('Qual especialidade você procura?');
    expect(await say('dermatologia, nada urgente')).toContain('Qual o nome completo do paciente?');
    expect(await say('Ana Souza')).toMatch(/Perfeito, Ana! O primeiro horário livre é \d{2}h(\d{2})?\. Pode ser\?/);
    const booked = await say('pode ser');
    expect(booked).toContain('Prontinho, Ana! Sua consulta está marcada.');
    expect(booked).toMatch(/Consulta marcada ✅\n[a-zç-]+, \d{2}\/\d{2}\/\d{4} às \d{2}h/);
    expect(booked).toContain('Paciente: Ana Souza (dermatologia)');
    expect(booked).toContain('Conversa encerrada');
  });

  it('asking for a person goes to the reception, with the contact named', async () => {
    await restart();
    await say('oi');
    const handoff = await say('quero falar com um atendente');
    expect(handoff).toContain('Um momento, Contato de teste: vou te passar para a nossa recepção.');
    expect(handoff).toContain('Conversa passada para um atendente');
    expect(await resolveHandoff()).toContain('Atendimento encerrado.');
  });
});

describe('Cobrança, started as the campaign that sends it', () => {
  /** Fills the simulator's campaign test values and starts the flow with the business speaking first. */
  async function startAsCampaign(values: Record<string, string>): Promise<string> {
    const form = sim().getByTestId('sim-campaign');
    for (const [name, value] of Object.entries(values)) await form.getByLabel(name, { exact: true }).fill(value);
    return answerAfter(() => form.getByRole('button', { name: 'Começar como campanha' }).click());
  }

  it('the reminder with the test values, answered by words: pay now, by Pix', async () => {
    await createFromGallery('cobranca', 'Cobrança (exemplo)', { sampleData: false });
    await openSimulator();
    const form = sim().getByTestId('sim-campaign');
    // The values a campaign brings; status_cobranca starts as "pendente" and is not asked.
    expect(await form.locator('label').allInnerTexts()).toEqual(['nome', 'valor', 'dias_atraso', 'vencimento']);

    const reminder = await startAsCampaign({ nome: 'Maria', valor: '150,00', vencimento: '05/12', dias_atraso: '3' });
    expect(reminder).toContain('Olá, Maria! A fatura de R$ 150,00 com vencimento em 05/12 está em aberto há 3 dias.');
    expect(reminder).toContain('Como você prefere resolver?');
    expect(await sim().getByTestId('sim-variables').innerText()).toMatch(/dias_atraso\s+3/);
    expect(await say('vou pagar agora')).toContain('Como você prefere pagar os R$ 150,00?');
    const pix = await say('pix');
    expect(pix).toContain('Chave Pix (e-mail): financeiro@suaempresa.com.br\nValor: R$ 150,00');
    expect(pix).toContain('Obrigado, Maria!');
    expect(pix).toContain('Conversa encerrada');
  });

  it('wanting to cancel gets the offer, and refusing it goes to the finance team', async () => {
    await restart();
    expect(await startAsCampaign({ nome: 'João' })).toContain('Olá, João!');
    expect(await say('3')).toContain('20% de desconto');
    const refused = await tap('Recusar');
    expect(refused).toContain('Vou te passar para a nossa equipe financeira');
    expect(await sim().getByTestId('sim-variables').innerText()).toMatch(/status_cobranca\s+cancelamento_solicitado/);
  });
});
