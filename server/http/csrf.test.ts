import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../db/queries/users.ts';
import { readConfig } from '../env.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { greetingFlow } from '../testing/test-flows.ts';

const password = 'cavalo-bateria-grampo';
const flowDoc = (text: string) => greetingFlow(text, { name: 'Ao vivo', keywords: ['oi'] });

let t: TestApp;
let session: string;
let flowId: string;

/** What a browser sends when a page on `origin` posts to the app at http://localhost. */
const fromPage = (origin: string, site: string) => ({ cookie: session, origin, 'sec-fetch-site': site });

const liveVersion = async () =>
  (await t.as('editor').json<{ flow: { publishedVersion: number } }>('GET', `/api/flows/${flowId}`)).body.flow
    .publishedVersion;

beforeAll(async () => {
  t = await createTestApp({ config: readConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: 'https://bots.example.com' }) });
  await createUser(t.testDb.db, { email: 'editora@fluxo.test', password, role: 'editor' });
  const login = await t.anonymous.request('POST', '/api/auth/login', { email: 'editora@fluxo.test', password });
  session = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(session).toMatch(/^fluxo_session=/);
  const editor = t.as('editor');
  flowId = (await editor.json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Ao vivo', flow: flowDoc('v1') }))
    .body.flow.id;
  expect((await editor.json('POST', `/api/flows/${flowId}/publish`, { note: 'v1' })).status).toBe(201);
  expect((await editor.json('PUT', `/api/flows/${flowId}`, { draft: flowDoc('v2'), revision: 1 })).status).toBe(200);
  expect((await editor.json('POST', `/api/flows/${flowId}/publish`, { note: 'v2' })).status).toBe(201);
});
afterAll(() => t.close());

describe('cross-origin writes with the session cookie (CSRF)', () => {
  const rollback = () => `/api/flows/${flowId}/versions/1/publish`;

  it('refuses the auto-submitted form from another port of the same site, and the live flow stays', async () => {
    expect(await liveVersion()).toBe(2);
    // A body-less form post: the content-type check alone used to let it through.
    const form = await t.app.request(rollback(), {
      method: 'POST',
      headers: {
        ...fromPage('http://localhost:9999', 'same-site'),
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '0',
      },
    });
    expect(form.status).toBe(403);
    expect(await form.json()).toMatchObject({ error: { code: 'cross_origin' } });
    // The same from a browser that sends only Origin, or from another site altogether, with JSON.
    for (const headers of [
      { cookie: session, origin: 'http://localhost:9999' },
      { ...fromPage('https://evil.example', 'cross-site'), 'content-type': 'application/json' },
      { cookie: session, origin: 'null' },
    ]) {
      expect((await t.app.request(rollback(), { method: 'POST', headers })).status).toBe(403);
    }
    expect(await liveVersion()).toBe(2);
  });

  it('refuses a login posted from another origin (login CSRF)', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost:9999', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editora@fluxo.test', password }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a same-origin form post too: the API takes JSON only, body or not', async () => {
    const res = await t.app.request(rollback(), {
      method: 'POST',
      headers: { ...fromPage('http://localhost', 'same-origin'), 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(await liveVersion()).toBe(2);
  });

  it('lets the studio itself (same origin, or PUBLIC_URL behind a proxy) and bearer tokens write', async () => {
    expect(
      (await t.app.request(rollback(), { method: 'POST', headers: fromPage('http://localhost', 'same-origin') }))
        .status,
    ).toBe(200);
    expect(await liveVersion()).toBe(1);
    const v2 = `/api/flows/${flowId}/versions/2/publish`;
    // Behind a proxy that rewrites Host, an older browser without Sec-Fetch-Site sends only Origin.
    expect(
      (await t.app.request(v2, { method: 'POST', headers: { cookie: session, origin: 'https://bots.example.com' } }))
        .status,
    ).toBe(200);
    expect((await t.app.request(rollback(), { method: 'POST', headers: { cookie: session } })).status).toBe(200);
    // A token holder is not a browser page: Origin does not matter.
    const token = await t
      .as('editor')
      .request('POST', v2, undefined, { origin: 'http://localhost:9999', 'sec-fetch-site': 'cross-site' });
    expect(token.status).toBe(200);
    expect(await liveVersion()).toBe(2);
  });
});
