import { nodeDefinitions, type NodeDataByType, type NodeType } from '../../shared/flow/nodes/index.ts';
import type { IdFactory } from '../editor/state/types.ts';

type Seeds = { [T in NodeType]: (id: IdFactory) => unknown };

/**
 * What a node holds the moment it is dropped: enough to be valid where possible, in
 * pt-BR because that is what contacts read. The schema fills in every other default.
 */
const seeds: Seeds = {
  start: () => ({}),
  message: () => ({ text: 'Olá, {{contact.name}}! 👋' }),
  menu: (id) => ({
    text: 'Como posso ajudar?',
    options: [
      { id: id('o'), title: 'Ver produtos' },
      { id: id('o'), title: 'Falar com atendente' },
    ],
  }),
  question: () => ({ text: 'Qual é o seu nome?', variable: 'nome' }),
  condition: (id) => ({ rules: [{ id: id('r'), variable: 'last_answer', operator: 'equals', value: '' }] }),
  set: () => ({ assignments: [{ variable: 'origem', value: 'whatsapp' }] }),
  http: () => ({ url: 'https://api.exemplo.com.br/clientes/{{contact.phone}}' }),
  product_picker: () => ({}),
  financing: () => ({}),
  llm: () => ({ systemPrompt: 'Você é um atendente simpático. Responda em português, de forma curta.' }),
  agent: () => ({
    instructions: 'Você é um vendedor simpático. Ajude o contato a escolher e fechar o pedido.',
    tools: ['search_catalog', 'show_product', 'cart', 'create_order', 'handoff', 'end'],
  }),
  handoff: () => ({}),
  wait: () => ({}),
  goto: () => ({}),
  end: () => ({ message: 'Obrigado pelo contato! 😊' }),
  note: () => ({ text: '' }),
  schedule: () => ({}),
  payment: () => ({}),
};

export function defaultDataOf<T extends NodeType>(type: T, id: IdFactory): NodeDataByType[T] {
  return nodeDefinitions[type].data.parse(seeds[type](id)) as NodeDataByType[T];
}
