import { flowDocument, type FlowDocument } from '../../../shared/flow/schema.ts';

/** start → menu (two options) → two messages; a condition with one rule, a note. */
export function sampleFlow(): FlowDocument {
  return flowDocument.parse({
    name: 'Loja',
    variables: [{ name: 'nome', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'menu',
        type: 'menu',
        position: { x: 0, y: 150 },
        data: {
          text: 'Olá {{nome}}, escolha:',
          options: [
            { id: 'a', title: 'Comprar' },
            { id: 'b', title: 'Suporte' },
          ],
        },
      },
      { id: 'buy', type: 'message', position: { x: -200, y: 400 }, data: { text: 'Vamos às compras, {{nome}}!' } },
      { id: 'help', type: 'message', position: { x: 200, y: 400 }, data: { text: 'Fale com a gente' } },
      {
        id: 'cond',
        type: 'condition',
        position: { x: 0, y: 600 },
        data: { rules: [{ id: 'r1', variable: 'nome.first', operator: 'equals', value: 'Ana' }] },
      },
      { id: 'note', type: 'note', position: { x: 400, y: 0 }, data: { text: 'Lembrar do horário' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'menu' },
      { id: 'e2', source: 'menu', sourceHandle: 'opt-a', target: 'buy' },
      { id: 'e3', source: 'menu', sourceHandle: 'opt-b', target: 'help' },
      { id: 'e4', source: 'cond', sourceHandle: 'rule-r1', target: 'help' },
    ],
  });
}
