import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/api/orders.ts';
import { buildFlow } from '../../runtime/testing/build-flow.ts';
import { createApiToken } from '../db/queries/tokens.ts';
import { createUser } from '../db/queries/users.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { caller, type Caller } from '../testing/test-app.ts';
import { until } from '../testing/until.ts';
import { waitForProcessed } from '../testing/wait-for-processed.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** Set the amount, charge it by Pix, thank or remind. */
const flow = buildFlow(
  [
    { id: 'v', type: 'set', data: { assignments: [{ variable: 'valor', value: '45,90' }] } },
    { id: 'p', type: 'payment', data: { description: 'Mensalidade', expiryMinutes: 30 } },
    { id: 'ok', type: 'message', data: { text: 'Tudo certo, até mais!' } },
    { id: 'late', type: 'message', data: { text: 'O código expirou.' } },
    { id: 'e', type: 'end', data: { message: '' } },
  ],
  [
    ['v', 'next', 'p'],
    ['p', 'paid', 'ok'],
    ['p', 'expired', 'late'],
    ['p', 'error', 'e'],
    ['ok', 'next', 'e'],
    ['late', 'next', 'e'],
  ],
);

let h: MessagingHarness;
let admin: Caller;
let psp: Caller;
let now = new Date('2026-12-06T12:00:00Z');
let seq = 0;

type Body = {
  type: string;
  template?: { name: string; components?: { parameters: { text?: string }[] }[] };
  to?: string;
  text?: { body: string };
  image?: { link: string };
  interactive?: { type: string; action: { name: string; parameters: unknown } };
};
const bodies = (phone: string) =>
  h.fake
    .sent()
    .filter((r) => r.kind === 'send' && r.status === 200)
    .map((r) => r.body as Body)
    .filter((b) => b.to === `+${phone}`);
const textsTo = (phone: string) => bodies(phone).flatMap((b) => (b.text ? [b.text.body] : []));
const sentTo = (phone: string, part: string) =>
  until(`"${part}" sent to ${phone}`, () => textsTo(phone).some((t) => t.includes(part)), 8000);

async function say(phone: string, text: string) {
  const wamid = `wamid.pix.${++seq}`;
  const res = await h.postJson(
    messageWebhook({ ...channelA, wamid, from: phone, name: 'Cliente', timestamp: now, text }),
  );
  expect(res.status).toBe(200);
  await waitForProcessed(h.testDb.db, wamid);
}

async function orderOf(phone: string): Promise<Order> {
  const { body } = await admin.json<{ orders: Order[] }>('GET', `/api/orders?q=${phone}`);
  expect(body.orders).toHaveLength(1);
  return body.orders[0]!;
}

/** Whether the customer was told of `order`'s payment by the `paid` notice, and how (the audit log). */
const paidNoticeOf = (orderId: string) =>
  h.testDb.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'orders.paid_notice')
    .where('target_id', '=', orderId)
    .execute();

/** The messages stored for a customer whose text starts so (sent or still queued). */
const storedTexts = async (phone: string, start: string) => {
  const rows = await h.testDb.db
    .selectFrom('messages')
    .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
    .select('messages.text')
    .where('contacts.wa_id', '=', phone)
    .where('messages.direction', '=', 'out')
    .execute();
  return rows.filter((r) => r.text?.startsWith(start));
};

const markPaid = (who: Caller, id: string, body: unknown = {}) =>
  who.json<{ order: Order; alreadyPaid: boolean; error?: { code: string } }>('POST', `/api/orders/${id}/paid`, body);

