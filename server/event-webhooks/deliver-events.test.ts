import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventType } from '../../shared/api/event-webhooks.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';
import { createEventDelivery, type Backoff } from './deliver-events.ts';
import { emitEvent, type FluxoEvent } from './emit-event.ts';

const start = Date.parse('2026-12-06T12:00:00.000Z');
let now = start;
const clock = { now: () => new Date(now) };

let t: TestApp;
let receiver: WebhookReceiver;

async function subscribe(events: EventType[], url = receiver.url) {
  const res = await t.as('admin').json<{ webhook: { id: string }; secret: string }>('POST', '/api/event-webhooks', {
    url,
    events,
  });
  expect(res.status).toBe(201);
  return res.body;
}

const emit = (event: FluxoEvent) => t.deps.db.transaction().execute((tx) => emitEvent(tx, event, clock.now()));

function delivery(backoff: Backoff = { baseMs: 1_000, maxMs: 8_000, maxAttempts: 100 }, fetchFn: typeof fetch = fetch) {
  return createEventDelivery({
    db: t.deps.db,
    clock,
    logger: t.deps.logger,
    secrets: t.deps.secrets,
    fetchFn,
    backoff,
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(async () => {
  await t.deps.db.deleteFrom('event_webhooks').execute();
  receiver.accepted.length = 0;
  receiver.badSignatures = 0;
  receiver.refusedWhileDown = 0;
  receiver.down = false;
});

describe('outgoing event webhooks: delivery', () => {
  it('delivers every event once, in order per contact, signed, after the receiver was down for a minute', async () => {
    const { secret } = await subscribe(['message.received', 'order.updated', 'campaign.finished']);
    receiver.secret = secret;
    receiver.down = true;
    const contacts = ['contact-a', 'contact-b', 'contact-c'];
    for (let n = 1; n <= 5; n++) {
      for (const contactId of contacts) {
        await emit({ type: n % 2 ? 'message.received' : 'order.updated', contactId, data: { contactId, n } });
      }
      now += 200;
    }
    await emit({ type: 'campaign.finished', contactId: null, data: { campaignId: 'c1' } });
    // Not subscribed to: never recorded, never sent.
    await emit({ type: 'handoff.opened', contactId: 'contact-a', data: {} });

    const d = delivery();
    while (now < start + 10 * 60_000 && receiver.accepted.length < 16) {
      if (now >= start + 60_000) receiver.down = false;
      await d.pass();
      now += 1_000;
    }
    expect(receiver.refusedWhileDown).toBeGreaterThan(3);
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.accepted).toHaveLength(16);
    expect(new Set(receiver.accepted.map((e) => e.id)).size).toBe(16);
    for (const contactId of contacts) {
      const order = receiver.accepted.filter((e) => e.data.contactId === contactId).map((e) => e.data.n);
      expect(order).toEqual([1, 2, 3, 4, 5]);
    }
    expect(receiver.accepted.find((e) => e.type === 'campaign.finished')?.data).toEqual({ campaignId: 'c1' });
    for (const e of receiver.accepted) expect(e.createdAt).toMatch(/^2026-12-06T12:00:0\d\.\d{3}Z$/);
    // Nothing left to send: more passes deliver nothing twice.
    now += 60_000;
    await d.pass();
    expect(receiver.accepted).toHaveLength(16);
    const rows = await t.deps.db.selectFrom('event_deliveries').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeGreaterThan(1);
  });

  it('a wrong signature is refused by the receiver and the delivery stays queued', async () => {
    await subscribe(['message.received']);
    receiver.secret = 'whsec_not-the-right-one';
    await emit({ type: 'message.received', contactId: 'contact-x', data: { n: 1 } });
    await delivery().pass();
    expect(receiver.badSignatures).toBe(1);
    const row = await t.deps.db.selectFrom('event_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 401, last_error: 'HTTP 401' });
    expect(new Date(row.next_attempt_at).getTime()).toBe(now + 1_000);
  });

  it('gives up after the last attempt; the contact’s next event then goes out, and "reenviar" sends the first again', async () => {
    const { webhook, secret } = await subscribe(['order.created', 'order.updated']);
    receiver.secret = secret;
    receiver.down = true;
    await emit({ type: 'order.created', contactId: 'contact-y', data: { n: 1 } });
    await emit({ type: 'order.updated', contactId: 'contact-y', data: { n: 2 } });
    const d = delivery({ baseMs: 1_000, maxMs: 1_000, maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await d.pass();
      now += 1_000;
    }
    expect(receiver.refusedWhileDown).toBe(3);
    receiver.down = false;
    await d.pass();
    expect(receiver.accepted.map((e) => e.data.n)).toEqual([2]);

    const log = await t
      .as('admin')
      .json<{ deliveries: { id: string; status: string; attempts: number }[] }>(
        'GET',
        `/api/event-webhooks/${webhook.id}/deliveries`,
      );
    expect(log.body.deliveries.map((x) => [x.status, x.attempts])).toEqual([
      ['delivered', 1],
      ['failed', 3],
    ]);
    const failed = log.body.deliveries[1]!;
    const again = await t
      .as('admin')
      .json<{ delivery: { status: string; attempts: number } }>(
        'POST',
        `/api/event-webhooks/${webhook.id}/deliveries/${failed.id}/redeliver`,
      );
    expect(again.status).toBe(200);
    expect(again.body.delivery).toMatchObject({ status: 'pending', attempts: 0 });
    await d.pass();
    expect(receiver.accepted.map((e) => e.data.n)).toEqual([2, 1]);
    const listed = await t.as('admin').json('GET', `/api/event-webhooks`);
    expect(listed.body).toMatchObject({ webhooks: [{ id: webhook.id, pending: 0, failed: 0 }] });
  });

  it('goes through the SSRF guard: a loopback URL is refused and retried, never reached', async () => {
    const { secret } = await subscribe(['message.received']);
    receiver.secret = secret;
    await emit({ type: 'message.received', contactId: 'contact-z', data: {} });
    await createEventDelivery({ db: t.deps.db, clock, logger: t.deps.logger, secrets: t.deps.secrets }).pass();
    expect(receiver.accepted).toHaveLength(0);
    const row = await t.deps.db.selectFrom('event_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.last_error).toMatch(/not a public address/);
  });

  it('keeps the log for 30 days: older delivered or failed rows are pruned, pending ones never', async () => {
    const { secret } = await subscribe(['message.received']);
    receiver.secret = secret;
    receiver.down = true;
    await emit({ type: 'message.received', contactId: 'contact-old', data: { n: 1 } });
    await emit({ type: 'message.received', contactId: 'contact-new', data: { n: 2 } });
    await t.deps.db
      .updateTable('event_deliveries')
      .set({ status: 'delivered', created_at: new Date(now - 31 * 24 * 3_600_000) })
      .where('contact_id', '=', 'contact-old')
      .execute();
    await t.deps.db
      .updateTable('event_deliveries')
      .set({ created_at: new Date(now - 40 * 24 * 3_600_000) })
      .where('contact_id', '=', 'contact-new')
      .execute();
    await delivery().pass();
    const left = await t.deps.db.selectFrom('event_deliveries').select(['contact_id', 'status']).execute();
    expect(left).toEqual([{ contact_id: 'contact-new', status: 'pending' }]);
  });

  it('an inactive subscription records nothing', async () => {
    const { webhook } = await subscribe(['message.received']);
    const off = await t.as('admin').json('PATCH', `/api/event-webhooks/${webhook.id}`, { active: false });
    expect(off.status).toBe(200);
    await emit({ type: 'message.received', contactId: 'contact-q', data: {} });
    expect(await t.deps.db.selectFrom('event_deliveries').selectAll().execute()).toHaveLength(0);
  });
});
