import type { IdFactory } from './types.ts';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Short random ids. `getRandomValues` rather than `randomUUID` because self-hosted studios
 * are often opened over plain http on a LAN address, where `randomUUID` does not exist.
 */
export const randomId: IdFactory = (prefix) => {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let id = prefix;
  for (const b of bytes) id += alphabet[b % alphabet.length];
  return id;
};

/** An id factory counting from 1 per prefix: `n1`, `n2`, `e1`... For tests and fixtures. */
export function sequentialIds(): IdFactory {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}${next}`;
  };
}
