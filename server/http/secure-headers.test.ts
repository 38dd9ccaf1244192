import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('are on every answer: success, thrown errors, unknown routes, health and webhooks', async () => {
    const answers = await Promise.all([
      t.as('admin').request('GET', '/api/flows'),
      t.anonymous.request('GET', '/api/flows'), // 401 thrown by the auth middleware
      t.as('admin').request('GET', '/api/nope'),
      t.anonymous.request('GET', '/healthz'),
      t.anonymous.request('GET', '/webhooks/whatsapp?hub.mode=subscribe'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 200, 403]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000');
    }
  });
});
