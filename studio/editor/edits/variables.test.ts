import { describe, expect, it } from 'vitest';
import { toEditorFlow } from '../document.ts';
import { sampleFlow } from '../testing/sample-flow.ts';
import { variableSuggestions } from '../state/variables.ts';
import { declareVariable, deleteVariable, renameVariable } from './variables.ts';

const flow = () => toEditorFlow(sampleFlow());
const dataOf = (f: ReturnType<typeof flow>, id: string) => f.nodes.find((n) => n.id === id)?.data;

describe('variables', () => {
  it('declares a valid, new name only', () => {
    const f = flow();
    expect(declareVariable(f, { name: 'cidade', type: 'string', initial: null }).variables.map((v) => v.name)).toEqual([
      'nome',
      'cidade',
    ]);
    expect(declareVariable(f, { name: 'nome', type: 'string', initial: null })).toBe(f);
    expect(declareVariable(f, { name: '1x', type: 'string', initial: null })).toBe(f);
  });

  it('renames the declaration, templates and variable paths, not look-alike words', () => {
    const f = flow();
    const next = renameVariable(
      {
        ...f,
        nodes: f.nodes.map((n) =>
          n.id === 'help' ? { ...n, data: { ...n.data, text: 'nome {{ nome }} {{nomes}}' } } : n,
        ),
      } as typeof f,
      'nome',
      'cliente',
    );
    expect(next.variables.map((v) => v.name)).toEqual(['cliente']);
    expect(dataOf(next, 'menu')).toMatchObject({ text: 'Olá {{cliente}}, escolha:' });
    expect(dataOf(next, 'help')).toMatchObject({ text: 'nome {{ cliente }} {{nomes}}' });
    expect(dataOf(next, 'cond')).toMatchObject({ rules: [{ variable: 'cliente.first' }] });
  });

  it('refuses a rename onto an existing or invalid name', () => {
    const f = declareVariable(flow(), { name: 'x', type: 'string', initial: null });
    expect(renameVariable(f, 'nome', 'x')).toBe(f);
    expect(renameVariable(f, 'nome', 'a b')).toBe(f);
  });

  it('deletes a declaration', () => {
    expect(deleteVariable(flow(), 'nome').variables).toEqual([]);
  });

  it('suggests declared, node-written and built-in variables once each', () => {
    const f = flow();
    const withQuestion = {
      ...f,
      nodes: [
        ...f.nodes,
        {
          id: 'q',
          type: 'question',
          position: { x: 0, y: 0 },
          data: {
            text: '?',
            variable: 'email',
            kind: 'email',
            min: null,
            max: null,
            retries: 2,
            retryMessage: '',
            timeoutMinutes: null,
          },
        },
      ],
    } as typeof f;
    const names = variableSuggestions(withQuestion).map((s) => `${s.source}:${s.name}`);
    expect(names).toEqual([
      'declared:nome',
      'node:email',
      'builtin:contact.name',
      'builtin:contact.phone',
      'builtin:now',
      'builtin:today',
      'builtin:last_answer',
      'builtin:dentro_do_horario',
    ]);
  });

  it('suggests what a date question stores beside the answer, as publish validation knows it', () => {
    const f = flow();
    const withDate = {
      ...f,
      nodes: [
        ...f.nodes,
        {
          id: 'q',
          type: 'question',
          position: { x: 0, y: 0 },
          data: {
            text: '?',
            variable: 'visita',
            kind: 'date',
            min: null,
            max: null,
            retries: 2,
            retryMessage: '',
            timeoutMinutes: null,
          },
        },
      ],
    } as typeof f;
    const fromNodes = variableSuggestions(withDate)
      .filter((s) => s.source === 'node')
      .map((s) => s.name);
    expect(fromNodes).toEqual(['visita', 'visita_weekday', 'visita_iso']);
  });
});
