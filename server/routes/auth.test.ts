import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../db/queries/users.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.testDb.db, { email: 'ana@imob.test', name: 'Ana', password: 'senha-segura-1', role: 'editor' });
  });
  afterAll(() => t.close());

  async function login(email: string, password: string) {
    return t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  it('logs in with email and password and sets an httpOnly SameSite session cookie', async () => {
    const res = await login('ANA@imob.test', 'senha-segura-1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: expect.objectContaining({ email: 'ana@imob.test', role: 'editor' }) });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fluxo_session=fs_[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const session = cookie.split(';')[0] ?? '';
    const me = await t.app.request('/api/auth/me', { headers: { cookie: session } });
    expect(await me.json()).toEqual({ user: expect.objectContaining({ name: 'Ana' }), studioLanguage: 'pt-BR' });
    const flows = await t.app.request('/api/flows', { headers: { cookie: session } });
    expect(flows.status).toBe(200);

    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: session } });
    expect(out.status).toBe(204);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(401);
  });

  it.each([
    ['wrong password', 'ana@imob.test', 'nope-nope'],
    ['unknown email', 'ghost@imob.test', 'senha-segura-1'],
  ])('refuses a %s with the same 401', async (_, email, password) => {
    const res = await login(email, password);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'E-mail ou senha incorretos.' },
    });
  });

  it('rejects malformed login bodies with a 400 that names the field', async () => {
    const res = await t.anonymous.json<{ error: { code: string; message: string } }>('POST', '/api/auth/login', {
      email: 'x',
      password: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.message).toMatch(/email/);
    expect(res.body.error.message).toMatch(/password/);
    const bad = await t.anonymous.request('POST', '/api/auth/login', '{"email":', {});
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'bad_json', message: expect.any(String) } });
  });

  it('needs credentials for the API and rejects unknown or revoked tokens', async () => {
    expect((await t.anonymous.request('GET', '/api/flows')).status).toBe(401);
    const res = await t.app.request('/api/flows', { headers: { authorization: 'Bearer fx_forged' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('refuses cookie-authenticated writes that are not JSON (CSRF through forms)', async () => {
    const res = await login('ana@imob.test', 'senha-segura-1');
    const session = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const form = await t.app.request('/api/flows', {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(form.status).toBe(415);
    expect(await t.testDb.db.selectFrom('flows').selectAll().execute()).toEqual([]);
  });
});
