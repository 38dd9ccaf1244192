import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import type { Role } from '../db/tables.ts';
import { seedChannel, seedHandoff } from '../testing/seed-inbox.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const everyone = ['admin', 'editor', 'supervisor', 'agent'] as const;
const admins = ['admin'] as const;
const builders = ['admin', 'editor'] as const;
const inbox = ['admin', 'supervisor', 'agent'] as const;
const supervisors = ['admin', 'supervisor'] as const;

/**
 * Who may call each operation of the served OpenAPI document; every other role gets 403.
 * A route added without a line here fails the test below: decide who may call it, then add it.
 */
const access: Record<string, readonly Role[]> = {
  'POST /auth/login': everyone,
  'POST /auth/logout': everyone,
  'GET /auth/me': everyone,
  'GET /flows': builders,
  'POST /flows': builders,
  'POST /flows/import': builders,
  'GET /flows/{id}': builders,
  'PATCH /flows/{id}': builders,
  'PUT /flows/{id}': builders,
  'DELETE /flows/{id}': builders,
  'POST /flows/{id}/validate': builders,
  'POST /flows/{id}/publish': builders,
  'GET /flows/{id}/versions': builders,
  'POST /flows/{id}/versions/{v}/publish': builders,
  'GET /flows/{id}/versions/{v}': builders,
  'POST /flows/{id}/versions/{v}/restore': builders,
  'GET /flows/{id}/export': builders,
  'POST /flows/{id}/simulate': builders,
  'GET /flows/{id}/analytics': builders,
  'GET /templates': builders,
  'GET /flow-environment': builders,
  'GET /ai-providers': builders,
  'GET /channels': admins,
  'POST /channels': admins,
  'PATCH /channels/{id}': admins,
  'PUT /channels/{id}': admins,
  'DELETE /channels/{id}': admins,
  'POST /channels/{id}/test': admins,
  'GET /products': builders,
  'POST /products': builders,
  'PATCH /products/{id}': builders,
  'PUT /products/{id}': builders,
  'DELETE /products/{id}': builders,
  'POST /categories': builders,
  'PATCH /categories/{id}': builders,
  'PUT /categories/{id}': builders,
  'DELETE /categories/{id}': builders,
  'GET /agendas': builders,
  'POST /agendas': builders,
  'GET /agendas/{id}': builders,
  'PATCH /agendas/{id}': builders,
  'PUT /agendas/{id}': builders,
  'DELETE /agendas/{id}': builders,
  // Authenticated by the agenda's own feed token, not by role.
  'GET /agendas/{id}/calendar.ics': everyone,
  'GET /bookings': everyone,
  'POST /bookings/{id}/cancel': everyone,
  'GET /catalogs': builders,
  'POST /catalogs': builders,
  'PATCH /catalogs/{id}': builders,
  'PUT /catalogs/{id}': builders,
  'DELETE /catalogs/{id}': builders,
  'GET /catalogs/{id}/export.csv': builders,
  'POST /catalogs/{id}/import': builders,
  'GET /catalogs/{id}/meta': builders,
  'PUT /catalogs/{id}/meta': builders,
  'PATCH /catalogs/{id}/meta': builders,
  'DELETE /catalogs/{id}/meta': builders,
  'POST /catalogs/{id}/meta/sync': builders,
  'POST /products/{id}/photos': builders,
  'DELETE /products/{id}/photos/{photoId}': builders,
  'PUT /products/{id}/photos/order': builders,
  'GET /orders': everyone,
  'GET /orders/export.csv': everyone,
  'GET /orders/{id}': everyone,
  'PATCH /orders/{id}': everyone,
  'PUT /orders/{id}': everyone,
  'POST /orders/{id}/paid': everyone,
  'GET /order-notifications': admins,
  'PATCH /order-notifications': admins,
  'PUT /order-notifications': admins,
  'GET /users': admins,
  'POST /users': admins,
  'PATCH /users/{id}': admins,
  'PUT /users/{id}': admins,
  'DELETE /users/{id}': admins,
  'GET /tokens': admins,
  'POST /tokens': admins,
  'DELETE /tokens/{id}': admins,
  'GET /handoffs': inbox,
  'GET /handoffs/{id}': inbox,
  'POST /handoffs/{id}/claim': inbox,
  'POST /handoffs/{id}/messages': inbox,
  'POST /handoffs/{id}/resolve': inbox,
  'POST /handoffs/{id}/assign': supervisors,
  'POST /handoffs/{id}/notes': inbox,
  'POST /handoffs/{id}/transfer': inbox,
  'POST /handoffs/{id}/reopen': supervisors,
  'GET /contacts': inbox,
  'GET /contacts/{id}/messages': inbox,
  'POST /contacts/{id}/messages': inbox,
  'POST /contacts/{id}/reset': inbox,
  'GET /contacts/{id}/export': admins,
  'DELETE /contacts/{id}': admins,
  'GET /contacts/{id}': inbox,
  'PATCH /contacts/{id}': inbox,
  'PUT /contacts/{id}': inbox,
  'GET /contacts/tags': inbox,
  'GET /contacts/export.csv': admins,
  'POST /contacts/import': admins,
  'GET /contact-fields': inbox,
  'POST /contact-fields': admins,
  'PATCH /contact-fields/{name}': admins,
  'PUT /contact-fields/{name}': admins,
  'DELETE /contact-fields/{name}': admins,
  'GET /campaigns': admins,
  'POST /campaigns': admins,
  'GET /campaigns/{id}': admins,
  'GET /campaigns/{id}/recipients': admins,
  'GET /campaigns/{id}/recipients.csv': admins,
  'PATCH /campaigns/{id}': admins,
  'PUT /campaigns/{id}': admins,
  'POST /campaigns/audience-csv': admins,
  'GET /conversations': inbox,
  'GET /conversations/{id}': inbox,
  'POST /conversations/{id}/read': inbox,
  'POST /conversations/{id}/takeover': inbox,
  'POST /conversations/{id}/reset': inbox,
  'GET /conversations/{id}/ai-runs': inbox,
  'GET /media/{id}': inbox,
  'POST /media': inbox,
  'GET /handoffs/{id}/templates': inbox,
  // Every role may listen; each hears only its pages' events (routes/events.ts).
  'GET /events': everyone,
  'GET /settings': admins,
  'PATCH /settings': admins,
  'PUT /settings': admins,
  'POST /settings/ai-providers': admins,
  'PATCH /settings/ai-providers/{id}': admins,
  'PUT /settings/ai-providers/{id}': admins,
  'DELETE /settings/ai-providers/{id}': admins,
  'POST /settings/ai-providers/{id}/test': admins,
  'GET /dashboard': builders,
  'GET /dashboard/ai': builders,
  'GET /audit': admins,
  'GET /message-templates': builders,
  'POST /message-templates/sync': builders,
  'POST /message-templates': builders,
  'GET /audit/export.csv': admins,
  'GET /event-webhooks': admins,
  'POST /event-webhooks': admins,
  'PATCH /event-webhooks/{id}': admins,
  'PUT /event-webhooks/{id}': admins,
  'DELETE /event-webhooks/{id}': admins,
  'GET /event-webhooks/{id}/deliveries': admins,
  'POST /event-webhooks/{id}/deliveries/{deliveryId}/redeliver': admins,
  'GET /integrations/chatwoot': admins,
  'PATCH /integrations/chatwoot': admins,
  'PUT /integrations/chatwoot': admins,
  'GET /teams': inbox,
  'POST /teams': admins,
  'PATCH /teams/{id}': admins,
  'PUT /teams/{id}': admins,
  'DELETE /teams/{id}': admins,
  'GET /teams/agents': inbox,
  'GET /teams/queues': supervisors,
  'PUT /teams/agents/{userId}/capacity': supervisors,
  'GET /presence': inbox,
  'PUT /presence': inbox,
  'PATCH /presence': inbox,
};

