import { describe, expect, it } from 'vitest';
import { buildFlow, node } from '../testing/build-flow.ts';
import { summarize } from '../testing/problem-summary.ts';
import { validateFlow } from './index.ts';

const start = node('s', 'start', {});
const end = node('e', 'end', {});
const rule = (value: string) => ({ rules: [{ id: 'r', variable: 'last_answer', operator: 'regex' as const, value }] });

describe('required fields', () => {
  it.each([
    [
      'a message with only media',
      buildFlow(
        [start, node('m', 'message', { media: { kind: 'image', url: 'https://x.test/a.png' } }), end],
        ['s > m', 'm > e'],
      ),
      [],
    ],
    [
      'a message with neither text nor media',
      buildFlow([start, node('m', 'message', { text: '  ' }), end], ['s > m', 'm > e']),
      [{ code: 'message_empty', severity: 'error', nodeId: 'm', field: 'text' }],
    ],
    [
      'a menu with no options',
      buildFlow([start, node('m', 'menu', { text: 'Escolha' }), end], ['s > m', 'm.invalid > e']),
      [{ code: 'menu_no_options', severity: 'error', nodeId: 'm', field: 'options' }],
    ],
    [
      'an http call with a blank url',
      buildFlow([start, node('h', 'http', { url: ' ' }), end], ['s > h', 'h.ok > e', 'h.error > e']),
      [{ code: 'http_url_empty', severity: 'error', nodeId: 'h', field: 'url' }],
    ],
    [
      'an agent that books with no agenda chosen',
      buildFlow(
        [start, node('a', 'agent', { instructions: 'Marque consultas.', tools: ['list_slots', 'book_slot'] }), end],
        ['s > a', 'a.done > e', 'a.escalate > e', 'a.error > e'],
      ),
      [{ code: 'agent_no_agenda', severity: 'error', nodeId: 'a', field: 'agendaId' }],
    ],
    [
      'an agent that books in a chosen agenda',
      buildFlow(
        [start, node('a', 'agent', { instructions: 'Marque.', tools: ['book_slot'], agendaId: 'consultas' }), end],
        ['s > a', 'a.done > e', 'a.escalate > e', 'a.error > e'],
      ),
      [],
    ],
    [
      'a goto to another flow',
      buildFlow([start, node('g', 'goto', { target: { kind: 'flow', flowId: 'f2' } })], ['s > g']),
      [],
    ],
    [
      'a goto without target',
      buildFlow([start, node('g', 'goto', {})], ['s > g']),
      [{ code: 'goto_no_target', severity: 'error', nodeId: 'g', field: 'target' }],
    ],
    [
      'a goto to a missing node',
      buildFlow([start, node('g', 'goto', { target: { kind: 'node', nodeId: 'ghost' } })], ['s > g']),
      [{ code: 'goto_target_missing', severity: 'error', nodeId: 'g', field: 'target.nodeId' }],
    ],
    [
      'a goto to a note',
      buildFlow(
        [start, node('g', 'goto', { target: { kind: 'node', nodeId: 'n' } }), node('n', 'note', {})],
        ['s > g'],
      ),
      [{ code: 'goto_target_note', severity: 'error', nodeId: 'g', field: 'target.nodeId' }],
    ],
    [
      'a valid regex, and one built at run time',
      buildFlow(
        [
          start,
          node('c', 'condition', rule('^\\d+(,\\d{2})?$')),
          node('c2', 'condition', rule('[{{last_answer}}')),
          end,
        ],
        ['s > c', 'c.rule-r > c2', 'c.else > c2', 'c2.rule-r > e', 'c2.else > e'],
      ),
      [],
    ],
    [
      'an invalid regex',
      buildFlow([start, node('c', 'condition', rule('([a-z]')), end], ['s > c', 'c.rule-r > e', 'c.else > e']),
      [{ code: 'condition_invalid_regex', severity: 'error', nodeId: 'c', field: 'rules.0.value' }],
    ],
  ])('%s', (_, flow, expected) => {
    expect(summarize(validateFlow(flow).problems)).toEqual(expected);
  });
});
