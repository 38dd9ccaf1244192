import { describe, expect, it } from 'vitest';
import { cobrancaTemplates } from '../templates/fixtures.ts';
import { checkTemplateSend, templatesPage, variablesIn } from './fake-graph-templates.ts';

const named = (names: string[]) => names.map((n) => ({ type: 'text', parameter_name: n, text: 'x' }));
const send = (name: string, body: unknown[], extra: unknown[] = [], language = 'pt_BR') => ({
  name,
  language: { code: language },
  components: [{ type: 'body', parameters: body }, ...extra],
});
const fatura = ['nome', 'valor', 'vencimento', 'dias_atraso'];

describe("the fake Graph API's template checks (as Meta answers)", () => {
  const catalogue = cobrancaTemplates();

  it('takes an approved template with one value per variable', () => {
    expect(checkTemplateSend(send('cobranca_fatura_atraso', named(fatura)), catalogue)).toBeNull();
  });

  it('132001 for an unknown name, another language, or a template not approved', () => {
    expect(checkTemplateSend(send('nao_existe', []), catalogue)?.code).toBe(132001);
    expect(checkTemplateSend(send('cobranca_fatura_atraso', named(fatura), [], 'pt'), catalogue)?.code).toBe(132001);
    const paused = cobrancaTemplates().map((t) => ({ ...t, status: 'PAUSED' }));
    expect(checkTemplateSend(send('cobranca_fatura_atraso', named(fatura)), paused)?.code).toBe(132001);
  });

  it("132000 when a component's count differs, naming it as Meta does", () => {
    expect(checkTemplateSend(send('cobranca_fatura_atraso', named(['nome'])), catalogue)).toMatchObject({
      code: 132000,
      details: 'body: number of localizable_params (1) does not match the expected number of params (4)',
    });
  });

  it('a named template needs parameter_name on every parameter', () => {
    const positional = fatura.map(() => ({ type: 'text', text: 'x' }));
    expect(checkTemplateSend(send('cobranca_fatura_atraso', positional), catalogue)?.code).toBe(100);
  });

  it('a button component must point at a button of that type', () => {
    const url = { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'x' }] };
    expect(checkTemplateSend(send('cobranca_lembrete', named(['nome', 'valor']), [url]), catalogue)?.code).toBe(132000);
  });

  it('pages with cursors and a next link until the last page', () => {
    const first = templatesPage(
      catalogue,
      new URLSearchParams('limit=1'),
      'http://fake/v23.0/1/message_templates?limit=1',
    );
    expect((first.data as unknown[]).length).toBe(1);
    const next = new URL((first.paging as { next: string }).next);
    const second = templatesPage(catalogue, next.searchParams, next.toString());
    expect((second.data as { name: string }[])[0]?.name).toBe('cobranca_lembrete');
    expect(second.paging).not.toHaveProperty('next');
  });

  it('counts variables once each, positional or named', () => {
    expect(variablesIn('Oi {{1}}, {{2}} e {{1}}')).toEqual(['1', '2']);
    expect(variablesIn('Oi {{ nome }}')).toEqual(['nome']);
  });
});
