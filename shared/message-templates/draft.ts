import { z } from 'zod';

/**
 * A message template written in the studio, before Meta reviews it: what the form holds and
 * `POST /api/message-templates` takes. Meta's rules (META-TEMPLATES.md §1.3–1.4) are checked
 * by `draftProblems`, on both sides, so the user reads why before Meta refuses.
 */
export const templateCategories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/** Meta's limits for a template's parts, in characters or items (META-TEMPLATES.md §1.3–1.4). */
export const templateLimits = {
  name: 512,
  header: 60,
  body: 1024,
  footer: 60,
  buttons: 10,
  quickReplies: 10,
  urlButtons: 2,
  phoneButtons: 1,
  buttonText: 25,
  url: 2000,
  phone: 20,
} as const;

export const draftButton = z.discriminatedUnion('type', [
  z.object({ type: z.literal('QUICK_REPLY'), text: z.string() }),
  z.object({
    type: z.literal('URL'),
    text: z.string(),
    url: z.string(),
    /** The value of the URL's one variable (`…?id={{1}}`) Meta's reviewers see. */
    example: z.string().default(''),
  }),
  z.object({ type: z.literal('PHONE_NUMBER'), text: z.string(), phoneNumber: z.string() }),
]);
export type DraftButton = z.infer<typeof draftButton>;

export const templateDraft = z.object({
  channelId: z.string().min(1),
  name: z.string(),
  /** Meta's code, e.g. `pt_BR`, `en_US`. */
  language: z.string(),
  category: z.enum(templateCategories),
  header: z.string().default(''),
  body: z.string(),
  footer: z.string().default(''),
  /** An example per variable, by its name (`1`, `nome`): Meta refuses a template without them. */
  examples: z.record(z.string(), z.string()).default({}),
  buttons: z.array(draftButton).default([]),
});
export type TemplateDraft = z.infer<typeof templateDraft>;
export type TemplateDraftInput = z.input<typeof templateDraft>;

const variablePattern = /\{\{\s*([^}]*?)\s*\}\}/g;

/** The variables of a text in order of appearance, each once: `1`, `2` or `nome`, `valor`. */
export function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(variablePattern)].map((m) => m[1] ?? ''))];
}

/** Positional when every variable is a number, named otherwise (Meta's `parameter_format`). */
export function parameterFormatOf(draft: Pick<TemplateDraft, 'header' | 'body'>): 'POSITIONAL' | 'NAMED' {
  const all = [...variablesOf(draft.header), ...variablesOf(draft.body)];
  return all.some((v) => !/^\d+$/.test(v)) ? 'NAMED' : 'POSITIONAL';
}

/** The one variable a URL button may have, at the very end (`https://x.com/p/{{1}}`). */
export const urlVariable = (url: string) => variablesOf(url)[0];

export type DraftProblemCode = keyof typeof texts;
export interface DraftProblem {
  /** The form field: `name`, `body`, `examples.nome`, `buttons.1.url`... */
  field: string;
  code: DraftProblemCode;
  /** pt-BR, as the API's other messages; `messages` has both languages (as flow problems do). */
  message: string;
  messages: { 'pt-BR': string; en: string };
}

