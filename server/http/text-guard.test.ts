import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { findInvalidJsonText } from './text-guard.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type ErrorBody = { error: { code: string; message: string; details?: { path: string } } };
const categories = async () =>
  (await t.as('admin').json<{ categories: { name: string }[] }>('GET', '/api/products')).body.categories;

describe('text our storage cannot keep (NUL, lone surrogate)', () => {
  it('refuses a NUL in a category name with 400 and creates nothing (it was a 500)', async () => {
    const res = await t.as('admin').json<ErrorBody>('POST', '/api/categories', { name: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_text', details: { path: 'name' } });
    expect(await categories()).toEqual([]);
    // Clean text, emoji written as a surrogate pair escape included, still goes in.
    expect((await t.as('admin').request('POST', '/api/categories', '{"name":"Bebidas \\ud83c\\udf7a"}')).status).toBe(
      201,
    );
    expect((await categories()).map((c) => c.name)).toEqual(['Bebidas 🍺']);
  });

  it('finds lone surrogates in values and keys at any depth, and names where', async () => {
    const res = await t
      .as('admin')
      .json<ErrorBody>('POST', '/api/categories', { name: 'ok', extra: [{ deep: 'x\ud800' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.path).toBe('extra.0.deep');
    const key = await t.as('admin').json<ErrorBody>('POST', '/api/categories', { name: 'ok', ['k\udc00']: 1 });
    expect(key.status).toBe(400);
    expect(key.body.error).toMatchObject({ code: 'invalid_text', details: { path: 'k\ufffd' } });
  });

  it('refuses them in the query string too', async () => {
    const res = await t.as('admin').json<ErrorBody>('GET', '/api/contacts?q=a%00b');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_text');
  });

  it('refuses them in a webhook verification query (it was a 500), and leaves webhook bodies alone', async () => {
    const res = await t.anonymous.json<ErrorBody>(
      'GET',
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=a%00b&hub.challenge=1',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_text');
    // A delivery carrying a NUL goes on to the webhook's own handling (here: no messaging, 503).
    const post = await t.anonymous.request('POST', '/webhooks/whatsapp', { entry: [{ text: 'a\u0000b' }] });
    expect(post.status).toBe(503);
  });

  it('answers 400 invalid_text, never 500, on every POST, PUT and PATCH route of the OpenAPI document', async () => {
    const doc = (await t.anonymous.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json'))
      .body;
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch'].includes(m))
        .map((m) => [m.toUpperCase(), path] as const),
    );
    expect(writes.length).toBeGreaterThan(20);
    const bodies = [
      { name: 'a\u0000b', text: 'a\u0000b', email: 'a\u0000@b.co', password: 'x\u0000-cavalo-bateria' },
      { name: 'ok', data: { nested: ['fine', 'lone \ud800 high'] } },
      { ['key\udfff']: 'lone low surrogate in a key' },
    ];
    const answers: string[] = [];
    for (const [method, template] of writes) {
      const path = `/api${template.replace(/\{v\}/g, '1').replace(/\{[^}]+\}/g, randomUUID())}`;
      for (const body of bodies) {
        const res = await t.as('admin').json<ErrorBody>(method, path, body);
        answers.push(`${method} ${template} ${res.status} ${res.body?.error?.code}`);
      }
    }
    expect(answers.filter((a) => !a.endsWith(' 400 invalid_text'))).toEqual([]);
  });
});

describe('findInvalidJsonText', () => {
  it('leaves clean and non-JSON text alone, and survives very deep nesting', () => {
    expect(findInvalidJsonText('{"a":"\\u00e9\\ud83d\\ude00"}')).toBeNull();
    expect(findInvalidJsonText('not json \\u0000')).toBeNull();
    const deep = `${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`;
    expect(findInvalidJsonText(deep)).toMatch(/^0(\.0)*$/);
  });
});
