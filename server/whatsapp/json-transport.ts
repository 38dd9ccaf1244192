import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface JsonAnswer { status: number; text: string; retryAfter: string | null }

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
 * Small JSON requests over kept-alive sockets with `node:http(s)`. The sender makes one or two
 * Graph calls per message: global `fetch` builds Request, Headers, AbortSignal and web streams
 * for each, which cost the server more CPU than the rest of the message's handling.
 */
export function createJsonTransport({ timeoutMs, maxSockets = 64 }: { timeoutMs: number; maxSockets?: number }): JsonTransport {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets }),
  };

  return {
    send(method, url, headers, body) {
      const target = new URL(url);
      const isHttps = target.protocol === 'https:';
      const request = isHttps ? httpsRequest : httpRequest;
      const agent = isHttps ? agents['https:'] : agents['http:'];
      return new Promise<JsonAnswer>((resolve, reject) => {
        let answered = false;
        const req = request(target, {
          method, agent,
          headers: { ...headers, ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }) },
        }, (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            answered = true;
            clearTimeout(timer);
            const retryAfter = res.headers['retry-after'];
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), retryAfter: retryAfter ?? null });
          });
          res.on('error', (err) => { clearTimeout(timer); reject(err); });
        });
        // An event loop stalled past the deadline (a long query on embedded PGlite) runs this timer
        // before reading an answer that came in time; letting one I/O phase pass first reads it.
        // A send wrongly taken as unanswered is left for reconciling, and may go out twice.
        const timer = setTimeout(() => setImmediate(() => {
          if (!answered) req.destroy(new TransportTimeout(timeoutMs));
        }), timeoutMs);
        req.on('error', (err) => { clearTimeout(timer); reject(err); });
        req.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
