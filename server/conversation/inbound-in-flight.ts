/**
 * Deliveries this instance has read and verified but not stored yet, by contact. Meta may post
 * one contact's consecutive messages at once and in the wrong order: while the earlier one is
 * still on its way to the database, the processor must not run the later one alone, or the
 * flow answers them in arrival order. So a contact with a delivery in flight is left out of
 * claims until the delivery is stored (its own wake-up then runs both, by timestamp) — for
 * `maxHoldMs` at most, so a store that hangs (or an instance that died holding it) never stalls
 * the contact for long.
 */

/**
 * The bound of a hold. A store is normally done in a few ms, but under load it waits its turn
 * behind others (webhook answer p99 over 150 ms embedded at saturation): with a 50 ms bound the
 * processor ran the later of a swapped pair alone while the earlier one was still queued for
 * storage, and the earlier one, arriving late, got no answer. A second is far beyond any store
 * that succeeds, and short for one that hangs.
 */
export const defaultInboundHoldMs = 1000;
export interface InboundInFlight {
  /**
   * Marks these contacts (see `inboundContactKey` in contact-key.ts) as having a delivery in flight; call the
   * answer once stored or failed. It says whether a claim left any of them out meanwhile (their
   * pending work then needs a wake-up, even if this delivery brought nothing new).
   */
  hold(keys: readonly string[]): () => boolean;
  /** The contacts held right now (a hold older than `maxHoldMs` no longer counts). */
  held(): string[];
}

export function createInboundInFlight(
  maxHoldMs = defaultInboundHoldMs,
  now: () => number = () => performance.now(),
): InboundInFlight {
  // Several deliveries of one contact may be in flight at once: each hold is counted.
  const holds = new Map<string, { count: number; since: number; skipped: boolean }>();
  return {
    hold(keys) {
      const at = now();
      const mine = [...new Set(keys)];
      for (const key of mine) {
        const h = holds.get(key);
        if (h) {
          h.count += 1;
          h.since = at;
        } else holds.set(key, { count: 1, since: at, skipped: false });
      }
      let released = false;
      return () => {
        if (released) return false;
        released = true;
        let skipped = false;
        for (const key of mine) {
          const h = holds.get(key);
          if (!h) continue;
          skipped ||= h.skipped;
          if (--h.count <= 0) holds.delete(key);
        }
        return skipped;
      };
    },
    held() {
      const oldest = now() - maxHoldMs;
      const keys: string[] = [];
      for (const [key, h] of holds) {
        if (h.since < oldest) continue;
        h.skipped = true;
        keys.push(key);
      }
      return keys;
    },
  };
}
