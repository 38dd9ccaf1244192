import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far Chatwoot's `X-Chatwoot-Timestamp` may be from our clock (its docs: about 5 minutes). */
const skewMs = 5 * 60_000;

/**
 * Chatwoot 4.11.2+ (account webhooks) and 4.13+ (API inboxes) sign
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` (CHATWOOT.md §3.4).
 */
export function verifyChatwootSignature(
  secret: string,
  raw: Uint8Array,
  headers: { signature: string | undefined; timestamp: string | undefined },
  now: Date,
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > skewMs) return false;
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(raw).digest('hex');
  const expected = Buffer.from(`sha256=${mac}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
