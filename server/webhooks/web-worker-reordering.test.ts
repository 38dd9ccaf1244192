import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundDelivery } from '../whatsapp/inbound-delivery.ts';
import { readConfig } from '../env.ts';
import { silentLogger } from '../logger.ts';
import { startMessaging } from '../messaging.ts';
import { stageSeconds } from '../metrics/stages.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { until } from '../testing/until.ts';
import { waitForProcessed } from '../testing/wait-for-processed.ts';

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

/** Passes that ran a claim so far (the processors' `claim` stage): only the worker claims here. */
async function claims(): Promise<number> {
  const metric = await stageSeconds.get();
  return (
    metric.values.find((v) => v.metricName === 'fluxo_stage_seconds_count' && v.labels.stage === 'claim')?.value ?? 0
  );
}

/**
 * As `reordering.test.ts`, but the instance storing the webhooks is not the one claiming: a web
 * instance (its processors stopped, as FLUXO_ROLE=web) and a worker instance on one database
 * and one Redis, which the worker learns the web's deliveries in flight through. Runs only with
 * DATABASE_URL and REDIS_URL set (see vitest.config.ts).
 */
describe("one contact's messages delivered out of order to a web instance, run by a worker", () => {
  let h: MessagingHarness;
  let worker: ReturnType<typeof startMessaging>;
  let gate: ((deliveries: InboundDelivery[]) => Promise<void>) | null = null;
  // A generous bound on both (the claimer counts holds by its own), as the test holds a store
  // back on purpose; production bounds it at `defaultInboundHoldMs`.
  const inFlightHoldMs = 60_000;
  beforeAll(async () => {
    // No idle polls: every pass here is one a wake-up asked for.
    h = await startMessagingHarness({ autoStart: false, pollMs: 60_000, inFlightHoldMs, markRead: true });
    const submit = h.messaging.deps.inbox.submit;
    h.messaging.deps.inbox.submit = async (deliveries) => {
      await gate?.(deliveries);
      return submit(deliveries);
    };
    worker = startMessaging({
      db: h.testDb.db,
      config: readConfig({
        DATA_DIR: '/nonexistent',
        WHATSAPP_GRAPH_URL: h.fake.url,
        DATABASE_URL: process.env.DATABASE_URL,
        REDIS_URL: process.env.REDIS_URL,
      }),
      clock: { now: () => new Date() },
      logger: silentLogger,
      secrets: h.secrets,
      pollMs: 60_000,
      inFlightHoldMs,
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  const repliesOf = (waId: string) =>
    h.fake
      .sent()
      .filter((r) => ((r.body as { to?: string }).to ?? '').replace(/^\+/, '') === waId)
      .map((r) => (r.body as { text?: { body: string } }).text?.body ?? (r.body as { type: string }).type);

  it('does not run the later message alone while the web instance is still storing the earlier one', async () => {
    const waId = '5584995000001';
    expect((await h.postJson(text(waId, `wamid.${waId}.0`, 'oi', 0))).status).toBe(200);
    await until('the greeting', () => repliesOf(waId).length === 1, 5000);

    // The earlier delivery waits before it is stored until the worker has claimed after the later one was.
    let claimsBeforeLater = 0;
    let earlierHeld!: () => void;
    const heldBack = new Promise<void>((resolve) => (earlierHeld = resolve));
    gate = async (deliveries) => {
      const wamids = deliveries.flatMap((d) => d.messages.map((m) => m.wamid));
      if (wamids.includes(`wamid.${waId}.2`)) claimsBeforeLater = await claims();
      if (wamids.includes(`wamid.${waId}.1`)) await heldBack;
    };
    const laterPosted = h.postJson(text(waId, `wamid.${waId}.2`, 'segunda', 2));
    const earlierPosted = h.postJson(text(waId, `wamid.${waId}.1`, 'primeira', 1));
    expect((await laterPosted).status).toBe(200);
    await until(
      'a worker pass after the later message was stored',
      async () => (await claims()) > claimsBeforeLater,
      5000,
    );
    earlierHeld();
    expect((await earlierPosted).status).toBe(200);
    gate = null;

    await waitForProcessed(h.testDb.db, `wamid.${waId}.1`);
    await waitForProcessed(h.testDb.db, `wamid.${waId}.2`);
    await until('both replies sent', () => repliesOf(waId).length === 3, 5000);
    expect(repliesOf(waId).slice(1)).toEqual(['Recebi: primeira', 'Recebi: segunda']);
  });
});
