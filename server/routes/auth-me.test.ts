import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('GET /api/auth/me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers the caller with the studio's default language from the settings", async () => {
    const before = await t.as('agent').json<{ user: { role: string }; studioLanguage: string }>('GET', '/api/auth/me');
    expect(before).toEqual({
      status: 200,
      body: { user: expect.objectContaining({ role: 'agent' }), studioLanguage: 'pt-BR' },
    });

    expect((await t.as('admin').json('PATCH', '/api/settings', { language: 'en' })).status).toBe(200);
    const after = await t.as('editor').json<{ studioLanguage: string }>('GET', '/api/auth/me');
    expect(after.body.studioLanguage).toBe('en');
    expect((await t.anonymous.json('GET', '/api/auth/me')).status).toBe(401);
  });
});
