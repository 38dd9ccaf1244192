import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFlow, type FlowEnvironment } from '../../shared/flow/validate/index.ts';
import { insertCatalog } from '../db/queries/catalogs.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { caller } from '../testing/test-app.ts';
import { channelA, type MessagingHarness } from '../testing/messaging-harness.ts';
import { pickerFlow, startShopHarness } from '../testing/shop-harness.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** A picker that names no catalog, as a template's or a hand-made flow's often does. */
const shopFlow = pickerFlow('Loja', { mode: 'single' });

const base = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
let seq = 0;
const text = (from: string, body: string) =>
  messageWebhook({ ...channelA, wamid: `wamid.cc.${++seq}`, from, name: 'Ana', timestamp: base, text: body });

describe("a channel's catalog", () => {
  let h: MessagingHarness;
  beforeAll(async () => {
    ({ harness: h } = await startShopHarness(shopFlow, 'Pizzaria', (pizzaria) => ({
      categories: [
        { id: 'bebidas', name: 'Bebidas', position: 0 },
        { id: 'sucos', name: 'Sucos', position: 1 },
        { id: 'pizzas', name: 'Pizzas', catalog_id: pizzaria, position: 0 },
        { id: 'doces', name: 'Pizzas doces', catalog_id: pizzaria, position: 1 },
      ],
      products: [
        { id: 'agua', category_id: 'bebidas', name: 'Água', price_cents: 300 },
        { id: 'caju', category_id: 'sucos', name: 'Suco de caju', price_cents: 800 },
        { id: 'calabresa', category_id: 'pizzas', name: 'Calabresa', price_cents: 4500 },
        { id: 'chocolate', category_id: 'doces', name: 'Chocolate', price_cents: 5000 },
      ],
    })));
  });
  afterAll(() => h.close());

  it("warns of a picker with nothing to offer by the channel's catalog only", async () => {
    const db = h.testDb.db;
    const owner = await createUser(db, { email: 'e@cc.test', name: 'E', password: 'senha-forte-1234', role: 'admin' });
    const token = await createApiToken(db, { name: 'e', role: 'editor', createdBy: owner.id });
    const editor = caller(h.app, { authorization: `Bearer ${token.secret}` });
    const { flow_id: flowId } = await db
      .selectFrom('channels')
      .select('flow_id')
      .where('id', '=', h.channelId)
      .executeTakeFirstOrThrow();
    const warnings = async () => {
      const res = await editor.json<{ environment: FlowEnvironment }>('GET', `/api/flow-environment?flowId=${flowId}`);
      expect(res.status).toBe(200);
      return validateFlow(shopFlow, res.body.environment).problems.map((p) => p.code);
    };
    // The main catalog has drinks: nothing to warn about.
    expect(await warnings()).not.toContain('picker_without_products');
    // The channel moves to an empty catalog: the drinks elsewhere do not count.
    const empty = await insertCatalog(db, 'Vazio');
    await db.updateTable('channels').set({ catalog_id: empty.id }).where('id', '=', h.channelId).execute();
    expect(await warnings()).toContain('picker_without_products');
    await db.updateTable('channels').set({ catalog_id: null }).where('id', '=', h.channelId).execute();
    expect(await warnings()).not.toContain('picker_without_products');
  });

  it('offers the main catalog until the channel chooses another, then that one', async () => {
    await h.postJson(text('5584991000001', 'oi'));
    const [before] = await h.fake.waitForSent(1);
    expect(JSON.stringify(before?.body)).toContain('Bebidas');
    expect(JSON.stringify(before?.body)).not.toContain('Pizzas');
    h.fake.reset();

    const pizzaria = await h.testDb.db
      .selectFrom('catalogs')
      .select('id')
      .where('name', '=', 'Pizzaria')
      .executeTakeFirstOrThrow();
    await h.testDb.db.updateTable('channels').set({ catalog_id: pizzaria.id }).where('id', '=', h.channelId).execute();
    h.messaging.deps.channels.invalidate();
    await h.postJson(text('5584991000002', 'oi'));
    const [after] = await h.fake.waitForSent(1);
    expect(JSON.stringify(after?.body)).toContain('Pizzas doces');
    expect(JSON.stringify(after?.body)).not.toContain('Bebidas');
  });
});
