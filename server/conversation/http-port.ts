import type { HttpPort } from '../../runtime/ports.ts';
import { blockedCause, publicFetch } from '../net/public-fetch.ts';

/** Response bodies past this are cut off: an HTTP node maps a few fields, not files. */
const maxResponseBytes = 1024 * 1024;

/**
 * The engine's HTTP port: only http(s), public addresses unless `allowPrivate` (an HTTP node
 * must not become a way into the server's own network), a timeout, and a size cap. The
 * address is checked on the socket's own DNS answer (`publicFetch`), so no spelling of a
 * private address and no DNS rebinding gets through; redirects are refused outright.
 */
export function createHttpPort({
  allowPrivate,
  fetchFn = allowPrivate ? fetch : publicFetch,
}: {
  allowPrivate: boolean;
  fetchFn?: typeof fetch;
}): HttpPort {
  return async (req) => {
    const url = new URL(req.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`scheme ${url.protocol} is not allowed`);
    let res: Response;
    try {
      res = await fetchFn(url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'GET' ? undefined : req.body,
        signal: AbortSignal.timeout(req.timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      const blocked = blockedCause(err);
      if (blocked) throw new Error(`${blocked.message}; set HTTP_NODE_ALLOW_PRIVATE=true to allow it`);
      throw err;
    }
    return { status: res.status, body: await readCapped(res) };
  };
}

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxResponseBytes) {
      await reader.cancel();
      throw new Error(`response is larger than ${maxResponseBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
