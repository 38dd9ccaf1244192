import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';

export interface JsonAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

/** Thrown when the whole exchange (connect, send, read the answer) outlasts the timeout. */
export class TransportTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export interface JsonTransport {
  /** Resolves with any HTTP answer; rejects on network errors and with `TransportTimeout`. */
  send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<JsonAnswer>;
  close(): void;
}

/**
 * How long a kept-alive socket may sit unused and still be used again. A server closes idle
 * sockets on its own schedule (Node's default is 5 s, many proxies announce nothing); a request
 * written while its close is on the way fails with a reset and no answer, which for a send
 * means "in doubt": the contact's replies then wait the reconcile delay (see `sender.ts`).
 * Retiring sockets sooner costs a new connection after a lull, never a stalled contact.
 */
export const DEFAULT_MAX_IDLE_MS = 4000;

/**
 * Small JSON requests over kept-alive sockets with `node:http(s)`. The sender makes one or two
 * Graph calls per message: global `fetch` builds Request, Headers, AbortSignal and web streams
 * for each, which cost the server more CPU than the rest of the message's handling.
 */
export function createJsonTransport({
  timeoutMs,
  maxSockets = 64,
  maxIdleMs = DEFAULT_MAX_IDLE_MS,
}: {
  timeoutMs: number;
  maxSockets?: number;
  maxIdleMs?: number;
}): JsonTransport {
  // `timeout` closes sockets idle that long (and Node shortens it to a server's `Keep-Alive:
  // timeout` hint, less a second).
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets, timeout: maxIdleMs }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets, timeout: maxIdleMs }),
  };
  const freedAt = new WeakMap<Socket, number>();
  for (const agent of Object.values(agents))
    agent.on('free', (socket: Socket) => freedAt.set(socket, performance.now()));

  /**
   * The agent's idle timers run only when the event loop does: after a stall (a long statement
   * on embedded PGlite) a socket idle past the limit is still offered, and the server's close of
   * it is still unread. So the age is checked again right before each request.
   */
  function retireIdle(agent: HttpAgent): void {
    const oldest = performance.now() - maxIdleMs;
    for (const free of Object.values(agent.freeSockets)) {
      if (!free) continue;
      for (let i = free.length - 1; i >= 0; i--) {
        const socket = free[i]!;
        if ((freedAt.get(socket) ?? Infinity) > oldest) continue;
        // Out of the list first: the agent drops a destroyed socket only once it has closed.
        free.splice(i, 1);
        socket.destroy();
      }
    }
  }

  return {
    send(method, url, headers, body) {
      const target = new URL(url);
      const isHttps = target.protocol === 'https:';
      const request = isHttps ? httpsRequest : httpRequest;
      const agent = isHttps ? agents['https:'] : agents['http:'];
      retireIdle(agent);
      return new Promise<JsonAnswer>((resolve, reject) => {
        let answered = false;
        const req = request(
          target,
          {
            method,
            agent,
            headers: { ...headers, ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }) },
          },
          (res: IncomingMessage) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              answered = true;
              clearTimeout(timer);
              const retryAfter = res.headers['retry-after'];
              resolve({
                status: res.statusCode ?? 0,
                text: Buffer.concat(chunks).toString('utf8'),
                retryAfter: retryAfter ?? null,
              });
            });
            res.on('error', (err) => {
              clearTimeout(timer);
              reject(err);
            });
          },
        );
        // An event loop stalled past the deadline (a long query on embedded PGlite) runs this timer
        // before reading an answer that came in time; letting one I/O phase pass first reads it.
        // A send wrongly taken as unanswered is left for reconciling, and may go out twice.
        const timer = setTimeout(
          () =>
            setImmediate(() => {
              if (!answered) req.destroy(new TransportTimeout(timeoutMs));
            }),
          timeoutMs,
        );
        req.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
        req.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
