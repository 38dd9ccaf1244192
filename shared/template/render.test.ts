import { describe, expect, it } from 'vitest';
import { templateVariables } from './parse.ts';
import { renderTemplate } from './render.ts';

describe('renderTemplate', () => {
  it.each([
    ['Olá, {{nome}}!', { nome: 'Ana' }, 'Olá, Ana!'],
    ['Olá, {{ nome }}!', { nome: 'Ana' }, 'Olá, Ana!'],
    ['Total: {{pedido.total}}', { pedido: { total: 1234.5 } }, 'Total: 1.234,5'],
    ['{{lista.1}}', { lista: ['a', 'b'] }, 'b'],
    ['Oi {{faltando}}.', {}, 'Oi .'],
    ['{{constructor}}{{__proto__}}', {}, ''],
    ['{{x}}', { x: '{{y}}', y: 'nope' }, '{{y}}'],
    ['<b>{{x}}</b> & {{y}}', { x: '<i>', y: true }, '<b><i></b> & sim'],
    ['{{ 1+1 }} {{a-b}}', { a: 1 }, '{{ 1+1 }} {{a-b}}'],
  ])('%s', (template, vars, expected) => {
    expect(renderTemplate(template, vars)).toBe(expected);
  });

  it('lists the variables a template reads', () => {
    expect(templateVariables('{{a}} {{b.c}} {{a}} {{ d }}')).toEqual(['a', 'b.c', 'd']);
  });
});
