import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FakeAgentAnswer, FakeChatMessage } from '../../server/testing/fake-llm-api.ts';
import type { FakeGraph } from '../../server/testing/fake-graph-api.ts';
import { messageWebhook } from '../../server/testing/webhook-payloads.ts';
import { login, type Harness } from './harness.ts';
import { useFakeLlm } from './llm.ts';
import { deliverWebhook, postJson, useBrowserPageWithGraph } from './whatsapp.ts';

/**
 * The "Atendimento com IA" template on WhatsApp against a scripted OpenAI-compatible model: the
 * agent lists the sample agenda's free times and books one. The operator then reads each turn's
 * tool calls (arguments, results, tokens, cost) in the conversation, and the agent block's
 * inspector offers the named providers and the tools.
 */
const channel = { phoneNumberId: '106000000000920', displayPhone: '15550100920', wabaId: '102000000000920' };
const appSecret = 'agent-e2e-app-secret';
const accessToken = 'EAAG-agent-e2e-access-token';
const contact = { waId: '5584988770020', name: 'Rita Lima' };

/** The days `list_slots` answered in this step's tool result, if the last message is one. */
function listedSlots(messages: FakeChatMessage[]): { startsAt: string; time: string }[] {
  const last = messages.at(-1);
  if (last?.role !== 'tool') return [];
  const match = /"startsAt":"([^"]+)","time":"([^"]+)"/.exec(last.content);
  return match?.[1] && match[2] ? [{ startsAt: match[1], time: match[2] }] : [];
}

/** What a receptionist model would do with these messages. */
function receptionist(messages: FakeChatMessage[]): FakeAgentAnswer {
  const lastCall = messages.findLast((m) => m.role === 'assistant' && m.toolCalls)?.toolCalls ?? [];
  const userSaid = messages.findLast((m) => m.role === 'user')?.content.toLowerCase() ?? '';
  if (messages.at(-1)?.role === 'tool') {
    if (lastCall.includes('book_slot'))
      return { tools: [{ tool: 'end', input: { summary: 'consulta marcada' } }], text: 'Prontinho, Rita!' };
    const [first] = listedSlots(messages);
    if (!first) return { text: 'Não há horários livres agora.' };
    if (/primeiro|pode ser/.test(userSaid))
      return { tools: [{ tool: 'book_slot', input: { startsAt: first.startsAt } }] };
    return { text: `O primeiro horário livre é às ${first.time}. Pode ser?` };
  }
  if (/dermatolog/.test(userSaid))
    return {
      tools: [
        {
          tool: 'set_variables',
          input: { nome: 'Rita Lima', especialidade: 'dermatologia', urgencia: 'baixa' },
        },
        { tool: 'list_slots', input: {} },
      ],
    };
  if (/primeiro|pode ser/.test(userSaid)) return { tools: [{ tool: 'list_slots', input: {} }] };
  return { text: 'Olá! Sou a recepcionista virtual da Clínica Bem Viver. Como posso ajudar?' };
}

const llm = useFakeLlm(receptionist);
let harness: Harness;
let fake: FakeGraph;
let page: Page;
let flowId = '';
let seq = 0;

/** The contact writes on WhatsApp: Meta's signed webhook reaches the server. */
async function contactSends(text: string): Promise<void> {
  await deliverWebhook(
    harness.baseUrl,
    appSecret,
    messageWebhook({
      ...channel,
      wamid: `wamid.agent-e2e.${++seq}`,
      from: contact.waId,
      name: contact.name,
      timestamp: new Date(),
      text,
    }),
  );
}

/** The text bodies the contact received on WhatsApp. */
const received = () => fake.sent().map((r) => JSON.stringify(r.body));

/** Signs in, adds the provider, publishes the clinic's template and connects the channel to it. */
async function openClinic(opened: { harness: Harness; fake: FakeGraph; page: Page }): Promise<void> {
  ({ harness, fake, page } = opened);
  await login(page);
  const api = page.request;
  await postJson(api, '/api/settings/ai-providers', { name: 'Clínica IA', baseUrl: llm().url, model: 'fake-agent' });
  const { flow } = await postJson<{ flow: { id: string } }>(api, '/api/flows', {
    name: 'Clínica',
    templateId: 'atendimento-ia',
  });
  flowId = flow.id;
  await postJson(api, `/api/flows/${flow.id}/publish`, { note: 'agent e2e' });
  await postJson(api, '/api/channels', {
    name: 'Clínica',
    ...channel,
    accessToken,
    appSecret,
    verifyToken: 'agent-e2e-verify',
    flowId: flow.id,
  });
}

useBrowserPageWithGraph(accessToken, openClinic, () => ({ AI_BASE_URL: llm().url, AI_MODEL: 'fake-receptionist' }));

describe('AI agent in the conversation history', () => {
  it('books through the agenda, and shows the operator each tool call, collapsed, never to the contact', async () => {
    await contactSends('Oi');
    await fake.waitForSent(1, 20_000);
    await contactSends('Quero marcar dermatologista, nada urgente');
    await fake.waitForSent(2, 20_000);
    expect(received().join('\n')).toContain('O primeiro horário livre é às');
    await contactSends('Pode ser o primeiro');
    await fake.waitForSent(4, 20_000);
    expect(received().join('\n')).toContain('Consulta marcada');

    // The booking is in the sample agenda, for this contact.
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const res = await page.request.get(
      `/api/bookings?agendaId=exemplo-consultas&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(res.ok()).toBe(true);
    const { bookings } = (await res.json()) as { bookings: unknown[] };
    expect(bookings).toHaveLength(1);
    expect(JSON.stringify(bookings)).toContain(contact.waId);

    await page.goto('/conversations');
    const option = page.getByTestId('conv-option').filter({ hasText: contact.name });
    await option.waitFor();
    await option.click();
    await page.getByRole('log').getByText('Consulta marcada', { exact: false }).first().waitFor();

    const panel = page.getByTestId('conv-ai-runs');
    await panel.waitFor();
    const runs = panel.locator('details');
    expect(await runs.count()).toBe(3);
    // Collapsed: no tool call is shown until the operator opens a turn.
    expect(await panel.getByTestId('conv-ai-tool-call').first().isVisible()).toBe(false);
    const booking = runs.filter({ hasText: 'concluiu' });
    await booking.locator('summary').click();
    const calls = booking.getByTestId('conv-ai-tool-call');
    await calls.first().waitFor();
    expect(await calls.locator('strong').allInnerTexts()).toEqual(['list_slots', 'book_slot', 'end']);
    const bookCall = await calls.nth(1).innerText();
    expect(bookCall).toContain('startsAt');
    expect(bookCall).toContain('"booked": true');
    expect(await booking.locator('summary').innerText()).toMatch(/tokens .*US\$ \d+\.\d{4}/);

    // Nothing of the tool calls reached the contact.
    for (const body of received()) {
      expect(body).not.toContain('startsAt');
      expect(body).not.toContain('book_slot');
    }
  });

  it("the agent block's inspector picks the agenda, the tools and a named provider", async () => {
    await page.goto(`/flows/${flowId}`);
    const node = page.getByTestId('flow-canvas').locator('.react-flow__node[data-id="recepcionista"]');
    await node.click();
    expect(await page.getByLabel('Agendar horário').isChecked()).toBe(true);
    expect(await page.getByLabel('Simular financiamento').isChecked()).toBe(false);
    const agenda = page.getByLabel('Agenda', { exact: true });
    await expect.poll(() => agenda.locator('option:checked').innerText()).toBe('Consultas da clínica');

    const provider = page.getByLabel('Provedor de IA');
    await expect
      .poll(() => provider.locator('option').allInnerTexts())
      .toEqual(['Padrão (Clínica IA)', 'Clínica IA · fake-agent']); // the first provider saved is the default
    await provider.selectOption('Clínica IA');
    const model = page.getByLabel('Modelo', { exact: true });
    expect(await model.getAttribute('placeholder')).toBe('fake-agent');
    await page.getByLabel('Simular financiamento').check();
    await expect
      .poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('saved');
    const saved = await (await page.request.get(`/api/flows/${flowId}`)).json();
    const agent = (
      saved as { flow: { draft: { nodes: { id: string; data: Record<string, unknown> }[] } } }
    ).flow.draft.nodes.find((n) => n.id === 'recepcionista');
    expect(agent?.data.provider).toBe('Clínica IA');
    expect(agent?.data.tools).toContain('financing');
  });
});
