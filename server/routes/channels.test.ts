import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

type Channel = Record<string, unknown> & { id: string };
const input = {
  name: 'Imobiliária Natal',
  phoneNumberId: '106000000000001',
  wabaId: '102000000000001',
  displayPhone: '15550100001',
  accessToken: 'EAAG-secret-access-token',
  appSecret: 'fixture-app-secret-0123456789abcdef',
  verifyToken: 'fixture-verify-token',
};

describe('channels API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const admin = () => t.as('admin');

  it('connects a number, keeps secrets encrypted and never returns them', async () => {
    const res = await admin().json<{ channel: Channel }>('POST', '/api/channels', input);
    expect(res.status).toBe(201);
    expect(res.body.channel).toMatchObject({
      phoneNumberId: '106000000000001',
      verifyToken: 'fixture-verify-token',
      healthy: true,
      markRead: true,
      webhookUrl: 'https://fluxo.test/webhooks/whatsapp',
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('EAAG-secret-access-token');
    expect(text).not.toContain('fixture-app-secret');
    const row = await t.testDb.db.selectFrom('channels').selectAll().executeTakeFirstOrThrow();
    expect(row.access_token_enc).not.toContain('EAAG');
    expect(t.deps.secrets.open(row.access_token_enc)).toBe('EAAG-secret-access-token');
    expect(t.deps.secrets.open(row.app_secret_enc)).toBe(input.appSecret);
  });

  it('refuses a duplicate number, an unknown flow and malformed fields (nothing stored)', async () => {
    const dup = await admin().json<{ error: { code: string } }>('POST', '/api/channels', input);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('phone_number_taken');
    const flow = await admin().json<{ error: { code: string } }>('POST', '/api/channels', {
      ...input,
      phoneNumberId: '999999',
      flowId: 'nope',
    });
    expect(flow.status).toBe(400);
    expect(flow.body.error.code).toBe('unknown_flow');
    const bad = await admin().json<{ error: { code: string; message: string } }>('POST', '/api/channels', {
      ...input,
      phoneNumberId: 'abc',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/phoneNumberId/);
    expect(await t.testDb.db.selectFrom('channels').selectAll().execute()).toHaveLength(1);
  });

  it('updates without touching secrets that were not sent, and a new token clears an unhealthy state', async () => {
    const [existing] = (await admin().json<{ channels: Channel[] }>('GET', '/api/channels')).body.channels;
    await t.testDb.db.updateTable('channels').set({ healthy: false, health_error: 'token expirado (190)' }).execute();
    const renamed = await admin().json<{ channel: Channel }>('PUT', `/api/channels/${existing?.id}`, {
      name: 'Plantão',
    });
    expect(renamed.body.channel).toMatchObject({ name: 'Plantão', healthy: false });
    const row = await t.testDb.db.selectFrom('channels').selectAll().executeTakeFirstOrThrow();
    expect(t.deps.secrets.open(row.access_token_enc)).toBe('EAAG-secret-access-token');
    const fixed = await admin().json<{ channel: Channel }>('PUT', `/api/channels/${existing?.id}`, {
      accessToken: 'EAAG-new-token-123',
    });
    expect(fixed.body.channel).toMatchObject({ healthy: true, healthError: null });
    expect((await admin().request('PUT', '/api/channels/nope', { name: 'x' })).status).toBe(404);
    expect((await admin().request('DELETE', `/api/channels/${existing?.id}`)).status).toBe(204);
    expect((await admin().request('DELETE', `/api/channels/${existing?.id}`)).status).toBe(404);
  });

  it('chooses its catalog (an unknown one is refused), shown back and cleared with null', async () => {
    const created = await admin().json<{ channel: Channel }>('POST', '/api/channels', {
      ...input,
      phoneNumberId: '106000000000077',
    });
    const id = created.body.channel.id;
    expect(created.body.channel.catalogId).toBeNull();
    const unknown = await admin().json<{ error: { code: string } }>('PATCH', `/api/channels/${id}`, {
      catalogId: 'nope',
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_catalog']);
    const catalog = await t
      .as('editor')
      .json<{ catalog: { id: string } }>('POST', '/api/catalogs', { name: 'Imóveis' });
    const chosen = await admin().json<{ channel: Channel }>('PATCH', `/api/channels/${id}`, {
      catalogId: catalog.body.catalog.id,
    });
    expect(chosen.body.channel.catalogId).toBe(catalog.body.catalog.id);
    const row = await t.testDb.db.selectFrom('channels').select('catalog_id').where('id', '=', id).executeTakeFirst();
    expect(row?.catalog_id).toBe(catalog.body.catalog.id);
    const cleared = await admin().json<{ channel: Channel }>('PATCH', `/api/channels/${id}`, { catalogId: null });
    expect(cleared.body.channel.catalogId).toBeNull();
  });
});
