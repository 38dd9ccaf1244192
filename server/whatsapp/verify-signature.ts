import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks Meta's `X-Hub-Signature-256` header (`sha256=<hex HMAC-SHA256 of the body>`, keyed
 * with the Meta app secret) against the raw request bytes. Re-serialised JSON never matches:
 * Meta signs its own compact bytes, with `\/` and `\uXXXX` escapes.
 *
 * Uppercase hex is accepted: it is the same digest, and rejecting it buys no security.
 * Bodies carrying raw non-ASCII bytes are also checked in the `\uXXXX`-escaped form, because
 * Meta documents signing "an escaped unicode version of the payload" (docs/meta-whatsapp.md §1).
 */
export function verifySignature(rawBody: Uint8Array, header: string | undefined | null, appSecret: string): boolean {
  const match = header ? HEADER.exec(header.trim()) : null;
  if (!match?.[1] || !appSecret) return false;
  const expected = Buffer.from(match[1], 'hex');
  if (sameDigest(hmac(appSecret, rawBody), expected)) return true;
  return hasNonAscii(rawBody) && sameDigest(hmac(appSecret, escapeNonAscii(rawBody)), expected);
}

function hmac(secret: string, data: Uint8Array | string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

function sameDigest(actual: Buffer, expected: Buffer): boolean {
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return true;
  return false;
}

/** UTF-16 code units above ASCII as lowercase `\uXXXX`, the way Meta escapes its wire JSON. */
function escapeNonAscii(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('utf8')
    .replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
