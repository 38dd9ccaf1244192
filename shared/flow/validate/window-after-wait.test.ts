import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { validateFlow } from './index.ts';

const template = { name: 'lembrete', language: 'pt_BR' };
const warned = (flow: unknown) =>
  validateFlow(flow)
    .problems.filter((p) => p.code === 'window_may_be_closed')
    .map((p) => p.nodeId);

describe('window_may_be_closed', () => {
  it('warns about a free-form send after a wait longer than 24 hours, through blocks that do not wait', () => {
    const flow = buildFlow(
      [
        node('s', 'start', {}),
        node('w', 'wait', { durationMinutes: 48 * 60 }),
        node('set', 'set', { assignments: [] }),
        node('m', 'message', { text: 'Ainda aí?' }),
        node('ok', 'message', { text: 'Oi' }),
      ],
      ['s > w', 'w.timeout > set', 'set > m', 'w.reply > ok'],
    );
    expect(warned(flow)).toEqual(['m']);
    expect(validateFlow(flow).problems.find((p) => p.code === 'window_may_be_closed')?.severity).toBe('warning');
  });

  it('is quiet for waits within 24 hours, for templates, and where window_closed is connected', () => {
    const short = buildFlow(
      [node('s', 'start', {}), node('w', 'wait', { durationMinutes: 120 }), node('m', 'message', { text: 'Oi?' })],
      ['s > w', 'w.timeout > m'],
    );
    expect(warned(short)).toEqual([]);
    const handled = buildFlow(
      [
        node('s', 'start', {}),
        node('w', 'wait', { durationMinutes: 48 * 60 }),
        node('t', 'message', { template }),
        node('m', 'menu', { text: 'Escolha', options: [{ id: 'a', title: 'A' }] }),
        node('e', 'end', {}),
      ],
      ['s > w', 'w.timeout > t', 't > m', 'm.window_closed > e'],
    );
    expect(warned(handled)).toEqual([]);
    expect(validateFlow(handled).problems.filter((p) => p.code.startsWith('edge_'))).toEqual([]);
  });
});

describe('window_closed_at_campaign_start', () => {
  const atStart = (flow: unknown, environment?: Parameters<typeof validateFlow>[1]) =>
    validateFlow(flow, environment)
      .problems.filter((p) => p.code === 'window_closed_at_campaign_start')
      .map((p) => p.nodeId);
  const environment = { activeProductsByCategory: {}, aiConfigured: true };
  const opening = (settings: { startsFromCampaign?: boolean } = {}) =>
    buildFlow(
      [
        node('s', 'start', {}),
        node('hi', 'message', { text: 'Oi, {{contact.name}}!' }),
        node('m', 'menu', { text: 'Quer pagar agora?', options: [{ id: 'a', title: 'Sim' }] }),
        node('after', 'message', { text: 'Combinado' }),
      ],
      ['s > hi', 'hi > m', 'm.opt-a > after'],
      { settings },
    );

  it('warns on free-form sends before the first answer when the flow may start from a campaign', () => {
    expect(atStart(opening({ startsFromCampaign: true }))).toEqual(['hi', 'm']);
    const problem = validateFlow(opening({ startsFromCampaign: true })).problems.find(
      (p) => p.code === 'window_closed_at_campaign_start',
    );
    expect(problem?.severity).toBe('warning');
    expect(problem?.messages['pt-BR']).toContain('Quando a janela de 24 h estiver fechada');
    expect(problem?.messages.en).toContain('When the 24-hour window is closed');
  });

  it('the server tells when a campaign starts the flow; without that or the setting it is quiet', () => {
    expect(atStart(opening())).toEqual([]);
    expect(atStart(opening(), { ...environment, startedByCampaign: false })).toEqual([]);
    expect(atStart(opening(), { ...environment, startedByCampaign: true })).toEqual(['hi', 'm']);
  });

  it('is quiet for a template opening, a template fallback and a connected window_closed output', () => {
    const handled = buildFlow(
      [
        node('s', 'start', {}),
        node('t', 'message', {
          template: { name: 'cobranca', language: 'pt_BR', buttons: [] },
        }),
        node('f', 'message', {
          text: 'Segue o boleto',
          template: { name: 'boleto', language: 'pt_BR' },
          templateWhen: 'window_closed',
        }),
        node('q', 'question', { text: 'Seu CPF?', variable: 'cpf', windowClosed: 'output' }),
        node('tq', 'message', { template: { name: 'pedir_cpf', language: 'pt_BR' } }),
      ],
      ['s > t', 't > f', 'f > q', 'q.window_closed > tq'],
      { settings: { startsFromCampaign: true } },
    );
    expect(atStart(handled)).toEqual([]);
  });

  it('old flows parse with the new defaults (no setting, blocks end quietly)', () => {
    const result = validateFlow(opening());
    expect(result.flow?.settings.startsFromCampaign).toBe(false);
    expect(result.flow?.nodes.find((n) => n.id === 'm')?.data).toMatchObject({ windowClosed: 'end' });
  });
});
