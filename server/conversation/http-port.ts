import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { HttpPort } from '../../runtime/ports.ts';

/** Response bodies past this are cut off: an HTTP node maps a few fields, not files. */
const maxResponseBytes = 1024 * 1024;

/** True for loopback, private, link-local, CGNAT and other non-public ranges (v4 and v6). */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a = 0, b = 0] = v4.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254)
      || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

/**
 * The engine's HTTP port: only http(s), public addresses unless `allowPrivate` (an HTTP node
 * must not become a way into the server's own network), a timeout, and a size cap.
 */
export function createHttpPort({ allowPrivate, fetchFn = fetch }: { allowPrivate: boolean; fetchFn?: typeof fetch }): HttpPort {
  return async (req) => {
    const url = new URL(req.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`scheme ${url.protocol} is not allowed`);
    if (!allowPrivate) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
      if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
        throw new Error(`${url.hostname} resolves to a private address; set HTTP_NODE_ALLOW_PRIVATE=true to allow it`);
      }
    }
    const res = await fetchFn(url, {
      method: req.method, headers: req.headers, body: req.method === 'GET' ? undefined : req.body,
      signal: AbortSignal.timeout(req.timeoutMs), redirect: 'error',
    });
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
