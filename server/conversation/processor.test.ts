import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ports } from '../../runtime/ports.ts';
import { silentLogger } from '../logger.ts';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import type { ChannelDirectory, ChannelInfo } from '../channels/channel-directory.ts';
import type { FlowVersions } from './flow-versions.ts';
import { claimWork } from './leases.ts';
import { processBatch } from './processor.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const channel: ChannelInfo = {
  id: 'ch-processor-test',
  phoneNumberId: '106000000000085',
  appSecret: 'x',
  accessToken: 'x',
  flowId: 'f1',
  markRead: false,
  healthy: true,
  proven: true,
  webhookVerified: true,
  throughput: 80,
};

describe('a pass whose database goes away mid-run', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channel.id, channel.phoneNumberId);
  });
  afterAll(() => t.close());

  it('fails the pass instead of putting the contact off for 30 s, and the next pass runs it again', async () => {
    const contactId = randomUUID();
    await t.db
      .insertInto('contacts')
      .values({
        id: contactId,
        channel_id: channel.id,
        wa_id: '5584996000001',
        name: 'Ana',
        last_inbound_at: new Date(),
        variables: '{}',
      })
      .execute();
    await t.db
      .insertInto('messages')
      .values({
        id: randomUUID(),
        channel_id: channel.id,
        contact_id: contactId,
        direction: 'in',
        wamid: 'wamid.proc.1',
        type: 'text',
        text: 'oi',
        status: 'received',
        payload: '{}',
      })
      .execute();

    // Reading the flow fails as it does when Postgres drops the connection under the query.
    const dropped = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const versions: FlowVersions = {
      byVersionId: () => Promise.reject(dropped),
      published: () => Promise.reject(dropped),
    } as unknown as FlowVersions; // Only the two lookups a run makes.
    const channels = { byId: async () => channel } as unknown as ChannelDirectory; // Only `byId` is used by a pass.
    const owner = '77:1/0';
    await expect(
      processBatch({
        db: t.db,
        clock: { now: () => new Date() },
        logger: silentLogger,
        channels,
        versions,
        ports: {} as Ports,
        owner,
        leaseMs: 30_000,
        batchSize: 8,
        onReplies: () => undefined,
      }),
    ).rejects.toThrow('administrator command');

    // Still ours (not released with a 30 s retry delay), so the next pass takes it at once.
    const row = await t.db
      .selectFrom('contacts')
      .select(['lease_owner'])
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(row.lease_owner).toBe(owner);
    const again = await claimWork(t.db, owner, new Date(), 30_000, 8);
    expect(again.map((c) => c.id)).toEqual([contactId]);
    expect(again[0]?.pending).toHaveLength(1);
  });
});
