import { describe, expect, it } from 'vitest';
import { createProblem, problemCatalog, problemMessage, type ProblemCode } from './problems.ts';
import { fieldPhrase } from './problem-words.ts';

const params = {
  node: 'n1',
  nodeType: 'menu',
  nodeName: 'Como posso ajudar?',
  edge: 'e1',
  field: 'options.0.title',
  output: 'opt-a',
  outputTitle: 'Sim',
  count: 2,
  missing: 'x',
  min: 1,
  max: 20,
  length: 25,
  value: '1a',
  type: 'teleport',
  nodes: '"a", "b"',
  variable: 'nome',
  target: 'n9',
  position: 1,
  id: 'a',
  title: 'Sim',
  buttons: 3,
  provider: 'Atendimento',
  reason: 'key_refused',
  status: 401,
};

describe('problem texts', () => {
  const codes = Object.keys(problemCatalog) as ProblemCode[];

  it.each(codes)('%s reads well in pt-BR and English', (code) => {
    const pt = problemMessage(code, params, 'pt-BR');
    const en = problemMessage(code, params, 'en');
    for (const text of [pt, en]) {
      expect(text).not.toMatch(/undefined|NaN|\[object/);
      expect(text).toMatch(/[.!?]$/);
    }
    expect(pt).not.toBe(en);
  });

  it.each([
    [{ reason: 'timeout', seconds: 5 }, 'não respondeu em 5 s', 'did not answer within 5 s'],
    [{ reason: 'key_refused', status: 403 }, 'recusou a chave (403)', 'refused the key (403)'],
    [{ reason: 'server_error', status: 502 }, 'respondeu com erro (502)', 'answered with an error (502)'],
    [
      { reason: 'unreachable', detail: 'ENOTFOUND' },
      'não pôde ser alcançado (ENOTFOUND)',
      'could not be reached (ENOTFOUND)',
    ],
  ])('an unreachable provider says why: %o', (why, pt, en) => {
    const all = { ...params, ...why };
    expect(problemMessage('ai_provider_unreachable', all, 'pt-BR')).toContain(`"Atendimento" ${pt},`);
    expect(problemMessage('ai_provider_unreachable', all, 'en')).toContain(`"Atendimento" ${en},`);
  });

  it('builds a problem whose message is the pt-BR text', () => {
    const problem = createProblem('output_unconnected', { nodeId: 'n1', field: 'opt-a' }, params);
    expect(problem).toMatchObject({ code: 'output_unconnected', severity: 'error', nodeId: 'n1', field: 'opt-a' });
    expect(problem.message).toBe(problem.messages['pt-BR']);
    expect(problem.messages.en).toBe(problemMessage('output_unconnected', params, 'en'));
    expect(problem.message).toBe('O menu "Como posso ajudar?": a saída "Sim" não está ligada a nenhum bloco.');
  });

  it.each([
    ['options.2.title', 'pt-BR', 'opção 3 › título'],
    ['rules.0.value', 'en', 'rule 1 › value'],
    ['media.caption', 'pt-BR', 'mídia › legenda'],
    ['somethingNew', 'en', 'somethingNew'],
  ] as const)('field %s in %s reads "%s"', (field, locale, expected) => {
    expect(fieldPhrase(locale, field)).toBe(expected);
  });
});
