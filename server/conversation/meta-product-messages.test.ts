import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelA, type MessagingHarness } from '../testing/messaging-harness.ts';
import { metaFixtureBytes } from '../testing/meta-fixtures.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';
import { pickerFlow, startShopHarness } from '../testing/shop-harness.ts';
import { until } from '../testing/until.ts';

const metaCatalogId = '730000000000001';
const shopFlow = pickerFlow('Depósito', {
  mode: 'cart',
  productMessages: true,
  text: 'Monte seu pedido no catálogo:',
});

const contact = '5584991230002';
const now = Math.floor(Date.now() / 1000);
let seq = 0;
const text = (body: string) =>
  messageWebhook({
    ...channelA,
    wamid: `wamid.pm.${++seq}`,
    from: contact,
    name: 'Bruno',
    timestamp: new Date((now - 30 + seq) * 1000),
    text: body,
  });
const tap = (id: string, title: string) =>
  messageWebhook({
    ...channelA,
    wamid: `wamid.pm.${++seq}`,
    from: contact,
    name: 'Bruno',
    timestamp: new Date((now - 30 + seq) * 1000),
    reply: { id, title },
  });

/** Meta's `order` fixture (SKU-CIMENTO-50KG ×20 at 39.90, SKU-ARGAMASSA-20KG ×5 at 24.50) plus an item we do not sell. */
function orderWebhook() {
  const payload = JSON.parse(metaFixtureBytes('order.json').toString('utf8'));
  const message = payload.entry[0].changes[0].value.messages[0];
  message.timestamp = String(now - 30 + ++seq);
  message.order.product_items.push({
    product_retailer_id: 'SKU-TIJOLO',
    quantity: 100,
    item_price: 1.2,
    currency: 'BRL',
  });
  return payload;
}

describe('WhatsApp product messages and carts', () => {
  let h: MessagingHarness;
  beforeAll(async () => {
    let catalogId: string;
    ({ harness: h, catalogId } = await startShopHarness(shopFlow, 'Materiais', (catalog) => ({
      categories: [
        { id: 'cimentos', name: 'Cimentos', catalog_id: catalog, position: 0 },
        { id: 'argamassas', name: 'Argamassas', catalog_id: catalog, position: 1 },
      ],
      products: [
        {
          id: 'cimento',
          category_id: 'cimentos',
          sku: 'SKU-CIMENTO-50KG',
          name: 'Cimento 50 kg',
          price_cents: 3990,
          stock: 500,
        },
        {
          id: 'argamassa',
          category_id: 'argamassas',
          sku: 'SKU-ARGAMASSA',
          name: 'Argamassa',
          price_cents: 2600,
          stock: 50,
        },
        { id: 'esgotado', category_id: 'argamassas', sku: 'SKU-ZERO', name: 'Rejunte', price_cents: 900, stock: 0 },
      ],
    })));
    const db = h.testDb.db;
    await db
      .insertInto('product_variants')
      .values({
        id: 'v20',
        product_id: 'argamassa',
        name: '20 kg',
        price_cents: 2600,
        stock: 30,
        sku: 'SKU-ARGAMASSA-20KG',
      })
      .execute();
    // Linked and synced (the sync itself is covered by routes/meta-catalog.test.ts).
    await db
      .insertInto('meta_catalog_links')
      .values({ catalog_id: catalogId, meta_catalog_id: metaCatalogId, last_sync_at: new Date(), last_sync: null })
      .execute();
    await db
      .insertInto('meta_catalog_items')
      .values([
        { catalog_id: catalogId, retailer_id: 'SKU-CIMENTO-50KG', hash: 'h1' },
        { catalog_id: catalogId, retailer_id: 'SKU-ARGAMASSA-20KG', hash: 'h2' },
      ])
      .execute();
    await db.updateTable('channels').set({ catalog_id: catalogId }).where('id', '=', h.channelId).execute();
    h.messaging.deps.channels.invalidate();
  });
  afterAll(() => h.close());

  it('sends the catalog as a product_list, and a cart sent back becomes the order at Fluxo prices', async () => {
    await h.postJson(text('oi'));
    const [first] = await h.fake.waitForSent(1);
    const sent = first!.body as { type: string; interactive: Record<string, unknown> };
    expect(first!.status).toBe(200);
    expect(sent.type).toBe('interactive');
    expect(sent.interactive).toEqual({
      type: 'product_list',
      header: { type: 'text', text: 'Catálogo' },
      body: { text: 'Monte seu pedido no catálogo:' },
      action: {
        catalog_id: metaCatalogId,
        sections: [
          { title: 'Cimentos', product_items: [{ product_retailer_id: 'SKU-CIMENTO-50KG' }] },
          { title: 'Argamassas', product_items: [{ product_retailer_id: 'SKU-ARGAMASSA-20KG' }] },
        ],
      },
    });

    await h.postJson(orderWebhook());
    const after = await h.fake.waitForSent(3);
    const notice = (after[1]!.body as { text: { body: string } }).text.body;
    expect(notice).toContain('Não encontrei no catálogo: SKU-TIJOLO.');
    // Fluxo's price wins; WhatsApp showed 24.50 for the argamassa.
    expect(notice).toContain('Argamassa (20 kg): R$ 26,00 (no WhatsApp: R$ 24,50)');
    expect(notice).not.toContain('Cimento 50 kg:');
    const summary = after[2]!.body as {
      interactive: { body: { text: string }; action: { buttons: { reply: { id: string } }[] } };
    };
    expect(summary.interactive.body.text).toContain('Total: R$ 928,00');

    await h.postJson(tap(summary.interactive.action.buttons[0]!.reply.id, 'Confirmar'));
    const db = h.testDb.db;
    await until('the order', async () => (await db.selectFrom('orders').selectAll().execute()).length > 0, 10_000);
    const order = await db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
    expect(order.total_cents).toBe(20 * 3990 + 5 * 2600);
    expect(order.channel_id).toBe(h.channelId);
    const items = await db
      .selectFrom('order_items')
      .select(['product_id', 'variant_id', 'quantity', 'unit_price_cents'])
      .where('order_id', '=', order.id)
      .orderBy('unit_price_cents', 'desc')
      .execute();
    expect(items).toEqual([
      { product_id: 'cimento', variant_id: null, quantity: 20, unit_price_cents: 3990 },
      { product_id: 'argamassa', variant_id: 'v20', quantity: 5, unit_price_cents: 2600 },
    ]);
    const stock = await db
      .selectFrom('product_variants')
      .select('stock')
      .where('id', '=', 'v20')
      .executeTakeFirstOrThrow();
    expect(stock.stock).toBe(25);
  });
});