type P = Record<string, string | number>;
const texts = {
  name_format: {
    'pt-BR': () => 'O nome usa só letras minúsculas, números e _ (ex.: lembrete_pagamento).',
    en: () => 'The name uses only lowercase letters, digits and _ (e.g. payment_reminder).',
  },
  language_format: {
    'pt-BR': () => 'Idioma no formato da Meta, como pt_BR ou en_US.',
    en: () => "Language in Meta's format, like pt_BR or en_US.",
  },
  authentication_unsupported: {
    'pt-BR': () =>
      'Modelos de autenticação são criados pela biblioteca de modelos da Meta (botão de código); escolha Marketing ou Utilidade.',
    en: () =>
      "Authentication templates are created from Meta's template library (code button); pick Marketing or Utility.",
  },
  required: {
    'pt-BR': () => 'Obrigatório.',
    en: () => 'Required.',
  },
  too_long: {
    'pt-BR': (p: P) => `Tem ${p.length} caracteres; a Meta aceita no máximo ${p.max}.`,
    en: (p: P) => `Has ${p.length} characters; Meta accepts at most ${p.max}.`,
  },
  variable_name: {
    'pt-BR': (p: P) =>
      `{{${p.name}}} não é um parâmetro válido: use {{1}}, {{2}}… ou nomes em minúsculas com _ (ex.: {{primeiro_nome}}).`,
    en: (p: P) =>
      `{{${p.name}}} is not a valid parameter: use {{1}}, {{2}}… or lowercase names with _ (e.g. {{first_name}}).`,
  },
  mixed_variables: {
    'pt-BR': () => 'Use só parâmetros numerados ({{1}}) ou só nomeados ({{nome}}), não os dois.',
    en: () => 'Use only numbered ({{1}}) or only named ({{name}}) parameters, not both.',
  },
  positional_order: {
    'pt-BR': (p: P) => `Os parâmetros numerados vão em ordem a partir de {{1}}: esperava {{${p.expected}}}.`,
    en: (p: P) => `Numbered parameters go in order from {{1}}: expected {{${p.expected}}}.`,
  },
  variable_at_edge: {
    'pt-BR': () => 'A Meta recusa texto que começa ou termina com um parâmetro: escreva algo antes e depois.',
    en: () => 'Meta refuses text that starts or ends with a parameter: write something before and after.',
  },
  adjacent_variables: {
    'pt-BR': () => 'Dois parâmetros seguidos ({{1}}{{2}}) são recusados: separe-os com texto.',
    en: () => 'Two parameters in a row ({{1}}{{2}}) are refused: separate them with text.',
  },
  header_variables: {
    'pt-BR': () => 'O cabeçalho aceita no máximo um parâmetro.',
    en: () => 'The header accepts at most one parameter.',
  },
  footer_variables: {
    'pt-BR': () => 'O rodapé não aceita parâmetros.',
    en: () => 'The footer does not accept parameters.',
  },
  example_missing: {
    'pt-BR': (p: P) => `Dê um exemplo para {{${p.name}}}: a Meta exige um para cada parâmetro.`,
    en: (p: P) => `Give an example for {{${p.name}}}: Meta requires one for each parameter.`,
  },
  too_many_buttons: {
    'pt-BR': (p: P) => `No máximo ${p.max} botões ${p.kind}.`,
    en: (p: P) => `At most ${p.max} ${p.kind} buttons.`,
  },
  quick_replies_grouped: {
    'pt-BR': () => 'As respostas rápidas ficam juntas, antes ou depois dos outros botões.',
    en: () => 'Quick replies stay together, before or after the other buttons.',
  },
  url_format: {
    'pt-BR': () => 'Endereço começando com https:// ou http://, com no máximo um parâmetro, no fim.',
    en: () => 'An address starting with https:// or http://, with at most one parameter, at the end.',
  },
  phone_format: {
    'pt-BR': () => 'Telefone com código do país, como +5511987654321 (até 20 caracteres).',
    en: () => 'Phone with country code, like +5511987654321 (up to 20 characters).',
  },
} satisfies Record<string, { 'pt-BR': (p: P) => string; en: (p: P) => string }>;

function problem(field: string, code: DraftProblemCode, params: P = {}): DraftProblem {
  const entry = texts[code] as { 'pt-BR': (p: P) => string; en: (p: P) => string };
  const messages = { 'pt-BR': entry['pt-BR'](params), en: entry.en(params) };
  return { field, code, message: messages['pt-BR'], messages };
}

const namedVariable = /^[a-z_]+[a-z0-9_]*$/;

/** The problems of one text's variables: names, order, placement. */
function textProblems(field: string, text: string, format: 'POSITIONAL' | 'NAMED', edges: boolean): DraftProblem[] {
  const found: DraftProblem[] = [];
  const vars = variablesOf(text);
  for (const v of vars) {
    if (!/^\d+$/.test(v) && !namedVariable.test(v)) found.push(problem(field, 'variable_name', { name: v }));
  }
  if (edges && vars.length > 0) {
    const trimmed = text.trim();
    if (/^\{\{[^}]*\}\}/.test(trimmed) || /\{\{[^}]*\}\}[.!?]?$/.test(trimmed))
      found.push(problem(field, 'variable_at_edge'));
  }
  if (/\}\}\s*\{\{/.test(text)) found.push(problem(field, 'adjacent_variables'));
  if (format === 'POSITIONAL') {
    vars.forEach((v, i) => {
      if (/^\d+$/.test(v) && Number(v) !== i + 1 && !found.some((p) => p.code === 'positional_order'))
        found.push(problem(field, 'positional_order', { expected: i + 1 }));
    });
  }
  return found;
}

