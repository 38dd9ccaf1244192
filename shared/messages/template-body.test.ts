import { describe, expect, it } from 'vitest';
import { fillTemplateBody, templateBodyParameters } from './template-body.ts';

const positional = [
  { type: 'HEADER', format: 'TEXT', text: 'Aviso' },
  { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} saiu. Obrigado, {{1}}!' },
];
const named = [{ type: 'BODY', text: 'Oi {{ first_name }}, seu horário é {{hora}}.' }];

describe('template body parameters', () => {
  it('lists each parameter once in order of first use', () => {
    expect(templateBodyParameters(positional)).toEqual(['1', '2']);
    expect(templateBodyParameters(named)).toEqual(['first_name', 'hora']);
    expect(templateBodyParameters([{ type: 'FOOTER', text: '{{x}}' }])).toEqual([]);
  });

  it('fills the body as the contact reads it, leaving a missing value visible', () => {
    expect(fillTemplateBody(positional, ['Ana', '#12'])).toBe('Olá Ana, seu pedido #12 saiu. Obrigado, Ana!');
    expect(fillTemplateBody(named, ['Ana'])).toBe('Oi Ana, seu horário é {{hora}}.');
  });
});
