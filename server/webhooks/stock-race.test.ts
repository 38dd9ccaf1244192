import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../testing/server-process.ts';
import { startServerInstances, type ServerInstances } from '../testing/server-instances.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { until } from '../testing/until.ts';
import { createWebhookClient } from '../testing/webhook-client.ts';
import { messageWebhook, metaJson } from '../testing/webhook-payloads.ts';

const channel = { phoneNumberId: '106000000000226', displayPhone: '15550100226', wabaId: '0' };
const appSecret = 'stock-race-app-secret';
const accessToken = 'EAAG-stock-race-token';

const shopFlow: FlowDocumentInput = {
  name: 'Loja',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'pp', type: 'product_picker', position: { x: 0, y: 150 }, data: { mode: 'cart' } },
    { id: 'ok', type: 'message', position: { x: 0, y: 300 }, data: { text: 'Pedido confirmado: {{pedido.total}}' } },
    { id: 'no', type: 'message', position: { x: 300, y: 300 }, data: { text: 'Pedido cancelado' } },
    { id: 'end', type: 'end', position: { x: 0, y: 450 }, data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'pp' },
    { id: 'e2', source: 'pp', sourceHandle: 'confirmed', target: 'ok' },
    { id: 'e3', source: 'pp', sourceHandle: 'cancelled', target: 'no' },
    { id: 'e4', source: 'ok', sourceHandle: 'next', target: 'end' },
    { id: 'e5', source: 'no', sourceHandle: 'next', target: 'end' },
  ],
};

/** What each contact types, in order, to buy one unit. */
const script = ['oi', 'Ofertas', 'Camiseta', '1', 'finalizar', 'confirmar'];

/**
 * Issue 22's quality bar: 50 contacts racing for the last 10 units, through two server processes
 * on one Postgres and Redis. Stock is taken in the transaction that records the order, under a
 * `stock >= n` guard: exactly 10 orders, stock 0, never negative, and nothing left unprocessed.
 */
describe('stock under concurrent orders on two instances', () => {
  let instances: ServerInstances;
  let servers: ServerProcess[];

  beforeAll(async () => {
    instances = await startServerInstances({
      name: 'stock',
      flow: shopFlow,
      channel,
      appSecret,
      accessToken,
      seed: async (db) => {
        await db.insertInto('categories').values({ id: 'ofertas', name: 'Ofertas' }).execute();
        await db
          .insertInto('products')
          .values({ id: 'camiseta', category_id: 'ofertas', name: 'Camiseta', price_cents: 4990, stock: 10 })
          .execute();
      },
    });
    ({ servers } = instances);
  }, 120_000);
  afterAll(() => instances?.stop());

  it('records exactly 10 orders for 10 units and leaves stock at 0', async () => {
    const contacts = 50;
    const clients = servers.map((s) => createWebhookClient(s.url, { maxSockets: 16 }));
    const start = Date.now();
    await Promise.all(
      Array.from({ length: contacts }, async (_, c) => {
        for (const [i, text] of script.entries()) {
          const body = metaJson(
            messageWebhook({
              ...channel,
              wamid: `wamid.race.${c}.${i}`,
              from: String(5584991000000 + c),
              name: `Cliente ${c}`,
              timestamp: new Date(start + i * 1000),
              text,
            }),
          );
          // Alternating instances: each contact's messages land on both.
          const r = await clients[(c + i) % 2]!.post(body, appSecret);
          expect(r.status).toBe(200);
        }
      }),
    );
    clients.forEach((c) => c.close());

    const db = await instances.db();
    await until(
      'every inbound message to be processed',
      async () => {
        const pending = await db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('direction', '=', 'in')
          .where('processed_at', 'is', null)
          .executeTakeFirstOrThrow();
        const stored = await db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('direction', '=', 'in')
          .executeTakeFirstOrThrow();
        return Number(stored.n) === contacts * script.length && Number(pending.n) === 0;
      },
      90_000,
      100,
    );
    const orders = await db.selectFrom('orders').select(['id', 'contact_id']).execute();
    expect(orders).toHaveLength(10);
    expect(new Set(orders.map((o) => o.contact_id)).size).toBe(10);
    const items = await db.selectFrom('order_items').select(['quantity', 'reserved']).execute();
    expect(items).toEqual(Array.from({ length: 10 }, () => ({ quantity: 1, reserved: 1 })));
    const product = await db.selectFrom('products').select('stock').where('id', '=', 'camiseta').executeTakeFirst();
    expect(product?.stock).toBe(0);
  }, 150_000);
});
