import { Agent, request } from 'node:http';
import { signBody } from './sign.ts';
import { metaJson, statusWebhook } from './webhook-payloads.ts';

/** Where and how the fake Graph API reports what became of accepted sends, as Meta does. */
export interface StatusCallback {
  /** The server's webhook URL, e.g. `http://127.0.0.1:3000/webhooks/whatsapp`. */
  url: string;
  appSecret: string;
  /** Posted one after another for each accepted send, each retried until answered 200. */
  statuses: ('sent' | 'delivered')[];
}

export interface AcceptedSend {
  phoneNumberId: string;
  wamid: string;
  /** `to` of the send (`+5584…`) or the business-scoped user id. */
  to: string;
  bizOpaqueCallbackData?: string;
}

/**
 * Posts signed status webhooks for accepted sends. Like Meta it retries anything but a 200
 * with growing delays, so a server that is down (killed in a crash test) gets them once it is
 * back. Connections are kept alive and per-send chains run concurrently, so the benchmark's
 * hundreds of sends a second cost the fake little.
 */
export function createStatusPoster() {
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const timers = new Set<NodeJS.Timeout>();
  let pending = 0;
  let posted = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const backoffMs = (attempt: number) => Math.min(500, 20 * 2 ** attempt);

  function postOnce(url: URL, body: string, signature: string): Promise<number> {
    return new Promise((resolve) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-hub-signature-256': signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      // Refused, reset or unanswered (the server is down, was killed mid-request, or hangs):
      // Meta would retry, so do we.
      req.on('error', () => resolve(0));
      req.setTimeout(3000, () => req.destroy());
      req.end(body);
    });
  }

  async function deliver(callback: StatusCallback, body: string): Promise<void> {
    const url = new URL(callback.url);
    const signature = signBody(body, callback.appSecret);
    for (let attempt = 0; !closed; attempt++) {
      if ((await postOnce(url, body, signature)) === 200) {
        posted += 1;
        return;
      }
      if (closed) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, backoffMs(attempt));
        timers.add(t);
      });
    }
  }

  return {
    /** How many status webhooks were answered 200. */
    get posted() {
      return posted;
    },
    /** Sends whose statuses are not all acknowledged yet. */
    get pending() {
      return pending;
    },
    enqueue(callback: StatusCallback, send: AcceptedSend): void {
      if (closed) return;
      pending += 1;
      const channel = { phoneNumberId: send.phoneNumberId, displayPhone: send.phoneNumberId, wabaId: '0' };
      const recipient = send.to.replace(/^\+/, '');
      void (async () => {
        for (const status of callback.statuses) {
          const body = metaJson(
            statusWebhook({
              ...channel,
              wamid: send.wamid,
              recipient,
              status,
              timestamp: new Date(),
              bizOpaqueCallbackData: send.bizOpaqueCallbackData,
            }),
          );
          await deliver(callback, body);
        }
        pending -= 1;
        if (pending === 0) {
          idleWaiters.forEach((w) => w());
          idleWaiters = [];
        }
      })();
    },
    /** Resolves when every status so far was acknowledged. */
    idle(): Promise<void> {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    close(): void {
      closed = true;
      timers.forEach((t) => clearTimeout(t));
      timers.clear();
      agent.destroy();
      idleWaiters.forEach((w) => w());
      idleWaiters = [];
    },
  };
}
