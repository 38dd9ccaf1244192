import type { MessageTable } from './types.ts';

/** Per-number throughput, opt-out words and campaign results (issues 18 and 23). */
export const pacingMessages = {
  'channels.throughput': { 'pt-BR': 'Vazão (mensagens/s)', en: 'Throughput (messages/s)' },
  'channels.throughputHelp': {
    'pt-BR':
      'Em branco: a vazão que a Meta informa para o número ({tier}). Todos os envios do número seguem esse ritmo.',
    en: 'Blank: the throughput Meta reports for the number ({tier}). Every send of the number keeps to this pace.',
  },
  'channels.throughputTier': { 'pt-BR': 'Vazão na Meta', en: 'Throughput at Meta' },
  'channels.throughputValue': { 'pt-BR': '{n} mensagens/s', en: '{n} messages/s' },
  'channels.throughputDefault': { 'pt-BR': '80 mensagens/s (padrão)', en: '80 messages/s (default)' },
  'channels.throughputOwn': { 'pt-BR': 'Vazão usada', en: 'Throughput used' },
  'optOut.title': { 'pt-BR': 'Palavras de descadastro', en: 'Opt-out words' },
  'optOut.help': {
    'pt-BR':
      'Quem enviar uma destas palavras, sozinha numa mensagem, deixa de receber campanhas a qualquer momento e recebe a confirmação abaixo. Maiúsculas, acentos e pontuação final não importam.',
    en: 'A contact who sends one of these words, alone in a message, stops receiving campaigns at any time and gets the confirmation below. Case, accents and final punctuation do not matter.',
  },
  'optOut.stopWords': { 'pt-BR': 'Palavras para sair', en: 'Words to opt out' },
  'optOut.stopReply': { 'pt-BR': 'Confirmação de saída', en: 'Opt-out confirmation' },
  'optOut.startWords': { 'pt-BR': 'Palavras para voltar', en: 'Words to opt back in' },
  'optOut.startReply': { 'pt-BR': 'Confirmação de volta', en: 'Opt-in confirmation' },
  'optOut.newWord': { 'pt-BR': 'Nova palavra', en: 'New word' },
  'optOut.add': { 'pt-BR': 'Adicionar', en: 'Add' },
  'optOut.remove': { 'pt-BR': 'Remover {word}', en: 'Remove {word}' },
  'optOut.defaults': { 'pt-BR': 'Restaurar padrão', en: 'Restore defaults' },
  'optOut.save': { 'pt-BR': 'Salvar palavras', en: 'Save words' },
  'optOut.saved': { 'pt-BR': 'Palavras salvas.', en: 'Words saved.' },
  'optOut.needOne': { 'pt-BR': 'Deixe ao menos uma palavra para sair.', en: 'Keep at least one opt-out word.' },
  'campaigns.filterOutcome': { 'pt-BR': 'Situação', en: 'Status' },
  'campaigns.allOutcomes': { 'pt-BR': 'Todas', en: 'All' },
  'campaigns.moreRecipients': { 'pt-BR': 'Mostrar mais', en: 'Show more' },
  'campaigns.recipientsShown': { 'pt-BR': 'Mostrando {n}', en: 'Showing {n}' },
  'campaigns.noRecipientsWithOutcome': {
    'pt-BR': 'Nenhum destinatário nesta situação.',
    en: 'No recipients with this status.',
  },
} as const satisfies MessageTable;
