import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for per-IP limits. By default the TCP peer: anyone can write
 * an `X-Forwarded-For` header, so trusting it would let an attacker pick a fresh address for
 * every guess. Behind N reverse proxies of our own (`FLUXO_TRUSTED_PROXIES=N`), each appends the
 * address it saw to the header, so the client is N hops back from the peer; entries further
 * left were written by the client and are ignored.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // Not behind Node's server (app.request in tests): no socket to ask.
  }
  const chain = [
    ...(trustedProxies > 0
      ? (c.req.header('x-forwarded-for') ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean)
      : []),
    peer ?? 'unknown',
  ];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? 'unknown';
}