function tooLong(field: string, text: string, max: number): DraftProblem[] {
  return text.length > max ? [problem(field, 'too_long', { length: text.length, max })] : [];
}

/**
 * Everything Meta would refuse in a draft, with the field it is about; empty when it can be
 * submitted. Meta may still reject it in review (content, category): that comes later, by webhook.
 */
export function draftProblems(draft: TemplateDraft): DraftProblem[] {
  const found: DraftProblem[] = [];
  if (!/^[a-z0-9_]+$/.test(draft.name)) found.push(problem('name', 'name_format'));
  found.push(...tooLong('name', draft.name, templateLimits.name));
  if (!/^[a-z]{2,3}(_[A-Z]{2,4})?$/.test(draft.language)) found.push(problem('language', 'language_format'));
  if (draft.category === 'AUTHENTICATION') found.push(problem('category', 'authentication_unsupported'));

  const headerVars = variablesOf(draft.header);
  const bodyVars = variablesOf(draft.body);
  const all = [...headerVars, ...bodyVars];
  const numbered = all.filter((v) => /^\d+$/.test(v));
  if (numbered.length > 0 && numbered.length < all.length) found.push(problem('body', 'mixed_variables'));
  const format = parameterFormatOf(draft);

  found.push(...tooLong('header', draft.header, templateLimits.header));
  if (headerVars.length > 1) found.push(problem('header', 'header_variables'));
  found.push(...textProblems('header', draft.header, format, false));

  if (draft.body.trim() === '') found.push(problem('body', 'required'));
  found.push(...tooLong('body', draft.body, templateLimits.body));
  found.push(...textProblems('body', draft.body, format, true));

  found.push(...tooLong('footer', draft.footer, templateLimits.footer));
  if (variablesOf(draft.footer).length > 0) found.push(problem('footer', 'footer_variables'));

  for (const v of all) {
    if ((draft.examples[v] ?? '').trim() === '') found.push(problem(`examples.${v}`, 'example_missing', { name: v }));
  }
  found.push(...buttonProblems(draft.buttons));
  return found;
}

function buttonProblems(buttons: DraftButton[]): DraftProblem[] {
  const found: DraftProblem[] = [];
  const count = (type: DraftButton['type']) => buttons.filter((b) => b.type === type).length;
  if (buttons.length > templateLimits.buttons)
    found.push(problem('buttons', 'too_many_buttons', { max: templateLimits.buttons, kind: '' }));
  if (count('URL') > templateLimits.urlButtons)
    found.push(problem('buttons', 'too_many_buttons', { max: templateLimits.urlButtons, kind: 'URL' }));
  if (count('PHONE_NUMBER') > templateLimits.phoneButtons)
    found.push(problem('buttons', 'too_many_buttons', { max: templateLimits.phoneButtons, kind: '☎' }));
  // QR,QR,URL ✓ and URL,QR,QR ✓, but QR,URL,QR ✗: the quick replies form one run.
  const kinds = buttons.map((b) => (b.type === 'QUICK_REPLY' ? 'q' : 'o')).join('');
  if (/q+o+q/.test(kinds)) found.push(problem('buttons', 'quick_replies_grouped'));
  buttons.forEach((b, i) => {
    const at = `buttons.${i}`;
    if (b.text.trim() === '') found.push(problem(`${at}.text`, 'required'));
    found.push(...tooLong(`${at}.text`, b.text, templateLimits.buttonText));
    if (b.type === 'URL') {
      const vars = variablesOf(b.url);
      const endsWithVariable = vars.length === 0 || /\{\{\s*[^}]*\s*\}\}$/.test(b.url.trim());
      if (!/^https?:\/\/[^\s{}]+/.test(b.url) || vars.length > 1 || !endsWithVariable)
        found.push(problem(`${at}.url`, 'url_format'));
      found.push(...tooLong(`${at}.url`, b.url, templateLimits.url));
      if (vars.length === 1 && b.example.trim() === '')
        found.push(problem(`${at}.example`, 'example_missing', { name: vars[0] ?? '' }));
    }
    if (b.type === 'PHONE_NUMBER' && !/^\+?\d[\d ]{6,18}$/.test(b.phoneNumber.trim()))
      found.push(problem(`${at}.phoneNumber`, 'phone_format'));
  });
  return found;
}
