import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * The authenticated routers are mounted on guarded sub-apps (app.ts `mountAuthenticated`): a
 * router mounted without the guard, or a guard that leaks onto the public routes, fails here.
 */
describe('authenticated mounts', () => {
  let t: TestApp;
  let operations: string[];
  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.anonymous.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json'))
      .body;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('refuses every documented operation but login, logout and me to a caller without credentials', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    // A calendar feed authenticates by the token in its URL (calendar apps send no session).
    const ownCredential = (op: string) => op.endsWith('/calendar.ics');
    for (const op of operations.filter((o) => !o.includes(' /auth/') && !ownCredential(o))) {
      const [method = '', path = ''] = op.split(' ');
      const res = await t.anonymous.request(
        method,
        `/api${path.replace(/\{[^}]+\}/g, 'x')}`,
        method === 'GET' ? undefined : {},
      );
      if (res.status !== 401) wrong.push(`${op} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    // Without its token (or with a wrong one) the feed shows nothing.
    expect((await t.anonymous.request('GET', '/api/agendas/x/calendar.ics')).status).toBe(400);
    expect((await t.anonymous.request('GET', '/api/agendas/x/calendar.ics?token=wrong')).status).toBe(404);
  });

  it('leaves the public API routes open and answers an unknown route with 404, not 401', async () => {
    const login = await t.anonymous.json<{ error: { code: string } }>('POST', '/api/auth/login', {
      email: 'ninguem@fluxo.test',
      password: 'cavalo-bateria-grampo',
    });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('invalid_credentials');
    const unknown = await t.anonymous.json<{ error: { code: string } }>('GET', '/api/no-such-route');
    expect(unknown).toEqual({ status: 404, body: { error: expect.objectContaining({ code: 'not_found' }) } });
  });
});
