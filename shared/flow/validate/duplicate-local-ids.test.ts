import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const end = node('e', 'end', {});
const menu = (options: { id: string; title: string }[]) => node('m', 'menu', { text: 'Escolha', options });

describe('duplicate option ids, rule ids and option titles', () => {
  it.each([
    [
      'distinct options',
      buildFlow(
        [
          start,
          menu([
            { id: 'a', title: 'Sim' },
            { id: 'b', title: 'Não' },
          ]),
          end,
        ],
        ['s > m', 'm.opt-a > e', 'm.opt-b > e', 'm.invalid > e'],
      ),
      [],
    ],
    [
      'two options with one id',
      buildFlow(
        [
          start,
          menu([
            { id: 'a', title: 'Sim' },
            { id: 'a', title: 'Não' },
          ]),
          end,
        ],
        ['s > m', 'm.opt-a > e', 'm.invalid > e'],
      ),
      [{ code: 'duplicate_option_id', severity: 'error', nodeId: 'm', field: 'options.1.id' }],
    ],
    [
      'two rules with one id',
      buildFlow(
        [
          start,
          node('c', 'condition', {
            rules: [
              { id: 'r', variable: 'now', operator: 'empty' },
              { id: 'r', variable: 'today', operator: 'empty' },
            ],
          }),
          end,
        ],
        ['s > c', 'c.rule-r > e', 'c.else > e'],
      ),
      [{ code: 'duplicate_rule_id', severity: 'error', nodeId: 'c', field: 'rules.1.id' }],
    ],
    [
      'two options with one title, case aside',
      buildFlow(
        [
          start,
          menu([
            { id: 'a', title: 'Sim' },
            { id: 'b', title: ' sim' },
          ]),
          end,
        ],
        ['s > m', 'm.opt-a > e', 'm.opt-b > e', 'm.invalid > e'],
      ),
      [{ code: 'duplicate_option_title', severity: 'error', nodeId: 'm', field: 'options.1.title' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });
});
