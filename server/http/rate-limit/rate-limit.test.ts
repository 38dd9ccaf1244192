import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { createApiToken } from '../../db/queries/tokens.ts';
import { createUser } from '../../db/queries/users.ts';
import { readConfig } from '../../env.ts';
import { createLogger } from '../../logger.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createRedisHitCounter } from './redis-hit-counter.ts';

const password = 'cavalo-bateria-grampo';
/** What @hono/node-server hands the app: the socket a request came in on. */
const fromAddress = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('rate limits', () => {
  let t: TestApp;
  let now = new Date('2026-12-06T10:00:00Z');
  const env = (extra: Record<string, string> = {}) =>
    readConfig({
      DATA_DIR: '/nonexistent',
      FLUXO_RATE_LIMIT_API: '3',
      FLUXO_RATE_LIMIT_SESSION: '5',
      ...extra,
    });
  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => now }, config: env() });
    await createUser(t.testDb.db, { email: 'ana@fluxo.test', name: 'Ana', password, role: 'admin' });
    await createUser(t.testDb.db, { email: 'bia@fluxo.test', name: 'Bia', password, role: 'admin' });
  });
  afterAll(() => t.close());

  const login = (
    email: string,
    pass: string,
    address = '198.51.100.1',
    headers: Record<string, string> = {},
    app = t.app,
  ) =>
    app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email, password: pass }),
      },
      fromAddress(address),
    );
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  it('locks an address out after 5 failed logins in 5 minutes, with Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('ana@fluxo.test', 'errada-errada', '198.51.100.7')).status).toBe(401);
    const locked = await login('ana@fluxo.test', password, '198.51.100.7');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(300);
    expect(await locked.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('300 s'), details: { retryAfterSeconds: 300 } },
    });
    // Another address is not locked; the account has 5 of its 10 failures left.
    expect((await login('ana@fluxo.test', password, '198.51.100.8')).status).toBe(200);
    later(5 * 60_000);
    expect((await login('ana@fluxo.test', password, '198.51.100.7')).status).toBe(200);
  });

  it('lets at most 5 of a burst of parallel guesses reach the password check', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => login('ana@fluxo.test', 'errada-errada', '198.51.100.99')),
    );
    const counts = statuses.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 401: 5, 429: 15 });
    later(5 * 60_000);
  });

  it('does not count successful logins', async () => {
    for (let i = 0; i < 12; i++) expect((await login('bia@fluxo.test', password, '198.51.100.9')).status).toBe(200);
  });

  it('locks an account out after 10 failed logins in 15 minutes from any addresses', async () => {
    later(15 * 60_000);
    for (let i = 0; i < 10; i++)
      expect((await login('bia@fluxo.test', 'errada-errada', `203.0.113.${i}`)).status).toBe(401);
    const locked = await login('bia@fluxo.test', password, '203.0.113.200');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    expect((await login('ana@fluxo.test', password, '203.0.113.201')).status).toBe(200);
    later(15 * 60_000);
  });

  it('ignores X-Forwarded-For unless FLUXO_TRUSTED_PROXIES says a proxy of ours wrote it', async () => {
    for (let i = 0; i < 5; i++) {
      await login('ghost@fluxo.test', 'errada-errada', '192.0.2.1', { 'x-forwarded-for': `10.0.0.${i}` });
    }
    expect((await login('ana@fluxo.test', password, '192.0.2.1', { 'x-forwarded-for': '10.9.9.9' })).status).toBe(429);

    const behindProxy = await createTestApp({ clock: { now: () => now }, config: env({ FLUXO_TRUSTED_PROXIES: '1' }) });
    try {
      await createUser(behindProxy.testDb.db, { email: 'ana@fluxo.test', name: 'Ana', password, role: 'admin' });
      // Every request comes from the proxy (192.0.2.1); the client is the last address it appended.
      for (let i = 0; i < 5; i++) {
        await login(
          'ghost@fluxo.test',
          'errada-errada',
          '192.0.2.1',
          { 'x-forwarded-for': `1.2.3.${i}, 10.0.0.5` },
          behindProxy.app,
        );
      }
      // The client's own (forged) entries on the left change nothing: 10.0.0.5 is locked.
      expect(
        (
          await login(
            'ana@fluxo.test',
            password,
            '192.0.2.1',
            { 'x-forwarded-for': '7.7.7.7, 10.0.0.5' },
            behindProxy.app,
          )
        ).status,
      ).toBe(429);
      expect(
        (await login('ana@fluxo.test', password, '192.0.2.1', { 'x-forwarded-for': '10.0.0.6' }, behindProxy.app))
          .status,
      ).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it('allows each API token FLUXO_RATE_LIMIT_API calls a minute, then answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.as('editor').request('GET', '/api/flows')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await t.as('editor').request('GET', '/api/flows');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await res.json()).error.code).toBe('rate_limited');
    // Another token has its own budget, and a minute later the first one may call again.
    const other = await t.as('agent').request('GET', '/api/handoffs');
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('2');
    later(60_000);
    expect((await t.as('editor').request('GET', '/api/flows')).status).toBe(200);
  });

  it('gives a logged-in user the session budget (FLUXO_RATE_LIMIT_SESSION)', async () => {
    const res = await login('ana@fluxo.test', password, '198.51.100.50');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.app.request('/api/flows', { headers: { cookie } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    later(60_000);
  });
});

describe('rate limits across instances (Redis)', () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  afterAll(() => redis.quit());

  it('shares one budget between two app instances', async () => {
    const t = await createTestApp({ config: readConfig({ DATA_DIR: '/nonexistent', FLUXO_RATE_LIMIT_API: '4' }) });
    try {
      const counter = createRedisHitCounter(redis, `fluxo:test:${randomUUID()}:`);
      const { secret } = await createApiToken(t.testDb.db, { name: 'x', role: 'admin', createdBy: null });
      const instances = [0, 1].map(() => createApp({ ...t.deps, hitCounter: counter }));
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await instances[i % 2]!.request('/api/flows', { headers: { authorization: `Bearer ${secret}` } });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('sets the window once (atomic INCR + expiry) and takes back a successful login', async () => {
    const prefix = `fluxo:test:${randomUUID()}:`;
    const counter = createRedisHitCounter(redis, prefix);
    expect(await counter.hit('k', 2000)).toEqual({ count: 1, resetMs: expect.any(Number) });
    const second = await counter.hit('k', 2000);
    expect(second.count).toBe(2);
    expect(second.resetMs).toBeGreaterThan(1000);
    expect(second.resetMs).toBeLessThanOrEqual(2000);
    await counter.undo('k');
    expect(await redis.get(`${prefix}k`)).toBe('1');
    // Undoing a window that is gone creates nothing (no counter stuck at -1 without expiry).
    await counter.undo('missing');
    expect(await redis.exists(`${prefix}missing`)).toBe(0);
  });

  it('lets requests through, with a warning, when Redis is unreachable', async () => {
    const lines: string[] = [];
    const t = await createTestApp({
      config: readConfig({ DATA_DIR: '/nonexistent', FLUXO_RATE_LIMIT_API: '1' }),
      logger: createLogger('debug', (l) => lines.push(l)),
    });
    const down = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
    });
    down.on('error', () => undefined);
    try {
      const app = createApp({ ...t.deps, hitCounter: createRedisHitCounter(down) });
      const secret = (await createApiToken(t.testDb.db, { name: 'y', role: 'admin', createdBy: null })).secret;
      for (let i = 0; i < 3; i++) {
        expect((await app.request('/api/flows', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
      }
      // Said once, not on every request of the outage.
      expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['rate limit counter unavailable; request let through']);
    } finally {
      down.disconnect();
      await t.close();
    }
  });
});
