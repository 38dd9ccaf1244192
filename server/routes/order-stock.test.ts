import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/** A cancelled order gives back the units it reserved, once; other statuses leave stock alone. */
describe('stock released on cancel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('returns the reserved units of products and variants when the order is cancelled', async () => {
    const { db } = t.testDb;
    await db.insertInto('categories').values({ id: 'k', name: 'Pizzas' }).execute();
    await db
      .insertInto('products')
      .values([
        { id: 'p', category_id: 'k', name: 'Calabresa', price_cents: 100, stock: 5 },
        { id: 'q', category_id: 'k', name: 'Pizza', price_cents: 100, stock: null },
        { id: 'free', category_id: 'k', name: 'Livre', price_cents: 100, stock: null },
      ])
      .execute();
    await db
      .insertInto('product_variants')
      .values({ id: 'qg', product_id: 'q', name: 'Grande', price_cents: 100, promo_price_cents: null, stock: 1 })
      .execute();
    for (const id of ['o1', 'o2']) {
      await db.insertInto('orders').values({ id, status: 'new', total_cents: 300 }).execute();
      await db
        .insertInto('order_items')
        .values([
          {
            id: `${id}-a`,
            order_id: id,
            product_id: 'p',
            name: 'Calabresa',
            unit_price_cents: 100,
            quantity: 2,
            reserved: 2,
          },
          {
            id: `${id}-b`,
            order_id: id,
            product_id: 'q',
            variant_id: 'qg',
            name: 'Pizza (Grande)',
            unit_price_cents: 100,
            quantity: 1,
            reserved: 1,
          },
          {
            id: `${id}-c`,
            order_id: id,
            product_id: 'free',
            name: 'Livre',
            unit_price_cents: 100,
            quantity: 1,
            reserved: 0,
          },
        ])
        .execute();
    }
    const stock = async () => ({
      p: (await db.selectFrom('products').select('stock').where('id', '=', 'p').executeTakeFirst())?.stock,
      qg: (await db.selectFrom('product_variants').select('stock').where('id', '=', 'qg').executeTakeFirst())?.stock,
      free: (await db.selectFrom('products').select('stock').where('id', '=', 'free').executeTakeFirst())?.stock,
    });

    const confirmed = await t.as('agent').json('PATCH', '/api/orders/o2', { status: 'confirmed' });
    expect(confirmed.status).toBe(200);
    expect(await stock()).toEqual({ p: 5, qg: 1, free: null });

    const cancelled = await t.as('agent').json('PATCH', '/api/orders/o1', { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(await stock()).toEqual({ p: 7, qg: 2, free: null });
    const items = await db.selectFrom('order_items').select('reserved').where('order_id', '=', 'o1').execute();
    expect(items.map((i) => i.reserved)).toEqual([0, 0, 0]);

    // The same status again is no transition: nothing is given back twice.
    const again = await t.as('agent').json('PATCH', '/api/orders/o1', { status: 'cancelled' });
    expect(again.status).toBe(200);
    expect(await stock()).toEqual({ p: 7, qg: 2, free: null });
  });
});
