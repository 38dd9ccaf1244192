import { fieldPhrase, nodePhrase, outputPhrase, type Locale } from './problem-words.ts';

/**
 * Every problem `validateFlow` can report: a stable code, its severity and its texts for a
 * business user in pt-BR and English. Codes never change meaning; the studio and the API
 * key on them, so add new codes rather than reword old ones into something else.
 */
export type ProblemParams = Record<string, string | number>;
export type Severity = 'error' | 'warning';

interface Words {
  /** `O menu "Como posso ajudar?"`, from params `nodeType` and `nodeName` (never the id). */
  node: string;
  /** The block, the edge or the flow the problem is about, as a sentence subject. */
  where: string;
  field: string;
  output: string;
}
type Text = (p: ProblemParams, w: Words) => string;
interface Entry {
  severity: Severity;
  'pt-BR': Text;
  en: Text;
}

const tooLong = (pt: string, en: string): Omit<Entry, 'severity'> => ({
  'pt-BR': (p, w) => `${w.node}: ${pt} tem ${p.length} caracteres, mas o WhatsApp aceita no máximo ${p.max}.`,
  en: (p, w) => `${w.node}: ${en} has ${p.length} characters, but WhatsApp accepts at most ${p.max}.`,
});

/** Why a provider did not answer its probe (server/settings/probe-ai-provider.ts), in a few words. */
function unreachableWhy(p: ProblemParams, locale: Locale): string {
  const pt = locale === 'pt-BR';
  if (p.reason === 'timeout') return pt ? `não respondeu em ${p.seconds} s` : `did not answer within ${p.seconds} s`;
  if (p.reason === 'key_refused') return pt ? `recusou a chave (${p.status})` : `refused the key (${p.status})`;
  if (p.reason === 'server_error')
    return pt ? `respondeu com erro (${p.status})` : `answered with an error (${p.status})`;
  return pt ? `não pôde ser alcançado (${p.detail})` : `could not be reached (${p.detail})`;
}

