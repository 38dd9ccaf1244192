import { createHmac } from 'node:crypto';

/** The `X-Hub-Signature-256` value Meta would send for these exact bytes (tests, benchmark). */
export function signBody(raw: Uint8Array | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}
