import { describe, expect, it } from 'vitest';
import type { ConditionOperator } from '../../shared/flow/nodes/index.ts';
import { buildFlow } from '../testing/build-flow.ts';
import { driver, texts } from '../testing/session-test-kit.ts';

async function verdict(operator: ConditionOperator, actual: string | number | null, value = ''): Promise<string> {
  const d = driver(
    buildFlow(
      [
        { id: 'c', type: 'condition', data: { rules: [{ id: 'r1', variable: 'x', operator, value }] } },
        { id: 'yes', type: 'message', data: { text: 'sim' } },
        { id: 'no', type: 'message', data: { text: 'não' } },
      ],
      [
        ['c', 'rule-r1', 'yes'],
        ['c', 'else', 'no'],
      ],
      { variables: [{ name: 'x', type: 'string', initial: actual }] },
    ),
  );
  return texts(await d.send('oi'))[0] ?? '';
}

describe('condition', () => {
  it.each([
    ['equals', 'São Paulo', 'sao paulo', 'sim'],
    ['equals', '1.000,00', '1000', 'sim'],
    ['not_equals', 'a', 'b', 'sim'],
    ['contains', 'Quero um APARTAMENTO', 'apartamento', 'sim'],
    ['gt', '350.000', '200000', 'sim'],
    ['gt', 'abc', '1', 'não'],
    ['lt', 5, '10', 'sim'],
    ['gte', 10, '10', 'sim'],
    ['lte', 11, '10', 'não'],
    ['regex', 'pedido 123', '^pedido \\d+$', 'sim'],
    ['regex', 'x', '(', 'não'],
    ['empty', null, '', 'sim'],
    ['empty', '  ', '', 'sim'],
    ['not_empty', 'a', '', 'sim'],
  ] as const)('%s %j vs %j → %s', async (op, actual, value, expected) => {
    expect(await verdict(op, actual, value)).toBe(expected);
  });

  it('takes the first rule that holds', async () => {
    const d = driver(
      buildFlow(
        [
          {
            id: 'c',
            type: 'condition',
            data: {
              rules: [
                { id: 'a', variable: 'contact.name', operator: 'contains', value: 'Ana' },
                { id: 'b', variable: 'contact.name', operator: 'not_empty' },
              ],
            },
          },
          { id: 'ma', type: 'message', data: { text: 'A' } },
          { id: 'mb', type: 'message', data: { text: 'B' } },
        ],
        [
          ['c', 'rule-a', 'ma'],
          ['c', 'rule-b', 'mb'],
        ],
      ),
    );
    expect(texts(await d.send('oi'))).toEqual(['A']);
  });
});