beforeAll(async () => {
  h = await startMessagingHarness({ flow, clock: { now: () => now } });
  const owner = await createUser(h.testDb.db, {
    email: 'dono@pix.test',
    name: 'Dono',
    password: 'dono-senha-forte',
    role: 'admin',
  });
  admin = caller(h.app, {
    authorization: `Bearer ${(await createApiToken(h.testDb.db, { name: 'a', role: 'admin', createdBy: owner.id })).secret}`,
  });
  // The PSP's token belongs to an agent: a token confirms payments whatever its role.
  psp = caller(h.app, {
    authorization: `Bearer ${(await createApiToken(h.testDb.db, { name: 'psp', role: 'agent', createdBy: owner.id })).secret}`,
  });
  const saved = await admin.json('PATCH', '/api/settings', {
    pix: { key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' },
  });
  expect(saved.status).toBe(200);
});
afterAll(() => h.close());

describe('a Pix charge and its confirmation', () => {
  const phone = '5584991230101';

  it('sends the copia e cola and a QR image served at an unguessable public address', async () => {
    await say(phone, 'oi');
    await until('code and QR', () => bodies(phone).length >= 3, 8000);
    const order = await orderOf(phone);
    expect(order).toMatchObject({ totalCents: 4590, paymentMethod: 'pix', paidAt: null, status: 'new' });
    expect(order.paymentReference).toMatch(/^[A-Za-z0-9]{25}$/);
    const code = textsTo(phone).find((t) => t.startsWith('000201'))!;
    expect(code).toContain('540545.90');
    expect(code).toContain(`62290525${order.paymentReference}6304`);
    const image = bodies(phone).find((b) => b.type === 'image')!;
    expect(image.image?.link).toContain(`/pix/${order.paymentReference}.png`);
    const png = await h.app.request(`/pix/${order.paymentReference}.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await h.app.request('/pix/AAAAAAAAAAAAAAAAAAAAAAAAA.png')).status).toBe(404);
  });

  it('refuses the wrong caller, order, txid or amount and changes nothing', async () => {
    const order = await orderOf(phone);
    expect((await markPaid(caller(h.app, {}), order.id)).status).toBe(401);
    expect((await markPaid(psp, 'no-such-order')).status).toBe(404);
    const txid = await markPaid(psp, order.id, { txid: 'OUTRO' });
    expect([txid.status, txid.body.error?.code]).toEqual([409, 'txid_mismatch']);
    const amount = await markPaid(psp, order.id, { amountCents: 100 });
    expect([amount.status, amount.body.error?.code]).toEqual([409, 'amount_mismatch']);
    expect((await markPaid(psp, order.id, { amountCents: -1 })).status).toBe(400);
    expect((await orderOf(phone)).paidAt).toBeNull();
  });

  it('marks the order paid once, and the waiting flow goes on at `paid`', async () => {
    const order = await orderOf(phone);
    const first = await markPaid(psp, order.id, { txid: order.paymentReference, amountCents: 4590 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ alreadyPaid: false, order: { status: 'confirmed' } });
    expect(first.body.order.paidAt).not.toBeNull();
    await sentTo(phone, 'Tudo certo, até mais!');
    expect(textsTo(phone)).toContain('Pagamento recebido. Obrigado! ✅');
    const sendsBefore = bodies(phone).length;

    const again = await markPaid(admin, order.id);
    expect(again.body).toMatchObject({ alreadyPaid: true });
    expect(again.body.order.paidAt).toBe(first.body.order.paidAt);
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'orders.paid')
      .execute();
    expect(audit).toHaveLength(1);
    await say(phone, 'obrigado');
    expect(bodies(phone).length).toBeGreaterThanOrEqual(sendsBefore);
    expect(textsTo(phone).filter((t) => t.startsWith('Pagamento recebido'))).toHaveLength(1);
  });

  it('takes `expired` when nobody pays in time; a late confirmation still marks the order paid', async () => {
    const late = '5584991230102';
    await say(late, 'oi');
    await until('the code', () => textsTo(late).some((t) => t.startsWith('000201')), 8000);
    now = new Date(now.getTime() + 31 * 60_000);
    await sentTo(late, 'O código expirou.');
    const order = await orderOf(late);
    const paid = await markPaid(psp, order.id);
    expect(paid.body.alreadyPaid).toBe(false);
    // No flow is waiting any more: the customer hears it from the `paid` order notice instead.
    await sentTo(late, `Pagamento recebido, pedido #${order.number} ✅`);
    expect(textsTo(late)).not.toContain('Pagamento recebido. Obrigado! ✅');
    expect(await paidNoticeOf(order.id)).toEqual([{ details: { notified: 'text', reason: null } }]);
  });

  it('tells a customer whose conversation was reset exactly once, though the PSP calls twice at once', async () => {
    const gone = '5584991230104';
    await say(gone, 'oi');
    await until('the code', () => textsTo(gone).some((t) => t.startsWith('000201')), 8000);
    const order = await orderOf(gone);
    expect((await admin.json('POST', `/api/conversations/${order.contactId}/reset`)).status).toBe(200);
    const calls = await Promise.all([markPaid(psp, order.id), markPaid(psp, order.id), markPaid(admin, order.id)]);
    expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => !c.body.alreadyPaid)).toHaveLength(1);
    const told = `Pagamento recebido, pedido #${order.number} ✅`;
    await sentTo(gone, told);
    await markPaid(psp, order.id);
    await until(
      'every job of the contact done',
      async () => {
        const pending = await h.testDb.db
          .selectFrom('scheduled_jobs')
          .select('id')
          .where('contact_id', '=', order.contactId)
          .where('kind', '=', 'payment_confirmed')
          .where('status', '=', 'pending')
          .execute();
        return pending.length === 0;
      },
      8000,
    );
    expect(await storedTexts(gone, told)).toHaveLength(1);
    expect(await paidNoticeOf(order.id)).toHaveLength(1);
    expect(textsTo(gone)).not.toContain('Tudo certo, até mais!');
  });

  it("outside the 24-hour window sends the paid notice's template, or records why nobody was told", async () => {
    const quiet = '5584991230105';
    const templated = '5584991230106';
    await say(quiet, 'oi');
    await say(templated, 'oi');
    await until(
      'both codes',
      () => [quiet, templated].every((p) => textsTo(p).some((t) => t.startsWith('000201'))),
      8000,
    );
    now = new Date(now.getTime() + 31 * 60_000);
    await sentTo(quiet, 'O código expirou.');
    await sentTo(templated, 'O código expirou.');
    now = new Date(now.getTime() + 25 * 3_600_000);

    const first = await orderOf(quiet);
    await markPaid(psp, first.id);
    await until('the decision', async () => (await paidNoticeOf(first.id)).length === 1, 8000);
    expect(await paidNoticeOf(first.id)).toEqual([
      { details: { notified: null, reason: 'outside_window_no_template' } },
    ]);
    expect(await storedTexts(quiet, 'Pagamento recebido')).toEqual([]);

    const saved = await admin.json('PATCH', '/api/order-notifications', {
      notifications: [
        { status: 'paid', template: { name: 'pagamento_recebido', language: 'pt_BR', parameters: ['{{numero}}'] } },
      ],
    });
    expect(saved.status).toBe(200);
    const second = await orderOf(templated);
    await markPaid(psp, second.id);
    await until('the template', () => bodies(templated).some((b) => b.type === 'template'), 8000);
    const template = bodies(templated).find((b) => b.type === 'template')!.template!;
    expect(template.name).toBe('pagamento_recebido');
    expect(template.components?.[0]?.parameters).toEqual([expect.objectContaining({ text: String(second.number) })]);
    expect(await paidNoticeOf(second.id)).toEqual([{ details: { notified: 'template', reason: null } }]);
    await admin.json('PATCH', '/api/order-notifications', { notifications: [{ status: 'paid', template: null }] });
  });
});

