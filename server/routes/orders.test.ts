import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderNotice } from '../../shared/api/orders.ts';
import { starterTemplates } from '../../shared/templates/index.ts';
import { addSampleCatalog } from '../flows/add-sample-catalog.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import type { Role } from '../db/tables.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';
import { waitForProcessed } from '../testing/wait-for-processed.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

const pedidos = starterTemplates.find((t) => t.id === 'pedidos');
const customer = { phone: '5584991237777', name: 'Carla Dias' };

let h: MessagingHarness;
const as = {} as Record<Role, Caller>;
let orderId = '';
let seq = 0;

/** The customer writes (or taps) through a signed webhook; resolves once the flow has answered. */
async function say(text: string) {
  const wamid = `wamid.orders.${++seq}`;
  const res = await h.postJson(
    messageWebhook({ ...channelA, wamid, from: customer.phone, name: customer.name, timestamp: new Date(), text }),
  );
  expect(res.status).toBe(200);
  await waitForProcessed(h.testDb.db, wamid);
}

const sends = () => h.fake.sent().filter((r) => r.kind === 'send');
const bodies = () =>
  sends().map(
    (r) => r.body as { type: string; text?: { body: string }; template?: { name: string; components?: unknown[] } },
  );

/** Resolves once the fake Graph API got a text containing `part`. */
const sentText = (part: string) =>
  until(`a text with "${part}"`, () => bodies().some((b) => b.text?.body.includes(part) === true), 5000);

async function patchStatus(role: Role, id: string, status: string) {
  return as[role].json<{ order: Order; notice: OrderNotice | null; next: OrderNotice[]; error?: { code: string } }>(
    'PATCH',
    `/api/orders/${id}`,
    { status },
  );
}

beforeAll(async () => {
  if (!pedidos?.sampleData) throw new Error('the Pedidos template and its sample menu are needed');
  h = await startMessagingHarness({ flow: pedidos.flow });
  // The samples in the main catalog, which the template's picker (naming none) offers here.
  await addSampleCatalog(h.testDb.db, pedidos.sampleData, 'https://fluxo.test', 'Catálogo principal');
  const owner = await createUser(h.testDb.db, {
    email: 'dono@fluxo.test',
    name: 'Dono',
    password: 'dono-senha-forte',
    role: 'admin',
  });
  for (const role of ['admin', 'editor', 'agent'] as const) {
    const { secret } = await createApiToken(h.testDb.db, { name: role, role, createdBy: owner.id });
    as[role] = caller(h.app, { authorization: `Bearer ${secret}` });
  }
});
afterAll(() => h.close());

describe('an order placed through signed webhooks', () => {
  it('walks the Pedidos template and records channel, flow, items at their price and the address', async () => {
    await say('oi');
    await say('pizzas');
    await say('margherita');
    await say('2');
    await say('Não, finalizar');
    await say('confirmar');
    await sentText('Qual o endereço de entrega?');
    await say('Rua das Flores, 123, Centro');
    await sentText('Entrega em: Rua das Flores, 123, Centro');

    const list = await as.agent.json<{ orders: Order[] }>('GET', '/api/orders');
    expect(list.status).toBe(200);
    expect(list.body.orders).toHaveLength(1);
    const [order] = list.body.orders;
    orderId = order?.id ?? '';
    expect(order).toMatchObject({
      number: 1,
      status: 'new',
      totalCents: 9180,
      address: 'Rua das Flores, 123, Centro',
      notes: '',
      paymentMethod: null,
      contactName: customer.name,
      contactPhone: customer.phone,
      channelId: h.channelId,
      channelName: 'A',
      flowName: 'Pedidos',
      items: [{ productId: 'exemplo-pizza-margherita', name: 'Pizza Margherita', unitPriceCents: 4590, quantity: 2 }],
    });
  });
});

