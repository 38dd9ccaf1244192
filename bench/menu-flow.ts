import type { FlowDocumentInput } from '../shared/flow/schema.ts';

const at = (x: number, y: number) => ({ x, y });
const areas = [
  { id: 'a', title: 'Comprar' },
  { id: 'b', title: 'Suporte' },
  { id: 'c', title: 'Sobre nós' },
];
const items = [
  { id: 'r1', title: 'Pizza', description: 'Grande, 8 fatias' },
  { id: 'r2', title: 'Lasanha', description: 'Bolonhesa' },
  { id: 'r3', title: 'Salada', description: 'Caesar' },
  { id: 'r4', title: 'Suco', description: 'Laranja, 500 ml' },
];

/**
 * The benchmark's realistic flow, walked in a loop: a greeting with 3 reply buttons → a list
 * of 4 rows → a text naming the choice, then the greeting again. A button tap gets one reply
 * (the list); a row tap gets two (the text, then the greeting's buttons).
 */
export const menuFlow: FlowDocumentInput = {
  name: 'Menu (benchmark)',
  variables: [
    { name: 'area', type: 'string' },
    { name: 'item', type: 'string' },
  ],
  nodes: [
    { id: 'start', type: 'start', position: at(0, 0), data: {} },
    {
      id: 'greet',
      type: 'menu',
      position: at(0, 150),
      data: {
        text: 'Olá, {{contact.name}}! Como posso ajudar?',
        options: areas,
        variable: 'area',
        timeoutMinutes: null,
      },
    },
    {
      id: 'pick',
      type: 'menu',
      position: at(0, 300),
      data: {
        text: 'Escolha um item',
        buttonLabel: 'Ver itens',
        options: items,
        variable: 'item',
        timeoutMinutes: null,
      },
    },
    { id: 'said', type: 'message', position: at(0, 450), data: { text: 'Você escolheu {{item}} ({{area}}).' } },
  ],
  edges: [
    { id: 'e-start', source: 'start', sourceHandle: 'next', target: 'greet' },
    ...areas.map((a) => ({ id: `e-${a.id}`, source: 'greet', sourceHandle: `opt-${a.id}`, target: 'pick' })),
    ...items.map((r) => ({ id: `e-${r.id}`, source: 'pick', sourceHandle: `opt-${r.id}`, target: 'said' })),
    { id: 'e-loop', source: 'said', sourceHandle: 'next', target: 'greet' },
  ],
};

/** The taps a contact makes at each step of the loop, in turn, and what each must get back. */
export const menuSteps = {
  button: { reply: (i: number) => ({ id: `greet:${areas[i % 3]!.id}`, title: areas[i % 3]!.title }), replies: 1 },
  row: {
    reply: (i: number) => ({ id: `pick:${items[i % 4]!.id}`, title: items[i % 4]!.title, list: true }),
    replies: 2,
  },
} as const;
