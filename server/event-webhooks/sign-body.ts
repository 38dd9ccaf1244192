import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256(secret, raw body)>`: the `X-Fluxo-Signature-256` header's value. */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** How a receiver checks a delivery (also used by the tests' receiver): in constant time. */
export function verifyBody(secret: string, body: string | Uint8Array, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new subscription's secret: 32 random bytes, shown once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
