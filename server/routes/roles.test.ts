import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** Each role is refused where it must be, with a 403 and nothing changed. */
describe('roles', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  const cases: [string, string, Record<string, 'allowed' | 'forbidden'>][] = [
    ['GET', '/api/flows', { admin: 'allowed', editor: 'allowed', agent: 'forbidden' }],
    ['GET', '/api/templates', { admin: 'allowed', editor: 'allowed', agent: 'forbidden' }],
    ['GET', '/api/products', { admin: 'allowed', editor: 'allowed', agent: 'forbidden' }],
    ['GET', '/api/orders', { admin: 'allowed', editor: 'allowed', agent: 'allowed' }],
    ['GET', '/api/channels', { admin: 'allowed', editor: 'forbidden', agent: 'forbidden' }],
    ['GET', '/api/users', { admin: 'allowed', editor: 'forbidden', agent: 'forbidden' }],
    ['GET', '/api/tokens', { admin: 'allowed', editor: 'forbidden', agent: 'forbidden' }],
  ];

  for (const [method, path, expected] of cases) {
    for (const [role, outcome] of Object.entries(expected)) {
      it(`${role} ${method} ${path} → ${outcome}`, async () => {
        const res = await t.as(role as 'admin').request(method, path);
        if (outcome === 'allowed') expect(res.status).toBe(200);
        else {
          expect(res.status).toBe(403);
          expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        }
      });
    }
  }

  it('an agent cannot create a flow, and nothing is written', async () => {
    const res = await t.as('agent').request('POST', '/api/flows', { name: 'x' });
    expect(res.status).toBe(403);
    expect(await t.testDb.db.selectFrom('flows').selectAll().execute()).toEqual([]);
  });

  it('an editor cannot connect a WhatsApp number or create users', async () => {
    expect((await t.as('editor').request('POST', '/api/channels', {})).status).toBe(403);
    expect((await t.as('editor').request('POST', '/api/users', { email: 'a@b.c', password: '12345678', role: 'admin' })).status).toBe(403);
    expect(await t.testDb.db.selectFrom('channels').selectAll().execute()).toEqual([]);
  });

  it('unknown API routes are a JSON 404', async () => {
    const res = await t.as('admin').request('GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
