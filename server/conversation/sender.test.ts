import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../queue/rate-limiter.ts';
import { startFakeGraphApi } from '../testing/fake-graph-api.ts';
import { startSenderFixture, type SenderFixture } from '../testing/sender-fixture.ts';
import { createGraphClient } from '../whatsapp/graph-client.ts';

/** A limiter that refuses its first `n` takes, as the Redis one did while Redis was down. */
function refusingFirst(n: number): RateLimiter & { takes: number } {
  const limiter = {
    takes: 0,
    async take() {
      limiter.takes += 1;
      if (limiter.takes <= n) throw new Error('Connection is closed.');
    },
  };
  return limiter;
}

describe('sender: a send that never left', () => {
  let s: SenderFixture;

  beforeAll(async () => {
    s = await startSenderFixture({
      id: 'ch-sender-test',
      phoneNumberId: '106000000000094',
      accessToken: 'EAAG-sender-test-token',
    });
  });
  afterAll(() => s.close());

  /** A reply queued for a contact of its own. */
  const queuedReply = (text: string) =>
    s.queueReply({ id: randomUUID(), waId: `55849${Math.floor(Math.random() * 1e8)}`, name: 'Ana' }, text);

  it('backs off, instead of waiting for reconcile, when no connection to Meta could be opened', async () => {
    const { outboxId } = await queuedReply('Seu pedido saiu para entrega.');
    const gone = await startFakeGraphApi();
    await gone.close();
    const refused = createGraphClient({ baseUrl: gone.url, version: 'v23.0', timeoutMs: 1000 });
    const now = new Date();
    const sends = s.sender({
      clock: { now: () => now },
      graph: refused,
      limiter: refusingFirst(0),
      batchSize: 8,
      random: () => 0.5,
    });
    await sends.pass();
    await sends.drain();
    refused.close();
    const row = await s.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    // Pending with an ordinary backoff (half of 2 s for attempt 1), not `sending` for 15 s more.
    expect(row).toMatchObject({ status: 'pending', locked_until: null, attempts: 1 });
    expect(new Date(row.next_attempt_at).getTime() - now.getTime()).toBe(1000);
    expect(row.last_error).toMatch(/^retry: network error/);
    await s.db.deleteFrom('outbox').where('id', '=', outboxId).execute();
  });

  it('goes back to the queue at once when the rate limiter refused it, and out on the next pass', async () => {
    const { outboxId, messageId } = await queuedReply('Olá! Tudo certo por aqui.');
    const limiter = refusingFirst(1);
    // The fixture's sender has production's lock and reconcile delay: waiting for them is what must not happen.
    const sends = s.sender({ limiter, batchSize: 8 });

    await sends.pass();
    await sends.drain();
    expect(limiter.takes).toBe(1);
    const row = await s.db.selectFrom('outbox').selectAll().where('id', '=', outboxId).executeTakeFirstOrThrow();
    // Pending and due, its attempt given back (nothing reached Meta), and why it is there.
    expect(row).toMatchObject({ status: 'pending', locked_until: null, attempts: 0 });
    expect(row.last_error).toMatch(/^not sent: Connection is closed/);
    expect(s.fake.sent()).toHaveLength(0);

    await sends.pass();
    await sends.drain();
    expect(s.fake.sent().map((r) => (r.body as { text?: { body?: string } }).text?.body)).toEqual([
      'Olá! Tudo certo por aqui.',
    ]);
    expect(await s.db.selectFrom('outbox').select('id').where('id', '=', outboxId).executeTakeFirst()).toBeUndefined();
    const message = await s.db
      .selectFrom('messages')
      .select(['status', 'wamid'])
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(message.status).toBe('accepted');
    expect(message.wamid).toBeTruthy();
  });
});
