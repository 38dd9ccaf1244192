import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createTestDb } from '../testing/test-db.ts';

describe('API tokens act as their owner', () => {
  let t: TestApp;
  let now = new Date('2026-12-06T10:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => now } });
  });
  afterAll(() => t.close());

  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const call = (secret: string, method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { ...bearer(secret), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  async function adminWithToken(email: string) {
    const user = await createUser(t.testDb.db, {
      email,
      name: email,
      password: 'cavalo-bateria-grampo',
      role: 'admin',
    });
    const { row, secret } = await createApiToken(t.testDb.db, {
      name: `de ${email}`,
      role: 'admin',
      createdBy: user.id,
    });
    return { user, token: row, secret };
  }
  const newAdmin = (email: string) => ({ email, name: 'X', password: 'cavalo-bateria-grampo', role: 'admin' });
  const userCount = async () => (await t.testDb.db.selectFrom('users').select('id').execute()).length;

  it("refuses a disabled admin's token (no admin created) and accepts it again once re-enabled", async () => {
    const { user, secret } = await adminWithToken('dis@fluxo.test');
    expect((await t.as('admin').json('PUT', `/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    const before = await userCount();
    const res = await call(secret, 'POST', '/api/users', newAdmin('intruso@fluxo.test'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'token_owner_inactive', message: expect.any(String) } });
    expect(await userCount()).toBe(before);

    await t.as('admin').json('PUT', `/api/users/${user.id}`, { disabled: false });
    expect((await call(secret, 'GET', '/api/users')).status).toBe(200);
  });

  it("refuses a deleted admin's token: the token goes with its owner", async () => {
    const { user, token, secret } = await adminWithToken('del@fluxo.test');
    expect((await t.as('admin').request('DELETE', `/api/users/${user.id}`)).status).toBe(204);
    expect((await call(secret, 'POST', '/api/users', newAdmin('intruso2@fluxo.test'))).status).toBe(401);
    expect(await t.testDb.db.selectFrom('api_tokens').select('id').where('id', '=', token.id).execute()).toEqual([]);
  });

  it("acts with the owner's current role: a demoted admin's admin token can no longer manage users", async () => {
    const { user, secret } = await adminWithToken('demo@fluxo.test');
    await t.as('admin').json('PUT', `/api/users/${user.id}`, { role: 'editor' });
    expect((await call(secret, 'POST', '/api/users', newAdmin('intruso3@fluxo.test'))).status).toBe(403);
    expect((await call(secret, 'GET', '/api/flows')).status).toBe(200);
  });

  it('creates tokens with an expiry, lists them with owner, expiry and last use, and revokes them', async () => {
    const expiresAt = new Date(now.getTime() + 86_400_000).toISOString();
    const created = await t
      .as('admin')
      .json<{ token: { id: string; expiresAt: string; owner: { email: string } }; secret: string }>(
        'POST',
        '/api/tokens',
        { name: 'integração', role: 'editor', expiresAt },
      );
    expect(created.status).toBe(201);
    expect(created.body.token).toMatchObject({ expiresAt, owner: { email: 'owner@fluxo.test' } });
    const { secret, token } = created.body;
    expect((await call(secret, 'GET', '/api/flows')).status).toBe(200);

    const list = await t
      .as('admin')
      .json<{ tokens: { id: string; lastUsedAt: string | null; expiresAt: string | null; owner: unknown }[] }>(
        'GET',
        '/api/tokens',
      );
    expect(list.body.tokens.find((x) => x.id === token.id)).toMatchObject({
      lastUsedAt: now.toISOString(),
      expiresAt,
      owner: { email: 'owner@fluxo.test', name: 'Owner' },
    });

    now = new Date(now.getTime() + 86_400_000);
    const expired = await call(secret, 'GET', '/api/flows');
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe('token_expired');
    now = new Date(now.getTime() - 86_400_000);

    expect((await t.as('admin').request('DELETE', `/api/tokens/${token.id}`)).status).toBe(204);
    expect((await call(secret, 'GET', '/api/flows')).status).toBe(401);
    const after = await t.as('admin').json<{ tokens: { id: string }[] }>('GET', '/api/tokens');
    expect(after.body.tokens.map((x) => x.id)).not.toContain(token.id);
    expect((await t.as('admin').request('DELETE', `/api/tokens/${token.id}`)).status).toBe(404);
  });

  it('refuses an expiry in the past with a 400 and creates nothing', async () => {
    const before = (await t.testDb.db.selectFrom('api_tokens').select('id').execute()).length;
    const res = await t
      .as('admin')
      .json('POST', '/api/tokens', { name: 'velho', role: 'agent', expiresAt: '2020-01-01T00:00:00Z' });
    expect(res.status).toBe(400);
    expect((await t.testDb.db.selectFrom('api_tokens').select('id').execute()).length).toBe(before);
  });

  it('records the last use at most once a minute', async () => {
    const { token, secret } = await adminWithToken('uso@fluxo.test');
    const lastUsed = async () =>
      (
        await t.testDb.db
          .selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', token.id)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const start = now;
    await call(secret, 'GET', '/api/flows');
    expect(new Date((await lastUsed())!).toISOString()).toBe(start.toISOString());
    now = new Date(start.getTime() + 30_000);
    await call(secret, 'GET', '/api/flows');
    expect(new Date((await lastUsed())!).toISOString()).toBe(start.toISOString());
    now = new Date(start.getTime() + 61_000);
    await call(secret, 'GET', '/api/flows');
    expect(new Date((await lastUsed())!).toISOString()).toBe(now.toISOString());
    now = start;
  });
});

describe('migration 0012 on existing tokens', () => {
  const bindTokens = migrations['0012_bind_tokens_to_users']!;
  it('gives API-made tokens their creator as owner, revokes those whose creator was deleted, keeps CLI ones as system tokens', async () => {
    const t = await createTestDb();
    try {
      await bindTokens.down!(t.db as never);
      const insert = (id: string, createdBy: string | null) =>
        sql`insert into api_tokens (id, name, token_hash, role, created_by) values (${id}, ${id}, ${`h-${id}`}, 'admin', ${createdBy})`.execute(
          t.db,
        );
      await sql`insert into users (id, email, name, password_hash, role) values ('u1', 'a@fluxo.test', 'A', 'x', 'admin')`.execute(
        t.db,
      );
      await insert('owned', 'u1');
      await insert('orphan', null);
      await insert('cli', null);
      await sql`insert into audit_log (actor_id, actor_kind, action, target_type, target_id, details)
        values ('gone-user', 'user', 'token.create', 'api_token', 'orphan', '{}')`.execute(t.db);
      await bindTokens.up(t.db as never);
      const rows = await sql<{ id: string; user_id: string | null; revoked: boolean }>`
        select id, user_id, revoked_at is not null as revoked from api_tokens order by id`.execute(t.db);
      expect(rows.rows).toEqual([
        { id: 'cli', user_id: null, revoked: false },
        { id: 'orphan', user_id: null, revoked: true },
        { id: 'owned', user_id: 'u1', revoked: false },
      ]);
    } finally {
      await t.close();
    }
  });
});
