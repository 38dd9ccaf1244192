import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import { claimWork } from './leases.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const channelId = 'ch-claim-fairness';

/**
 * Issue 24 item 5 (b): under a backlog the processor must take the contacts that have waited
 * longest, whoever they are. It used to look only at the first 256 contacts with pending
 * messages in index order (by contact id), so a contact whose id sorts late waited until the
 * backlog of everyone sorting before it was gone, while they kept writing.
 */
describe('claiming work under a backlog', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channelId, '106000000000091');
  });
  afterAll(() => t.close());

  async function contactWithMessage(id: string, n: number, at: Date) {
    await t.db
      .insertInto('contacts')
      .values({
        id,
        channel_id: channelId,
        wa_id: String(5584996000000 + n),
        name: 'C',
        last_inbound_at: at,
        variables: '{}',
      })
      .execute();
    await t.db
      .insertInto('messages')
      .values({
        id: randomUUID(),
        channel_id: channelId,
        contact_id: id,
        direction: 'in',
        wamid: `wamid.fair.${id}`,
        type: 'text',
        text: 'oi',
        status: 'received',
        payload: '{}',
        wa_timestamp: at,
        created_at: at,
      })
      .execute();
  }

  it('takes the contact waiting longest first, even behind 300 others that sort before it', async () => {
    const now = Date.now();
    // 300 contacts whose ids sort first wrote a second ago; one whose id sorts last wrote 13 s ago.
    const recent = Array.from({ length: 300 }, (_, i) => `a-${String(i).padStart(4, '0')}`);
    const rows = recent.map((id, i) => ({ id, n: i, at: new Date(now - 1000) }));
    for (let i = 0; i < rows.length; i += 100) {
      await Promise.all(rows.slice(i, i + 100).map((r) => contactWithMessage(r.id, r.n, r.at)));
    }
    const old = 'z-waiting';
    await contactWithMessage(old, 999, new Date(now - 13_000));

    const claimed = await claimWork(t.db, 'p/0', new Date(now), 30_000, 64);
    expect(claimed).toHaveLength(64);
    expect(claimed.map((c) => c.id)).toContain(old);

    // The others are not starved either: with those 64 still leased (a processor busy with
    // them), further claims go on past them until every contact was taken once.
    const seen = new Set(claimed.map((c) => c.id));
    for (let pass = 0; pass < 5; pass++) {
      (await claimWork(t.db, `p/${pass + 1}`, new Date(now), 30_000, 64)).forEach((c) => seen.add(c.id));
    }
    expect(seen.size).toBe(301);
  });
});