export const problemCatalog = {
  // The document's shape (schema), in words rather than validator jargon.
  not_a_flow: {
    severity: 'error',
    'pt-BR': () => 'O conteúdo não é um fluxo: esperava um objeto com nome, blocos e ligações.',
    en: () => 'This is not a flow: expected an object with a name, blocks and edges.',
  },
  unknown_node_type: {
    severity: 'error',
    'pt-BR': (p) => `O bloco "${p.node}" é de um tipo desconhecido ("${p.type}").`,
    en: (p) => `Block "${p.node}" has an unknown type ("${p.type}").`,
  },
  field_required: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.where}: preencha o campo "${w.field}".`,
    en: (_, w) => `${w.where}: fill in "${w.field}".`,
  },
  field_too_long: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.where}: o campo "${w.field}" aceita no máximo ${p.max} caracteres.`,
    en: (p, w) => `${w.where}: "${w.field}" accepts at most ${p.max} characters.`,
  },
  field_too_few: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.where}: "${w.field}" precisa de pelo menos ${p.min} itens.`,
    en: (p, w) => `${w.where}: "${w.field}" needs at least ${p.min} items.`,
  },
  field_too_many: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.where}: "${w.field}" aceita no máximo ${p.max} itens.`,
    en: (p, w) => `${w.where}: "${w.field}" accepts at most ${p.max} items.`,
  },
  number_too_small: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.where}: "${w.field}" deve ser ${p.exclusive ? 'maior que' : 'no mínimo'} ${p.min}.`,
    en: (p, w) => `${w.where}: "${w.field}" must be ${p.exclusive ? 'greater than' : 'at least'} ${p.min}.`,
  },
  number_too_big: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.where}: "${w.field}" deve ser ${p.exclusive ? 'menor que' : 'no máximo'} ${p.max}.`,
    en: (p, w) => `${w.where}: "${w.field}" must be ${p.exclusive ? 'less than' : 'at most'} ${p.max}.`,
  },
  invalid_variable_name: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.where}: "${p.value}" não serve como nome de variável em "${w.field}". Use letras, números e _, sem começar por número.`,
    en: (p, w) =>
      `${w.where}: "${p.value}" is not a valid variable name in "${w.field}". Use letters, digits and _, not starting with a digit.`,
  },
  invalid_format: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.where}: "${w.field}" tem caracteres não permitidos.`,
    en: (_, w) => `${w.where}: "${w.field}" contains characters that are not allowed.`,
  },
  invalid_choice: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.where}: o valor de "${w.field}" não é uma das opções permitidas.`,
    en: (_, w) => `${w.where}: "${w.field}" is not one of the allowed choices.`,
  },
  invalid_value: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.where}: o valor de "${w.field}" não é válido.`,
    en: (_, w) => `${w.where}: "${w.field}" has an invalid value.`,
  },

  // The graph.
  start_missing: {
    severity: 'error',
    'pt-BR': () => 'O fluxo precisa de um bloco de início.',
    en: () => 'The flow needs a start block.',
  },
  start_multiple: {
    severity: 'error',
    'pt-BR': (p) => `O fluxo tem ${p.count} blocos de início, mas só pode ter um: remova este.`,
    en: (p) => `The flow has ${p.count} start blocks but may have only one: remove this one.`,
  },
  duplicate_node_id: {
    severity: 'error',
    'pt-BR': (p) => `Há mais de um bloco com o identificador "${p.node}".`,
    en: (p) => `More than one block has the id "${p.node}".`,
  },
  duplicate_edge_id: {
    severity: 'error',
    'pt-BR': (p) => `Há mais de uma ligação com o identificador "${p.edge}".`,
    en: (p) => `More than one edge has the id "${p.edge}".`,
  },
  edge_dangling: {
    severity: 'error',
    'pt-BR': (p) => `A ligação "${p.edge}" aponta para o bloco "${p.missing}", que não existe.`,
    en: (p) => `Edge "${p.edge}" points to block "${p.missing}", which does not exist.`,
  },
  edge_unknown_output: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.node} não tem a saída "${p.output}", usada por uma ligação.`,
    en: (p, w) => `${w.node} has no output "${p.output}", used by an edge.`,
  },
  edge_output_taken: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node}: a saída ${w.output} está ligada a mais de um bloco; cada saída segue para um só.`,
    en: (_, w) => `${w.node}: the ${w.output} output is connected more than once; each output leads to one block.`,
  },
  edge_into_start: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} tem uma ligação que entra no início; o bloco de início não recebe ligações.`,
    en: (_, w) => `${w.node} has an edge going into the start block, which cannot receive edges.`,
  },
  edge_note: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} tem uma ligação presa a uma nota; notas são comentários e não se ligam a blocos.`,
    en: (_, w) => `${w.node} has an edge attached to a note; notes are comments and do not connect to blocks.`,
  },
  edge_self_loop: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} tem uma ligação para si mesmo na saída ${w.output}.`,
    en: (_, w) => `${w.node} is connected to itself through the ${w.output} output.`,
  },
  output_unconnected: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node}: a saída ${w.output} não está ligada a nenhum bloco.`,
    en: (_, w) => `${w.node}: the ${w.output} output is not connected to any block.`,
  },
  optional_output_unconnected: {
    severity: 'warning',
    'pt-BR': (_, w) => `${w.node}: a saída ${w.output} não está ligada; se ela acontecer, a conversa termina ali.`,
    en: (_, w) => `${w.node}: the ${w.output} output is not connected; if it happens, the conversation ends there.`,
  },
  window_may_be_closed: {
    severity: 'warning',
    'pt-BR': (_, w) =>
      `${w.node} pode ser enviado depois de uma espera de mais de 24 horas sem mensagem do contato, quando o WhatsApp só aceita modelos aprovados: em "Quando a janela de 24 h estiver fechada", envie um modelo ou siga pela saída "Janela de 24 h fechada".`,
    en: (_, w) =>
      `${w.node} may be sent after a wait of more than 24 hours without a message from the contact, when WhatsApp only accepts approved templates: in "When the 24-hour window is closed", send a template or follow the "24-hour window closed" output.`,
  },
  window_closed_at_campaign_start: {
    severity: 'warning',
    'pt-BR': (_, w) =>
      `${w.node} pode ser enviado logo depois do modelo de uma campanha, antes de o contato responder, com a janela de 24 h fechada: em "Quando a janela de 24 h estiver fechada", envie um modelo ou siga pela saída "Janela de 24 h fechada".`,
    en: (_, w) =>
      `${w.node} may be sent right after a campaign's template, before the contact answers, with the 24-hour window closed: in "When the 24-hour window is closed", send a template or follow the "24-hour window closed" output.`,
  },
  node_unreachable: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} fica fora de qualquer caminho que sai do início.`,
    en: (_, w) => `${w.node} cannot be reached from the start.`,
  },
  loop_without_input: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node} está num ciclo de ${p.count} ${p.count === 1 ? 'bloco' : 'blocos'} que se repete sem esperar resposta do contato.`,
    en: (p, w) =>
      `${w.node} is in a loop of ${p.count} ${p.count === 1 ? 'block' : 'blocks'} that repeats without waiting for the contact.`,
  },
  variable_undeclared: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node} usa a variável "${p.variable}" em "${w.field}", mas ela não existe. Crie-a nas variáveis do fluxo ou guarde-a em um bloco.`,
    en: (p, w) =>
      `${w.node} uses variable "${p.variable}" in "${w.field}", but it does not exist. Create it in the flow's variables or store it in a block.`,
  },

  // Fields a node needs to run, beyond what the schema can say.
  menu_no_options: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} não tem opções.`,
    en: (_, w) => `${w.node} has no options.`,
  },
  http_url_empty: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} precisa de um endereço (URL).`,
    en: (_, w) => `${w.node} needs an address (URL).`,
  },
  agent_no_agenda: {
    severity: 'error',
    'pt-BR': (_, w) =>
      `${w.node} pode listar ou marcar horários, mas não tem agenda escolhida. Escolha a agenda no bloco.`,
    en: (_, w) => `${w.node} may list or book times but has no agenda chosen. Pick the agenda in the block.`,
  },
  goto_no_target: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} não diz para onde ir.`,
    en: (_, w) => `${w.node} does not say where to go.`,
  },
  goto_target_missing: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.node} aponta para o bloco "${p.target}", que não existe.`,
    en: (p, w) => `${w.node} points to block "${p.target}", which does not exist.`,
  },
  goto_target_note: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} aponta para uma nota; escolha um bloco.`,
    en: (_, w) => `${w.node} points to a note; pick a block.`,
  },
  condition_invalid_regex: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.node}: a expressão regular da regra ${p.position} não é válida.`,
    en: (p, w) => `${w.node}: the regular expression of rule ${p.position} is not valid.`,
  },
  message_empty: {
    severity: 'error',
    'pt-BR': (_, w) => `${w.node} não tem texto nem mídia.`,
    en: (_, w) => `${w.node} has neither text nor media.`,
  },
  duplicate_option_id: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.node} tem mais de uma opção com o identificador "${p.id}".`,
    en: (p, w) => `${w.node} has more than one option with the id "${p.id}".`,
  },
  duplicate_rule_id: {
    severity: 'error',
    'pt-BR': (p, w) => `${w.node} tem mais de uma regra com o identificador "${p.id}".`,
    en: (p, w) => `${w.node} has more than one rule with the id "${p.id}".`,
  },
  duplicate_option_title: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node} tem mais de uma opção com o título "${p.title}"; o WhatsApp exige títulos diferentes.`,
    en: (p, w) => `${w.node} has more than one option titled "${p.title}"; WhatsApp requires distinct titles.`,
  },

  // WhatsApp limits (shared/whatsapp-limits.ts).
  button_title_too_long: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node} tem até ${p.buttons} opções, então é enviado como botões: o título "${p.title}" tem ${p.length} caracteres, mas o WhatsApp aceita no máximo ${p.max}.`,
    en: (p, w) =>
      `${w.node} has up to ${p.buttons} options, so it is sent as buttons: the title "${p.title}" has ${p.length} characters, but WhatsApp accepts at most ${p.max}.`,
  },
  row_title_too_long: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node} é enviado como lista: o título "${p.title}" tem ${p.length} caracteres, mas o WhatsApp aceita no máximo ${p.max}.`,
    en: (p, w) =>
      `${w.node} is sent as a list: the title "${p.title}" has ${p.length} characters, but WhatsApp accepts at most ${p.max}.`,
  },
  row_description_too_long: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node}: a descrição da opção "${p.title}" tem ${p.length} caracteres, mas o WhatsApp aceita no máximo ${p.max}.`,
    en: (p, w) =>
      `${w.node}: the description of option "${p.title}" has ${p.length} characters, but WhatsApp accepts at most ${p.max}.`,
  },
  header_too_long: { severity: 'error', ...tooLong('o cabeçalho', 'the header') },
  footer_too_long: { severity: 'error', ...tooLong('o rodapé', 'the footer') },
  list_button_label_too_long: { severity: 'error', ...tooLong('o rótulo do botão da lista', 'the list button label') },
  interactive_body_too_long: {
    severity: 'error',
    ...tooLong('o texto enviado com as opções', 'the text sent with the choices'),
  },
  text_too_long: { severity: 'error', ...tooLong('o texto', 'the text') },
  caption_too_long: { severity: 'error', ...tooLong('a legenda', 'the caption') },
  caption_on_audio: {
    severity: 'warning',
    'pt-BR': (_, w) => `${w.node}: o WhatsApp não envia legenda junto com áudio.`,
    en: (_, w) => `${w.node}: WhatsApp does not send a caption with audio.`,
  },
  // Facts from the installation (validateFlow's `environment`), not from the document.
  picker_without_products: {
    severity: 'warning',
    'pt-BR': (_, w) =>
      `${w.node}: não há produtos ativos nas categorias dele, então o contato só vai ver "Nenhum produto disponível". Cadastre produtos no Catálogo.`,
    en: (_, w) =>
      `${w.node}: its categories have no active products, so contacts will only see "Nenhum produto disponível". Add products in the Catalog.`,
  },
  llm_without_provider: {
    severity: 'warning',
    'pt-BR': (_, w) =>
      `${w.node}: nenhum provedor de IA está configurado no servidor, então este bloco sempre segue pela saída de erro. Cadastre um provedor em Configurações (ou defina AI_BASE_URL e AI_MODEL).`,
    en: (_, w) =>
      `${w.node}: no AI provider is configured on the server, so this block always takes its error output. Add a provider in Settings (or set AI_BASE_URL and AI_MODEL).`,
  },
  // An agent acts for the business (orders, bookings): publishing one that can only fail is refused.
  agent_without_provider: {
    severity: 'error',
    'pt-BR': (_, w) =>
      `${w.node}: nenhum provedor de IA está configurado, então o agente não pode funcionar. Cadastre um provedor em Configurações (ou defina AI_BASE_URL e AI_MODEL) antes de publicar.`,
    en: (_, w) =>
      `${w.node}: no AI provider is configured, so the agent cannot work. Add a provider in Settings (or set AI_BASE_URL and AI_MODEL) before publishing.`,
  },
  agent_unknown_provider: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node}: o provedor de IA "${p.provider}" não existe em Configurações. Escolha um provedor cadastrado ou deixe vazio para usar o padrão.`,
    en: (p, w) =>
      `${w.node}: the AI provider "${p.provider}" does not exist in Settings. Pick a configured provider or leave it empty to use the default.`,
  },
  // Found at publish time by the server, which asks each provider a flow uses whether it answers.
  ai_provider_unreachable: {
    severity: 'error',
    'pt-BR': (p, w) =>
      `${w.node}: o provedor de IA "${p.provider}" ${unreachableWhy(p, 'pt-BR')}, então o bloco não funcionaria. Confira o endereço e a chave em Configurações (botão "Testar") e publique de novo.`,
    en: (p, w) =>
      `${w.node}: the AI provider "${p.provider}" ${unreachableWhy(p, 'en')}, so the block would not work. Check its address and key in Settings ("Test" button) and publish again.`,
  },
} as const satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof problemCatalog;

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  nodeId?: string;
  edgeId?: string;
  /**
   * Path inside the node's `data` (`options.2.title`), inside the edge (`target`) or the
   * document (`name`); for an output left unconnected, the output handle (`opt-a`, `timeout`).
   */
  field?: string;
  params?: ProblemParams;
  /** pt-BR, the studio's default language. */
  message: string;
  messages: Record<Locale, string>;
}