describe('status changes', () => {
  it('a change inside the 24-hour window sends the status text once, through the fake Graph API', async () => {
    const before = sends().length;
    const res = await patchStatus('agent', orderId, 'confirmed');
    expect(res.status).toBe(200);
    expect(res.body.order.status).toBe('confirmed');
    expect(res.body.notice).toEqual({
      status: 'confirmed',
      via: 'text',
      reason: null,
      message: 'Oi, Carla Dias! Seu pedido #1 foi confirmado ✅ Total: R$ 91,80.',
    });
    await h.fake.waitForSent(before + 1);
    expect(bodies().at(-1)).toMatchObject({
      type: 'text',
      text: { body: 'Oi, Carla Dias! Seu pedido #1 foi confirmado ✅ Total: R$ 91,80.' },
    });

    // The same status again changes nothing and sends nothing.
    const again = await patchStatus('agent', orderId, 'confirmed');
    expect(again.body.notice).toBeNull();
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', orderId)
      .execute();
    expect(audit.filter((a) => a.action === 'orders.status')).toEqual([
      { action: 'orders.status', details: { from: 'new', to: 'confirmed', notified: 'text', reason: null } },
    ]);
    const outbound = await h.testDb.db
      .selectFrom('messages')
      .select('text')
      .where('direction', '=', 'out')
      .where('author_kind', '=', 'operator')
      .execute();
    expect(outbound.map((m) => m.text)).toEqual(['Oi, Carla Dias! Seu pedido #1 foi confirmado ✅ Total: R$ 91,80.']);
  });

  it('refuses to go back or leave a closed order, with a clear 409', async () => {
    const back = await patchStatus('agent', orderId, 'new');
    expect(back.status).toBe(409);
    expect(back.body).toEqual({
      error: { code: 'invalid_transition', message: 'Um pedido confirmado não pode passar para recebido.' },
    });
    expect((await patchStatus('agent', 'no-such-order', 'shipped')).status).toBe(404);
    const bad = await as.agent.request('PATCH', `/api/orders/${orderId}`, { status: 'lost' });
    expect(bad.status).toBe(400);
  });

  it('outside the window, the configured template goes instead, with its parameters filled', async () => {
    const put = await as.admin.json('PUT', '/api/order-notifications', {
      notifications: [
        {
          status: 'preparing',
          template: { name: 'pedido_em_preparo', language: 'pt_BR', parameters: ['{{nome}}', '#{{numero}}'] },
        },
      ],
    });
    expect(put.status).toBe(200);
    await h.testDb.db
      .updateTable('contacts')
      .set({ last_inbound_at: new Date(Date.now() - 30 * 60 * 60 * 1000) })
      .execute();
    const detail = await as.agent.json<{ next: OrderNotice[] }>('GET', `/api/orders/${orderId}`);
    expect(detail.body.next.find((n) => n.status === 'preparing')).toEqual({
      status: 'preparing',
      via: 'template',
      message: 'pedido_em_preparo',
      reason: null,
    });

    const before = sends().length;
    const res = await patchStatus('editor', orderId, 'preparing');
    expect(res.body.notice).toEqual({
      status: 'preparing',
      via: 'template',
      message: 'pedido_em_preparo',
      reason: null,
    });
    await h.fake.waitForSent(before + 1);
    expect(bodies().at(-1)).toMatchObject({
      type: 'template',
      template: {
        name: 'pedido_em_preparo',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Carla Dias' },
              { type: 'text', text: '#1' },
            ],
          },
        ],
      },
    });
  });

  it('outside the window with no template, the status still changes and the answer says why nobody was told', async () => {
    const res = await patchStatus('agent', orderId, 'shipped');
    expect(res.status).toBe(200);
    expect(res.body.order.status).toBe('shipped');
    expect(res.body.notice).toEqual({
      status: 'shipped',
      via: null,
      message: null,
      reason: 'outside_window_no_template',
    });
    // Queued in the status change's transaction: none was written, so none will ever be sent.
    const messages = await h.testDb.db
      .selectFrom('messages')
      .select('text')
      .where('author_kind', '=', 'operator')
      .orderBy('created_at')
      .execute();
    expect(messages.map((m) => m.text)).toEqual([
      expect.stringContaining('confirmado'),
      '[pedido_em_preparo] Carla Dias · #1',
    ]);
  });

  it('a message turned off sends nothing, and a delivered order is closed', async () => {
    await as.admin.json('PATCH', '/api/order-notifications', {
      notifications: [{ status: 'delivered', enabled: false }],
    });
    const res = await patchStatus('agent', orderId, 'delivered');
    expect(res.body.notice).toMatchObject({ via: null, reason: 'disabled' });
    expect(res.body.next).toEqual([]);
    expect((await patchStatus('admin', orderId, 'cancelled')).status).toBe(409);
  });
});

