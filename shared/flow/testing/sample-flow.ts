import type { FlowDocumentInput } from '../schema.ts';
import { buildFlow, node } from './build-flow.ts';

/**
 * A small real estate bot using every node type, with every output wired: it validates
 * with no problem at all, so each rule's test can break exactly one thing in a copy.
 */
export function sampleFlow(): FlowDocumentInput {
  return buildFlow(
    [
      node('start', 'start', { keywords: ['oi'] }),
      node('hello', 'message', { text: 'Olá, {{contact.name}}! Hoje é {{today}}.' }),
      node('menu', 'menu', {
        text: 'Como posso ajudar?',
        options: [
          { id: 'buy', title: 'Comprar' },
          { id: 'sim', title: 'Simular' },
          { id: 'talk', title: 'Falar' },
        ],
        timeoutMinutes: 60,
        variable: 'escolha',
      }),
      node('name', 'question', { text: 'Qual é o seu nome?', variable: 'nome' }),
      node('visit', 'question', { text: 'Que dia quer visitar, {{nome}}?', kind: 'date', variable: 'visita' }),
      node('check', 'condition', {
        rules: [{ id: 'weekend', variable: 'visita_weekday', operator: 'regex', value: '^(sáb|dom)' }],
      }),
      node('save', 'set', { assignments: [{ variable: 'origem', value: '{{escolha}} em {{visita_iso}}' }] }),
      node('api', 'http', {
        url: 'https://example.test/leads?nome={{nome}}',
        mappings: [{ variable: 'lead', path: 'data.id' }],
        statusVariable: 'status_http',
      }),
      node('shop', 'product_picker', { text: 'Escolha uma categoria:' }),
      node('sim', 'financing', { price: '{{valor_imovel}}', resultVariable: 'financiamento' }),
      node('ai', 'llm', {
        systemPrompt: 'Você atende {{nome}}; pedido: {{pedido.total}}.',
        variables: [{ name: 'renda' }],
      }),
      node('human', 'handoff', { note: 'Lead {{lead}} com nota {{score}}' }),
      node('later', 'wait', { durationMinutes: 120, message: 'Ainda está aí?', variable: 'resposta' }),
      node('again', 'goto', { target: { kind: 'node', nodeId: 'menu' } }),
      node('bye', 'end', {
        message: 'Até mais, {{nome}}! Parcela: {{financiamento.primeira}} ({{status_http}}, {{renda}})',
      }),
      node('memo', 'note', { text: 'Lembrar de revisar os textos.' }),
    ],
    [
      'start > hello',
      'hello > menu',
      'menu.opt-buy > shop',
      'menu.opt-sim > sim',
      'menu.opt-talk > name',
      'menu.invalid > human',
      'menu.timeout > later',
      'name > visit',
      'name.invalid > human',
      'visit > check',
      'visit.invalid > human',
      'check.rule-weekend > save',
      'check.else > save',
      'save > api',
      'api.ok > ai',
      'api.error > human',
      'shop.confirmed > ai',
      'shop.cancelled > menu',
      'sim > ai',
      'ai > bye',
      'ai.escalate > human',
      'ai.error > human',
      'human.resolved > bye',
      'later.reply > again',
      'later.timeout > bye',
    ],
    { variables: [{ name: 'valor_imovel', type: 'number', initial: 300000 }] },
  );
}
