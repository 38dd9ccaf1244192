import { Agent, request } from 'node:http';
import { signBody } from './sign.ts';

export interface PostResult {
  /** 0 when no answer came (connection refused or reset: the server is down). */
  status: number;
  ms: number;
  /** Why no answer came: the socket error's code (`ECONNREFUSED`, `ECONNRESET`, ...). */
  error?: string;
}

/**
 * Posts signed webhook bodies as Meta would, over kept-alive connections (Meta reuses them
 * too, and a TCP handshake per request would dominate what the benchmark measures).
 */
export function createWebhookClient(baseUrl: string, { maxSockets = 64 } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL('/webhooks/whatsapp', baseUrl);
  return {
    post(body: string, appSecret: string): Promise<PostResult> {
      const started = performance.now();
      const done = (status: number, err?: NodeJS.ErrnoException): PostResult => ({
        status,
        ms: performance.now() - started,
        ...(err ? { error: err.code ?? err.message } : {}),
      });
      return new Promise((resolve) => {
        const req = request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-hub-signature-256': signBody(body, appSecret),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(done(res.statusCode ?? 0)));
            res.on('error', (err) => resolve(done(0, err)));
          },
        );
        req.on('error', (err) => resolve(done(0, err)));
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
