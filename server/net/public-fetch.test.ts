import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { BlockedAddressError, publicOnlyLookup } from './public-fetch.ts';

type Answer = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

const resolve = (hostname: string, all: boolean) =>
  new Promise<Answer>((done) => {
    publicOnlyLookup(hostname, { all }, (err, address, family) => done({ err, address, family }));
  });

describe('publicOnlyLookup (the socket-level check that closes DNS rebinding)', () => {
  it('fails a name that resolves to loopback, whether Node asks for one address or all', async () => {
    for (const all of [false, true]) {
      const { err } = await resolve('localhost', all);
      expect(err).toBeInstanceOf(BlockedAddressError);
      expect(err?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
    }
  });

  it('passes DNS failures through unchanged', async () => {
    const { err } = await resolve('no-such-host.invalid', false);
    expect(err).not.toBeInstanceOf(BlockedAddressError);
    expect(err?.code).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });
});
