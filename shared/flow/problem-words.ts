import { fixedOutputLabels } from './names.ts';
import type { NodeType } from './nodes/index.ts';

export const locales = ['pt-BR', 'en'] as const;
export type Locale = (typeof locales)[number];

/** How a problem message names a block, with the article Portuguese needs. */
const nodeNouns: Record<Locale, Record<NodeType, string>> = {
  'pt-BR': {
    start: 'o início',
    message: 'a mensagem',
    menu: 'o menu',
    question: 'a pergunta',
    condition: 'a condição',
    set: 'o bloco de variáveis',
    http: 'a chamada HTTP',
    product_picker: 'o catálogo',
    financing: 'a simulação de financiamento',
    llm: 'o assistente de IA',
    agent: 'o agente de IA',
    handoff: 'a transferência para atendente',
    wait: 'a espera',
    goto: 'o desvio',
    end: 'o fim',
    note: 'a nota',
    schedule: 'o agendamento',
    payment: 'o pagamento Pix',
  },
  en: {
    start: 'the start',
    message: 'the message',
    menu: 'the menu',
    question: 'the question',
    condition: 'the condition',
    set: 'the set-variables block',
    http: 'the HTTP call',
    product_picker: 'the catalog',
    financing: 'the financing simulation',
    llm: 'the AI assistant',
    agent: 'the AI agent',
    handoff: 'the handoff to an agent',
    wait: 'the wait',
    goto: 'the jump',
    end: 'the end',
    note: 'the note',
    schedule: 'the scheduling block',
    payment: 'the Pix payment',
  },
};

/** Words for the keys of a field path (`options.2.title` → "opção 3 › título"). */
const fieldWords: Record<Locale, Record<string, string>> = {
  'pt-BR': {
    name: 'nome',
    description: 'descrição',
    variables: 'variável',
    nodes: 'blocos',
    edges: 'ligações',
    text: 'texto',
    title: 'título',
    header: 'cabeçalho',
    footer: 'rodapé',
    buttonLabel: 'rótulo do botão',
    options: 'opção',
    rules: 'regra',
    value: 'valor',
    variable: 'variável',
    operator: 'operador',
    assignments: 'atribuição',
    mappings: 'mapeamento',
    path: 'caminho',
    headers: 'cabeçalho HTTP',
    url: 'URL',
    body: 'corpo',
    method: 'método',
    statusVariable: 'variável do status',
    systemPrompt: 'instruções do assistente',
    scoreVariable: 'variável da nota',
    keywords: 'palavra-chave',
    message: 'mensagem',
    note: 'nota para o atendente',
    team: 'equipe',
    retryMessage: 'mensagem de nova tentativa',
    retries: 'tentativas',
    timeoutMinutes: 'tempo de espera',
    durationMinutes: 'duração',
    media: 'mídia',
    caption: 'legenda',
    filename: 'nome do arquivo',
    kind: 'tipo',
    price: 'valor',
    downPayment: 'entrada',
    rate: 'juros',
    termMonths: 'prazo',
    resultVariable: 'variável do resultado',
    target: 'destino',
    nodeId: 'bloco de destino',
    flowId: 'fluxo de destino',
    min: 'mínimo',
    max: 'máximo',
    id: 'identificador',
    source: 'origem',
    sourceHandle: 'saída',
    type: 'tipo',
    initial: 'valor inicial',
  },
  en: {
    name: 'name',
    description: 'description',
    variables: 'variable',
    nodes: 'blocks',
    edges: 'edges',
    text: 'text',
    title: 'title',
    header: 'header',
    footer: 'footer',
    buttonLabel: 'button label',
    options: 'option',
    rules: 'rule',
    value: 'value',
    variable: 'variable',
    operator: 'operator',
    assignments: 'assignment',
    mappings: 'mapping',
    path: 'path',
    headers: 'HTTP header',
    url: 'URL',
    body: 'body',
    method: 'method',
    statusVariable: 'status variable',
    systemPrompt: 'assistant instructions',
    scoreVariable: 'score variable',
    keywords: 'keyword',
    message: 'message',
    note: 'note for the agent',
    team: 'team',
    retryMessage: 'retry message',
    retries: 'retries',
    timeoutMinutes: 'timeout',
    durationMinutes: 'duration',
    media: 'media',
    caption: 'caption',
    filename: 'file name',
    kind: 'kind',
    price: 'price',
    downPayment: 'down payment',
    rate: 'interest rate',
    termMonths: 'term',
    resultVariable: 'result variable',
    target: 'target',
    nodeId: 'target block',
    flowId: 'target flow',
    min: 'minimum',
    max: 'maximum',
    id: 'id',
    source: 'source',
    sourceHandle: 'output',
    type: 'type',
    initial: 'initial value',
  },
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * `O menu "Como posso ajudar?"` / `The menu "How can I help?"`: a block by its own words
 * (`blockWords`), or by its kind alone when it has none; never by its id. Unknown types fall
 * back to a neutral word.
 */
export function nodePhrase(
  locale: Locale,
  type: string | number | undefined,
  name: string | number | undefined,
): string {
  const noun = capitalize(nodeNouns[locale][type as NodeType] ?? (locale === 'en' ? 'the block' : 'o bloco'));
  return name === undefined || name === '' ? noun : `${noun} "${name}"`;
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

/** An output as the canvas labels it: the option's title, the rule's position ("Regra 2"), or the fixed output's label. */
export function outputPhrase(
  locale: Locale,
  handle: string | number | undefined,
  title?: string | number,
  position?: string | number,
): string {
  if (title !== undefined && title !== '') return `"${title}"`;
  if (position !== undefined) return `"${locale === 'en' ? 'Rule' : 'Regra'} ${position}"`;
  const h = String(handle ?? '');
  return `"${fixedOutputLabels[locale][h] ?? h}"`;
}
