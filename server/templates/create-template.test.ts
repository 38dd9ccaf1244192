import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageTemplateView } from '../../shared/api/message-templates.ts';
import type { TemplateDraftInput } from '../../shared/message-templates/draft.ts';
import { silentLogger } from '../logger.ts';
import { useTemplateCatalogApp } from '../testing/template-catalog-app.ts';
import { readTemplateUpdates } from '../whatsapp/template-updates.ts';
import { applyTemplateUpdates } from './apply-template-updates.ts';

const token = 'EAAG-create-token';
const wabaId = '102000000000512';
const channelInput = {
  name: 'Vendas',
  phoneNumberId: '106000000000512',
  wabaId,
  displayPhone: '15550100512',
  accessToken: token,
  appSecret: 'create-app-secret-0123456',
  verifyToken: 'create-verify-token',
};

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

describe('creating a message template from the studio', () => {
  const rig = useTemplateCatalogApp(channelInput);
  const draft = (over: Partial<TemplateDraftInput> = {}): TemplateDraftInput => ({
    channelId: rig.channelId,
    name: 'lembrete_pagamento',
    language: 'pt_BR',
    category: 'UTILITY',
    header: 'Olá, {{1}}',
    body: 'Sua fatura de {{1}} vence em {{2}}. Qualquer dúvida, fale com a gente.',
    footer: 'Loja Exemplo',
    examples: { '1': 'R$ 120,00', '2': '10/12' },
    buttons: [
      { type: 'QUICK_REPLY', text: 'Já paguei' },
      { type: 'URL', text: 'Ver boleto', url: 'https://loja.example/b/{{1}}', example: 'abc123' },
      { type: 'PHONE_NUMBER', text: 'Ligar', phoneNumber: '+5511987654321' },
    ],
    ...over,
  });
  const create = (body: unknown, role: 'editor' | 'admin' | 'agent' = 'editor') =>
    rig.t.as(role).json<{ template: MessageTemplateView } & ErrorBody>('POST', '/api/message-templates', body);
  const stored = () => rig.t.testDb.db.selectFrom('message_templates').selectAll().execute();

  beforeEach(() => {
    rig.fake.addTemplates(wabaId, []);
  });

  it("sends Meta's exact wire body and lists the new template as PENDING until its status webhook", async () => {
    // The header's {{1}} and the body's {{1}} are separate slots with separate examples in Meta's format.
    const res = await create(draft({ header: 'Fatura disponível', examples: { '1': 'R$ 120,00', '2': '10/12' } }));
    expect(res.status).toBe(201);
    const call = rig.fake.requests.find((r) => r.kind === 'templates');
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe(`/v23.0/${wabaId}/message_templates`);
    expect(call?.token).toBe(token);
    expect(call?.body).toEqual({
      name: 'lembrete_pagamento',
      language: 'pt_BR',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Fatura disponível' },
        {
          type: 'BODY',
          text: 'Sua fatura de {{1}} vence em {{2}}. Qualquer dúvida, fale com a gente.',
          example: { body_text: [['R$ 120,00', '10/12']] },
        },
        { type: 'FOOTER', text: 'Loja Exemplo' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Já paguei' },
            { type: 'URL', text: 'Ver boleto', url: 'https://loja.example/b/{{1}}', example: ['abc123'] },
            { type: 'PHONE_NUMBER', text: 'Ligar', phone_number: '+5511987654321' },
          ],
        },
      ],
    });
    expect(res.body.template).toMatchObject({
      name: 'lembrete_pagamento',
      status: 'PENDING',
      channelId: rig.channelId,
    });
    const listed = await rig.t.as('editor').json<{ templates: MessageTemplateView[] }>('GET', '/api/message-templates');
    expect(listed.body.templates.map((x) => [x.name, x.status])).toEqual([['lembrete_pagamento', 'PENDING']]);

    await applyTemplateUpdates(
      { db: rig.t.testDb.db, clock: rig.t.deps.clock, logger: silentLogger },
      readTemplateUpdates([
        {
          wabaId,
          field: 'message_template_status_update',
          value: { event: 'APPROVED', message_template_id: Number(res.body.template.metaId), reason: 'NONE' },
        },
      ]),
    );
    expect((await stored()).map((r) => r.status)).toEqual(['APPROVED']);
    const audit = await rig.t.testDb.db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toContain('message_templates.create');
  });

  it('named parameters go out with param_name examples and parameter_format NAMED', async () => {
    const res = await create(
      draft({
        name: 'boas_vindas',
        category: 'MARKETING',
        header: 'Oi, {{nome}}',
        body: 'Que bom te ver, {{nome}}! Seu cupom é {{cupom}} até domingo.',
        footer: '',
        examples: { nome: 'Ana', cupom: 'BEMVINDA10' },
        buttons: [],
      }),
    );
    expect(res.status).toBe(201);
    const body = rig.fake.requests.find((r) => r.kind === 'templates')?.body as { components: unknown[] };
    expect(body).toMatchObject({ parameter_format: 'NAMED', category: 'MARKETING' });
    expect(body.components).toEqual([
      {
        type: 'HEADER',
        format: 'TEXT',
        text: 'Oi, {{nome}}',
        example: { header_text_named_params: [{ param_name: 'nome', example: 'Ana' }] },
      },
      {
        type: 'BODY',
        text: 'Que bom te ver, {{nome}}! Seu cupom é {{cupom}} até domingo.',
        example: {
          body_text_named_params: [
            { param_name: 'nome', example: 'Ana' },
            { param_name: 'cupom', example: 'BEMVINDA10' },
          ],
        },
      },
    ]);
    expect((await stored())[0]).toMatchObject({ parameter_format: 'NAMED', status: 'PENDING' });
  });

  it("Meta's refusal is a 400 with its code and error_user_msg, and stores nothing", async () => {
    expect((await create(draft())).status).toBe(201);
    const again = await create(draft());
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('meta_refused');
    expect(again.body.error.message).toContain('Content in This Language Already Exists');
    expect(again.body.error.message).toContain('There is already pt_BR content');
    expect(again.body.error.details).toMatchObject({ code: 100, subcode: 2388024 });
    expect(await stored()).toHaveLength(1);
  });

  it('a draft Meta would refuse is a 400 naming each problem, and Meta is not called', async () => {
    const res = await create(
      draft({
        name: 'Lembrete Pagamento',
        body: '{{1}} sua fatura {{3}}',
        examples: {},
        buttons: [
          { type: 'QUICK_REPLY', text: 'Sim' },
          { type: 'URL', text: 'Abrir', url: 'loja.example', example: '' },
          { type: 'QUICK_REPLY', text: 'Não' },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_template');
    const problems = (res.body.error.details as { problems: { field: string; code: string }[] }).problems;
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        'name:name_format',
        'body:variable_at_edge',
        'body:positional_order',
        'examples.1:example_missing',
        'buttons:quick_replies_grouped',
        'buttons.1.url:url_format',
      ]),
    );
    expect(res.body.error.message).toContain('letras minúsculas');
    expect(rig.fake.requests).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('agents may not create; a malformed body and an unknown channel are 4xx', async () => {
    expect((await create(draft(), 'agent')).status).toBe(403);
    expect((await create({ ...draft(), category: 'PROMO' })).status).toBe(400);
    expect((await create(draft({ channelId: 'nope' }))).status).toBe(404);
    expect(rig.fake.requests).toEqual([]);
  });
});
