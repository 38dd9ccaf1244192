import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

export type RawBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * The request body as bytes, refused past `maxBytes` (declared or streamed). On the Node
 * server it is read straight from the socket: going through `c.req` builds a web `Request`
 * with its streams and abort signal, which on the webhook path (every message and every
 * status) cost more CPU than the rest of the handler. `app.request()` in tests has no Node
 * request and takes the standard path.
 */
export async function readRawBody(c: Context, maxBytes: number): Promise<RawBody> {
  const declared = Number(c.req.header('content-length'));
  if (declared > maxBytes) return { ok: false, reason: 'too_large' };
  // @hono/node-server passes the Node request as `env.incoming`.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return bytes.byteLength > maxBytes ? { ok: false, reason: 'too_large' } : { ok: true, bytes };
  }
  return new Promise<RawBody>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        // Stop buffering; the rest is drained so the 413 can still be written.
        incoming.off('data', onData);
        incoming.resume();
        resolve({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
    incoming.once('error', () => resolve({ ok: false, reason: 'aborted' }));
    incoming.once('aborted', () => resolve({ ok: false, reason: 'aborted' }));
  });
}
