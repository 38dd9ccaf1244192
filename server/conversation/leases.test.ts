import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livenessLockSpace } from '../db/process-liveness.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { claimWork, processLeaseOwner, reclaimAll, reclaimFromDeadProcesses, releaseProcessLeases } from './leases.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const channelId = 'ch-leases-test';
const phoneNumberId = '106000000000084';

describe('leases after a crash', () => {
  let t: TestDb;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channelId, phoneNumberId);
  });
  afterAll(() => t.close());

  /** A contact with one unprocessed message, leased by `owner` for the next 30 s (or none). */
  async function contact(owner: string | null, leaseUntil = new Date(Date.now() + 30_000)) {
    const id = randomUUID();
    await t.db
      .insertInto('contacts')
      .values({
        id,
        channel_id: channelId,
        wa_id: String(5584995000000 + n++),
        name: 'Ana',
        last_inbound_at: new Date(),
        lease_owner: owner,
        lease_until: owner ? leaseUntil : null,
        variables: '{}',
      })
      .execute();
    const message = randomUUID();
    await t.db
      .insertInto('messages')
      .values({
        id: message,
        channel_id: channelId,
        contact_id: id,
        direction: 'in',
        wamid: `wamid.${id}`,
        type: 'text',
        text: 'oi',
        status: 'received',
        payload: '{}',
      })
      .execute();
    return { id, message };
  }

  /** A reply of `c` being sent (its lock held by `owner` for the next 20 s). */
  async function sending(c: { id: string; message: string }, owner: string | null) {
    const id = randomUUID();
    await t.db
      .insertInto('outbox')
      .values({
        id,
        message_id: c.message,
        channel_id: channelId,
        contact_id: c.id,
        status: 'sending',
        locked_until: new Date(Date.now() + 20_000),
        lock_owner: owner,
        next_attempt_at: new Date(),
      })
      .execute();
    return id;
  }

  const leaseOf = async (id: string) =>
    (await t.db.selectFrom('contacts').select(['lease_owner']).where('id', '=', id).executeTakeFirstOrThrow())
      .lease_owner;
  const lockOf = async (id: string) => {
    const row = await t.db
      .selectFrom('outbox')
      .select(['locked_until', 'lock_owner'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { owner: row.lock_owner, until: new Date(row.locked_until as string | Date).getTime() };
  };

  it("a processor takes back its own lease, left by a pass that failed, but not anyone else's", async () => {
    const mine = await contact('1:1/0');
    const otherWorker = await contact('1:1/1');
    try {
      const rows = await claimWork(t.db, '1:1/0', new Date(), 30_000, 100);
      const claimed = rows.map((r) => r.id);
      expect(claimed).toContain(mine.id);
      expect(claimed).not.toContain(otherWorker.id);
    } finally {
      // At shutdown, every worker's leases go (and the next test starts with none held).
      await releaseProcessLeases(t.db, '1:1');
    }
    expect(await leaseOf(mine.id)).toBeNull();
    expect(await leaseOf(otherWorker.id)).toBeNull();
  });

  // One test per database kind, each run in its own pass (embedded, and Postgres + Redis).
  it(`at start, takes back what processes that are gone held (${process.env.DATABASE_URL ? 'Postgres: only theirs' : 'embedded: all of it'})`, async () => {
    if (t.kind === 'postgres') await postgresCase();
    else await embeddedCase();
  });

  /** Postgres: another process holds the lock of one owner; the other owner's process is gone. */
  async function postgresCase() {
    // A live process: it holds its liveness lock on a session of its own.
    const liveKey = 424242;
    const live = new pg.Client({ connectionString: t.url });
    await live.connect();
    await live.query('select pg_advisory_lock($1, $2)', [livenessLockSpace, liveKey]);
    try {
      const deadKey = 515151;
      const dead = processLeaseOwner(deadKey);
      const alive = processLeaseOwner(liveKey);
      const deadContact = await contact(`${dead}/0`);
      const liveContact = await contact(`${alive}/1`);
      // Written before lease owners were named after a liveness key: left to expire.
      const olderContact = await contact('12345-abcdef01/0');
      const deadSend = await sending(await contact(null), `${dead}/sender`);
      const liveSend = await sending(await contact(null), `${alive}/sender`);
      const olderSend = await sending(await contact(null), null);

      const now = new Date();
      expect(await reclaimFromDeadProcesses(t.db, livenessLockSpace, now)).toEqual({ contacts: 1, sends: 1 });
      expect(await leaseOf(deadContact.id)).toBeNull();
      expect(await leaseOf(liveContact.id)).toBe(`${alive}/1`);
      expect(await leaseOf(olderContact.id)).toBe('12345-abcdef01/0');
      // The dead send's lock ends now: it waits `reconcileMs` from here, not from its old lock.
      expect(await lockOf(deadSend)).toEqual({ owner: null, until: now.getTime() });
      expect((await lockOf(liveSend)).owner).toBe(`${alive}/sender`);
      expect((await lockOf(olderSend)).until).toBeGreaterThan(now.getTime() + 10_000);
      // The dead process's key was only taken for that transaction: free again afterwards.
      const { rows } = await live.query<{ free: boolean }>('select pg_try_advisory_xact_lock($1, $2) as free', [
        livenessLockSpace,
        deadKey,
      ]);
      expect(rows[0]?.free).toBe(true);
    } finally {
      await live.end();
    }
  }

  /** Only one process can open an embedded database: whatever is held at start was ours. */
  async function embeddedCase() {
    const held = await contact(`${processLeaseOwner(7)}/0`);
    const older = await contact('12345-abcdef01/0');
    const send = await sending(await contact(null), `${processLeaseOwner(7)}/sender`);
    const now = new Date();
    expect(await reclaimAll(t.db, now)).toEqual({ contacts: 2, sends: 1 });
    expect(await leaseOf(held.id)).toBeNull();
    expect(await leaseOf(older.id)).toBeNull();
    expect(await lockOf(send)).toEqual({ owner: null, until: now.getTime() });
  }
});
