import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditResponse } from '../../shared/api/audit.ts';
import { tokenUseAuditMs } from '../db/queries/audit.ts';
import { personWithToken, seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { caller, createTestApp, type Caller, type TestApp } from '../testing/test-app.ts';
import { greetingFlow } from '../testing/test-flows.ts';

const flow = greetingFlow('Oi!');
const password = 'ameixa-trator-violeta-42';
const channelSecrets = {
  accessToken: 'EAAG-audit-secret-access-token',
  appSecret: 'audit-secret-app-secret',
  verifyToken: 'audit-secret-verify',
};

/** Every action the issue lists, performed through the API, leaves a row naming who did it and no secret. */
describe('audit log coverage', () => {
  let t: TestApp;
  let boss: { id: string; as: Caller };
  let agent: { id: string; as: Caller };
  let now = new Date();
  const secrets: string[] = [password, ...Object.values(channelSecrets)];
  const rows = () => t.testDb.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => now } });
    boss = await personWithToken(t, 'admin', 'chefe@fluxo.test');
    agent = await personWithToken(t, 'agent', 'agente@fluxo.test');
    const { db } = t.testDb;
    const login = (body: unknown) =>
      t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // Logins: a user signs in (and out), and someone tries a wrong password.
    const created = await boss.as.json<{ user: { id: string } }>('POST', '/api/users', {
      email: 'bia@fluxo.test',
      password,
      role: 'editor',
      name: 'Bia',
    });
    expect(created.status).toBe(201);
    expect((await login({ email: 'bia@fluxo.test', password: 'senha-errada-demais' })).status).toBe(401);
    const ok = await login({ email: 'bia@fluxo.test', password });
    expect(ok.status).toBe(200);
    const bia = caller(t.app, { cookie: (ok.headers.get('set-cookie') ?? '').split(';')[0] ?? '' });
    expect((await bia.request('POST', '/api/auth/logout')).status).toBe(204);
    await boss.as.json('PATCH', `/api/users/${created.body.user.id}`, { name: 'Beatriz' });

    // Flows: published on import, published again, rolled back to version 1, exported.
    const imported = await boss.as.json<{ flow: { id: string } }>('POST', '/api/flows/import', { flow, publish: true });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const flowId = imported.body.flow.id;
    expect((await boss.as.json('POST', `/api/flows/${flowId}/publish`, { note: 'segunda' })).status).toBe(201);
    expect((await boss.as.json('POST', `/api/flows/${flowId}/versions/1/publish`)).status).toBeLessThan(300);
    expect((await boss.as.request('GET', `/api/flows/${flowId}/export`)).status).toBe(200);

    // Channels: connected, changed, removed.
    const channel = await boss.as.json<{ channel: { id: string } }>('POST', '/api/channels', {
      name: 'Loja',
      phoneNumberId: '106000000000321',
      ...channelSecrets,
    });
    expect(channel.status).toBe(201);
    expect(
      (
        await boss.as.json('PATCH', `/api/channels/${channel.body.channel.id}`, {
          name: 'Loja 2',
          accessToken: 'EAAG-audit-secret-rotated',
        })
      ).status,
    ).toBe(200);
    secrets.push('EAAG-audit-secret-rotated');
    expect((await boss.as.request('DELETE', `/api/channels/${channel.body.channel.id}`)).status).toBe(204);

    // Tokens: created, then used (recorded once an hour per token, however often it is used).
    const token = await boss.as.json<{ secret: string; token: { id: string } }>('POST', '/api/tokens', {
      name: 'integração',
      role: 'editor',
    });
    secrets.push(token.body.secret);
    const integration = caller(t.app, { authorization: `Bearer ${token.body.secret}` });
    expect((await integration.request('GET', '/api/flows')).status).toBe(200);
    now = new Date(now.getTime() + 5 * 60_000);
    expect((await integration.request('GET', '/api/flows')).status).toBe(200);
    now = new Date(now.getTime() + tokenUseAuditMs);
    expect((await integration.request('GET', '/api/flows')).status).toBe(200);
    // Revoked: the token stops working, and the revocation is on record.
    expect((await boss.as.request('DELETE', `/api/tokens/${token.body.token.id}`)).status).toBe(204);
    expect((await integration.request('GET', '/api/flows')).status).toBe(401);

    // The inbox: a handoff claimed, answered and resolved; an operator message; an export; an erasure.
    const inbox = await seedChannel(db, t.deps.secrets);
    const handoff = await seedHandoff(db, inbox.id, '5584990000042');
    expect((await agent.as.json('POST', `/api/handoffs/${handoff.handoffId}/claim`)).status).toBe(200);
    expect(
      (await agent.as.json('POST', `/api/handoffs/${handoff.handoffId}/messages`, { text: 'Oi, sou a Ana' })).status,
    ).toBe(202);
    expect(
      (await agent.as.json('POST', `/api/contacts/${handoff.contactId}/messages`, { text: 'Mais uma coisa' })).status,
    ).toBe(202);
    expect((await agent.as.json('POST', `/api/handoffs/${handoff.handoffId}/resolve`)).status).toBe(200);
    expect((await boss.as.request('GET', `/api/contacts/${handoff.contactId}/export`)).status).toBe(200);
    // The bulk exports: contacts, orders and the catalog.
    expect((await boss.as.request('GET', '/api/contacts/export.csv')).status).toBe(200);
    expect((await boss.as.request('GET', '/api/orders/export.csv')).status).toBe(200);
    expect((await boss.as.request('GET', '/api/catalogs/default/export.csv')).status).toBe(200);
    expect((await boss.as.request('DELETE', `/api/contacts/${handoff.contactId}`)).status).toBe(204);
    expect((await boss.as.request('DELETE', `/api/users/${created.body.user.id}`)).status).toBe(204);
    expect((await boss.as.request('GET', '/api/audit/export.csv')).status).toBe(200);
  });
  afterAll(() => t.close());

  it('records each listed action with the person who did it', async () => {
    const all = await rows();
    const by = (action: string) => all.filter((r) => r.action === action).map((r) => [r.actor_kind, r.actor_id]);
    const tokenOf = async (userId: string) => [
      'token',
      (
        await t.testDb.db
          .selectFrom('api_tokens')
          .select('id')
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .executeTakeFirstOrThrow()
      ).id,
    ];
    const bossToken = await tokenOf(boss.id);
    const agentToken = await tokenOf(agent.id);
    const bia = (
      await t.testDb.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', '=', 'user.create')
        .executeTakeFirstOrThrow()
    ).target_id;
    expect(by('user.create')).toEqual([bossToken]);
    expect(by('auth.login_failed')).toEqual([['system', null]]);
    expect(all.find((r) => r.action === 'auth.login_failed')?.details).toEqual({ email: 'bia@fluxo.test' });
    expect(by('auth.login')).toEqual([['user', bia]]);
    expect(by('auth.logout')).toEqual([['user', bia]]);
    for (const action of [
      'user.update',
      'user.delete',
      'flow.import',
      'flow.publish',
      'flow.republish',
      'flow.export',
      'channel.create',
      'channel.update',
      'channel.delete',
      'token.create',
      'token.revoke',
      'contact.export',
      'contacts.export',
      'orders.export',
      'catalog.export',
      'contact.erase',
      'audit.export',
    ]) {
      expect([action, by(action)]).toEqual([action, [bossToken]]);
    }
    for (const action of ['handoff.claim', 'handoff.message', 'contact.message', 'handoff.resolve']) {
      expect([action, by(action)]).toEqual([action, [agentToken]]);
    }
    // Tokens act for their owner: the entries are found under the person.
    const mine = await boss.as.json<AuditResponse>('GET', `/api/audit?actor=${boss.id}&limit=200`);
    expect(mine.body.entries.map((e) => e.action)).toContain('channel.create');
    expect(mine.body.entries.every((e) => e.actorName === 'chefe')).toBe(true);
    const agents = await boss.as.json<AuditResponse>('GET', `/api/audit?actor=${agent.id}`);
    expect(agents.body.entries.map((e) => e.action).sort()).toEqual([
      'contact.message',
      'handoff.claim',
      'handoff.message',
      'handoff.resolve',
      'token.use',
    ]);
  });

  it('records a token use at most once an hour per token', async () => {
    const integration = (
      await t.testDb.db.selectFrom('api_tokens').select('id').where('name', '=', 'integração').executeTakeFirstOrThrow()
    ).id;
    const uses = (await rows()).filter((r) => r.action === 'token.use' && r.target_id === integration);
    // Three calls: the first, one 5 minutes later (not recorded), one an hour after that.
    expect(uses).toHaveLength(2);
  });

  it('keeps secrets out of every entry', async () => {
    const text = JSON.stringify(await rows());
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/fx_[\w-]{10,}|fs_[\w-]{10,}/);
  });

  it('filters by action, prefix and period, pages with a cursor, and is for admins only', async () => {
    const logins = await boss.as.json<AuditResponse>('GET', '/api/audit?action=auth.');
    expect(logins.body.entries.map((e) => e.action)).toEqual(['auth.logout', 'auth.login', 'auth.login_failed']);
    expect(logins.body.actions).toEqual(expect.arrayContaining(['auth.login', 'flow.publish', 'token.use']));
    expect(logins.body.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['chefe', 'agente']));
    const future = encodeURIComponent(new Date(Date.now() + 10 * tokenUseAuditMs).toISOString());
    expect((await boss.as.json<AuditResponse>('GET', `/api/audit?from=${future}`)).body.entries).toEqual([]);

    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: AuditResponse } = await boss.as.json<AuditResponse>(
        'GET',
        `/api/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.entries.length).toBeLessThanOrEqual(7);
      seen.push(...page.body.entries);
      cursor = page.body.nextCursor;
    } while (cursor);
    const ids = seen.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe((await rows()).length);

    for (const role of ['editor', 'agent'] as const) {
      expect((await t.as(role).request('GET', '/api/audit')).status).toBe(403);
      expect((await t.as(role).request('GET', '/api/audit/export.csv')).status).toBe(403);
    }
    expect((await boss.as.request('GET', '/api/audit?action=DROP%20TABLE')).status).toBe(400);
    expect((await boss.as.request('GET', '/api/audit?cursor=abc')).status).toBe(400);
  });

  it('exports the filtered entries as CSV that a spreadsheet cannot run, and records the export', async () => {
    await t.testDb.db
      .insertInto('audit_log')
      .values({
        actor_id: null,
        actor_kind: 'system',
        action: 'test.formula',
        target_type: 'x',
        target_id: '=cmd|calc!A1',
        details: '{}',
      })
      .execute();
    const res = await boss.as.request('GET', '/api/audit/export.csv?action=test.formula');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,created_at,action,actor_kind,actor_id,actor_name,target_type,target_id,details');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",'=cmd|calc!A1,");
    const exports = (await rows()).filter((r) => r.action === 'audit.export');
    expect(exports.at(-1)?.details).toEqual({
      filter: { actor: null, action: 'test.formula', from: null, to: null },
      rows: 1,
    });
  });
});
