import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundDelivery } from '../whatsapp/inbound-delivery.ts';
import { stageSeconds } from '../metrics/stages.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { until } from '../testing/until.ts';
import { repliesTo, waitForProcessed } from '../testing/wait-for-processed.ts';

// Recent, so the 24-hour window is open; whole seconds, as Meta's timestamps are.
const base = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const text = (waId: string, wamid: string, body: string, second: number) =>
  messageWebhook({
    ...channelA,
    wamid,
    from: waId,
    name: 'Ana',
    timestamp: new Date(base + second * 1000),
    text: body,
  });
const repliesOf = (h: MessagingHarness, waId: string) =>
  h.fake
    .sent()
    .filter((r) => ((r.body as { to?: string }).to ?? '').replace(/^\+/, '') === waId)
    .map((r) => (r.body as { text?: { body: string } }).text?.body ?? (r.body as { type: string }).type);

/** Passes that ran a claim so far (the processors' `claim` stage). */
async function claims(): Promise<number> {
  const metric = await stageSeconds.get();
  return (
    metric.values.find((v) => v.metricName === 'fluxo_stage_seconds_count' && v.labels.stage === 'claim')?.value ?? 0
  );
}

describe("one contact's messages delivered out of order", () => {
  let h: MessagingHarness;
  let gate: ((deliveries: InboundDelivery[]) => Promise<void>) | null = null;
  beforeAll(async () => {
    // No idle polls: every pass here is one a wake-up asked for. A generous in-flight bound, as the
    // test holds a store back on purpose (production bounds it at `defaultInboundHoldMs`).
    h = await startMessagingHarness({ pollMs: 60_000, inFlightHoldMs: 60_000, markRead: true });
    const submit = h.messaging.deps.inbox.submit;
    h.messaging.deps.inbox.submit = async (deliveries) => {
      await gate?.(deliveries);
      return submit(deliveries);
    };
  });
  afterAll(() => h.close());

  /** Starts the echo flow for a contact and waits until it waits for a message. */
  async function greeted(waId: string): Promise<void> {
    expect((await h.postJson(text(waId, `wamid.${waId}.0`, 'oi', 0))).status).toBe(200);
    await until('the greeting', () => repliesOf(h, waId).length === 1, 5000);
  }

  it('answers in timestamp order when the later one is stored (and woken) while the earlier one is still in flight', async () => {
    const waId = '5584993000001';
    await greeted(waId);
    const earlier = text(waId, `wamid.${waId}.1`, 'primeira', 1);
    const later = text(waId, `wamid.${waId}.2`, 'segunda', 2);

    // The earlier delivery waits before it is stored until a pass has claimed after the later one was.
    let claimsBeforeLater = 0;
    let earlierHeld!: () => void;
    const heldBack = new Promise<void>((resolve) => (earlierHeld = resolve));
    gate = async (deliveries) => {
      const wamids = deliveries.flatMap((d) => d.messages.map((m) => m.wamid));
      if (wamids.includes(`wamid.${waId}.2`)) claimsBeforeLater = await claims();
      if (wamids.includes(`wamid.${waId}.1`)) await heldBack;
    };
    const laterPosted = h.postJson(later);
    const earlierPosted = h.postJson(earlier);
    expect((await laterPosted).status).toBe(200);
    // The later message's wake-up ran a pass while the earlier one was parsed but not stored.
    await until('a pass after the later message was stored', async () => (await claims()) > claimsBeforeLater, 5000);
    earlierHeld();
    expect((await earlierPosted).status).toBe(200);
    gate = null;

    await waitForProcessed(h.testDb.db, `wamid.${waId}.1`);
    await waitForProcessed(h.testDb.db, `wamid.${waId}.2`);
    await until('both replies sent', () => repliesOf(h, waId).length === 3, 5000);
    expect(repliesOf(h, waId).slice(1)).toEqual(['Recebi: primeira', 'Recebi: segunda']);
    // Read receipts: one per wave at most, never two for one message (outbox_message_id_key).
    const reads = h.fake.sent().filter((r) => (r.body as { status?: string }).status === 'read');
    expect(new Set(reads.map((r) => (r.body as { message_id: string }).message_id)).size).toBe(reads.length);
  });

  it('records a message older than one already answered, without the flow answering again', async () => {
    const waId = '5584993000002';
    await greeted(waId);
    expect((await h.postJson(text(waId, `wamid.${waId}.2`, 'segunda', 2))).status).toBe(200);
    await until('the answer to the later message', () => repliesOf(h, waId).length === 2, 5000);

    // The earlier message, held up somewhere for longer than the flow took to answer the later one.
    expect((await h.postJson(text(waId, `wamid.${waId}.1`, 'primeira', 1))).status).toBe(200);
    await waitForProcessed(h.testDb.db, `wamid.${waId}.1`);
    // Processed (so never run again) but not run: its commit is where a reply would have been written.
    expect(await repliesTo(h.testDb.db, waId)).toBe(2);
    expect(repliesOf(h, waId)).toEqual(['Olá, Ana! Mande algo.', 'Recebi: segunda']);
    const contact = await h.testDb.db
      .selectFrom('contacts')
      .select('handled_up_to')
      .where('wa_id', '=', waId)
      .executeTakeFirstOrThrow();
    expect(contact.handled_up_to).toEqual(new Date(base + 2000));
    const stored = await h.testDb.db
      .selectFrom('messages')
      .select('text')
      .where('wamid', '=', `wamid.${waId}.1`)
      .executeTakeFirstOrThrow();
    expect(stored.text).toBe('primeira');

    // The flow still answers what comes next.
    expect((await h.postJson(text(waId, `wamid.${waId}.3`, 'terceira', 3))).status).toBe(200);
    await until('the answer to the next message', () => repliesOf(h, waId).length === 3, 5000);
    expect(repliesOf(h, waId).at(-1)).toBe('Recebi: terceira');
  });
});
