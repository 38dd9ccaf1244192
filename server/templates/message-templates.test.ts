import { describe, expect, it } from 'vitest';
import type { MessageTemplateView, SyncTemplatesResult } from '../../shared/api/message-templates.ts';
import type { FakeTemplate } from '../testing/fake-graph-api.ts';
import { useTemplateCatalogApp } from '../testing/template-catalog-app.ts';
import { cobrancaTemplates } from './fixtures.ts';

const token = 'EAAG-templates-token';
const wabaId = '102000000000411';
const input = {
  name: 'Cobrança',
  phoneNumberId: '106000000000411',
  wabaId,
  displayPhone: '15550100411',
  accessToken: token,
  appSecret: 'templates-app-secret-0123',
  verifyToken: 'templates-verify-token',
};

/** `count` generated templates, alternately approved and pending, so paging and filters have work to do. */
const many = (count: number): FakeTemplate[] =>
  Array.from({ length: count }, (_, i) => ({
    id: String(5_000_000 + i),
    name: `modelo_${String(i).padStart(3, '0')}`,
    language: 'pt_BR',
    status: i % 2 ? 'PENDING' : 'APPROVED',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: `Oferta {{1}} número ${i}` }],
  }));

describe('message template catalogue', () => {
  const rig = useTemplateCatalogApp(input);
  const editor = () => rig.t.as('editor');
  const sync = (body: object = {}) => editor().json<SyncTemplatesResult>('POST', '/api/message-templates/sync', body);
  const list = async (query = '') =>
    (await editor().json<{ templates: MessageTemplateView[] }>('GET', `/api/message-templates${query}`)).body.templates;

  it("follows Meta's paging to the last page and stores every template", async () => {
    rig.fake.addTemplates(wabaId, [...cobrancaTemplates(), ...many(228)]);
    const res = await sync();
    expect(res.status).toBe(200);
    expect(res.body.channels).toEqual([{ channelId: rig.channelId, synced: 230, error: null }]);
    const calls = rig.fake.requests.filter((r) => r.kind === 'templates');
    expect(calls).toHaveLength(3);
    expect(calls[0]?.path).toContain(`/${wabaId}/message_templates?fields=`);
    expect(calls[1]?.path).toContain('after=');
    expect(calls.every((c) => c.token === token)).toBe(true);
    const all = await list();
    expect(all).toHaveLength(230);
    const fatura = all.find((x) => x.name === 'cobranca_fatura_atraso');
    expect(fatura).toMatchObject({
      channelId: rig.channelId,
      wabaId,
      metaId: '1689556908129832',
      language: 'pt_BR',
      category: 'UTILITY',
      status: 'APPROVED',
      quality: 'GREEN',
      parameterFormat: 'NAMED',
    });
    expect(fatura?.components.find((c) => c.type === 'BUTTONS')?.buttons?.map((b) => b.text)).toEqual([
      'Vou pagar agora',
      'Já paguei',
      'Quero cancelar',
    ]);
  });

  it('filters by status and channel', async () => {
    rig.fake.addTemplates(wabaId, many(6));
    await sync({ channelId: rig.channelId });
    expect((await list('?status=APPROVED')).map((x) => x.name)).toEqual(['modelo_000', 'modelo_002', 'modelo_004']);
    expect(await list('?channelId=another')).toEqual([]);
    expect(await list(`?channelId=${rig.channelId}&status=pending`)).toHaveLength(3);
  });

  it('a template Meta no longer lists leaves the catalogue; the others keep their ids', async () => {
    const live = rig.fake.addTemplates(wabaId, many(3));
    await sync();
    const before = await list();
    live.splice(1, 1);
    await sync();
    const after = await list();
    expect(after.map((x) => x.name)).toEqual(['modelo_000', 'modelo_002']);
    expect(after[0]?.id).toBe(before[0]?.id);
  });

  it("reports Meta's refusal and keeps the catalogue as it was", async () => {
    rig.fake.addTemplates(wabaId, many(2));
    await sync();
    await rig.t.as('admin').json('PATCH', `/api/channels/${rig.channelId}`, { accessToken: 'EAAG-revoked-token' });
    const res = await sync();
    expect(res.status).toBe(200);
    expect(res.body.channels[0]).toMatchObject({ channelId: rig.channelId, synced: null });
    expect(res.body.channels[0]?.error).toContain('190');
    expect(await list()).toHaveLength(2);
  });

  it('a channel without a WABA id is reported, not synced', async () => {
    await rig.t.as('admin').json('PATCH', `/api/channels/${rig.channelId}`, { wabaId: null });
    const res = await sync();
    expect(res.body.channels[0]).toMatchObject({ channelId: rig.channelId, synced: null });
    expect(res.body.channels[0]?.error).toContain('WABA');
    expect(rig.fake.requests.filter((r) => r.kind === 'templates')).toEqual([]);
  });

  it('agents may not read or sync the catalogue; a bad body is a 400 that changes nothing', async () => {
    expect((await rig.t.as('agent').json('GET', '/api/message-templates')).status).toBe(403);
    expect((await rig.t.as('agent').json('POST', '/api/message-templates/sync', {})).status).toBe(403);
    const bad = await editor().json<{ error: { code: string } }>('POST', '/api/message-templates/sync', {
      channelId: 42,
    });
    expect(bad.status).toBe(400);
    expect(rig.fake.requests).toEqual([]);
  });
});
