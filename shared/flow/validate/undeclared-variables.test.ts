import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const say = (text: string) => node('m', 'message', { text });
/** start → nodes… → end, each through `next`. */
function chain(...nodes: ReturnType<typeof node>[]) {
  const ids = ['s', ...nodes.map((n) => n.id), 'e'];
  return buildFlow(
    [start, ...nodes, node('e', 'end', {})],
    ids.slice(1).map((id, i) => `${ids[i]} > ${id}`),
  );
}

describe('undeclared variables', () => {
  it.each([
    ['built-ins', chain(say('{{contact.name}} {{contact.phone}} {{now}} {{today}} {{last_answer}}')), []],
    [
      'declared in the flow, dotted path',
      { ...chain(say('{{cliente.nome}}')), variables: [{ name: 'cliente', type: 'object' as const }] },
      [],
    ],
    [
      'stored by a question, with date extras',
      buildFlow(
        [
          start,
          node('q', 'question', { text: 'Dia?', kind: 'date', variable: 'dia' }),
          node('e', 'end', { message: '{{dia}} {{dia_weekday}} {{dia_iso}}' }),
        ],
        ['s > q', 'q > e', 'q.invalid > e'],
      ),
      [],
    ],
    [
      'stored by set, financing and wait',
      chain(
        node('x', 'set', { assignments: [{ variable: 'a', value: '1' }] }),
        node('f', 'financing', { price: 100, resultVariable: 'fin' }),
        say('{{a}} {{fin.total}}'),
      ),
      [],
    ],
    [
      'stored by http and llm',
      buildFlow(
        [
          start,
          node('h', 'http', { url: 'https://x.test', mappings: [{ variable: 'b', path: 'id' }], statusVariable: 'c' }),
          node('l', 'llm', { systemPrompt: '{{b}} {{c}}', variables: [{ name: 'renda' }] }),
          node('e', 'end', { message: '{{renda}} {{score}}' }),
        ],
        ['s > h', 'h.ok > l', 'h.error > e', 'l > e', 'l.escalate > e', 'l.error > e'],
      ),
      [],
    ],
    [
      'a typo in a message',
      chain(say('Olá {{nmoe}}')),
      [{ code: 'variable_undeclared', severity: 'error', nodeId: 'm', field: 'text' }],
    ],
    [
      'an unknown contact field is not a built-in',
      chain(say('{{contact.email}}')),
      [{ code: 'variable_undeclared', severity: 'error', nodeId: 'm', field: 'text' }],
    ],
    [
      'a condition reading an undeclared variable',
      buildFlow(
        [
          start,
          node('c', 'condition', { rules: [{ id: 'r', variable: 'idade', operator: 'gt', value: '{{limite}}' }] }),
          node('e', 'end', {}),
        ],
        ['s > c', 'c.rule-r > e', 'c.else > e'],
      ),
      [
        { code: 'variable_undeclared', severity: 'error', nodeId: 'c', field: 'rules.0.variable' },
        { code: 'variable_undeclared', severity: 'error', nodeId: 'c', field: 'rules.0.value' },
      ],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });

  it('reports a root once per field and names it', () => {
    const [problem, ...rest] = validateFlow(chain(say('{{pedido.total}} {{pedido.itens}}'))).problems;
    expect(rest).toEqual([]);
    expect(problem?.params?.variable).toBe('pedido');
    expect(problem?.message).toContain('usa a variável "pedido" em "texto"');
  });
});
