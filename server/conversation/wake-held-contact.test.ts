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
    { id: 'api', type: 'http', position: { x: 0, y: 450 }, data: { url: 'https://api.example.test/check', mappings: [] } },
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
      flow: slowEchoFlow, pollMs: 30_000,
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

  const post = (n: number, text: string) => h.postJson(messageWebhook({
    ...channelA, wamid: `wamid.held.${n}`, from: '5584991230042', name: 'Lia', timestamp: new Date(), text,
  }));
  const texts = () => h.fake.sent().map((r) => (r.body as { text?: { body?: string } }).text?.body);

  it('is run as soon as the contact is let go, not at the next poll', async () => {
    expect((await post(1, 'oi')).status).toBe(200);
    await h.fake.waitForSent(1);

    held = new Promise<void>((resolve) => { release = resolve; });
    expect((await post(2, 'primeira')).status).toBe(200);
    await until('the processor to be inside the contact\'s run', () => calls === 1, 5000);
    // Stored and woken while the contact's lease is held by the busy processor.
    expect((await post(3, 'segunda')).status).toBe(200);
    await new Promise<void>((resolve) => setImmediate(resolve));
    const letGoAt = Date.now();
    held = null;
    release!();

    await until(() => `both echoes, sent so far: ${JSON.stringify(texts())}`, () => h.fake.sent().length >= 3, 5000);
    expect(texts()).toEqual(['Olá! Mande algo.', 'Recebi: primeira', 'Recebi: segunda']);
    expect(Date.now() - letGoAt).toBeLessThan(5000);
  });
});
