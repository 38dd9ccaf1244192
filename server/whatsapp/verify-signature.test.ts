import { describe, expect, it } from 'vitest';
import { FIXTURE_APP_SECRET, metaFixtureBytes, metaFixtureNames } from '../testing/meta-fixtures.ts';
import { signBody } from '../testing/sign.ts';
import { verifySignature } from './verify-signature.ts';

const secret = FIXTURE_APP_SECRET;

/**
 * Fixed headers, computed outside Fluxo and outside Node with OpenSSL, e.g.
 * `openssl dgst -sha256 -hmac fixture-app-secret-0123456789abcdef -r < server/whatsapp/fixtures/text.json`
 * (the secret is the fixtures' app secret, see server/whatsapp/fixtures/README.md). Pinning them
 * means these tests check `verifySignature` against known answers, not against `node:crypto`.
 */
const pinned = {
  text: 'sha256=f9cee4ac61d732ac50a1495a0b972e58d2f5f16a92cf9bbd34a94b4641e98fd2',
  textWithAnotherSecret: 'sha256=22639306caae03f5f0f15dc409b2b57ec17229d05f35323393a25b4f97f8a03e',
  wireFormat: 'sha256=f580bbe47a13c06a991abd91094f4a58fc7a6622bb370ba23348314990e7cb5c',
  dashboardTest: 'sha256=2556e5d61ab2e6f6da5efa637de8297ec27a4be7d997ca96cf27b2402bd1c77f',
  /** `{"text":"\u00e4\u00f6\u00e5"}`: Meta's documented example, äöå escaped (docs/meta-whatsapp.md). */
  escapedAeOeAa: 'sha256=5b2365099cbc9b53e7707fbe6bf8fe21f322cf726cf7851bb20326a8f8379ebc',
  /** The same JSON with äöå as raw UTF-8: what an HMAC of the decoded bytes would give. */
  rawAeOeAa: 'sha256=fbc1cba5573168d4a13539e3f5811bda2f949f27d6256f1345b42652a6c55f29',
  ola: 'sha256=1d0011674af0d93c3f3ca9c6a3862d2c27bccbc29aaa6268096947fbae295de5',
};

describe('verifySignature', () => {
  it('accepts the fixed headers of fixtures signed over their raw bytes', () => {
    expect(verifySignature(metaFixtureBytes('text.json'), pinned.text, secret)).toBe(true);
    expect(verifySignature(metaFixtureBytes('dashboard-test-payload.json'), pinned.dashboardTest, secret)).toBe(true);
  });

  it.each(metaFixtureNames().filter((name) => name !== 'bad-signature-mismatch.json'))(
    'accepts %s signed over its raw bytes (with the helper the tests and bench sign with)',
    (name) => {
      const raw = metaFixtureBytes(name);
      expect(verifySignature(raw, signBody(raw, secret), secret)).toBe(true);
    },
  );

  it("pins the tests' signing helper to the fixed header of a fixture", () => {
    expect(signBody(metaFixtureBytes('dashboard-test-payload.json'), secret)).toBe(pinned.dashboardTest);
  });

  it('rejects the tampered body with the signature of its original', () => {
    const raw = metaFixtureBytes('bad-signature-mismatch.json');
    const header = metaFixtureBytes('bad-signature-mismatch.sig').toString('utf8').trim();
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(raw, header, secret)).toBe(false);
  });

  it('rejects a body with one byte changed', () => {
    const tampered = Buffer.from(metaFixtureBytes('text.json'));
    tampered[tampered.indexOf('Ponta')] = 'p'.charCodeAt(0);
    expect(verifySignature(tampered, pinned.text, secret)).toBe(false);
  });

  it('checks the wire-format body on its escaped bytes, not on re-serialised JSON', () => {
    const raw = metaFixtureBytes('text-wire-format.json');
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
    expect(raw.includes('\\/')).toBe(true);
    expect(reserialised.equals(raw)).toBe(false);
    expect(verifySignature(raw, pinned.wireFormat, secret)).toBe(true);
    expect(verifySignature(reserialised, pinned.wireFormat, secret)).toBe(false);
  });

  it("follows Meta's documented example: äöå is signed as \\u00e4\\u00f6\\u00e5", () => {
    const escaped = Buffer.from('{"text":"\\u00e4\\u00f6\\u00e5"}');
    const raw = Buffer.from('{"text":"äöå"}', 'utf8');
    expect(verifySignature(escaped, pinned.escapedAeOeAa, secret)).toBe(true);
    expect(verifySignature(raw, pinned.escapedAeOeAa, secret)).toBe(true);
    // Raw bytes signed as raw bytes still pass (our own fixtures and tools sign that way).
    expect(verifySignature(raw, pinned.rawAeOeAa, secret)).toBe(true);
    expect(verifySignature(raw, pinned.ola, secret)).toBe(false);
    expect(verifySignature(escaped, pinned.rawAeOeAa, secret)).toBe(false);
  });

  it('escapes characters outside the BMP as UTF-16 surrogate pairs', () => {
    const escaped = '{"text":"Ol\\u00e1 \\ud83d\\ude0d"}';
    const raw = Buffer.from('{"text":"Olá 😍"}', 'utf8');
    expect(verifySignature(raw, signBody(escaped, secret), secret)).toBe(true);
  });

  const raw = metaFixtureBytes('text.json');
  const good = pinned.text;
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['without the sha256= prefix', good.slice('sha256='.length)],
    ['with the sha1= prefix', `sha1=${good.slice(7)}`],
    ['one hex digit short', good.slice(0, -1)],
    ['one hex digit too many', `${good}0`],
    ['with non-hex characters', `${good.slice(0, -1)}z`],
    ['signed with another secret', pinned.textWithAnotherSecret],
  ])('rejects a header that is %s', (_label, header) => {
    expect(verifySignature(raw, header, secret)).toBe(false);
  });

  it('accepts uppercase hex of the right digest (same bytes)', () => {
    expect(verifySignature(raw, `sha256=${good.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it('rejects everything when no app secret is configured', () => {
    // HMAC-SHA256 of the empty body under the empty key (openssl, as above).
    const emptyUnderEmpty = 'sha256=b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad';
    expect(verifySignature(Buffer.alloc(0), emptyUnderEmpty, '')).toBe(false);
    expect(verifySignature(raw, signBody(raw, ''), '')).toBe(false);
  });
});

describe('verifySignature on RFC 4231 HMAC-SHA256 vectors', () => {
  it('accepts test case 1 (key 0x0b × 20, "Hi There")', () => {
    const hex = 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7';
    expect(verifySignature(Buffer.from('Hi There'), `sha256=${hex}`, '\x0b'.repeat(20))).toBe(true);
  });

  it('accepts test case 2 (key "Jefe"), and the tests\' signing helper agrees', () => {
    const hex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    const data = Buffer.from('what do ya want for nothing?');
    expect(verifySignature(data, `sha256=${hex}`, 'Jefe')).toBe(true);
    expect(signBody(data, 'Jefe')).toBe(`sha256=${hex}`);
  });
});
