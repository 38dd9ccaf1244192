import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/test-db.ts';
import type { DecidedContact } from './batch-rows.ts';
import { needsTransaction } from './batch-rows.ts';
import { commitInOneStatement } from './commit-batch.ts';
import { staleRuns } from './leases.ts';
import { insertBareChannel } from '../testing/bare-channel.ts';

const channelId = 'ch-commit-test';
const now = new Date();
const handledAt = new Date(Math.floor(now.getTime() / 1000) * 1000 - 60_000);

describe('commitInOneStatement', () => {
  let t: TestDb;
  let flowVersionId: string;
  beforeAll(async () => {
    t = await createTestDb();
    await insertBareChannel(t.db, channelId, '106000000000093');
    await t.db.insertInto('flows').values({ id: 'f1', name: 'Eco', draft: '{}' }).execute();
    flowVersionId = randomUUID();
    await t.db
      .insertInto('flow_versions')
      .values({ id: flowVersionId, flow_id: 'f1', version: 1, graph: '{}' })
      .execute();
  });
  afterAll(() => t.close());

  async function contactLeasedBy(owner: string, waId: string) {
    const id = randomUUID();
    await t.db
      .insertInto('contacts')
      .values({
        id,
        channel_id: channelId,
        wa_id: waId,
        name: 'Ana',
        last_inbound_at: now,
        lease_owner: owner,
        lease_until: new Date(now.getTime() + 30_000),
        variables: '{}',
      })
      .execute();
    return { id, inbound: await inbound(id, `wamid.${id}`, 'oi') };
  }

  /** An inbound message of the contact, still pending; `waTimestamp` is WhatsApp's time. */
  async function inbound(contactId: string, wamid: string, text: string, waTimestamp: Date | null = null) {
    const id = randomUUID();
    await t.db
      .insertInto('messages')
      .values({
        id,
        channel_id: channelId,
        contact_id: contactId,
        direction: 'in',
        wamid,
        type: 'text',
        text,
        status: 'received',
        wa_timestamp: waTimestamp,
        payload: '{}',
      })
      .execute();
    return id;
  }

  function decided(contact: { id: string; inbound: string }, waId: string, texts: string[]): DecidedContact {
    const sessionId = randomUUID();
    return {
      contact: { id: contact.id, channel_id: channelId, wa_id: waId, user_id: null, name: 'Ana', last_inbound_at: now },
      markRead: true,
      outcome: {
        contactId: contact.id,
        channelId,
        sessions: [
          {
            id: sessionId,
            isNew: true,
            flowId: 'f1',
            flowVersionId,
            state: { flowVersionId, nodeId: 'q', status: 'active', variables: {}, awaiting: null } as never,
          },
        ],
        sends: texts.map((text) => ({ sessionId, message: { kind: 'text' as const, text } })),
        timersSet: [],
        timersCancelled: [],
        handoffs: [],
        orders: [],
        flowStarts: [],
        analytics: [{ flowId: 'f1', flowVersionId, sessionId, nodeId: 'start', kind: 'enter', output: null }],
        aiRuns: [],
        processedMessageIds: [contact.inbound],
        processedTimerIds: [],
        readUpTo: { messageId: contact.inbound, wamid: `wamid.${contact.id}` },
        handledUpTo: handledAt,
        lateMessageIds: [],
      },
    };
  }

  it('writes the replies in send order, the read receipt, session and analytics, and gives the lease up', async () => {
    const ana = await contactLeasedBy('me', '5584990000101');
    const batch = [decided(ana, '5584990000101', ['um', 'dois', 'três'])];
    expect(needsTransaction(batch)).toBe(false);
    const result = await commitInOneStatement(t.db, 'me', batch, now);
    expect(result).toEqual({ settled: new Set([ana.id]), outboxRows: 4 });

    const queue = await t.db
      .selectFrom('outbox')
      .leftJoin('messages', 'messages.id', 'outbox.message_id')
      .select(['outbox.kind', 'messages.text', 'outbox.seq'])
      .where('outbox.contact_id', '=', ana.id)
      .orderBy('outbox.seq')
      .execute();
    expect(queue.map((q) => [q.kind, q.text])).toEqual([
      ['message', 'um'],
      ['message', 'dois'],
      ['message', 'três'],
      ['read', 'oi'],
    ]);
    const contact = await t.db
      .selectFrom('contacts')
      .select(['lease_owner', 'lease_until', 'handled_up_to'])
      .where('id', '=', ana.id)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ lease_owner: null, lease_until: null, handled_up_to: handledAt });
    expect(
      (await t.db.selectFrom('messages').select('processed_at').where('id', '=', ana.inbound).executeTakeFirstOrThrow())
        .processed_at,
    ).not.toBeNull();
    // Replies are never waiting work: null marks only inbound messages the processor has not handled.
    expect(
      await t.db
        .selectFrom('messages')
        .select('processed_at')
        .where('contact_id', '=', ana.id)
        .where('direction', '=', 'out')
        .execute(),
    ).toEqual([{ processed_at: now }, { processed_at: now }, { processed_at: now }]);
    expect(
      await t.db.selectFrom('conversation_sessions').select('status').where('contact_id', '=', ana.id).execute(),
    ).toEqual([{ status: 'active' }]);
    expect(
      await t.db.selectFrom('analytics_events').select('node_id').where('contact_id', '=', ana.id).execute(),
    ).toEqual([{ node_id: 'start' }]);
  });

  it('writes nothing for a contact whose lease another worker took over', async () => {
    const bia = await contactLeasedBy('someone-else', '5584990000102');
    const result = await commitInOneStatement(t.db, 'me', [decided(bia, '5584990000102', ['oi'])], now);
    expect(result).toEqual({ settled: new Set(), outboxRows: 0 });
    expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', bia.id).execute()).toEqual([]);
    expect(
      await t.db
        .selectFrom('messages')
        .select('id')
        .where('contact_id', '=', bia.id)
        .where('direction', '=', 'out')
        .execute(),
    ).toEqual([]);
    expect(
      (await t.db.selectFrom('messages').select('processed_at').where('id', '=', bia.inbound).executeTakeFirstOrThrow())
        .processed_at,
    ).toBeNull();
    expect(
      (await t.db.selectFrom('contacts').select('lease_owner').where('id', '=', bia.id).executeTakeFirstOrThrow())
        .lease_owner,
    ).toBe('someone-else');
  });

  it('writes nothing for a run of messages another processor already committed (a stale claim)', async () => {
    // Processor 0 runs and commits the message; processor 1's claim read it as pending just
    // before that commit (Postgres reads as of the statement's start) and took the lease right
    // after it: its run is the same answer again, with the same read receipt.
    const caio = await contactLeasedBy('p0', '5584990000103');
    expect(await commitInOneStatement(t.db, 'p0', [decided(caio, '5584990000103', ['oi'])], now)).toEqual({
      settled: new Set([caio.id]),
      outboxRows: 2,
    });
    await t.db
      .updateTable('contacts')
      .set({ lease_owner: 'p1', lease_until: new Date(now.getTime() + 30_000) })
      .where('id', '=', caio.id)
      .execute();
    const again = await commitInOneStatement(t.db, 'p1', [decided(caio, '5584990000103', ['oi'])], now);
    expect(again).toEqual({ settled: new Set(), outboxRows: 0 });
    const queued = await t.db
      .selectFrom('outbox')
      .select('kind')
      .where('contact_id', '=', caio.id)
      .orderBy('seq')
      .execute();
    expect(queued.map((q) => q.kind)).toEqual(['message', 'read']);
    expect(
      await t.db.selectFrom('conversation_sessions').select('id').where('contact_id', '=', caio.id).execute(),
    ).toHaveLength(1);
  });

  describe('a message older than the newest one run, stored while the run was under way', () => {
    // Meta delivered the contact's two messages swapped: the later one was claimed and run alone,
    // and the earlier one was stored before the run's commit.
    const second = (n: number) => new Date(handledAt.getTime() + n * 1000);

    it('keeps the run from being committed, so the rerun answers both in order', async () => {
      const dora = await contactLeasedBy('me', '5584990000104');
      const later = await inbound(dora.id, 'wamid.dora.later', 'oi', handledAt);
      const earlier = await inbound(dora.id, 'wamid.dora.earlier', 'oi', second(-1));
      const run = decided({ id: dora.id, inbound: later }, '5584990000104', ['segunda']);
      expect(await commitInOneStatement(t.db, 'me', [run], now)).toEqual({ settled: new Set(), outboxRows: 0 });
      expect(await t.db.selectFrom('outbox').select('id').where('contact_id', '=', dora.id).execute()).toEqual([]);
      const pending = await t.db
        .selectFrom('messages')
        .select('id')
        .where('contact_id', '=', dora.id)
        .where('processed_at', 'is', null)
        .execute();
      expect(new Set(pending.map((m) => m.id))).toEqual(new Set([dora.inbound, later, earlier]));
      // The transaction path's check before it commits finds the same contact.
      expect(await staleRuns(t.db, [later], [{ contact_id: dora.id, handled_up_to: handledAt.toISOString() }])).toEqual(
        new Set([dora.id]),
      );
    });

    it('does not hold back a run for a message sent after it, or in the same second', async () => {
      const edu = await contactLeasedBy('me', '5584990000105');
      const ran = await inbound(edu.id, 'wamid.edu.ran', 'oi', handledAt);
      await inbound(edu.id, 'wamid.edu.next', 'oi', second(1));
      // WhatsApp's whole seconds cannot order these two: the late one still runs, next.
      await inbound(edu.id, 'wamid.edu.same-second', 'oi', handledAt);
      const run = decided({ id: edu.id, inbound: ran }, '5584990000105', ['oi']);
      const handled = [{ contact_id: edu.id, handled_up_to: handledAt.toISOString() }];
      expect(await staleRuns(t.db, [ran], handled)).toEqual(new Set());
      expect(await commitInOneStatement(t.db, 'me', [run], now)).toEqual({ settled: new Set([edu.id]), outboxRows: 2 });
    });
  });
});
