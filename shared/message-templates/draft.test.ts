import { describe, expect, it } from 'vitest';
import { draftProblems, parameterFormatOf, templateDraft, type TemplateDraftInput } from './draft.ts';

const draft = (over: Partial<TemplateDraftInput> = {}) =>
  templateDraft.parse({
    channelId: 'c1',
    name: 'pedido_enviado',
    language: 'pt_BR',
    category: 'UTILITY',
    body: 'Seu pedido {{1}} saiu para entrega hoje.',
    examples: { '1': '#1234' },
    ...over,
  });
const codes = (over: Partial<TemplateDraftInput>) => draftProblems(draft(over)).map((p) => `${p.field}:${p.code}`);

describe("a template draft against Meta's rules", () => {
  it('takes a well-formed draft, positional or named', () => {
    expect(draftProblems(draft())).toEqual([]);
    const named = draft({ body: 'Oi {{primeiro_nome}}, tudo certo?', examples: { primeiro_nome: 'Ana' } });
    expect(draftProblems(named)).toEqual([]);
    expect(parameterFormatOf(named)).toBe('NAMED');
    expect(parameterFormatOf(draft())).toBe('POSITIONAL');
  });

  it('names, languages, limits and the category Meta only takes from its library', () => {
    expect(codes({ name: 'Pedido Enviado' })).toContain('name:name_format');
    expect(codes({ language: 'portugues' })).toContain('language:language_format');
    expect(codes({ category: 'AUTHENTICATION' })).toContain('category:authentication_unsupported');
    expect(codes({ header: 'x'.repeat(61) })).toContain('header:too_long');
    expect(codes({ footer: 'Obrigado {{1}}' })).toContain('footer:footer_variables');
    expect(codes({ body: '' })).toContain('body:required');
  });

  it('variables: examples, order, placement, one style', () => {
    expect(codes({ examples: {} })).toContain('examples.1:example_missing');
    expect(codes({ body: 'Pedido {{2}} enviado hoje.', examples: { '2': 'x' } })).toContain('body:positional_order');
    expect(codes({ body: '{{1}} saiu para entrega.' })).toContain('body:variable_at_edge');
    expect(codes({ body: 'Pedido {{1}}{{2}} ok.', examples: { '1': 'a', '2': 'b' } })).toContain(
      'body:adjacent_variables',
    );
    expect(codes({ body: 'Oi {{Nome}} tudo bem?', examples: { Nome: 'a' } })).toContain('body:variable_name');
    expect(codes({ body: 'Oi {{1}} e {{nome}} ok.', examples: { '1': 'a', nome: 'b' } })).toContain(
      'body:mixed_variables',
    );
    expect(
      codes({ header: 'Oi {{1}} {{2}}', body: 'Oi {{1}} e {{2}} ok.', examples: { '1': 'a', '2': 'b' } }),
    ).toContain('header:header_variables');
  });

  it("buttons within Meta's limits, quick replies grouped, one URL variable at the end", () => {
    const qr = { type: 'QUICK_REPLY' as const, text: 'Sim' };
    const url = { type: 'URL' as const, text: 'Abrir', url: 'https://loja.example/p/{{1}}', example: 'x1' };
    expect(codes({ buttons: [qr, qr, url] })).toEqual([]);
    expect(codes({ buttons: [qr, url, qr] })).toContain('buttons:quick_replies_grouped');
    expect(codes({ buttons: [url, url, url] })).toContain('buttons:too_many_buttons');
    expect(codes({ buttons: [{ ...url, url: 'https://loja.example/{{1}}/x' }] })).toContain('buttons.0.url:url_format');
    expect(codes({ buttons: [{ ...url, example: '' }] })).toContain('buttons.0.example:example_missing');
    expect(codes({ buttons: [{ type: 'QUICK_REPLY', text: 'x'.repeat(26) }] })).toContain('buttons.0.text:too_long');
    expect(codes({ buttons: [{ type: 'PHONE_NUMBER', text: 'Ligar', phoneNumber: 'abc' }] })).toContain(
      'buttons.0.phoneNumber:phone_format',
    );
    expect(draftProblems(draft({ name: 'X' }))[0]?.messages.en).toContain('lowercase');
  });
});