describe('a channel enabled for the Payments API', () => {
  it('sends order_details (review_and_pay) and, once paid, order_status', async () => {
    await h.testDb.db.updateTable('channels').set({ payment_configuration: 'loja-pix' }).execute();
    const phone = '5584991230103';
    await say(phone, 'oi');
    await until('order_details', () => bodies(phone).some((b) => b.interactive?.type === 'order_details'), 8000);
    const order = await orderOf(phone);
    const details = bodies(phone).find((b) => b.interactive?.type === 'order_details')!.interactive!;
    expect(details.action.name).toBe('review_and_pay');
    expect(details.action.parameters).toMatchObject({
      reference_id: order.paymentReference,
      payment_type: 'br',
      currency: 'BRL',
      payment_configuration: 'loja-pix',
      total_amount: { value: 4590, offset: 100 },
      payment_settings: [{ type: 'pix_dynamic_code', pix_dynamic_code: { key_type: 'EVP' } }],
    });
    expect(bodies(phone).some((b) => b.type === 'image')).toBe(false);

    await markPaid(psp, order.id);
    await until('order_status', () => bodies(phone).some((b) => b.interactive?.type === 'order_status'), 8000);
    const status = bodies(phone).find((b) => b.interactive?.type === 'order_status')!.interactive!;
    expect(status.action).toEqual({
      name: 'review_order',
      parameters: { reference_id: order.paymentReference, order: { status: 'processing' } },
    });
    await sentTo(phone, 'Tudo certo, até mais!');
  });

  it("outside the window, where Meta refuses order_status, sends the paid notice's template instead", async () => {
    const phone = '5584991230107';
    await say(phone, 'oi');
    await until('order_details', () => bodies(phone).some((b) => b.interactive?.type === 'order_details'), 8000);
    const order = await orderOf(phone);
    await admin.json('PATCH', '/api/order-notifications', {
      notifications: [{ status: 'paid', template: { name: 'pagamento_recebido', language: 'pt_BR', parameters: [] } }],
    });
    // Paid by the PSP a day later (the block's expiry is long gone).
    now = new Date(now.getTime() + 25 * 3_600_000);
    await markPaid(psp, order.id);
    await until('the template', () => bodies(phone).some((b) => b.type === 'template'), 8000);
    await until(
      'the job done',
      async () => {
        const job = await h.testDb.db
          .selectFrom('scheduled_jobs')
          .select('status')
          .where('key', '=', `paid:${order.id}`)
          .executeTakeFirst();
        return job?.status === 'done';
      },
      8000,
    );
    expect(bodies(phone).some((b) => b.interactive?.type === 'order_status')).toBe(false);
    expect(bodies(phone).filter((b) => b.type === 'template')).toHaveLength(1);
    const audit = await h.testDb.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'orders.paid')
      .where('target_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ notified: 'template', reason: null });
    expect(await paidNoticeOf(order.id)).toEqual([]);
  });
});
