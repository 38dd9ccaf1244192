import { signatureHeader, type EventBody } from '../../shared/api/event-webhooks.ts';
import type { SecretBox } from '../auth/secret-box.ts';
import type { Clock } from '../context.ts';
import type { Db } from '../db/database.ts';
import {
  claimDueDeliveries,
  markAttemptFailed,
  markDelivered,
  pruneDeliveries,
  type ClaimedDelivery,
} from '../db/queries/event-webhooks.ts';
import type { Logger } from '../logger.ts';
import { blockedCause, publicFetch } from '../net/public-fetch.ts';
import { signBody } from './sign-body.ts';

export interface Backoff {
  /** Wait after the first failed attempt; doubled after each further one. */
  baseMs: number;
  maxMs: number;
  /** Attempts before a delivery is given up on (it can still be sent again from the studio). */
  maxAttempts: number;
}

/** 10 s, 20 s, 40 s … capped at an hour: 15 attempts span about seven hours. */
export const defaultBackoff: Backoff = { baseMs: 10_000, maxMs: 3_600_000, maxAttempts: 15 };

export interface EventDeliveryOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  /** `publicFetch` (the SSRF guard) unless the operator allowed private addresses. */
  fetchFn?: typeof fetch;
  backoff?: Backoff;
  timeoutMs?: number;
  leaseMs?: number;
  batchSize?: number;
  /** Mirrors one event to Chatwoot (the bridge's subscription); throws to retry it later. */
  mirrorToChatwoot?: (event: EventBody) => Promise<void>;
}

/**
 * The outgoing webhooks' sender: takes due deliveries (the earliest pending one of each
 * contact and subscription), POSTs each signed body, and records the answer. One pass; the
 * caller loops it. A crash mid-call leaves the delivery leased: it is sent again once the
 * lease ends (at least once; receivers dedupe on the event id).
 */
export function createEventDelivery(o: EventDeliveryOptions) {
  const backoff = o.backoff ?? defaultBackoff;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const leaseMs = o.leaseMs ?? timeoutMs * 3;
  const batchSize = o.batchSize ?? 32;
  const fetchFn = o.fetchFn ?? publicFetch;

  async function deliver(d: ClaimedDelivery): Promise<void> {
    let failure: { status: number | null; error: string };
    if (d.kind === 'chatwoot') {
      try {
        if (!o.mirrorToChatwoot) throw new Error('a ponte com o Chatwoot não está ativa neste processo');
        await o.mirrorToChatwoot(JSON.parse(d.body) as EventBody);
        await markDelivered(o.db, d.id, 200, o.clock.now());
        return;
      } catch (err) {
        failure = { status: null, error: describe(err) };
      }
      return retryOrGiveUp(d, failure);
    }
    try {
      const secret = o.secrets.open(d.secret_enc);
      const event = JSON.parse(d.body) as { id: string; type: string };
      const res = await fetchFn(d.url, {
        method: 'POST',
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Fluxo-Webhooks/1',
          [signatureHeader]: signBody(secret, d.body),
          'x-fluxo-event': event.type,
          'x-fluxo-event-id': event.id,
        },
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) {
        await markDelivered(o.db, d.id, res.status, o.clock.now());
        return;
      }
      failure = { status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      const blocked = blockedCause(err);
      failure = { status: null, error: blocked ? blocked.message : describe(err) };
    }
    return retryOrGiveUp(d, failure);
  }

  async function retryOrGiveUp(d: ClaimedDelivery, failure: { status: number | null; error: string }) {
    const giveUp = d.attempts >= backoff.maxAttempts;
    const wait = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (d.attempts - 1));
    const retryAt = giveUp ? null : new Date(o.clock.now().getTime() + wait);
    if (giveUp) o.logger.warn('event webhook delivery given up', { deliveryId: d.id, error: failure.error });
    await markAttemptFailed(o.db, d.id, failure, retryAt);
  }

  // The log is kept for `keepMs`; old rows are pruned at most once an hour, by whichever pass comes.
  const keepMs = 30 * 24 * 3_600_000;
  let prunedAt = 0;
  async function pruneOld(now: Date) {
    if (now.getTime() - prunedAt < 3_600_000) return;
    prunedAt = now.getTime();
    await pruneDeliveries(o.db, new Date(now.getTime() - keepMs));
  }

  return {
    /** Sends what is due now; true when there may be more right away. */
    async pass(): Promise<boolean> {
      await pruneOld(o.clock.now());
      const due = await claimDueDeliveries(o.db, o.clock.now(), leaseMs, batchSize);
      // One per contact and subscription at most, so all of them may go at once.
      await Promise.all(due.map(deliver));
      return due.length >= batchSize;
    },
  };
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return err.name === 'TimeoutError' ? 'tempo esgotado' : `${err.message}${cause}`;
  }
  return String(err);
}