interface Seed {
  ids: Record<string, string>;
  ownerId: string;
}

/**
 * Bodies a missing guard would act on, so that "nothing changed" means something. Writes not
 * listed go without a body: the role check comes before validation, so they must still be 403.
 */
const writes: Record<string, (s: Seed) => unknown> = {
  'POST /flows': () => ({ name: 'Intruso' }),
  'POST /flows/import': () => ({
    name: 'Importado',
    nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }],
  }),
  'PATCH /flows/{id}': () => ({ name: 'Renomeado', revision: 1 }),
  'PUT /flows/{id}': () => ({ name: 'Renomeado', revision: 1 }),
  'POST /flows/{id}/publish': () => ({ note: 'intruso' }),
  'POST /flows/{id}/versions/{v}/restore': () => ({ revision: 1 }),
  'POST /channels': () => ({
    name: 'Intruso',
    phoneNumberId: '106000000000999',
    accessToken: 'EAAG-intruder-token',
    appSecret: 'intruder-app-secret',
    verifyToken: 'intruder-verify-token',
  }),
  'PATCH /channels/{id}': () => ({ name: 'Intruso', flowId: null }),
  'PUT /channels/{id}': () => ({ name: 'Intruso', flowId: null }),
  'POST /products': (s) => ({ categoryId: s.ids.categories, name: 'Intruso', priceCents: 1 }),
  'PATCH /products/{id}': () => ({ priceCents: 1 }),
  'PUT /products/{id}': () => ({ priceCents: 1 }),
  'POST /categories': () => ({ name: 'Intrusa' }),
  'POST /catalogs': () => ({ name: 'Intruso' }),
  'POST /catalogs/{id}/import': () => ({ csv: 'categoria,nome,preco\nIntrusa,Intruso,1' }),
  'PUT /catalogs/{id}/meta': () => ({ metaCatalogId: '730000000000999' }),
  'PATCH /catalogs/{id}/meta': () => ({ metaCatalogId: '730000000000998' }),
  'PATCH /catalogs/{id}': () => ({ name: 'Intruso' }),
  'PUT /catalogs/{id}': () => ({ name: 'Intruso' }),
  'PATCH /categories/{id}': () => ({ name: 'Intrusa' }),
  'PUT /categories/{id}': () => ({ name: 'Intrusa' }),
  'PATCH /order-notifications': () => ({ notifications: [{ status: 'confirmed', text: 'Intruso' }] }),
  'PUT /order-notifications': () => ({ notifications: [{ status: 'confirmed', text: 'Intruso' }] }),
  'POST /users': () => ({ email: 'intruso@fluxo.test', password: 'cavalo-bateria-grampo', role: 'admin' }),
  'PATCH /users/{id}': () => ({ role: 'admin' }),
  'PUT /users/{id}': () => ({ role: 'admin' }),
  'POST /tokens': () => ({ name: 'intruso', role: 'admin' }),
  'POST /handoffs/{id}/messages': () => ({ text: 'intruso' }),
  'POST /handoffs/{id}/notes': () => ({ text: 'intrusa' }),
  'POST /handoffs/{id}/transfer': (s) => ({ userId: s.ownerId, note: 'intrusa' }),
  'POST /teams': () => ({ name: 'Intrusa' }),
  'PATCH /teams/{id}': () => ({ name: 'Intrusa', slaSeconds: 60 }),
  'PUT /teams/{id}': () => ({ name: 'Intrusa', slaSeconds: 60 }),
  'PUT /presence': () => ({ status: 'online', capacity: 9 }),
  'PUT /teams/agents/{userId}/capacity': () => ({ capacity: 9 }),
  'POST /handoffs/{id}/assign': (s) => ({ userId: s.ownerId }),
  'POST /contacts/{id}/messages': () => ({ text: 'intruso' }),
  'PATCH /contacts/{id}': () => ({ name: 'Intruso', tags: ['intruso'] }),
  'PUT /contacts/{id}': () => ({ name: 'Intruso', tags: ['intruso'] }),
  'POST /contacts/import': () => ({ csv: 'nome,telefone\nIntruso,(84) 99000-0778\n' }),
  'POST /contact-fields': () => ({ name: 'cidade', label: 'Cidade' }),
  'PATCH /contact-fields/{name}': () => ({ label: 'Intruso' }),
  'PUT /contact-fields/{name}': () => ({ label: 'Intruso' }),
  'PATCH /settings': () => ({ retentionDays: 30 }),
  'PUT /settings': () => ({ timeZone: 'America/Manaus' }),
  'POST /settings/ai-providers': () => ({
    name: 'Intruso',
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'x',
    apiKey: 'sk-intruder',
  }),
  'POST /campaigns': (s) => ({
    name: 'Intrusa',
    channelId: s.ids.channels,
    template: { name: 'promo' },
    audience: [{ phone: '5584991230001' }],
  }),
  'PATCH /campaigns/{id}': () => ({ status: 'paused' }),
  'PUT /campaigns/{id}': () => ({ status: 'cancelled' }),
  'POST /campaigns/audience-csv': () => ({ csv: 'nome,telefone\nIntruso,(84) 99000-0778\n' }),
};

