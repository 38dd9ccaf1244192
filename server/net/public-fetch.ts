import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { isPublicAddress } from './public-address.ts';

/** A connection refused because its address is not public (SSRF guard). */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(host: string, address: string | undefined) {
    super(
      address && address !== host
        ? `${host} resolves to ${address}, which is not a public address`
        : `${host} is not a public address`,
    );
    this.name = 'BlockedAddressError';
  }
}

/**
 * DNS resolution for the socket itself: every address the name resolves to must be public,
 * or the connection fails before it is opened. Checking here, and not before the request,
 * closes DNS rebinding (a name that answers public to the check and private to the connect).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (addresses.length === 0 || refused) return callback(new BlockedAddressError(hostname, refused?.address), '', 0);
    // Node asks for all addresses when it races IPv4 and IPv6 (autoSelectFamily), else for one.
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    return callback(null, first.address, first.family);
  });
};

/** Connects like undici does, but only to public addresses: literal IPs are checked, names go through `publicOnlyLookup`. */
function publicOnlyConnector(): buildConnector.connector {
  const connect = buildConnector({ lookup: publicOnlyLookup });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    // Node skips `lookup` for a literal address, so literals are judged here.
    if (isIP(host) !== 0 && !isPublicAddress(host)) {
      callback(new BlockedAddressError(host, undefined), null);
      return;
    }
    connect(options, callback);
  };
}

const publicOnlyAgent = new Agent({ connect: publicOnlyConnector() });

/**
 * `fetch` that reaches public addresses only — for every URL a flow author, a contact or a
 * webhook subscriber can choose (HTTP node, media, outgoing webhooks). A refused address
 * rejects with a `TypeError` whose `cause` is a `BlockedAddressError` (see `blockedCause`).
 * The cast: undici's `fetch` is the implementation behind Node's global one, but its types
 * are declared separately from the DOM's.
 */
export const publicFetch = ((input: string | URL, init?: RequestInit) =>
  undiciFetch(input, {
    ...(init as Parameters<typeof undiciFetch>[1]),
    dispatcher: publicOnlyAgent,
  })) as unknown as typeof fetch;

/** The `BlockedAddressError` behind a failed `publicFetch`, for a clear message; null for other failures. */
export function blockedCause(error: unknown): BlockedAddressError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e instanceof BlockedAddressError) return e;
  }
  return null;
}
