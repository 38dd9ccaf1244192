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
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (next < o.messages.length) {
          const m = o.messages[next++]!;
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
      }),
    );
  } finally {
    for (const client of clients.values()) client.close();
  }
  return log;
}
