/**
 * Which variables exist in a flow: the built-ins the engine fills for every session, what each
 * block reads and what each block writes. Publish validation (`validate/undeclared-variables.ts`)
 * and the studio's `{{` completion (`studio/editor/variables.ts`) both read this file, so they
 * cannot disagree. Zod-free on purpose: the editor's first chunk imports it.
 */
import { templateVariables } from '../template/parse.ts';
import type { NodeDataByType, NodeType } from './nodes/index.ts';
import type { FlowNode } from './schema.ts';

/** Filled by the engine for every session (`runtime/context.ts`); matched as whole paths (`contact.email` is not one). */
export const builtInVariables = [
  'contact.name',
  'contact.phone',
  'now',
  'today',
  'last_answer',
  'dentro_do_horario',
] as const;

/**
 * A date answer also stores `<variable>_weekday` and `<variable>_iso` beside the typed text;
 * `runtime/lib/validate-answer.ts` checks its `extra` against these keys.
 */
export const dateAnswerSuffixes = ['_weekday', '_iso'] as const;
export type DateAnswerSuffix = (typeof dateAnswerSuffixes)[number];

/** A field of a node that reads variables, with the paths it reads. */
export interface VariableRead {
  field: string;
  paths: string[];
}

type Reads<T extends NodeType> = (data: NodeDataByType[T]) => VariableRead[];
type Writes<T extends NodeType> = (data: NodeDataByType[T]) => string[];

const template = (field: string, text: string | number | undefined): VariableRead[] =>
  typeof text === 'string' ? [{ field, paths: templateVariables(text) }] : [];

const none = () => [];

/** Every template text (and variable path) each node type reads; the compiler asks for new types. */
const reads: { [T in NodeType]: Reads<T> } = {
  start: none,
  message: (d) => [
    ...template('text', d.text),
    ...template('media.url', d.media?.url),
    ...template('media.caption', d.media?.caption),
  ],
  menu: (d) => [
    ...template('text', d.text),
    ...template('header', d.header),
    ...template('footer', d.footer),
    ...template('retryMessage', d.retryMessage),
    ...d.options.flatMap((o, i) => [
      ...template(`options.${i}.title`, o.title),
      ...template(`options.${i}.description`, o.description),
    ]),
  ],
  question: (d) => [...template('text', d.text), ...template('retryMessage', d.retryMessage)],
  condition: (d) =>
    d.rules.flatMap((r, i) => [
      { field: `rules.${i}.variable`, paths: [r.variable] },
      ...template(`rules.${i}.value`, r.value),
    ]),
  set: (d) => d.assignments.flatMap((a, i) => template(`assignments.${i}.value`, a.value)),
  http: (d) => [
    ...template('url', d.url),
    ...d.headers.flatMap((h, i) => template(`headers.${i}.value`, h.value)),
    ...template('body', d.body),
  ],
  // The delivery variables are not reads: the picker stores what it finds, empty when unset.
  product_picker: (d) => [...template('text', d.text), ...template('addressQuestion', d.addressQuestion)],
  financing: (d) => [
    ...template('price', d.price),
    ...template('downPayment', d.downPayment),
    ...template('rate', d.rate),
    ...template('termMonths', d.termMonths),
  ],
  llm: (d) => template('systemPrompt', d.systemPrompt),
  agent: (d) => [...template('instructions', d.instructions), ...template('http.url', d.http.url)],
  handoff: (d) => [...template('message', d.message), ...template('note', d.note)],
  wait: (d) => template('message', d.message),
  goto: none,
  end: (d) => template('message', d.message),
  note: none,
  schedule: (d) =>
    (
      [
        'dayText',
        'slotText',
        'confirmText',
        'unavailableText',
        'fullText',
        'takenText',
        'manageText',
        'cancelledText',
      ] as const
    ).flatMap((field) => template(field, d[field])),
  payment: (d) =>
    (['amount', 'description', 'message', 'paidMessage'] as const).flatMap((field) => template(field, d[field])),
};

/** Every variable each node type stores. */
const writes: { [T in NodeType]: Writes<T> } = {
  start: none,
  message: none,
  menu: (d) => (d.variable ? [d.variable] : []),
  question: (d) =>
    d.kind === 'date' ? [d.variable, ...dateAnswerSuffixes.map((s) => `${d.variable}${s}`)] : [d.variable],
  condition: none,
  set: (d) => d.assignments.map((a) => a.variable),
  http: (d) => [...d.mappings.map((m) => m.variable), ...(d.statusVariable ? [d.statusVariable] : [])],
  product_picker: (d) => (d.addressQuestion ? [d.variable, d.addressVariable] : [d.variable]),
  financing: (d) => [d.resultVariable],
  llm: (d) => [...d.variables.map((v) => v.name), d.scoreVariable],
  agent: (d) => [
    ...d.variables.map((v) => v.name),
    d.errorVariable,
    'score',
    'handoff_reason',
    ...(d.tools.includes('handoff') ? ['handoff_team'] : []),
    ...(d.tools.includes('book_slot') ? ['agendamento'] : []),
    ...(d.tools.includes('create_order') ? ['pedido_total'] : []),
    ...(d.tools.includes('end') ? ['ai_resumo'] : []),
  ],
  handoff: none,
  wait: (d) => (d.variable ? [d.variable] : []),
  goto: none,
  end: none,
  note: none,
  schedule: (d) => [d.variable],
  payment: none,
};

export function variableReadsOf(node: FlowNode): VariableRead[] {
  return (reads[node.type] as Reads<NodeType>)(node.data as never);
}

/** Variables a block stores values into, so later blocks may read them. */
export function variableWritesOf(node: FlowNode): string[] {
  return (writes[node.type] as Writes<NodeType>)(node.data as never);
}
