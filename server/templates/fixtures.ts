import type { FakeTemplate } from '../testing/fake-graph-api.ts';

const quickReplies = {
  type: 'BUTTONS',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Vou pagar agora' },
    { type: 'QUICK_REPLY', text: 'Já paguei' },
    { type: 'QUICK_REPLY', text: 'Quero cancelar' },
  ],
};

/** The two approved templates the Cobrança flow sends, as Meta lists them (named parameters). */
export const cobrancaTemplates = (): FakeTemplate[] => [
  {
    id: '1689556908129832',
    name: 'cobranca_fatura_atraso',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    quality_score: { score: 'GREEN' },
    components: [
      {
        type: 'BODY',
        text: 'Olá, {{nome}}! A fatura de R$ {{valor}} com vencimento em {{vencimento}} está em aberto há {{dias_atraso}} dias. Como você prefere resolver?',
      },
      { type: 'FOOTER', text: 'Responda PARAR para não receber lembretes' },
      quickReplies,
    ],
  },
  {
    id: '1689556908129833',
    name: 'cobranca_lembrete',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    quality_score: { score: 'UNKNOWN' },
    components: [
      {
        type: 'BODY',
        text: '{{nome}}, passando para lembrar da fatura de R$ {{valor}} em aberto. Conseguimos resolver agora? É rapidinho.',
      },
      quickReplies,
    ],
  },
];