/** Every row of every table, except when each token was last used (every call moves it). */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { table_name: table } of tables.rows) {
    // A token's first call of the hour is audited (`token.use`), like `last_used_at` below: not a change.
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)}${table === 'audit_log' ? sql` where action <> 'token.use'` : sql``}`.execute(
      db,
    );
    out[table] = rows.rows.map(({ last_used_at: _moves, ...row }) => JSON.stringify(row)).sort();
  }
  return out;
}

/** `/flows/{id}/versions/{v}/publish` → `/api/flows/<the seeded flow>/versions/1/publish`. */
function concrete(path: string, ids: Record<string, string>): string {
  const resource = path.split('/')[1] ?? '';
  return `/api${path.replace('{id}', ids[resource] ?? 'missing').replace('{v}', '1')}`;
}

/** Each role is refused where it must be, with a 403 and nothing changed. */
describe('roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
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
    expect(
      (await t.as('editor').request('POST', '/api/users', { email: 'a@b.c', password: '12345678', role: 'admin' }))
        .status,
    ).toBe(403);
    expect(await t.testDb.db.selectFrom('channels').selectAll().execute()).toEqual([]);
  });

  it('unknown API routes are a JSON 404', async () => {
    const res = await t.as('admin').request('GET', '/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});

/** Issue 21, defect 5: every route of the OpenAPI document, against each role. */
describe('roles across the OpenAPI document', () => {
  let t: TestApp;
  let operations: string[] = [];
  const seed: Seed = { ids: {}, ownerId: '' };
  beforeAll(async () => {
    t = await createTestApp();
    const doc = (await t.anonymous.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json'))
      .body;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );

    // One of each resource, so a write that slipped past its guard would show in the snapshot.
    const { db } = t.testDb;
    const admin = t.as('admin');
    seed.ownerId = (
      await db.selectFrom('users').select('id').where('email', '=', 'owner@fluxo.test').executeTakeFirstOrThrow()
    ).id;
    const flow = (await admin.json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Vendas' })).body.flow;
    const channel = await seedChannel(db, t.deps.secrets);
    const category = (await admin.json<{ category: { id: string } }>('POST', '/api/categories', { name: 'Casas' })).body
      .category;
    const product = (
      await admin.json<{ product: { id: string } }>('POST', '/api/products', {
        categoryId: category.id,
        name: 'Casa',
        priceCents: 100,
      })
    ).body.product;
    const orderId = randomUUID();
    await db.insertInto('orders').values({ id: orderId, status: 'new', total_cents: 100 }).execute();
    const user = (
      await admin.json<{ user: { id: string } }>('POST', '/api/users', {
        email: 'alvo@fluxo.test',
        password: 'cavalo-bateria-grampo',
        role: 'editor',
      })
    ).body.user;
    const token = await createApiToken(db, { name: 'alvo', role: 'editor', createdBy: seed.ownerId });
    const handoff = await seedHandoff(db, channel.id, '5584990000009');
    const team = (await admin.json<{ team: { id: string } }>('POST', '/api/teams', { name: 'Vendas' })).body.team;
    Object.assign(seed.ids, {
      teams: team.id,
      flows: flow.id,
      channels: channel.id,
      categories: category.id,
      catalogs: 'default',
      products: product.id,
      orders: orderId,
      users: user.id,
      tokens: token.row.id,
      handoffs: handoff.handoffId,
      contacts: handoff.contactId,
    });
  });
  afterAll(() => t.close());

  it('has an expected outcome for every route the API documents, and for no route it does not', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(
      operations.filter((op) => !(op in access)),
      'routes without an entry in `access`',
    ).toEqual([]);
    expect(
      Object.keys(access).filter((op) => !operations.includes(op)),
      'entries for routes that are gone',
    ).toEqual([]);
  });

  for (const role of everyone) {
    it(`${role}: every route outside the role answers 403 forbidden and changes nothing`, async () => {
      const forbidden = operations.filter((op) => !(access[op] ?? everyone).includes(role));
      // Admins may do everything; the others must be refused somewhere, or the table is wrong.
      if (role === 'admin') expect(forbidden).toEqual([]);
      else expect(forbidden.length).toBeGreaterThan(5);
      const before = await snapshot(t.testDb.db);
      const wrong: string[] = [];
      for (const op of forbidden) {
        const [method = '', path = ''] = op.split(' ');
        const res = await t.as(role).request(method, concrete(path, seed.ids), writes[op]?.(seed));
        const text = await res.text();
        if (res.status !== 403 || !text.includes('"code":"forbidden"'))
          wrong.push(`${op} → ${res.status} ${text.slice(0, 200)}`);
      }
      expect(wrong).toEqual([]);
      expect(await snapshot(t.testDb.db)).toEqual(before);
    });
  }

  for (const role of everyone) {
    it(`${role}: every route of the role gets past the role check`, async () => {
      const wrong: string[] = [];
      for (const op of operations.filter((o) => (access[o] ?? []).includes(role))) {
        const [method = '', path = ''] = op.split(' ');
        // Unknown ids and empty bodies: the answer is 200, 400 or 404, never 401/403, never 5xx.
        const res = await t
          .as(role)
          .request(
            method,
            `/api${path.replace('{id}', 'no-such-id').replace('{v}', '1')}`,
            method === 'GET' ? undefined : {},
          );
        if (res.status === 401 || res.status === 403 || res.status >= 500)
          wrong.push(`${op} → ${res.status} ${await res.text()}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