/** Renders a problem's text in a locale; the studio uses it to switch language. */
export function problemMessage(code: ProblemCode, params: ProblemParams = {}, locale: Locale = 'pt-BR'): string {
  const node = nodePhrase(locale, params.nodeType, params.nodeName);
  const fallback = locale === 'en' ? 'The flow' : 'O fluxo';
  const edge = locale === 'en' ? `Edge "${params.edge}"` : `A ligação "${params.edge}"`;
  const words: Words = {
    node,
    where: params.node !== undefined ? node : params.edge !== undefined ? edge : fallback,
    field: fieldPhrase(locale, params.field),
    output: outputPhrase(locale, params.output, params.outputTitle, params.outputPosition),
  };
  return problemCatalog[code][locale](params, words);
}

export interface ProblemPlace {
  nodeId?: string;
  edgeId?: string;
  field?: string;
}

/** Builds a problem with both texts. `params` should carry what the texts need (`node`, `nodeType`, `field`...). */
export function createProblem(code: ProblemCode, place: ProblemPlace = {}, params: ProblemParams = {}): Problem {
  const messages = { 'pt-BR': problemMessage(code, params, 'pt-BR'), en: problemMessage(code, params, 'en') };
  const problem: Problem = { code, severity: problemCatalog[code].severity, message: messages['pt-BR'], messages };
  if (place.nodeId !== undefined) problem.nodeId = place.nodeId;
  if (place.edgeId !== undefined) problem.edgeId = place.edgeId;
  if (place.field !== undefined) problem.field = place.field;
  if (Object.keys(params).length > 0) problem.params = params;
  return problem;
}

export type { Locale };
