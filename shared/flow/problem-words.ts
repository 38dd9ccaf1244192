import type { NodeType } from './nodes/index.ts';

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];

/** How a problem message names a block, with the article Portuguese needs. */
const nodeNouns: Record<Locale, Record<NodeType, string>> = {
  'pt-BR': {
    start: 'o início', message: 'a mensagem', menu: 'o menu', question: 'a pergunta',
    condition: 'a condição', set: 'o bloco de variáveis', http: 'a chamada HTTP',
    product_picker: 'o catálogo', financing: 'a simulação de financiamento', llm: 'o assistente de IA',
    handoff: 'a transferência para atendente', wait: 'a espera', goto: 'o desvio', end: 'o fim',
    note: 'a nota',
  },
  en: {
    start: 'the start', message: 'the message', menu: 'the menu', question: 'the question',
    condition: 'the condition', set: 'the set-variables block', http: 'the HTTP call',
    product_picker: 'the catalog', financing: 'the financing simulation', llm: 'the AI assistant',
    handoff: 'the handoff to an agent', wait: 'the wait', goto: 'the jump', end: 'the end',
    note: 'the note',
  },
};

/** Words for the keys of a field path (`options.2.title` → "opção 3 › título"). */
const fieldWords: Record<Locale, Record<string, string>> = {
  'pt-BR': {
    name: 'nome', description: 'descrição', variables: 'variável', nodes: 'blocos', edges: 'ligações',
    text: 'texto', title: 'título', header: 'cabeçalho', footer: 'rodapé', buttonLabel: 'rótulo do botão',
    options: 'opção', rules: 'regra', value: 'valor', variable: 'variável', operator: 'operador',
    assignments: 'atribuição', mappings: 'mapeamento', path: 'caminho', headers: 'cabeçalho HTTP',
    url: 'URL', body: 'corpo', method: 'método', statusVariable: 'variável do status',
    systemPrompt: 'instruções do assistente', scoreVariable: 'variável da nota', keywords: 'palavra-chave',
    message: 'mensagem', note: 'nota para o atendente', team: 'equipe', retryMessage: 'mensagem de nova tentativa',
    retries: 'tentativas', timeoutMinutes: 'tempo de espera', durationMinutes: 'duração', media: 'mídia',
    caption: 'legenda', filename: 'nome do arquivo', kind: 'tipo', price: 'valor', downPayment: 'entrada',
    rate: 'juros', termMonths: 'prazo', resultVariable: 'variável do resultado', target: 'destino',
    nodeId: 'bloco de destino', flowId: 'fluxo de destino', min: 'mínimo', max: 'máximo', id: 'identificador',
    source: 'origem', sourceHandle: 'saída', type: 'tipo', initial: 'valor inicial',
  },
  en: {
    name: 'name', description: 'description', variables: 'variable', nodes: 'blocks', edges: 'edges',
    text: 'text', title: 'title', header: 'header', footer: 'footer', buttonLabel: 'button label',
    options: 'option', rules: 'rule', value: 'value', variable: 'variable', operator: 'operator',
    assignments: 'assignment', mappings: 'mapping', path: 'path', headers: 'HTTP header',
    url: 'URL', body: 'body', method: 'method', statusVariable: 'status variable',
    systemPrompt: 'assistant instructions', scoreVariable: 'score variable', keywords: 'keyword',
    message: 'message', note: 'note for the agent', team: 'team', retryMessage: 'retry message',
    retries: 'retries', timeoutMinutes: 'timeout', durationMinutes: 'duration', media: 'media',
    caption: 'caption', filename: 'file name', kind: 'kind', price: 'price', downPayment: 'down payment',
    rate: 'interest rate', termMonths: 'term', resultVariable: 'result variable', target: 'target',
    nodeId: 'target block', flowId: 'target flow', min: 'minimum', max: 'maximum', id: 'id',
    source: 'source', sourceHandle: 'output', type: 'type', initial: 'initial value',
  },
};

/** Names of the fixed outputs; option and rule outputs are named by their title or position. */
const outputWords: Record<Locale, Record<string, string>> = {
  'pt-BR': {
    next: 'seguir', invalid: 'resposta inválida', timeout: 'tempo esgotado', else: 'senão', ok: 'sucesso',
    error: 'erro', confirmed: 'confirmado', cancelled: 'cancelado', reply: 'resposta', escalate: 'escalar',
    resolved: 'resolvido',
  },
  en: {
    next: 'next', invalid: 'invalid answer', timeout: 'timeout', else: 'else', ok: 'success',
    error: 'error', confirmed: 'confirmed', cancelled: 'cancelled', reply: 'reply', escalate: 'escalate',
    resolved: 'resolved',
  },
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `O menu "n1"` / `The menu "n1"`; unknown types fall back to a neutral word. */
export function nodePhrase(locale: Locale, type: string | number | undefined, id: string | number | undefined): string {
  const noun = nodeNouns[locale][type as NodeType] ?? (locale === 'en' ? 'the block' : 'o bloco');
  return `${capitalize(noun)} "${id ?? ''}"`;
}

/** A field path in words; indexes become 1-based positions. */
export function fieldPhrase(locale: Locale, field: string | number | undefined): string {
  if (field === undefined || field === '') return '';
  const words: string[] = [];
  for (const key of String(field).split('.')) {
    if (/^\d+$/.test(key) && words.length > 0) words[words.length - 1] += ` ${Number(key) + 1}`;
    else words.push(fieldWords[locale][key] ?? key);
  }
  return words.join(' › ');
}

/** An output in words: the option's title or the rule's position when known, else the output's name. */
export function outputPhrase(
  locale: Locale,
  handle: string | number | undefined,
  title?: string | number,
  position?: string | number,
): string {
  if (title !== undefined && title !== '') return `"${title}"`;
  if (position !== undefined) return `"${locale === 'en' ? 'rule' : 'regra'} ${position}"`;
  const h = String(handle ?? '');
  return `"${outputWords[locale][h] ?? h}"`;
}