describe('per-status messages', () => {
  it('admins read and change them; the others are refused', async () => {
    const list = await as.admin.json<{ notifications: { status: string; enabled: boolean; text: string }[] }>(
      'GET',
      '/api/order-notifications',
    );
    expect(list.body.notifications.map((n) => n.status)).toEqual([
      'new',
      'confirmed',
      'preparing',
      'shipped',
      'delivered',
      'cancelled',
    ]);
    expect(list.body.notifications.find((n) => n.status === 'shipped')?.text).toContain('saiu para entrega');
    for (const role of ['editor', 'agent'] as const) {
      expect((await as[role].request('GET', '/api/order-notifications')).status).toBe(403);
      expect(
        (await as[role].request('PUT', '/api/order-notifications', { notifications: [{ status: 'new', text: 'x' }] }))
          .status,
      ).toBe(403);
    }
    const changed = await as.admin.json<{ notifications: { status: string; text: string; enabled: boolean }[] }>(
      'PUT',
      '/api/order-notifications',
      {
        notifications: [{ status: 'cancelled', text: 'Pedido {{numero}} cancelado.' }],
      },
    );
    expect(changed.body.notifications.find((n) => n.status === 'cancelled')).toMatchObject({
      text: 'Pedido {{numero}} cancelado.',
      enabled: true,
    });
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'orders.notifications_update')
      .execute();
    expect(audit.at(-1)?.details).toEqual({ statuses: ['cancelled'] });
    expect(
      (await as.admin.request('PUT', '/api/order-notifications', { notifications: [{ status: 'lost' }] })).status,
    ).toBe(400);
  });
});

describe('filters and CSV export', () => {
  beforeAll(async () => {
    const { db } = h.testDb;
    const contact = await db.selectFrom('contacts').select('id').executeTakeFirstOrThrow();
    const other = randomUUID();
    await db
      .insertInto('contacts')
      .values({
        id: other,
        channel_id: h.channelId,
        wa_id: '5584990001111',
        name: '=HYPERLINK("http://x")',
        variables: '{}',
      })
      .execute();
    await db
      .insertInto('orders')
      .values([
        {
          id: randomUUID(),
          contact_id: other,
          channel_id: h.channelId,
          status: 'cancelled',
          total_cents: 1000,
          address: '+55 Rua, "A"',
          created_at: '2026-11-02T15:00:00Z',
        },
        {
          id: randomUUID(),
          contact_id: contact.id,
          channel_id: null,
          status: 'new',
          total_cents: 2000,
          created_at: '2026-11-20T02:00:00Z',
        },
      ])
      .execute();
  });

  it('filters by status, channel, period and customer', async () => {
    const numbers = async (query: string) =>
      (await as.agent.json<{ orders: Order[] }>('GET', `/api/orders?${query}`)).body.orders.map((o) => o.totalCents);
    expect(await numbers('status=cancelled')).toEqual([1000]);
    expect(await numbers(`channelId=${h.channelId}`)).toEqual([9180, 1000]);
    expect(await numbers('from=2026-11-01&to=2026-11-19')).toEqual([1000]);
    expect(await numbers('from=2026-11-19T23:00:00-03:00&to=2026-11-19T23:59:59-03:00')).toEqual([2000]);
    expect(await numbers('q=carla')).toEqual([9180, 2000]);
    expect(await numbers('q=0001111')).toEqual([1000]);
    expect(await numbers('q=%25')).toEqual([]);
    expect((await as.agent.request('GET', '/api/orders?from=yesterday')).status).toBe(400);
  });

  it('exports the filtered orders as CSV that no spreadsheet runs as a formula, and audits it', async () => {
    const res = await as.agent.request('GET', '/api/orders/export.csv?status=cancelled');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('pedidos.csv');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('numero,data,status,cliente,telefone,canal,fluxo,itens,total,pagamento,endereco,observacoes');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain(`"'+55 Rua, ""A"""`);
    expect(lines[1]).toContain(',10.00,');
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'orders.export')
      .execute();
    expect(audit.at(-1)?.details).toEqual({ filter: { status: 'cancelled' }, count: 1 });
  });
});

describe('erasing a customer (LGPD)', () => {
  it('keeps their orders for accounting, without the customer, the address or the notes', async () => {
    const contact = await h.testDb.db
      .selectFrom('contacts')
      .select('id')
      .where('wa_id', '=', customer.phone)
      .executeTakeFirstOrThrow();
    expect((await as.admin.request('DELETE', `/api/contacts/${contact.id}`)).status).toBe(204);
    const [order] = (await as.agent.json<{ orders: Order[] }>('GET', '/api/orders?status=delivered')).body.orders;
    expect(order).toMatchObject({
      number: 1,
      totalCents: 9180,
      contactId: null,
      contactName: null,
      address: '',
      notes: '',
    });
  });
});
