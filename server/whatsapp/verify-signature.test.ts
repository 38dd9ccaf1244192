import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIXTURE_APP_SECRET, metaFixtureBytes, metaFixtureNames } from '../testing/meta-fixtures.ts';
import { signBody } from '../testing/sign.ts';
import { verifySignature } from './verify-signature.ts';

const secret = FIXTURE_APP_SECRET;

describe('verifySignature', () => {
  it.each(metaFixtureNames().filter((name) => name !== 'bad-signature-mismatch.json'))(
    'accepts %s signed over its raw bytes',
    (name) => {
      const raw = metaFixtureBytes(name);
      expect(verifySignature(raw, signBody(raw, secret), secret)).toBe(true);
    },
  );

  it('pins the header of a fixture to the value sign.mjs prints', () => {
    // Computed once with `node fixtures/sign.mjs dashboard-test-payload.json`.
    const raw = metaFixtureBytes('dashboard-test-payload.json');
    const header = 'sha256=2556e5d61ab2e6f6da5efa637de8297ec27a4be7d997ca96cf27b2402bd1c77f';
    expect(signBody(raw, secret)).toBe(header);
    expect(verifySignature(raw, header, secret)).toBe(true);
  });

  it('rejects the tampered body with the signature of its original', () => {
    const raw = metaFixtureBytes('bad-signature-mismatch.json');
    const header = metaFixtureBytes('bad-signature-mismatch.sig').toString('utf8').trim();
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(raw, header, secret)).toBe(false);
  });

  it('rejects a body with one byte changed', () => {
    const raw = metaFixtureBytes('text.json');
    const header = signBody(raw, secret);
    const tampered = Buffer.from(raw);
    tampered[tampered.indexOf('Ponta')] = 'p'.charCodeAt(0);
    expect(verifySignature(tampered, header, secret)).toBe(false);
  });

  it('checks the wire-format body on its escaped bytes, not on re-serialised JSON', () => {
    const raw = metaFixtureBytes('text-wire-format.json');
    const header = signBody(raw, secret);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
    expect(raw.includes('\\/')).toBe(true);
    expect(reserialised.equals(raw)).toBe(false);
    expect(verifySignature(raw, header, secret)).toBe(true);
    expect(verifySignature(reserialised, header, secret)).toBe(false);
  });

  it('accepts raw UTF-8 bytes signed the way Meta signs: over the \\u-escaped form', () => {
    const escaped = '{"text":"Ol\\u00e1 \\ud83d\\ude0d"}';
    const raw = Buffer.from('{"text":"Olá 😍"}', 'utf8');
    expect(verifySignature(raw, signBody(escaped, secret), secret)).toBe(true);
    expect(verifySignature(raw, signBody('{"text":"Ola"}', secret), secret)).toBe(false);
  });

  const raw = metaFixtureBytes('text.json');
  const good = signBody(raw, secret);
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['without the sha256= prefix', good.slice('sha256='.length)],
    ['with the sha1= prefix', `sha1=${good.slice(7)}`],
    ['one hex digit short', good.slice(0, -1)],
    ['one hex digit too many', `${good}0`],
    ['with non-hex characters', `${good.slice(0, -1)}z`],
    ['signed with another secret', signBody(raw, 'another-secret')],
  ])('rejects a header that is %s', (_label, header) => {
    expect(verifySignature(raw, header, secret)).toBe(false);
  });

  it('accepts uppercase hex of the right digest (same bytes)', () => {
    expect(verifySignature(raw, `sha256=${good.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it('rejects everything when no app secret is configured', () => {
    expect(verifySignature(raw, signBody(raw, ''), '')).toBe(false);
  });
});

describe('HMAC-SHA256 (RFC 4231 vectors pin the algorithm)', () => {
  it('matches test case 1 (binary key)', () => {
    const hex = 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7';
    expect(createHmac('sha256', Buffer.alloc(20, 0x0b)).update('Hi There').digest('hex')).toBe(hex);
  });

  it('matches test case 2 through signBody and verifySignature', () => {
    const hex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    const data = Buffer.from('what do ya want for nothing?');
    expect(signBody(data, 'Jefe')).toBe(`sha256=${hex}`);
    expect(verifySignature(data, `sha256=${hex}`, 'Jefe')).toBe(true);
  });
});
