import type { SimulatedMessage } from './echo-conversations.ts';
import { createWebhookClient, type PostResult } from './webhook-client.ts';

export interface DeliveryLog {
  /** Every answer the server gave, in order (0: no answer, the connection failed). */
  answers: PostResult[];
  /** When each message was first acknowledged with 200 (performance.now() time). */
  acknowledgedAt: Map<SimulatedMessage, number>;
}

/**
 * Meta's side of webhook delivery under faults: every message is posted until the server
 * answers 200, again after a short pause when it does not (Meta backs off for longer; the
 * tests only need the "delivered again" part). `concurrency` posters share kept-alive
 * connections; `baseUrl()` is asked before each post, so a restarted server is found.
 *
 * A contact's next message is posted only once the previous one was acknowledged. Otherwise a
 * message refused during a fault could be delivered again after its contact's next one was
 * answered, and Fluxo keeps such a late message without running it (the flow has moved past
 * it: see `handled_up_to`), which these tests would count as a missing reply. Reordered
 * deliveries are reordering.test.ts's subject, not these.
 */
export async function deliverUntilAcknowledged(o: {
  baseUrl: () => string;
  messages: SimulatedMessage[];
  appSecret: string;
  concurrency: number;
  retryMs?: number;
  timeoutMs?: number;
  log?: DeliveryLog;
  /** Called after each answer, e.g. to inject a fault once enough was acknowledged. */
  onAnswer?: (log: DeliveryLog) => void;
}): Promise<DeliveryLog> {
  const log: DeliveryLog = o.log ?? { answers: [], acknowledgedAt: new Map() };
  const clients = new Map<string, ReturnType<typeof createWebhookClient>>();
  const clientFor = (url: string) => {
    let client = clients.get(url);
    if (!client) clients.set(url, (client = createWebhookClient(url, { maxSockets: o.concurrency })));
    return client;
  };
  const deadline = performance.now() + (o.timeoutMs ?? 60_000);
  // Per contact, the acknowledgement of the message taken last.
  const previousOf = new Map<string, Promise<void>>();
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (next < o.messages.length) {
          const m = o.messages[next++]!;
          const previous = previousOf.get(m.contact);
          let acknowledged = () => undefined as void;
          previousOf.set(m.contact, new Promise<void>((resolve) => (acknowledged = resolve)));
          await previous;
          try {
            await postUntilAcknowledged(m);
          } finally {
            acknowledged();
          }
        }
      }),
    );
  } finally {
    for (const client of clients.values()) client.close();
  }
  return log;

  async function postUntilAcknowledged(m: SimulatedMessage): Promise<void> {
    for (;;) {
      const r = await clientFor(o.baseUrl()).post(m.body, o.appSecret);
      log.answers.push(r);
      o.onAnswer?.(log);
      if (r.status === 200) {
        log.acknowledgedAt.set(m, performance.now());
        break;
      }
      if (performance.now() > deadline)
        throw new Error(`message ${m.text} not acknowledged in time (last answer ${r.status})`);
      await new Promise((resolve) => setTimeout(resolve, o.retryMs ?? 200));
    }
  }
}
