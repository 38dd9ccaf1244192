import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../runtime/ports.ts';
import type { FlowDocumentInput } from '../../shared/flow/schema.ts';
import { channelA, startMessagingHarness, type MessagingHarness } from '../testing/messaging-harness.ts';
import { until } from '../testing/until.ts';
import { messageWebhook } from '../testing/webhook-payloads.ts';

/** Greets, then for every message calls an HTTP API (which the test can hold up) and echoes. */
const slowEchoFlow: FlowDocumentInput = {
  name: 'Eco lento',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'hello', type: 'message', position: { x: 0, y: 150 }, data: { text: 'Olá! Mande algo.' } },
    { id: 'wait', type: 'wait', position: { x: 0, y: 300 }, data: { durationMinutes: null, variable: 'msg' } },
    {
      id: 'api',
      type: 'http',
      position: { x: 0, y: 450 },
      data: { url: 'https://api.example.test/check?m={{msg}}', mappings: [] },
    },
    { id: 'echo', type: 'message', position: { x: 0, y: 600 }, data: { text: 'Recebi: {{msg}}' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourceHandle: 'next', target: 'wait' },
    { id: 'e3', source: 'wait', sourceHandle: 'reply', target: 'api' },
    { id: 'e4', source: 'api', sourceHandle: 'ok', target: 'echo' },
    { id: 'e5', source: 'api', sourceHandle: 'error', target: 'echo' },
    { id: 'e6', source: 'echo', sourceHandle: 'next', target: 'wait' },
    { id: 'e7', source: 'wait', sourceHandle: 'timeout', target: 'echo' },
  ],
};

/**
 * Issue 24 item 5 (c): a message stored while its contact is held by a processor (running
 * the contact's previous message) was skipped by the processor its wake-up went to, and the
 * holder, finishing, went to sleep: the message waited for the idle poll, or for some other
 * contact's message to wake a processor. The poll here is 30 s, so a missed wake-up shows.
 */
describe('a message that arrives while its contact is being processed', () => {
  let h: MessagingHarness;
  let release: (() => void) | null = null;
  let held: Promise<void> | null = null;
  let calls = 0;
  beforeAll(async () => {
    h = await startMessagingHarness({
      flow: slowEchoFlow,
      pollMs: 30_000,
      ports: {
        http: async (_req: HttpRequest): Promise<HttpResponse> => {
          calls += 1;
          if (held) await held;
          return { status: 200, body: '{}' };
        },
      },
    });
  });
  afterAll(async () => {
    release?.();
    await h.close();
  });

  const post = (n: number, text: string) =>
    h.postJson(
      messageWebhook({
        ...channelA,
        wamid: `wamid.held.${n}`,
        from: '5584991230042',
        name: 'Lia',
        timestamp: new Date(),
        text,
      }),
    );
  const texts = () => h.fake.sent().map((r) => (r.body as { text?: { body?: string } }).text?.body);

  it('is run as soon as the contact is let go, not at the next poll', async () => {
    expect((await post(1, 'oi')).status).toBe(200);
    await h.fake.waitForSent(1);

    held = new Promise<void>((resolve) => {
      release = resolve;
    });
    expect((await post(2, 'primeira')).status).toBe(200);
    await until("the processor to be inside the contact's run", () => calls === 1, 5000);
    // Stored and woken while the contact's lease is held by the busy processor.
    expect((await post(3, 'segunda')).status).toBe(200);
    await new Promise<void>((resolve) => setImmediate(resolve));
    const letGoAt = Date.now();
    held = null;
    release!();

    await until(
      () => `both echoes, sent so far: ${JSON.stringify(texts())}`,
      () => h.fake.sent().length >= 3,
      5000,
    );
    expect(texts()).toEqual(['Olá! Mande algo.', 'Recebi: primeira', 'Recebi: segunda']);
    expect(Date.now() - letGoAt).toBeLessThan(5000);
  });
});

/**
 * Issue 24 item 5 (d): a pass committed its contacts' outcomes together, once every run had
 * ended, so one contact waiting on a slow HTTP (or LLM) call held back the replies, and the
 * leases, of every contact claimed with it: up to the call's timeout.
 */
describe('a batch with one slow contact', () => {
  let h: MessagingHarness;
  let release: (() => void) | null = null;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let slowCalls = 0;
  beforeAll(async () => {
    h = await startMessagingHarness({
      flow: slowEchoFlow,
      pollMs: 30_000,
      autoStart: false,
      ports: {
        http: async (req: HttpRequest): Promise<HttpResponse> => {
          if (req.url.includes('lento')) {
            slowCalls += 1;
            await held;
          }
          return { status: 200, body: '{}' };
        },
      },
    });
  });
  afterAll(async () => {
    release?.();
    await h.close();
  });

  const post = (from: string, n: number, text: string) =>
    h.postJson(
      messageWebhook({
        ...channelA,
        wamid: `wamid.batch.${from}.${n}`,
        from,
        name: 'C',
        timestamp: new Date(Date.now() + n),
        text,
      }),
    );
  const textsTo = (to: string) =>
    h.fake
      .sent()
      .filter((r) => (r.body as { to?: string }).to?.replace(/^\+/, '') === to)
      .map((r) => (r.body as { text?: { body?: string } }).text?.body);

  it('answers the others while that one still waits', async () => {
    const slow = '5584991230051';
    const fast = '5584991230052';
    // Stored before the processors start, so one claim takes both contacts.
    for (const [from, text] of [
      [slow, 'lento'],
      [fast, 'rapido'],
    ] as const) {
      expect((await post(from, 1, 'oi')).status).toBe(200);
      expect((await post(from, 2, text)).status).toBe(200);
    }
    h.messaging.start();

    await until(
      () =>
        `the fast contact's echo while the slow one waits, sent: ${JSON.stringify(h.fake.sent().map((r) => r.body))}`,
      () => textsTo(fast).includes('Recebi: rapido'),
      5000,
    );
    expect(slowCalls).toBe(1);
    expect(textsTo(slow)).toEqual([]);

    release!();
    await until("the slow contact's replies", () => textsTo(slow).length === 2, 5000);
    expect(textsTo(slow)).toEqual(['Olá! Mande algo.', 'Recebi: lento']);
    expect(textsTo(fast)).toEqual(['Olá! Mande algo.', 'Recebi: rapido']);
  });
});
