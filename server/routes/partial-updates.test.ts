import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

type Body = Record<string, unknown>;
const channelInput = {
  name: 'Imobiliária Natal',
  phoneNumberId: '106000000000009',
  wabaId: '102000000000009',
  displayPhone: '15550100009',
  accessToken: 'EAAG-original-token',
  appSecret: 'fixture-app-secret-0123456789abcdef',
  verifyToken: 'fixture-verify-token',
};

/**
 * Issue 21, defect 1: an update changes only the fields sent, by PATCH and by PUT alike.
 * A field left out keeps its value; an explicit `null` clears a nullable one.
 */
describe('partial updates', () => {
  let t: TestApp;
  let flowId = '';
  beforeAll(async () => {
    t = await createTestApp();
    flowId = (await t.as('admin').json<{ flow: { id: string } }>('POST', '/api/flows', { name: 'Vendas' })).body.flow
      .id;
  });
  afterAll(() => t.close());
  const admin = () => t.as('admin');

  for (const method of ['PUT', 'PATCH'] as const) {
    it(`${method} /api/channels/:id with a new token only keeps the flow, the WABA id, the display phone and the app secret`, async () => {
      const created = await admin().json<{ channel: Body & { id: string } }>('POST', '/api/channels', {
        ...channelInput,
        phoneNumberId: method === 'PUT' ? '106000000000010' : '106000000000011',
        flowId,
        markRead: false,
      });
      expect(created.status).toBe(201);
      const id = created.body.channel.id;
      await t.testDb.db
        .updateTable('channels')
        .set({ healthy: false, health_error: 'token expirado (190)' })
        .where('id', '=', id)
        .execute();

      const rotated = await admin().json<{ channel: Body }>(method, `/api/channels/${id}`, {
        accessToken: 'EAAG-rotated-token',
      });
      expect(rotated.status).toBe(200);
      expect(rotated.body.channel).toMatchObject({
        name: 'Imobiliária Natal',
        flowId,
        wabaId: '102000000000009',
        displayPhone: '15550100009',
        markRead: false,
        verifyToken: 'fixture-verify-token',
        healthy: true,
        healthError: null,
      });
      expect(JSON.stringify(rotated.body)).not.toContain('EAAG-rotated-token');
      const row = await t.testDb.db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(t.deps.secrets.open(row.access_token_enc)).toBe('EAAG-rotated-token');
      expect(t.deps.secrets.open(row.app_secret_enc)).toBe(channelInput.appSecret);

      const renamed = await admin().json<{ channel: Body }>(method, `/api/channels/${id}`, { name: 'Plantão' });
      expect(renamed.body.channel).toMatchObject({
        name: 'Plantão',
        flowId,
        wabaId: '102000000000009',
        markRead: false,
      });

      const cleared = await admin().json<{ channel: Body }>(method, `/api/channels/${id}`, {
        flowId: null,
        displayPhone: null,
      });
      expect(cleared.body.channel).toMatchObject({
        name: 'Plantão',
        flowId: null,
        displayPhone: null,
        wabaId: '102000000000009',
      });

      const refused = await admin().json<{ error: { code: string } }>(method, `/api/channels/${id}`, { name: null });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
      const after = await t.testDb.db
        .selectFrom('channels')
        .select('name')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(after.name).toBe('Plantão');
    });

    it(`${method} /api/products/:id and /api/categories/:id change only the fields sent`, async () => {
      const category = (
        await admin().json<{ category: { id: string } }>('POST', '/api/categories', {
          name: `Casas ${method}`,
          position: 3,
        })
      ).body.category;
      const product = (
        await admin().json<{ product: { id: string } }>('POST', '/api/products', {
          categoryId: category.id,
          sku: `SKU-${method}`,
          name: 'Casa 3 quartos',
          description: 'Perto da praia',
          priceCents: 4_500_000,
          imageUrl: 'https://example.com/casa.jpg',
          stock: 2,
          active: false,
        })
      ).body.product;

      const priced = await admin().json<{ product: Body }>(method, `/api/products/${product.id}`, {
        priceCents: 4_200_000,
      });
      expect(priced.status).toBe(200);
      expect(priced.body.product).toEqual({
        id: product.id,
        categoryId: category.id,
        sku: `SKU-${method}`,
        name: 'Casa 3 quartos',
        description: 'Perto da praia',
        priceCents: 4_200_000,
        imageUrl: 'https://example.com/casa.jpg',
        stock: 2,
        active: false,
        promoPriceCents: null,
        attributes: {},
        variants: [],
        photos: [],
      });
      const cleared = await admin().json<{ product: Body }>(method, `/api/products/${product.id}`, {
        stock: null,
        imageUrl: null,
      });
      expect(cleared.body.product).toMatchObject({
        stock: null,
        imageUrl: null,
        sku: `SKU-${method}`,
        active: false,
        description: 'Perto da praia',
      });

      const renamed = await admin().json<{ category: Body }>(method, `/api/categories/${category.id}`, {
        name: `Lotes ${method}`,
      });
      expect(renamed.body.category).toEqual({
        id: category.id,
        name: `Lotes ${method}`,
        position: 3,
        catalogId: 'default',
      });
    });

    it(`${method} /api/users/:id and /api/orders/:id change only the fields sent`, async () => {
      const user = (
        await admin().json<{ user: { id: string } }>('POST', '/api/users', {
          email: `ana.${method.toLowerCase()}@fluxo.test`,
          name: 'Ana',
          password: 'cavalo-bateria-grampo',
          role: 'editor',
        })
      ).body.user;
      const renamed = await admin().json<{ user: Body }>(method, `/api/users/${user.id}`, { name: 'Ana Lima' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.user).toMatchObject({
        name: 'Ana Lima',
        role: 'editor',
        email: `ana.${method.toLowerCase()}@fluxo.test`,
      });

      const orderId = randomUUID();
      await t.testDb.db
        .insertInto('orders')
        .values({ id: orderId, status: 'new', total_cents: 1000, notes: 'sem cebola' })
        .execute();
      const confirmed = await admin().json<{ order: Body }>(method, `/api/orders/${orderId}`, { status: 'confirmed' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.order).toMatchObject({ status: 'confirmed', notes: 'sem cebola', totalCents: 1000 });
    });

    it(`${method} /api/flows/:id renames without resending the nodes, and still saves a whole draft with its revision`, async () => {
      const created = (
        await admin().json<{ flow: { id: string; revision: number; draft: Body & { nodes: unknown[] } } }>(
          'POST',
          '/api/flows',
          { name: `Atendimento ${method}`, templateId: undefined },
        )
      ).body.flow;
      const renamed = await admin().json<{
        flow: { name: string; description: string; revision: number; draft: Body & { nodes: unknown[] } };
      }>(method, `/api/flows/${created.id}`, {
        name: 'Atendimento 24h',
        description: 'Fora do horário',
        revision: created.revision,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.flow).toMatchObject({
        name: 'Atendimento 24h',
        description: 'Fora do horário',
        revision: created.revision + 1,
      });
      expect(renamed.body.flow.draft.nodes).toEqual(created.draft.nodes);

      const stale = await admin().json<{ error: { code: string } }>(method, `/api/flows/${created.id}`, {
        name: 'Outro',
        revision: created.revision,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict');

      const whole = await admin().json<{ flow: { name: string; revision: number } }>(
        method,
        `/api/flows/${created.id}`,
        {
          draft: { ...renamed.body.flow.draft, name: 'Do editor' },
          revision: renamed.body.flow.revision,
        },
      );
      expect(whole.body.flow).toMatchObject({ name: 'Do editor', revision: created.revision + 2 });

      const empty = await admin().json<{ error: { code: string } }>(method, `/api/flows/${created.id}`, {
        revision: created.revision + 2,
      });
      expect(empty.status).toBe(400);
    });
  }

  it('documents PATCH next to PUT on every updatable resource', async () => {
    const doc = (await t.anonymous.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json'))
      .body;
    const withPut = Object.entries(doc.paths)
      .filter(([, ops]) => 'put' in ops)
      .map(([path]) => path)
      .sort();
    expect(withPut).toEqual(
      expect.arrayContaining([
        '/channels/{id}',
        '/products/{id}',
        '/categories/{id}',
        '/users/{id}',
        '/orders/{id}',
        '/flows/{id}',
      ]),
    );
    // A PUT that sets one value as a whole (a product's photo order, an agent's capacity) has
    // no partial form; every resource with fields of its own takes PATCH too.
    const wholeValues = ['/products/{id}/photos/order', '/teams/agents/{userId}/capacity'];
    for (const path of withPut.filter((p) => !wholeValues.includes(p)))
      expect(Object.keys(doc.paths[path] ?? {}), path).toContain('patch');
  });
});
