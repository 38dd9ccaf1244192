import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageWebhook, statusWebhook } from '../testing/webhook-payloads.ts';
import { metaFixtureBytes, metaFixtureNames } from '../testing/meta-fixtures.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { repliesTo, waitForProcessed } from '../testing/wait-for-processed.ts';

// Recent, so the 24-hour customer-service window is open for the replies.
const base = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
let seq = 0;
const text = (from: string, body: string, at = base) =>
  messageWebhook({ ...channelA, wamid: `wamid.test.${++seq}`, from, name: 'Ana Souza', timestamp: at, text: body });
const bodiesOf = (h: MessagingHarness) =>
  h.fake.sent().map((r) => (r.body as { text?: { body: string } }).text?.body ?? (r.body as { type: string }).type);

describe('WhatsApp webhook → engine → Graph API', () => {
  let h: MessagingHarness;
  beforeAll(async () => {
    h = await startMessagingHarness();
  });
  afterAll(() => h.close());
  afterEach(() => {
    h.fake.reset();
  });

  it("answers Meta's verification handshake (fixture cases)", async () => {
    const cases = JSON.parse(
      readFileSync(join(import.meta.dirname, '../whatsapp/fixtures/verification/cases.json'), 'utf8'),
    ) as {
      cases: { name: string; query: string; status: number | number[]; body?: string }[];
    };
    for (const c of cases.cases) {
      const res = await h.app.request(`/webhooks/whatsapp?${c.query}`);
      const allowed = Array.isArray(c.status) ? c.status : [c.status];
      expect(allowed, c.name).toContain(res.status);
      if (c.body !== undefined) expect(await res.text(), c.name).toBe(c.body);
    }
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const body = JSON.stringify(text('5584991230001', 'oi'));
    expect((await h.post(body, 'sha256=' + '0'.repeat(64))).status).toBe(401);
    expect((await h.post(body, null)).status).toBe(401);
    expect(
      (
        await h.post(
          metaFixtureBytes('bad-signature-mismatch.json'),
          readFileSync(join(import.meta.dirname, '../whatsapp/fixtures/bad-signature-mismatch.sig'), 'utf8').trim(),
        )
      ).status,
    ).toBe(401);
    expect(await h.testDb.db.selectFrom('messages').selectAll().execute()).toEqual([]);
    expect(await h.testDb.db.selectFrom('contacts').selectAll().execute()).toEqual([]);
  });

  it("stores a text, runs the flow and sends the reply with Meta's payload shape", async () => {
    const res = await h.postJson(text('5584991230001', 'oi'));
    expect(res.status).toBe(200);
    const [sent] = await h.fake.waitForSent(1);
    expect(sent?.body).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+5584991230001',
      type: 'text',
      text: { body: 'Olá, Ana Souza! Mande algo.' },
      biz_opaque_callback_data: expect.stringMatching(/^outbox:/),
    });
    expect(sent?.token).toBe('EAAG-test-access-token');
    const wamid = sent?.wamid ?? '';
    await expect
      .poll(
        async () =>
          (await h.testDb.db.selectFrom('messages').select('status').where('wamid', '=', wamid).executeTakeFirst())
            ?.status,
      )
      .toBe('accepted');

    const delivered = await h.postJson(
      statusWebhook({ ...channelA, wamid, recipient: '5584991230001', status: 'delivered', timestamp: base }),
    );
    expect(delivered.status).toBe(200);
    await h.postJson(
      statusWebhook({ ...channelA, wamid, recipient: '5584991230001', status: 'sent', timestamp: base }),
    );
    const row = await h.testDb.db
      .selectFrom('messages')
      .selectAll()
      .where('wamid', '=', wamid)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
  });

  it('drops redeliveries: the same message 3 times in a row and 3 at once gets one reply', async () => {
    const payload = text('5584991230002', 'oi');
    for (let i = 0; i < 3; i++) expect((await h.postJson(payload)).status).toBe(200);
    await Promise.all([1, 2, 3].map(() => h.postJson(payload)));
    const wamid =
      (payload.entry[0]?.changes[0]?.value as unknown as { messages: { id: string }[] }).messages[0]?.id ?? '';
    await h.fake.waitForSent(1);
    // Every post above was answered after storing; once the one stored row is processed, every
    // reply there will be is written.
    await waitForProcessed(h.testDb.db, wamid);
    expect(await repliesTo(h.testDb.db, '5584991230002')).toBe(1);
    expect(h.fake.sent().filter((s) => (s.body as { to: string }).to === '+5584991230002')).toHaveLength(1);
    const rows = await h.testDb.db.selectFrom('messages').select('id').where('wamid', '=', wamid).execute();
    expect(rows).toHaveLength(1);
  });

  it('retries Graph 500s and 429s with backoff and delivers once', async () => {
    h.fake.failNext(1, { status: 500, code: 1, message: 'An unknown error occurred', to: '5584991230003' });
    h.fake.failNext(1, { status: 429, code: 130429, message: 'Rate limit hit', retryAfter: 0, to: '5584991230003' });
    await h.postJson(text('5584991230003', 'oi'));
    const sent = await h.fake.waitForSent(1, 15_000);
    expect(sent).toHaveLength(1);
    const attempts = h.fake.requests.filter(
      (r) => r.kind === 'send' && (r.body as { to: string }).to === '+5584991230003',
    );
    expect(attempts.map((a) => a.status)).toEqual([500, 429, 200]);
  }, 20_000);

  it('does not retry 131047 (outside the 24-hour window) and records why', async () => {
    h.fake.failNext(1, { status: 400, code: 131047, message: 'Re-engagement message', to: '5584991230004' });
    await h.postJson(text('5584991230004', 'oi'));
    await expect
      .poll(
        async () =>
          (
            await h.testDb.db
              .selectFrom('outbox')
              .innerJoin('contacts', 'contacts.id', 'outbox.contact_id')
              .select('outbox.status')
              .where('contacts.wa_id', '=', '5584991230004')
              .executeTakeFirst()
          )?.status,
        { timeout: 5000 },
      )
      .toBe('failed');
    // 'failed' is final (the sender only takes pending rows), so every attempt has been made.
    expect(h.fake.requests.filter((r) => (r.body as { to?: string }).to === '+5584991230004')).toHaveLength(1);
    const msg = await h.testDb.db
      .selectFrom('messages')
      .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
      .select(['messages.status', 'messages.error'])
      .where('contacts.wa_id', '=', '5584991230004')
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(msg.status).toBe('failed');
    expect(JSON.stringify(msg.error)).toContain('131047');
  });

  it('answers every correctly signed fixture with 200, even malformed ones, and stores every message type', async () => {
    for (const name of metaFixtureNames()) {
      const res = await h.post(metaFixtureBytes(name));
      expect(res.status, name).toBe(200);
    }
    const stored = await h.testDb.db.selectFrom('messages').select(['type']).where('direction', '=', 'in').execute();
    expect([...new Set(stored.map((m) => m.type))]).toEqual(
      expect.arrayContaining([
        'text',
        'interactive',
        'button',
        'image',
        'audio',
        'video',
        'document',
        'sticker',
        'location',
        'contacts',
        'reaction',
        'order',
        'unsupported',
      ]),
    );
  });
});

describe('ordering', () => {
  it("processes a contact's messages in WhatsApp timestamp order, whatever the delivery order", async () => {
    const h = await startMessagingHarness({ autoStart: false });
    try {
      const from = '5584991239999';
      await h.postJson(text(from, 'oi', new Date(base.getTime())));
      await h.postJson(text(from, 'terceira', new Date(base.getTime() + 3000)));
      await h.postJson(text(from, 'segunda', new Date(base.getTime() + 2000)));
      h.messaging.start();
      await h.fake.waitForSent(3);
      expect(bodiesOf(h)).toEqual(['Olá, Ana Souza! Mande algo.', 'Recebi: segunda', 'Recebi: terceira']);
    } finally {
      await h.close();
    }
  });
});
