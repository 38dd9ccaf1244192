import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChatwootSignature } from './verify-chatwoot-signature.ts';

const secret = 'cw-inbox-secret';
const body = Buffer.from('{"event":"message_created","id":4711}');
const now = new Date('2026-12-06T12:00:00Z');
const ts = String(now.getTime() / 1000);
const sign = (s: string, t: string, b: Uint8Array) =>
  `sha256=${createHmac('sha256', s).update(`${t}.`).update(b).digest('hex')}`;

describe('verifyChatwootSignature', () => {
  it.each([
    ['a valid signature', sign(secret, ts, body), ts, true],
    ['another secret', sign('other', ts, body), ts, false],
    ['a timestamp not the signed one', sign(secret, ts, body), String(Number(ts) + 1), false],
    ['a delivery older than 5 minutes', sign(secret, String(Number(ts) - 301), body), String(Number(ts) - 301), false],
    ['no signature', undefined, ts, false],
    ['no timestamp', sign(secret, ts, body), undefined, false],
  ])('%s', (_, signature, timestamp, ok) => {
    expect(verifyChatwootSignature(secret, body, { signature, timestamp }, now)).toBe(ok);
  });

  it('covers the raw bytes: a re-serialised body fails', () => {
    const signature = sign(secret, ts, body);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
    expect(verifyChatwootSignature(secret, reserialised, { signature, timestamp: ts }, now)).toBe(false);
  });
});
